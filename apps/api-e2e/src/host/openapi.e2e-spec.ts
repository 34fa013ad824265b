import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { startTestApp, type TestApp } from '@enplan/core/testing';

type Schema = { $ref?: string; type?: string; items?: Schema; properties?: Record<string, Schema>; allOf?: Schema[] };
type Operation = { summary?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };

/** The OpenAPI document is the integrators' contract: every operation is described, secured and answers in problem+json. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    // With every shipped plugin enabled, so their routes are held to the same contract.
    t = await startTestApp({ plugins: PLUGIN_CATALOGUE, deployment: { municipalities: [{ code: '999', name: 'Demo', plugins: PLUGIN_CATALOGUE.map((p) => ({ id: p.id })) }] } });
    doc = (await t.http().get('/api/openapi.json')).body;
  });
  afterAll(() => t?.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([method, op]) => ({ path, method, op })),
    );

  /** The only /api operations without a bearer token: the secret in a calendar subscription URL is the credential. */
  const PUBLIC = ['get /api/v1/calendar/{token}.ics'];

  it('describes every /api operation with a summary, bearer security and the shared problem answers', () => {
    const api = operations().filter((o) => o.path.startsWith('/api/') && !PUBLIC.includes(`${o.method} ${o.path}`));
    expect(api.length).toBeGreaterThan(80);
    const missing = api.flatMap(({ path, method, op }) => {
      const out: string[] = [];
      if (!op.summary) out.push(`${method} ${path}: summary`);
      if (!op.security?.length) out.push(`${method} ${path}: security`);
      for (const status of ['401', '403']) {
        if (op.responses[status]?.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem') out.push(`${method} ${path}: ${status}`);
      }
      if (path.includes('{') && !op.responses['404']) out.push(`${method} ${path}: 404`);
      return out;
    });
    expect(missing).toEqual([]);
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(50);
    expect([...new Set(refs)].filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  it('gives every page its items, total, limit and offset', () => {
    const pages = Object.entries(doc.components.schemas).filter(([name]) => name.endsWith('PageDto'));
    expect(pages.length).toBeGreaterThan(8);
    for (const [name, schema] of pages) {
      expect([name, Object.keys(schema.properties ?? {}).sort()]).toEqual([name, ['items', 'limit', 'offset', 'total']]);
      expect([name, schema.properties?.items?.type, schema.properties?.items?.items?.$ref]).toEqual([name, 'array', expect.stringMatching(/^#\/components\/schemas\//)]);
    }
  });

  it('keeps the health checks out of the bearer-secured API', () => {
    expect(doc.paths['/health']?.get.security ?? []).toEqual([]);
  });

  it('documents the calendar subscription feed as public: no bearer token, no 401 or 403, a 404 problem', () => {
    const feed = doc.paths['/api/v1/calendar/{token}.ics']?.get;
    expect(feed?.summary).toBeTruthy();
    expect(feed?.security ?? []).toEqual([]);
    expect(Object.keys(feed?.responses ?? {}).sort()).toEqual(['200', '404']);
    expect(feed?.responses['404'].content?.['application/problem+json']?.schema?.$ref).toBe('#/components/schemas/Problem');
  });
});

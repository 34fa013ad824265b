import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { startTestApp, type TestApp } from '@enplan/core/testing';
import { ALL_PLUGINS } from '../common/all-plugins.js';

type Schema = { $ref?: string; type?: string; format?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>; allOf?: Schema[]; oneOf?: Schema[]; additionalProperties?: Schema | boolean };
type Parameter = { name: string; in: string; schema?: Schema; $ref?: string };
type Response = { description?: string; content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> };
type Operation = {
  summary?: string;
  operationId?: string;
  security?: unknown[];
  tags?: string[];
  parameters?: Parameter[];
  responses: Record<string, Response>;
  'x-enplan-access'?: { kind: string; roles: string[]; rule: string; denials: string[] };
};

/** The problem schema of an answer: the shared Problem, narrowed to the operation's codes. */
const problemOf = (r: Response | undefined) => r?.content?.['application/problem+json']?.schema;
const codesOf = (r: Response | undefined) => problemOf(r)?.allOf?.[1]?.properties?.code?.enum as string[] | undefined;

/**
 * `number` where fractions are meant: full-time equivalents, what is counted per one, a score (a mean of option
 * values) and an answer to an item (an instrument's option values are any numbers). Everything else counted is an integer.
 */
// Scores are means, answer values any number an instrument gives its options, a completion rate a share.
const FRACTIONS = /^([A-Za-z]+\.(fte|[a-z]+PerFte)|[A-Za-z]*ScoreDto\.value|ItemAnswerDto\.value|Dialogue(Item|Score)RowDto\.(values|changeSincePrevious|changeSinceBaseline)|FiguresCellDto\.completionRate)$/;

/** The OpenAPI document is the integrators' contract: every operation is described, secured and answers in problem+json. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    // With every shipped plugin enabled, so their routes are held to the same contract.
    t = await startTestApp({ plugins: PLUGIN_CATALOGUE, deployment: ALL_PLUGINS });
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
        if (problemOf(op.responses[status])?.allOf?.[0]?.$ref !== '#/components/schemas/Problem') out.push(`${method} ${path}: ${status}`);
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

  it('answers every list with a page, never a bare array, and takes limit and offset on it', () => {
    const gets = operations().filter(({ method, path }) => method === 'get' && path.startsWith('/api/'));
    const json = (op: Operation) => op.responses['200']?.content?.['application/json']?.schema as Schema | undefined;
    expect(gets.filter(({ op }) => json(op)?.type === 'array').map(({ path }) => path)).toEqual([]);
    const paged = gets.filter(({ op }) => /PageDto$/.test(json(op)?.$ref ?? ''));
    expect(paged.length).toBeGreaterThan(20);
    const params = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(paged.filter(({ op }) => !['limit', 'offset'].every((n) => params(op).includes(n))).map(({ path }) => path)).toEqual([]);
  });

  it('keeps the health checks out of the bearer-secured API', () => {
    expect(doc.paths['/health']?.get.security ?? []).toEqual([]);
  });

  it('documents the calendar subscription feed as public: no bearer token, no 401 or 403, a 404 problem', () => {
    const feed = doc.paths['/api/v1/calendar/{token}.ics']?.get;
    expect(feed?.summary).toBeTruthy();
    expect(feed?.security ?? []).toEqual([]);
    expect(Object.keys(feed?.responses ?? {}).sort()).toEqual(['200', '404', '500']);
    expect(problemOf(feed?.responses['404'])?.allOf?.[0]?.$ref).toBe('#/components/schemas/Problem');
    expect(codesOf(feed?.responses['404'])).toEqual(['calendar-subscription.not-found']);
  });

  it('gives every operation an explicit, unique, readable operationId (never Nest’s Controller_method)', () => {
    const ids = operations().map(({ op }) => op.operationId ?? '');
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]+$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const byRoute = Object.fromEntries(operations().map(({ path, method, op }) => [`${method} ${path}`, op.operationId]));
    expect(byRoute['post /api/v1/courses/{courseId}/plan/versions']).toBe('publishPlanVersion');
    expect(byRoute['post /api/v1/courses/{courseId}/primary-contact']).toBe('handOverPrimaryContact');
  });

  it('declares every id in a path as a uuid and the plan version as an integer', () => {
    const params = operations().flatMap(({ path, method, op }) => (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ at: `${method} ${path} ${p.name}`, p })));
    expect(params.length).toBeGreaterThan(80);
    // A path id is a record's uuid, unless the route documents another kind of id by its example (an instrument's slug).
    const slug = (param: unknown) => {
      const p = param as { example?: unknown; schema?: { example?: unknown } };
      const example = p.schema?.example ?? p.example;
      return typeof example === 'string' && !/^[0-9a-f-]{36}$/.test(example);
    };
    expect(params.filter(({ p }) => /(^id$|Id$)/.test(p.name) && p.schema?.format !== 'uuid' && !slug(p)).map(({ at }) => at)).toEqual([]);
    const version = doc.paths['/api/v1/courses/{courseId}/plan/versions/{version}'].get.parameters?.find((p) => p.name === 'version');
    expect(version?.schema?.type).toBe('integer');
  });

  it('declares as integers the properties the server requires to be whole numbers', () => {
    const page = doc.components.schemas.PageQuery ?? doc.paths['/api/v1/courses'].get.parameters?.find((p) => p.name === 'limit')?.schema;
    const limit = doc.paths['/api/v1/courses'].get.parameters?.find((p) => p.name === 'limit');
    expect(limit?.schema?.type).toBe('integer');
    expect(page).toBeDefined();
    // Every page's counters are whole numbers.
    for (const [name, schema] of Object.entries(doc.components.schemas).filter(([n]) => n.endsWith('PageDto'))) {
      expect([name, schema.properties?.total?.type, schema.properties?.limit?.type, schema.properties?.offset?.type]).toEqual([name, 'integer', 'integer', 'integer']);
    }
    // `number` is left only where fractions are meant (FRACTIONS).
    const numbers = Object.entries(doc.components.schemas).flatMap(([name, s]) =>
      Object.entries(s.properties ?? {}).filter(([, p]) => p.type === 'number' || p.items?.type === 'number').map(([prop]) => `${name}.${prop}`),
    );
    expect(numbers.filter((n) => !FRACTIONS.test(n))).toEqual([]);
  });

  it('lists on every problem answer of an /api operation the codes it can give, each code with one status in the catalogue', () => {
    const catalogue = (doc as unknown as { 'x-enplan-problem-catalogue': Record<string, { status: number; title: string }> })['x-enplan-problem-catalogue'];
    expect(Object.keys(catalogue).length).toBeGreaterThan(60);
    const bad = operations()
      .filter((o) => o.path.startsWith('/api/'))
      .flatMap(({ path, method, op }) =>
        Object.entries(op.responses)
          .filter(([status]) => /^[45]/.test(status))
          .flatMap(([status, r]) => {
            const codes = codesOf(r);
            if (!codes?.length) return [`${method} ${path} ${status}: no code enum`];
            return codes.filter((c) => catalogue[c]?.status !== Number(status)).map((c) => `${method} ${path} ${status}: ${c} is ${catalogue[c]?.status} in the catalogue`);
          }),
      );
    expect(bad).toEqual([]);
    expect(codesOf(doc.paths['/api/v1/citizens'].post.responses['409'])).toContain('citizen.cpr-exists');
    expect(codesOf(doc.paths['/api/v1/courses'].post.responses['409'])).toContain('course.already-open');
    expect(codesOf(doc.paths['/api/v1/courses/{courseId}/plan/versions'].post.responses['409'])).toEqual(expect.arrayContaining(['plan.version-conflict', 'plan.course-closed', 'course.model-disabled']));
  });

  it('lists on the core operations that run a plugin extension point the codes the enabled plugins declare for it', () => {
    const byId = Object.fromEntries(operations().map(({ op }) => [op.operationId, op]));
    const codes = (id: string, status: string) => codesOf(byId[id]?.responses[status]) ?? [];
    // Every declared code of every catalogue plugin, on the operations that run the point.
    for (const plugin of PLUGIN_CATALOGUE) {
      const declared = plugin.problemCodes ?? {};
      expect(codes('transitionCourse', '422')).toEqual(expect.arrayContaining([...(declared.teamRules ?? []), ...(declared.hooks?.onActivation?.[422] ?? []), ...(declared.hooks?.onClosing?.[422] ?? [])]));
      expect(codes('addTeamMember', '422')).toEqual(expect.arrayContaining([...(declared.teamRules ?? [])]));
      expect(codes('publishPlanVersion', '422')).toEqual(expect.arrayContaining([...(declared.decisionAuthority ?? []), ...(declared.validatePlanPublish ?? [])]));
      expect(codes('decideDecision', '422')).toEqual(expect.arrayContaining([...(declared.decisionAuthority ?? [])]));
      expect(codes('referCourse', '422')).toEqual(expect.arrayContaining([...(declared.eligibility ?? [])]));
    }
    expect(PLUGIN_CATALOGUE.filter((p) => p.problemCodes).length).toBe(PLUGIN_CATALOGUE.length);
    expect(codes('transitionCourse', '422')).toEqual(expect.arrayContaining(['plugin.team-rule', 'plugin.caseload-cap', 'measurement.end-missing']));
    expect(codes('addMeetingOutcome', '422')).toEqual(expect.arrayContaining(['plugin.decision-authority', 'paired-caseworkers.partner-area']));
    // A rule point is not added where it does not run.
    expect(codes('getCourse', '422')).toEqual([]);
    expect(codes('listCourses', '422')).toEqual([]);
  });

  it('declares on the Problem schema the members the server sends', () => {
    expect(Object.keys(doc.components.schemas.Problem.properties ?? {})).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId', 'errors', 'currentVersion', 'currentRevision', 'courseId']));
  });

  it('names on every secured operation the roles and the record rule of its access declaration, and says it in the 403', () => {
    const api = operations().filter((o) => o.op.security?.length);
    const bad = api.filter(({ op }) => !op['x-enplan-access']?.roles.length || !op['x-enplan-access'].rule || !op.responses['403']?.description?.includes(op['x-enplan-access'].rule));
    expect(bad.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    // The same declaration the interceptor enforces: granting access is for managers and integrations only.
    const grant = doc.paths['/api/v1/courses/{courseId}/access-grants'].post['x-enplan-access'];
    expect(grant?.roles).toEqual(['manager', 'integrator']);
    expect(doc.paths['/api/v1/courses/{courseId}/plan'].get['x-enplan-access']?.roles).toContain('external');
    expect(doc.paths['/api/v1/org-units'].post['x-enplan-access']?.kind).toBe('staff');
  });

  it('declares servers, the tags it uses and the X-Request-Id header', () => {
    const full = doc as unknown as { servers: { url: string }[]; tags: { name: string; description: string }[]; components: { headers: Record<string, unknown> } };
    expect(full.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const used = new Set(operations().flatMap(({ op }) => op.tags ?? []));
    expect([...used].filter((t) => !full.tags.some((d) => d.name === t && d.description))).toEqual([]);
    expect(full.components.headers['X-Request-Id']).toBeDefined();
    const missing = operations().filter(({ op }) => Object.values(op.responses).some((r) => !r.headers?.['X-Request-Id']) || !op.parameters?.some((p) => p.$ref === '#/components/parameters/RequestId'));
    expect(missing.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('declares the printable citizen view as HTML text and the JSON view as JSON', () => {
    const view = doc.paths['/api/v1/courses/{courseId}/plan/citizen-view'].get.responses['200'].content ?? {};
    expect(view['text/html']?.schema).toEqual({ type: 'string' });
    expect(view['application/json']?.schema?.$ref).toBe('#/components/schemas/CitizenViewDto');
  });
});

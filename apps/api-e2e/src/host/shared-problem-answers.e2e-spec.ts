import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { rowSnapshot } from '../common/row-snapshot.js';
import { documentedOperations, type DocumentedOperation, type OpenApiDoc } from '../common/openapi-operations.js';
import { ALL_PLUGINS } from '../common/all-plugins.js';

/**
 * The problem answers every operation documents because of what it is, not what it does: 401 on every secured
 * operation, 403 `auth.municipality-not-served` for a token of a municipality the deployment does not serve, and on
 * every write 415 for a body in another charset than UTF-8 and 413 for a body over 1 MB. The OpenAPI document drives
 * the test, so an operation added tomorrow is called too; each answer is checked against the document by the harness
 * (a status the operation does not declare fails), and nothing may be written by a refused request.
 */

describe(`problem answers every operation shares (${testEngine()})`, () => {
  let t: TestApp;
  let calls: DocumentedOperation[];
  let before: Record<string, string>;

  beforeAll(async () => {
    // 999 enables every plugin (so every operation is served and documented); 101 enables none.
    t = await startTestApp({ deployment: { municipalities: [...ALL_PLUGINS.municipalities, { code: '101', name: 'Anden Kommune', plugins: [] }] }, plugins: PLUGIN_CATALOGUE });
    calls = documentedOperations((await t.http().get('/api/openapi.json')).body as OpenApiDoc);
    before = await rowSnapshot(t);
  }, 120_000);
  afterAll(() => t?.close());

  const documents = (c: DocumentedOperation, status: number) => String(status) in c.op.responses;
  const send = (c: DocumentedOperation, headers: Record<string, string>, body?: string) => {
    let req = t.http()[c.method](c.url);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    return body === undefined ? req : req.send(body);
  };
  /** Each call's [operationId, status, code] (code null when the answer is not problem+json), so a failure names every operation that answered otherwise. */
  const answers = async (list: DocumentedOperation[], headers: (c: DocumentedOperation) => Record<string, string>, body?: string) => {
    const out: [string, number, string | null][] = [];
    for (const c of list) {
      const res = await send(c, headers(c), body);
      const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
      out.push([c.id, res.status, problem ? (res.body as { code: string }).code : null]);
    }
    return out;
  };

  it('documents the shared answers where they apply (the test below would otherwise pass over an operation)', () => {
    // Every operation there is (every plugin enabled); a broken document would give none.
    expect(calls.length).toBeGreaterThan(140);
    const secured = calls.filter((c) => c.op.security?.length);
    expect(secured.filter((c) => !documents(c, 401) || !documents(c, 403)).map((c) => c.id)).toEqual([]);
    const writes = calls.filter((c) => c.method !== 'get');
    expect(writes.filter((c) => !documents(c, 413) || !documents(c, 415)).map((c) => c.id)).toEqual([]);
    // Only the probes and the calendar feed (a secret in its URL) are open (and a demo deployment's sign-in, not served here).
    expect(calls.filter((c) => !c.op.security?.length).map((c) => c.id).sort()).toEqual(['getCalendarSubscriptionFeed', 'getLiveness', 'getReadiness']);
  });

  it('answers 401 auth.token-missing on every secured operation called without a token, and auth.token-expired for an expired one', async () => {
    const secured = calls.filter((c) => c.op.security?.length);
    const missing = await answers(secured, () => ({}), '{}');
    expect(missing.filter(([, status, code]) => status !== 401 || code !== 'auth.token-missing')).toEqual([]);
    const expired = `Bearer ${await t.token({ roles: ['caseworker', 'manager', 'admin', 'integrator'], ttlSeconds: 60, issuedAt: new Date(t.clock.now().getTime() - 3_600_000) })}`;
    const late = await answers(secured, () => ({ Authorization: expired }), '{}');
    expect(late.filter(([, status, code]) => status !== 401 || code !== 'auth.token-expired')).toEqual([]);
  });

  it('answers 403 auth.municipality-not-served on every secured operation for a valid token of a municipality the deployment does not serve (Aalborg, 851)', async () => {
    const secured = calls.filter((c) => c.op.security?.length);
    const foreign = `Bearer ${await t.token({ municipality: '851', roles: ['caseworker', 'manager', 'admin', 'integrator'] })}`;
    const got = await answers(secured, () => ({ Authorization: foreign }), '{}');
    expect(got.filter(([, status, code]) => status !== 403 || code !== 'auth.municipality-not-served')).toEqual([]);
  });

  it('answers 404 plugin.not-enabled on every plugin operation in a municipality that does not enable the plugin', async () => {
    const plugin = calls.filter((c) => c.path.startsWith('/api/v1/plugins/'));
    expect(plugin.length).toBeGreaterThan(10);
    const elsewhere = `Bearer ${await t.token({ municipality: '101', userId: '00000000-0000-4000-8000-000000101001', roles: ['caseworker', 'manager', 'admin', 'integrator'] })}`;
    const got = await answers(plugin, () => ({ Authorization: elsewhere }), '{}');
    expect(got.filter(([, status, code]) => status !== 404 || code !== 'plugin.not-enabled')).toEqual([]);
  });

  it('answers 415 request.unsupported-media-type on every write whose JSON body is not UTF-8, before reading the caller', async () => {
    const writes = calls.filter((c) => c.method !== 'get');
    const got = await answers(writes, () => ({ 'Content-Type': 'application/json; charset=iso-8859-1' }), '{"changeSummary":"Revision"}');
    expect(got.filter(([, status, code]) => status !== 415 || code !== 'request.unsupported-media-type')).toEqual([]);
  });

  it('answers 413 request.too-large on every write with a body over 1 MB, before reading the caller', async () => {
    const writes = calls.filter((c) => c.method !== 'get');
    const big = JSON.stringify({ changeSummary: 'x'.repeat(1_100_000) });
    const got = await answers(writes, () => ({ 'Content-Type': 'application/json' }), big);
    expect(got.filter(([, status, code]) => status !== 413 || code !== 'request.too-large')).toEqual([]);
  });

  it('wrote nothing for any of the refused requests', async () => {
    // The access log may record a refusal of a known caller; nothing else may change.
    expect(await rowSnapshot(t)).toEqual(before);
  });
});

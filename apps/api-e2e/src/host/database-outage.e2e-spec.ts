import { DataSource } from 'typeorm';
import { DEMO } from '@enplan/core/host';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { documentedOperations, schemaSamples, type DocumentedOperation, type OpenApiDoc } from '../common/openapi-operations.js';
import { ALL_PLUGINS } from '../common/all-plugins.js';

/**
 * The database becomes unreachable while the API runs (a failover, a full disk, a network cut): every operation
 * answers its documented 500 `internal.unexpected` as problem+json without details (no SQL, no driver message, no
 * stack, nothing of the request), readiness answers 503, and the API serves again by itself once the database is
 * back. The outage is injected where the driver hands out connections, so every path to the database fails as it
 * would in production; the OpenAPI document drives the calls, and the harness checks each answer against it.
 */

type Pool = { connect: (cb: (err: Error | undefined, client?: unknown, release?: () => void) => void) => void };

const DRIVER_MESSAGE = 'connect ECONNREFUSED 10.0.0.7:5432 relation "citizen" 0101901234';
/** Operations that answer without the database, and why. */
const WITHOUT_DATABASE: Record<string, string> = {
  getLiveness: 'the liveness probe answers while the process runs (readiness is the database check)',
  getReadiness: 'answers 503, asserted below',
  getMe: 'the caller as the token says (the municipality was looked up before the outage and is cached)',
  getDeployment: 'the deployment file as loaded at start',
  listDemoStaff: 'the demo deployment’s sign-in list, from configuration',
  demoSignIn: 'mints a token for a configured demo user',
  getInstrumentDefinitionSchema: 'the JSON Schema of an instrument definition, a constant',
  createWebhook: 'the URL is resolved and checked (SSRF) before anything is stored; the example host does not resolve here',
};

/** The optional members a problem may carry (checked for leaks above, not for their wording). */
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

describe(`the database unreachable while the API runs (${testEngine()})`, () => {
  let t: TestApp;
  let calls: DocumentedOperation[];
  let body: ReturnType<typeof schemaSamples>['body'];
  let bodies: Record<string, object>;
  let auth: string;
  let pool: Pool;
  let connect: Pool['connect'];
  let logStart: number;

  beforeAll(async () => {
    t = await startTestApp({ deployment: ALL_PLUGINS, plugins: PLUGIN_CATALOGUE, captureLogs: true });
    auth = `Bearer ${await t.token({ userId: DEMO.managerId, roles: ['caseworker', 'manager', 'admin', 'integrator'] })}`;
    const doc = (await t.http().get('/api/openapi.json')).body as OpenApiDoc;
    calls = documentedOperations(doc);
    ({ body } = schemaSamples(doc));
    // A definition that passes the schema check (the samples of a schema this rich do not): a shipped one, renamed.
    const [first] = (await t.http().get('/api/v1/progression/instruments').set('Authorization', auth).expect(200)).body.items as { id: string }[];
    const shipped = (await t.http().get(`/api/v1/progression/instruments/${first.id}/versions/1`).set('Authorization', auth).expect(200)).body as object;
    bodies = { registerProgressionInstrument: { definition: { ...shipped, id: 'outage-check' } } };
    // The caller's municipality is known before the outage (the host caches it, as a running server would have).
    await t.http().get('/api/v1/me').set('Authorization', auth).expect(200);
    pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
    connect = pool.connect.bind(pool);
  }, 120_000);
  afterAll(async () => {
    if (pool && connect) pool.connect = connect;
    await t?.close();
  });

  const outage = (on: boolean) => {
    pool.connect = on ? (cb) => cb(Object.assign(new Error(DRIVER_MESSAGE), { code: 'ECONNREFUSED' })) : connect;
  };

  it('answers 500 internal.unexpected on every operation, with nothing of the failure or the request in it, and 503 on readiness', async () => {
    logStart = t.logs.length;
    outage(true);
    const got: [string, number, string | null][] = [];
    for (const c of calls.filter((x) => !(x.id in WITHOUT_DATABASE))) {
      // A well-formed subscription secret, so the feed looks it up; a documented body, so validation lets it through.
      const url = c.id === 'getCalendarSubscriptionFeed' ? c.url.replace('/x.ics', `/${'A'.repeat(43)}.ics`) : c.url;
      const req = t.http()[c.method](url).set('Authorization', auth);
      const res = await (c.method === 'get' ? req : req.send(bodies[c.id] ?? (body(c.op) as object | undefined) ?? {}));
      const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
      got.push([c.id, res.status, problem ? (res.body as { code: string }).code : null]);
      if (res.status === 500) {
        expect(res.body).toEqual({ type: expect.any(String), title: expect.any(String), status: 500, code: 'internal.unexpected', ...pick(res.body, ['detail', 'instance', 'requestId']) });
        for (const leak of ['ECONNREFUSED', '10.0.0.7', 'relation', '0101901234', 'citizen"', '.ts:']) expect(JSON.stringify(res.body)).not.toContain(leak);
      }
    }
    expect(got.filter(([, status, code]) => status !== 500 || code !== 'internal.unexpected')).toEqual([]);
    // The documented 503 with the health body; the driver's message (host, port, SQL) stays in the log.
    const ready = await t.http().get('/health/ready');
    expect([ready.status, ready.body.status, ready.body.details]).toEqual([503, 'error', { database: { status: 'down', message: 'unavailable', responseTime: expect.any(Number) } }]);
    expect((await t.http().get('/health')).status).toBe(200);
  });

  it('logs the failures for the operator, never the CPR number the driver put in its message', () => {
    const logged = t.logs.slice(logStart).join('\n');
    expect(logged).toContain('unhandled error');
    expect(logged).toContain('ECONNREFUSED');
    expect(logged).toContain('health check down');
    expect(logged).not.toContain('0101901234');
  });

  it('serves again once the database is back, without a restart', async () => {
    outage(false);
    await t.http().get('/health/ready').expect(200);
    // A write and the read of it, through the same pool the outage cut.
    const created = await t.http().post('/api/v1/citizens').set('Authorization', auth).send({ cpr: '1503854123', name: 'Sara Nielsen' });
    expect(created.status).toBe(201);
    const read = await t.http().get(`/api/v1/citizens/${created.body.id}`).set('Authorization', auth);
    expect([read.status, read.body.name]).toEqual([200, 'Sara Nielsen']);
  });
});

import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { ALL_PLUGINS } from './all-plugins.js';
import { rowSnapshot } from './row-snapshot.js';
import { arrangeAccessWorld, arrangeCaseRecords, concretePath, type AccessWorld } from '../access/access-world.js';
import { documentedOperations, schemaSamples, type DocumentedOperation, type OpenApiDoc } from './openapi-operations.js';

/**
 * What a client sends that an operation does not take is refused, not ignored (a misspelt filter that is ignored
 * returns every record): on real records, every read with query parameters refuses an unknown one, and every write
 * that takes no body refuses one, and every write that takes a body refuses a field it does not know, each with 400
 * `validation.failed` naming the field, and nothing changes. Every plugin is enabled, so its operations are called
 * too; hostile-input.e2e-spec.ts sends worse garbage to the demo deployment's.
 */
describe(`parameters and bodies an operation does not take (${testEngine()})`, () => {
  let t: TestApp;
  let w: AccessWorld;
  let fill: Record<string, string>;
  let calls: DocumentedOperation[];
  let body: ReturnType<typeof schemaSamples>['body'];

  beforeAll(async () => {
    t = await startTestApp({ deployment: ALL_PLUGINS, plugins: PLUGIN_CATALOGUE, now: '2026-02-02T09:00:00Z' });
    w = await arrangeAccessWorld(t);
    ({ fill } = await arrangeCaseRecords(t, w));
    const doc = (await t.http().get('/api/openapi.json')).body as OpenApiDoc;
    calls = documentedOperations(doc).filter((c) => c.path.startsWith('/api/v1/'));
    ({ body } = schemaSamples(doc));
  }, 300_000);
  afterAll(() => t?.close());

  const url = (c: DocumentedOperation) => `/api/v1${concretePath(c.path.replace(/^\/api\/v1/, ''), w, fill)}`;
  /** The first of the world's callers the operation lets through to its input. */
  const callers = () => [w.as.integration, w.as.team, w.as.manager];
  const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => (body.errors ?? []).map((e) => `${e.field} ${e.code}`);

  it('refuses an unknown query parameter on every read that takes query parameters, naming it', async () => {
    const reads = calls.filter((c) => c.method === 'get' && (c.op.parameters ?? []).some((p) => p.in === 'query'));
    expect(reads.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const c of reads) {
      let res;
      for (const auth of callers()) {
        res = await t.http().get(`${url(c)}?notAParameter=1`).set('Authorization', auth);
        if (res.status !== 403) break;
      }
      const got = [res!.status, res!.body.code, fieldsOf(res!.body)];
      if (JSON.stringify(got) !== JSON.stringify([400, 'validation.failed', ['notAParameter unknown-field']])) wrong.push(`${c.id}: ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a body on every write that takes none, naming the field, and changes nothing', async () => {
    const writes = calls.filter((c) => c.method !== 'get' && !c.op.requestBody);
    expect(writes.length).toBeGreaterThan(8);
    const before = await rowSnapshot(t);
    const wrong: string[] = [];
    for (const c of writes) {
      let res;
      for (const auth of callers()) {
        res = await t.http()[c.method](url(c)).set('Authorization', auth).send({ unexpected: true });
        if (res.status !== 403) break;
      }
      const got = [res!.status, res!.body.code, fieldsOf(res!.body)];
      if (JSON.stringify(got) !== JSON.stringify([400, 'validation.failed', ['unexpected unknown-field']])) wrong.push(`${c.id}: ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowSnapshot(t)).toEqual(before);
  });

  it('refuses a field it does not know in the body of every write that takes one, naming it, and changes nothing', async () => {
    const writes = calls.filter((c) => c.method !== 'get' && c.op.requestBody);
    expect(writes.filter((c) => c.path.startsWith('/api/v1/plugins/')).length).toBeGreaterThan(5);
    const before = await rowSnapshot(t);
    const wrong: string[] = [];
    for (const c of writes) {
      let res;
      for (const auth of callers()) {
        res = await t.http()[c.method](url(c)).set('Authorization', auth).send({ ...((body(c.op) as object | undefined) ?? {}), notAField: 1 });
        if (res.status !== 403) break;
      }
      const got = [res!.status, res!.body.code, fieldsOf(res!.body).filter((f) => f.startsWith('notAField'))];
      if (JSON.stringify(got) !== JSON.stringify([400, 'validation.failed', ['notAField unknown-field']])) wrong.push(`${c.id}: ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowSnapshot(t)).toEqual(before);
  });
});

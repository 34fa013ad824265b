import { DataSource } from 'typeorm';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { arrangeAccessWorld, arrangeCaseRecords, concretePath, type AccessWorld } from '../access/access-world.js';
import { documentedOperations, type DocumentedOperation, type OpenApiDoc } from './openapi-operations.js';

/**
 * What a client sends that an operation does not take is refused, not ignored (a misspelt filter that is ignored
 * returns every record): on real records, every read with query parameters refuses an unknown one, and every write
 * that takes no body refuses one, each with 400 `validation.failed` naming the field, and nothing changes.
 * hostile-input.e2e-spec.ts does the same for the fields of every body an operation takes.
 */
describe(`parameters and bodies an operation does not take (${testEngine()})`, () => {
  let t: TestApp;
  let w: AccessWorld;
  let fill: Record<string, string>;
  let calls: DocumentedOperation[];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-02-02T09:00:00Z' });
    w = await arrangeAccessWorld(t);
    ({ fill } = await arrangeCaseRecords(t, w));
    calls = documentedOperations((await t.http().get('/api/openapi.json')).body as OpenApiDoc).filter((c) => c.path.startsWith('/api/v1/'));
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
    const ds = t.app.get(DataSource);
    const count = async () => ((await ds.query(`SELECT (SELECT count(*) FROM domain_event) + (SELECT count(*) FROM outbox_message) AS n`)) as { n: string }[])[0].n;
    const before = await count();
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
    // No refused write announced a change.
    expect(await count()).toBe(before);
  });
});

import { DataSource } from 'typeorm';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { createTestDatabase, startTestApp, testEngine, type TestApp, type TestDatabase } from '@enplan/core/testing';
import { arrangeAccessWorld, arrangeCaseRecords, concretePath, type AccessWorld } from '../access/access-world.js';
import { rowSnapshot } from '../common/row-snapshot.js';
import { documentedOperations, schemaSamples, type OpenApiDoc } from '../common/openapi-operations.js';
import { pairModelPlugin } from './fixtures/pair-model.plugin.js';

/**
 * A course whose model the municipality stopped using is read-only on every write the OpenAPI document says the
 * access check refuses with `course.model-disabled` (409), not only on the transition plugin-disable.e2e-spec.ts
 * tries: the course and one record of every kind on it are written while the model is enabled, the host starts
 * again without the plugin (and with every catalogue plugin, whose writes on the course are refused too), and each
 * write is called on real records with its documented example body. Nothing changes, and every refusal names the model.
 */
type Access = { writeRefusals?: string[] };

describe(`writes on a course of a disabled model (${testEngine()})`, () => {
  let db: TestDatabase;
  let w: AccessWorld;
  let fill: Record<string, string>;
  let t: TestApp;

  const boot = (plugins: { id: string }[]) =>
    startTestApp({ database: db, plugins: [pairModelPlugin, ...PLUGIN_CATALOGUE], now: '2026-02-02T09:00:00Z', deployment: { municipalities: [{ code: '999', name: 'Demo Kommune', plugins }] } });

  beforeAll(async () => {
    db = await createTestDatabase(testEngine(), { persistent: true });
    const first = await boot([{ id: 'pair-model' }]);
    try {
      w = await arrangeAccessWorld(first);
      ({ fill } = await arrangeCaseRecords(first, w));
      // The records are written on the generic model (the fixture model's decision rule refuses the integration that
      // writes them); then the course is the fixture model's, as if referred under it. The refusal reads only that.
      await first.app.get(DataSource).query(`UPDATE course SET model_id = 'pair-model' WHERE id = $1`, [w.courseId]);
    } finally {
      await first.close();
    }
    // Without the course's model, with every other plugin: their writes on the course are refused the same way.
    t = await boot(PLUGIN_CATALOGUE.map((p) => ({ id: p.id })));
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('refuses each of them with 409 course.model-disabled naming the model, and writes nothing', async () => {
    const doc = (await t.http().get('/api/openapi.json')).body as OpenApiDoc;
    const { body } = schemaSamples(doc);
    const writes = documentedOperations(doc).filter((c) => c.method !== 'get' && ((c.op as { 'x-enplan-access'?: Access })['x-enplan-access']?.writeRefusals ?? []).includes('course.model-disabled'));
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.filter((c) => c.path.startsWith('/api/v1/plugins/')).length).toBeGreaterThan(5);
    // The integration may write on every course of its municipality; a team member where the rule wants one.
    const integration = `Bearer ${await t.token({ roles: ['integrator'] })}`;
    const team = `Bearer ${await t.token({ userId: w.ids.teamMember, roles: ['caseworker'] })}`;
    const before = await rowSnapshot(t);
    const got: [string, number, string | null][] = [];
    for (const c of writes) {
      const url = `/api/v1${concretePath(c.path.replace(/^\/api\/v1/, ''), w, fill)}`;
      let res;
      for (const auth of [integration, team]) {
        res = await t.http()[c.method](url).set('Authorization', auth).set('If-Match', '"1"').send((body(c.op) as object | undefined) ?? {});
        if (res.status !== 403) break;
      }
      got.push([c.id, res!.status, res!.status === 409 ? `${res!.body.code} ${res!.body.modelId}` : (res!.body?.code ?? null)]);
    }
    expect(got.filter(([, status, code]) => status !== 409 || code !== 'course.model-disabled pair-model')).toEqual([]);
    expect(await rowSnapshot(t)).toEqual(before);
  });
});

import { DataSource } from 'typeorm';
import { createTestDatabase, startTestApp, testEngine, type TestDatabase } from '@enplan/core/testing';
import { pairModelPlugin } from './fixtures/pair-model.plugin.js';

const YEAR = 365 * 86_400;

/**
 * A municipality stops using a model: the plugin leaves its deployment. Its tables and rows stay as they were,
 * the courses of that model stay readable, and they become read-only until the plugin is enabled again.
 */
describe(`disabling a plugin (${testEngine()})`, () => {
  let db: TestDatabase;
  let courseId: string;

  beforeAll(async () => {
    db = await createTestDatabase(testEngine(), { persistent: true });
  });
  afterAll(() => db?.drop());

  const boot = (plugins: { id: string }[]) =>
    startTestApp({ database: db, plugins: [pairModelPlugin], deployment: { municipalities: [{ code: '999', name: 'Demo Kommune', plugins }] } });

  it('keeps the data and makes the courses of the disabled model read-only', async () => {
    const first = await boot([{ id: 'pair-model' }]);
    const auth = `Bearer ${await first.token({ roles: ['integrator'], ttlSeconds: YEAR })}`;
    const citizen = await first.http().post('/api/v1/citizens').set('Authorization', auth).send({ cpr: '0101801234', name: 'Citizen A' });
    const course = await first
      .http()
      .post('/api/v1/courses')
      .set('Authorization', auth)
      .send({
        citizenId: citizen.body.id,
        targetGroup: 'adults',
        modelId: 'pair-model',
        referredBy: 'Jobcenter',
        referredOn: '2026-01-02',
        referralReasonCode: 'long-term-benefit',
        referralReason: 'Længe på ydelse',
      });
    expect(course.status).toBe(201);
    courseId = course.body.id;
    const events = await first.app.get(DataSource).query(`SELECT kind FROM pair_model_event WHERE course_id = $1`, [courseId]);
    expect(events).toEqual([{ kind: 'referred' }]);
    await first.close();

    const second = await boot([]);
    try {
      const token = `Bearer ${await second.token({ roles: ['integrator'], ttlSeconds: YEAR })}`;
      // The plugin's table and rows are intact.
      expect(await second.app.get(DataSource).query(`SELECT kind FROM pair_model_event WHERE course_id = $1`, [courseId])).toEqual([{ kind: 'referred' }]);
      // Its model, routes and rules are gone from the deployment...
      const deployment = await second.http().get('/api/v1/deployment').set('Authorization', token);
      expect(deployment.body.models.map((m: { id: string }) => m.id)).toEqual(['generic']);
      expect((await second.http().get('/api/v1/plugins/pair-model/events').set('Authorization', token)).status).toBe(404);
      // ...its courses can be read but not changed.
      const read = await second.http().get(`/api/v1/courses/${courseId}`).set('Authorization', token);
      expect(read.status).toBe(200);
      expect(read.body.modelId).toBe('pair-model');
      const write = await second.http().post(`/api/v1/courses/${courseId}/transitions`).set('Authorization', token).send({ to: 'assessed', reason: 'Vurderet' });
      expect(write.status).toBe(409);
      expect(write.body).toMatchObject({ code: 'course.model-disabled', modelId: 'pair-model' });
      expect((await second.http().get(`/api/v1/courses/${courseId}`).set('Authorization', token)).body.status).toBe('referred');
    } finally {
      await second.close();
    }
  });
});

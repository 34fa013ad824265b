import { DemoSeeder } from '@enplan/core/host';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

/** What a newcomer sees after `npm start`: real courses with multi-version plans, valid by the API's own rules. */
describe(`demo data (${testEngine()})`, () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    auth = `Bearer ${await t.token({ roles: INTEGRATION })}`;
  });
  afterAll(() => t?.close());
  const get = (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', auth);

  it('has at least two active courses whose plans have several versions', async () => {
    const courses = await get('/courses?status=active');
    expect(courses.status).toBe(200);
    expect(courses.body.items.length).toBeGreaterThanOrEqual(2);
    for (const c of courses.body.items) {
      const plan = await get(`/courses/${c.id}/plan`);
      expect(plan.status).toBe(200);
      expect(plan.body.version).toBeGreaterThanOrEqual(2);
      // The seeded content passes the same validation as anything a user saves.
      const draft = await t.http().put(`/api/v1/courses/${c.id}/plan/draft`).set('Authorization', auth).send({ content: plan.body.content });
      expect([draft.status, draft.body.errors]).toEqual([200, undefined]);
    }
  });

  it('is planted once, not on every start', async () => {
    expect(await t.app.get(DemoSeeder).seedIfEmpty()).toBe('has-data');
  });
});

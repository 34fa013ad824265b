import { createTestDatabase, startTestApp, testEngine, type TestApp, type TestDatabase } from '@enplan/core/testing';
import { ADULT_ITEMS, answersOf, arrangeProgressionWorld, type ProgressionWorld } from './progression-world.js';

/** Measurements (answers, comments, scores, the version they used) survive a host restart on the same data. */
describe(`progression across a restart (${testEngine()})`, () => {
  let db: TestDatabase;
  let w: ProgressionWorld;
  let before: { measurements: unknown; dialogue: unknown; chart: string };
  const boot = () => startTestApp({ database: db, now: '2026-03-02T09:00:00Z' , env: { ENPLAN_PROGRESSION_SCHEDULES: 'true' } });
  const read = async (t: TestApp, as: string) => ({
    measurements: (await t.http().get(`/api/v1/courses/${w.courseId}/measurements`).set('Authorization', as)).body.items,
    dialogue: (await t.http().get(`/api/v1/courses/${w.courseId}/progression`).set('Authorization', as)).body,
    chart: (await t.http().get(`/api/v1/courses/${w.courseId}/progression/chart.svg`).set('Authorization', as).buffer(true).parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (text += c));
      r.on('end', () => cb(null, text));
    })).body as string,
  });

  beforeAll(async () => {
    db = await createTestDatabase(testEngine(), { persistent: true });
    const first = await boot();
    try {
      w = await arrangeProgressionWorld(first);
      const started = await first.http().post(`/api/v1/courses/${w.courseId}/measurements`).set('Authorization', w.caseworker).send({ instrumentId: 'employment-readiness', respondentType: 'citizen', occasion: 'baseline' });
      const answers = answersOf(Object.fromEntries(ADULT_ITEMS.slice(0, 10).map((id) => [id, 3])));
      answers[0].comment = 'Vil gerne være kok';
      await first.http().post(`/api/v1/measurements/${started.body.id}/complete`).set('Authorization', w.caseworker).send({ answers, comment: 'Første måling' });
      // One left half-done: partial answers must survive too (a day later, so the list's order is the clock's).
      first.clock.set('2026-03-03T09:00:00Z');
      const partial = await first.http().post(`/api/v1/courses/${w.courseId}/measurements`).set('Authorization', w.caseworker).send({ instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', occasion: 'extra' });
      await first.http().put(`/api/v1/measurements/${partial.body.id}/answers`).set('Authorization', w.caseworker).send({ answers: answersOf({ overall: 7, health: 'n/a' }) });
      before = await read(first, w.caseworker);
    } finally {
      await first.close();
    }
  });
  afterAll(() => db?.drop());

  it('reads the same measurements, dialogue view and chart after the restart', async () => {
    const second = await boot();
    try {
      const caseworker = `Bearer ${await second.token({ userId: w.caseworkerId, roles: ['caseworker'] })}`;
      const after = await read(second, caseworker);
      expect(after).toEqual(before);
      const ms = after.measurements as { status: string; comment: string | null; scores: { id: string; value: number }[] | null; answers: unknown[] }[];
      expect(ms.map((m) => m.status)).toEqual(['completed', 'in-progress']);
      // Every item 3 (money worries 6 − 3 = 3): 3, 3, 3, total 9.
      expect(ms[0].scores?.map((s) => [s.id, s.value])).toEqual([['direction', 3], ['everyday', 3], ['people', 3], ['total', 9]]);
      expect(ms[0].comment).toBe('Første måling');
      expect(ms[1].answers).toEqual([{ itemId: 'overall', status: 'answered', value: 7 }, { itemId: 'health', status: 'not-relevant' }]);
      expect(after.chart).toContain('<svg');
    } finally {
      await second.close();
    }
  });
});

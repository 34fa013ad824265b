import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { ADULT_ITEMS, answersOf, arrangeProgressionWorld, type ProgressionWorld } from './progression-world.js';

/**
 * Management figures and the evaluation export: three citizens in one unit (suppressed: fewer than 5) and five
 * in another (shown), each with a baseline, the five with a follow-up six months later. Expected averages by hand.
 */
describe(`progression figures and evaluation export (${testEngine()})`, () => {
  let t: TestApp;
  let w: ProgressionWorld;
  const courses: { unit: 'A' | 'B'; courseId: string; citizenId: string }[] = [];
  const get = (path: string, as: string) => t.http().get(`/api/v1${path}`).set('Authorization', as);

  async function record(courseId: string, occasion: string, value: (item: string) => number) {
    const started = await t.http().post(`/api/v1/courses/${courseId}/measurements`).set('Authorization', w.integration).send({ instrumentId: 'employment-readiness', respondentType: 'citizen', occasion });
    expect(started.status).toBe(201);
    const done = await t.http().post(`/api/v1/measurements/${started.body.id}/complete`).set('Authorization', w.integration).send({ answers: answersOf(Object.fromEntries(ADULT_ITEMS.slice(0, 10).map((id) => [id, value(id)]))) });
    expect(done.status).toBe(201);
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z' , env: { ENPLAN_PROGRESSION_SCHEDULES: 'true' } });
    w = await arrangeProgressionWorld(t, { cpr: '010180-1234', name: 'Borger A0' });
    courses.push({ unit: 'A', courseId: w.courseId, citizenId: w.citizenId });
    for (let i = 1; i < 3; i++) {
      const x = await arrangeProgressionWorld(t, { cpr: `01018${i}-1234`, name: `Borger A${i}`, unitId: w.unitId, caseworkerId: w.caseworkerId });
      courses.push({ unit: 'A', courseId: x.courseId, citizenId: x.citizenId });
    }
    const unitB = (await t.http().post('/api/v1/org-units').set('Authorization', w.integration).send({ kind: 'adult-social', name: 'Socialcenter' })).body.id;
    const caseworkerB = (await t.http().post('/api/v1/staff').set('Authorization', w.integration).send({ name: 'Sofie Dam', unitId: unitB, function: 'social-worker', authorityAreas: ['social-adults'] })).body.id;
    for (let i = 0; i < 5; i++) {
      const x = await arrangeProgressionWorld(t, { cpr: `02029${i}-1234`, name: `Borger B${i}`, unitId: unitB, caseworkerId: caseworkerB });
      courses.push({ unit: 'B', courseId: x.courseId, citizenId: x.citizenId });
    }
    // Baselines: every item 2 (money worries 2 counts 6 − 2 = 4): direction 2, everyday 2.5, people 2, total 6.5.
    for (const c of courses) await record(c.courseId, 'baseline', () => 2);
    t.clock.set('2026-07-06T09:00:00Z');
    // Follow-ups in unit B: the first every item 4 (direction 4, everyday (4+4+4+2)/4 = 3.5, people 4, total 11.5),
    // the others every item 3 (3, 3, 3, total 9).
    const b = courses.filter((c) => c.unit === 'B');
    for (const [i, c] of b.entries()) await record(c.courseId, 'follow-up', () => (i === 0 ? 4 : 3));
  });
  afterAll(() => t?.close());

  it('suppresses the unit with 3 citizens and shows the one with 5, with hand-computed averages', async () => {
    const res = await get('/progression/figures?instrumentId=employment-readiness&respondentType=citizen', w.manager);
    expect(res.status).toBe(200);
    expect(res.body.threshold).toBe(5);
    const byUnit = (unitId: string) => res.body.cells.find((c: { unitId: string }) => c.unitId === unitId);
    expect(res.body.cells).toHaveLength(2);
    expect(byUnit(w.unitId)).toEqual({
      modelId: 'generic', targetGroup: 'adults', unitId: w.unitId, suppressed: true,
      citizens: null, withBaseline: null, withFollowUp: null, withEnd: null, completionRate: null, averageChange: null,
    });
    const shown = res.body.cells.find((c: { unitId: string }) => c.unitId !== w.unitId);
    // Changes: first course +2, +1, +2, +5; the other four +1, +0.5, +1, +2.5.
    // direction (2 + 4×1)/5 = 1.2; everyday (1 + 4×0.5)/5 = 0.6; people 1.2; total (5 + 4×2.5)/5 = 3
    expect(shown).toMatchObject({
      suppressed: false, citizens: 5, withBaseline: 5, withFollowUp: 5, withEnd: 0, completionRate: 1,
      averageChange: { direction: 1.2, everyday: 0.6, people: 1.2, total: 3 },
    });
    // The municipality as a whole: 8 citizens; only courses with a follow-up count towards the change.
    expect(res.body.total).toMatchObject({ suppressed: false, citizens: 8, withBaseline: 8, withFollowUp: 5, averageChange: { direction: 1.2, total: 3 } });
  });

  it('is for managers and integrations, not caseworkers', async () => {
    const res = await get('/progression/figures?instrumentId=employment-readiness&respondentType=citizen', w.caseworker);
    expect(res.status).toBe(403);
    const bad = await get('/progression/figures?instrumentId=employment-readiness&respondentType=astrologer', w.manager);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('respondentType');
  });

  it('answers 404 instrument.not-found to an export of an instrument the municipality does not have', async () => {
    expect((await get('/progression/instruments/no-such-instrument/evaluation.csv', w.integration)).body).toMatchObject({ status: 404, code: 'instrument.not-found' });
  });

  it('exports CSV with a pseudonymous course key (HMAC of the course id), never a CPR number, name or id', async () => {
    const res = await get('/progression/instruments/employment-readiness/evaluation.csv', w.integration)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const csv = res.body as string;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('course_key,person_key,model,target_group,respondent,occasion,completed_on,instrument_version,direction,direction_complete,everyday,everyday_complete,people,people_complete,total,total_complete');
    expect(lines).toHaveLength(1 + 8 + 5);
    const secret = Buffer.from((await readFile(join(t.dataDir, 'keys', 'evaluation-key'), 'utf8')).trim(), 'base64');
    const key = (id: string) => createHmac('sha256', secret).update(id).digest('hex');
    const first = courses[0];
    expect(lines).toContain(`${key(first.courseId)},${key(first.citizenId)},generic,adults,citizen,baseline,2026-01-05,1,2,true,2.5,true,2,true,6.5,true`);
    expect(lines).toContain(`${key(courses[3].courseId)},${key(courses[3].citizenId)},generic,adults,citizen,follow-up,2026-07-06,1,4,true,3.5,true,4,true,11.5,true`);
    for (const c of courses) {
      expect(csv).not.toContain(c.courseId);
      expect(csv).not.toContain(c.citizenId);
    }
    // No CPR number (with or without its dash) and no name; the keys are hex, so match whole CPR numbers only.
    expect(csv).not.toMatch(/0[12]0[12][89]\d-?1234|Borger/);
  });
});

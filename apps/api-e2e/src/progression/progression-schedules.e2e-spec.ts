import type { Deployment } from '@enplan/core/config';
import { startFailure, startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { arrangeProgressionWorld, type ProgressionWorld } from './progression-world.js';

/**
 * A municipality's own progression schedule (deployment file `municipalities[].progressionSchedules`): it replaces
 * the default for its target group (here the wellbeing ruler every 3 months instead of the employment-readiness set
 * every 6), an empty list turns scheduling off for a group, and a schedule naming what does not exist stops the start
 * with every problem named.
 */
const withSchedules = (progressionSchedules: unknown[]): Deployment =>
  ({ municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [], progressionSchedules }] }) as Deployment;

describe(`progression schedules per municipality (${testEngine()})`, () => {
  let t: TestApp;
  let w: ProgressionWorld;
  const items = async (query = '') => {
    const res = await t.http().get(`/api/v1/work-list${query}`).set('Authorization', w.caseworker);
    expect(res.status).toBe(200);
    return res.body.items
      .filter((i: { kind: string }) => i.kind === 'progression-measurement')
      .map((i: { ref: string; dueOn: string; state: string }) => [i.ref.split(':').slice(0, 2).join(':'), i.dueOn, i.state]);
  };

  beforeAll(async () => {
    t = await startTestApp({
      now: '2026-03-02T09:00:00Z',
      env: { ENPLAN_PROGRESSION_SCHEDULES: 'true' },
      deployment: withSchedules([
        { targetGroup: 'adults', rules: [{ instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', everyMonths: 3 }] },
        { targetGroup: 'youth', rules: [] },
      ]),
    });
    w = await arrangeProgressionWorld(t);
  });
  afterAll(() => t?.close());

  it('puts the municipality’s instrument in the work list at activation, not the default set', async () => {
    expect(await items()).toEqual([['wellbeing-ruler-adult:citizen', '2026-03-02', 'due']]);
  });

  it('makes the next one due after the municipality’s interval (3 months), not the default 6', async () => {
    const started = await t.http().post(`/api/v1/courses/${w.courseId}/measurements`).set('Authorization', w.caseworker).send({ instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', occasion: 'baseline' });
    expect(started.status).toBe(201);
    const answers = ['overall', 'health', 'people', 'everyday'].map((itemId) => ({ itemId, status: 'answered', value: 6 }));
    const done = await t.http().post(`/api/v1/measurements/${started.body.id}/complete`).set('Authorization', w.caseworker).send({ answers });
    expect(done.status).toBe(201);
    expect(await items()).toEqual([]);
    expect(await items('?horizonDays=120')).toEqual([['wellbeing-ruler-adult:citizen', '2026-06-02', 'upcoming']]);
    t.clock.set('2026-06-03T09:00:00Z');
    expect(await items()).toEqual([['wellbeing-ruler-adult:citizen', '2026-06-02', 'overdue']]);
  });

  it('stops the start on a schedule naming an unknown target group, model, instrument or respondent type, naming each', async () => {
    const e = await startFailure({
      deployment: withSchedules([
        { targetGroup: 'pensioners', rules: [] },
        { targetGroup: 'adults', model: 'paired-caseworkers', rules: [{ instrumentId: 'no-such-thing', respondentType: 'citizen' }] },
        { targetGroup: 'families', rules: [{ instrumentId: 'wellbeing-ruler-adult', respondentType: 'teacher' }] },
        { targetGroup: 'families', rules: [] },
      ]),
    });
    expect(e.name).toBe('DeploymentError');
    expect(e.message.split('\n').slice(1).map((l) => l.trim())).toEqual([
      '- municipalities[0].progressionSchedules[0].targetGroup: "pensioners" is not a target group (adults, youth, families)',
      '- municipalities[0].progressionSchedules[1].model: "paired-caseworkers" is not a model of this municipality (generic)',
      '- municipalities[0].progressionSchedules[1].rules[0].instrumentId: no instrument "no-such-thing" in this municipality',
      '- municipalities[0].progressionSchedules[2].rules[0].respondentType: wellbeing-ruler-adult is answered by citizen, not "teacher"',
      '- municipalities[0].progressionSchedules[3]: a second schedule for target group families',
    ]);
  });
});

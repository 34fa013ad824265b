import { DataSource } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { Course } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { definePlugin } from '@enplan/plugin-api';
import { apiClient, startTestApp, type TestApp } from '@enplan/core/testing';
import { arrangeWorld } from '../plans/plan-test-fixtures.js';
import { addCourse, addStaff, joinTeam, meetingWorld, type PlanWorld } from './meeting-test-fixtures.js';

/**
 * A test model plugin filling the extension points the meetings lib reads: a meeting type, a meeting role, a
 * cadence rule, a suppression of a core rule, a rule counted from another meeting, and a decision-authority
 * rule with its own problem code.
 */
const huddleModel = definePlugin({
  id: 'huddle-model',
  displayName: 'Huddle-model (test)',
  version: '0.1.0',
  pluginApi: '*',
  model: true,
  problemCodes: { decisionAuthority: ['huddle-model.decision-outside-job-centre'] },
  extensions: {
    meetingTypes: [{ id: 'huddle', label: { da: 'Tavlehuddle', en: 'Huddle' } }],
    roles: [{ id: 'timekeeper', kind: 'meeting', label: { da: 'Tidtager', en: 'Timekeeper' } }],
    cadencePolicy: {
      rules: [
        { id: 'huddle-every-14-days', meetingType: 'huddle', everyDays: 14, description: 'A huddle at least every 14 days' },
        { id: 're-review-after-step-up', meetingType: 're-review', afterDays: 182, after: 'step-up', description: 'A re-review 182 days after the step-up meeting' },
      ],
      suppressions: [{ rule: 'plan-every-60-days', legalReason: 'The plan is revised at the huddles (test exemption)' }],
    },
    decisionAuthority: async ({ staff, legalArea }) =>
      staff?.unitKind === 'job-centre' && staff.authorityAreas.includes(legalArea)
        ? { allowed: true }
        : { allowed: false, code: 'huddle-model.decision-outside-job-centre', reason: `Only a job-centre caseworker with authority in ${legalArea} decides under it here` },
  },
});

const MODEL = 'huddle-model';

/**
 * How the meetings lib uses the plugins enabled for a municipality: their meeting types and roles, the
 * cadence policy of each course's own model (rules and suppressions) on the work list and the board, and their
 * decision-authority rules for decisions recorded at meetings. Municipality 999 enables the plugin, 101 not.
 */
describe('meetings with plugins (e2e)', () => {
  let t: TestApp;
  let token: string;
  let w: PlanWorld;
  let pluginCourse: string;
  let youthCourse: string;
  const api = apiClient(() => t, () => `Bearer ${token}`);

  /** Moves the test clock and mints a token valid at the new time. */
  const setNow = async (to: string) => {
    t.clock.set(to);
    token = await t.token();
  };
  const items = async (courseId: string) => {
    const res = await api.get('/work-list');
    expect(res.status).toBe(200);
    return (res.body.items as { courseId: string; ref: string; state: string; dueOn: string; kind: string }[]).filter((i) => i.courseId === courseId);
  };
  const refs = async (courseId: string) => (await items(courseId)).filter((i) => i.kind === 'cadence-meeting').map((i) => i.ref).sort();
  const meeting = (type: string, startsAt: string, o: object = {}) => ({
    type,
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + 3_600_000).toISOString(),
    placeKind: 'town-hall',
    ...o,
  });

  beforeAll(async () => {
    t = await startTestApp({
      now: '2026-01-05T09:00:00Z',
      plugins: [huddleModel],
      deployment: {
        municipalities: [
          { code: '999', name: 'A', plugins: [{ id: MODEL }] },
          { code: '101', name: 'B', plugins: [] },
        ],
      },
    });
    token = await t.token();
    // The default token's user is primary contact on three courses activated 2 January: a generic one, one
    // of the plugin's model, and a generic youth course whose citizen turns 16 on 20 January 2026.
    w = await meetingWorld(t);
    const ds = t.app.get(DataSource);
    pluginCourse = (await addCourse(t, w.municipalityId, { cpr: '0202851234', name: 'Bo Madsen' })).courseId;
    await ds.getRepository(Course).update({ id: pluginCourse }, { modelId: MODEL });
    await joinTeam(t, pluginCourse, w.staffId, 'primary-contact');
    const youth = await addCourse(t, w.municipalityId, { cpr: '2001101234', name: 'Ida Berg' });
    youthCourse = youth.courseId;
    await ds.getRepository(Citizen).update({ id: youth.citizenId }, { birthDate: '2010-01-20' });
    await ds.getRepository(Course).update({ id: youthCourse }, { targetGroup: 'youth' });
    await joinTeam(t, youthCourse, w.staffId, 'primary-contact');
  });
  afterAll(() => t?.close());

  it("applies a plugin's cadence rules and suppressions to the courses of its model only, on the work list and the board", async () => {
    expect(await refs(pluginCourse)).toEqual(['huddle-every-14-days', 'start-up-within-14-days']);
    expect(await refs(w.courseId)).toEqual(['plan-every-60-days', 'start-up-within-14-days']);
    expect((await items(pluginCourse)).find((i) => i.ref === 'huddle-every-14-days')).toMatchObject({ dueOn: '2026-01-16', state: 'upcoming' });

    // Once the start-up meetings have taken place, the board's next due meeting is each model's own.
    for (const courseId of [w.courseId, pluginCourse]) expect((await api.post(`/courses/${courseId}/meetings`, meeting('start-up', '2026-01-05T07:00:00Z'))).status).toBe(201);
    const board = await api.get(`/org-units/${w.unitId}/board`);
    expect(board.status).toBe(200);
    const row = (id: string) => board.body.courses.find((c: { courseId: string }) => c.courseId === id);
    expect(row(pluginCourse).nextDueMeeting).toMatchObject({ rule: 'huddle-every-14-days', dueOn: '2026-01-16' });
    expect(row(w.courseId).nextDueMeeting).toMatchObject({ rule: 'plan-every-60-days', dueOn: '2026-03-03' });

    // The deployment endpoint shows the policy each model runs under.
    const models = (await api.get('/deployment')).body.models as { id: string; cadence: { rules: { id: string }[]; suppressions: { rule: string }[] } }[];
    expect(models.find((m) => m.id === MODEL)?.cadence.suppressions).toEqual([{ rule: 'plan-every-60-days', legalReason: 'The plan is revised at the huddles (test exemption)' }]);
    expect(models.find((m) => m.id === 'generic')?.cadence.rules.map((r) => r.id)).toContain('transition-at-16-and-17-5');
  });

  it('shows the transition meeting as due when a young citizen turns 16, not for adults', async () => {
    expect((await items(youthCourse)).find((i) => i.ref === 'transition-at-16-and-17-5')).toMatchObject({ kind: 'cadence-meeting', dueOn: '2026-01-20', state: 'upcoming' });
    await setNow('2026-01-20T09:00:00Z');
    expect((await items(youthCourse)).find((i) => i.ref === 'transition-at-16-and-17-5')).toMatchObject({
      kind: 'cadence-meeting',
      dueOn: '2026-01-20',
      state: 'due',
      title: 'A transition meeting when the young citizen turns 16 and again at 17½, to prepare the move to adult services at 18',
    });
    expect((await items(w.courseId)).some((i) => i.ref === 'transition-at-16-and-17-5')).toBe(false);

    // Held two days later: the next one is at 17½ (20 July 2027), beyond the list's horizon.
    const held = await api.post(`/courses/${youthCourse}/meetings`, meeting('transition', '2026-01-22T09:00:00Z'));
    expect(held.status).toBe(201);
    await setNow('2026-01-22T11:00:00Z');
    expect((await api.put(`/meetings/${held.body.id}/minutes`, { minutes: 'Overgangen til voksenområdet drøftet.' })).status).toBe(200);
    expect((await items(youthCourse)).some((i) => i.ref === 'transition-at-16-and-17-5')).toBe(false);
    const far = await api.get('/work-list?horizonDays=365');
    expect(far.body.items.some((i: { courseId: string; ref: string }) => i.courseId === youthCourse && i.ref === 'transition-at-16-and-17-5')).toBe(false);
  });

  it("accepts the meeting types and roles of the municipality's plugins, and refuses them elsewhere", async () => {
    const deployment = (await api.get('/deployment')).body;
    expect(deployment.meetingTypes).toContainEqual({ id: 'huddle', label: { da: 'Tavlehuddle', en: 'Huddle' }, source: MODEL });
    expect(deployment.roles).toContainEqual({ id: 'timekeeper', kind: 'meeting', label: { da: 'Tidtager', en: 'Timekeeper' }, source: MODEL });

    // The catalogue is the municipality's: the type may be used on a generic course of 999 too.
    for (const courseId of [pluginCourse, w.courseId]) {
      const res = await api.post(`/courses/${courseId}/meetings`, meeting('huddle', '2026-01-23T09:00:00Z', { participants: [{ kind: 'staff', staffMemberId: w.staffId, roles: ['timekeeper'] }] }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ type: 'huddle', participants: [{ staffMemberId: w.staffId, roles: ['timekeeper'] }] });
    }
    const unknown = await api.post(`/courses/${pluginCourse}/meetings`, meeting('stand-up', '2026-01-23T09:00:00Z'));
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'meeting.type-unknown', errors: [{ field: 'type' }] });

    // Municipality 101 does not enable the plugin: neither its type nor its role is in its catalogue.
    const b = await arrangeWorld(t, { code: '101', staffId: '00000000-0000-4000-8000-0000000000b1', cpr: '0303851234' });
    const other = `Bearer ${await t.token({ municipality: '101', roles: ['integrator'] })}`;
    const refused = await api.post(`/courses/${b.courseId}/meetings`, meeting('huddle', '2026-01-23T09:00:00Z'), other);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('meeting.type-unknown');
    expect((await api.get(`/courses/${b.courseId}/meetings`, other)).body.total).toBe(0);
    const catalogue = (await api.get('/deployment', other)).body;
    expect(catalogue.meetingTypes.some((m: { id: string }) => m.id === 'huddle')).toBe(false);
    expect(catalogue.roles.some((r: { id: string }) => r.id === 'timekeeper')).toBe(false);
  });

  it("refuses a decision recorded without authority under the model's rule, with the plugin's code, and saves nothing", async () => {
    const ds = t.app.get(DataSource);
    // A job-centre caseworker with authority in employment, on the plugin course's team.
    const jobCentre = await addStaff(t, w.municipalityId, 'Jens Lund');
    await ds.getRepository(StaffMember).update({ id: jobCentre.staffId }, { authorityAreas: ['employment'] });
    await joinTeam(t, pluginCourse, jobCentre.staffId, 'caseworker', '2026-01-05');
    const jens = `Bearer ${await t.token({ userId: jobCentre.staffId })}`;
    const m = await api.post(`/courses/${pluginCourse}/meetings`, meeting('plan', '2026-01-22T12:00:00Z'));
    expect(m.status).toBe(201);
    const outcomes = async () => (await api.get(`/meetings/${m.body.id}`)).body.outcomes as { text: string; legalArea: string | null }[];

    // The default user works in adult social services with no authority: the plugin's rule refuses.
    const refused = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Virksomhedspraktik bevilget', legalArea: 'employment' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'huddle-model.decision-outside-job-centre', errors: [{ field: 'legalArea', code: 'huddle-model.decision-outside-job-centre' }] });
    // Jens may decide in employment, not in an area where he holds no authority.
    const outside = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Bostøtte bevilget', legalArea: 'social-adults' }, jens);
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('huddle-model.decision-outside-job-centre');
    expect(await outcomes()).toEqual([]);

    const allowed = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Virksomhedspraktik bevilget', legalArea: 'employment' }, jens);
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({ kind: 'decision', legalArea: 'employment' });
    // A decision always names its legal area or basis (400, naming the field); an agreement needs no authority and carries no area.
    const arealess = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Næste møde om en måned' });
    expect(arealess.status).toBe(400);
    expect(arealess.body).toMatchObject({ code: 'decision.legal-area-missing', errors: [{ field: 'legalArea', code: 'decision.legal-area-missing' }] });
    // The area follows from the basis; a basis of another area than the one named, or none in the catalogue, is refused.
    const byBasis = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Løntilskud bevilget', legalBasis: 'LAB-66' }, jens);
    expect(byBasis.status).toBe(201);
    expect(byBasis.body).toMatchObject({ legalArea: 'employment', legalBasis: 'LAB-66' });
    const mismatch = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Bostøtte', legalArea: 'employment', legalBasis: 'SEL-85' }, jens);
    expect(mismatch.body).toMatchObject({ code: 'decision.legal-area-mismatch', errors: [{ field: 'legalArea' }] });
    const unknown = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Noget', legalBasis: 'XYZ-1' }, jens);
    expect(unknown.body).toMatchObject({ code: 'decision.legal-basis-unknown', errors: [{ field: 'legalBasis' }] });
    const agreement = await api.post(`/meetings/${m.body.id}/outcomes`, { kind: 'agreement', text: 'Ida ringer til praktikstedet', legalArea: 'employment' });
    expect(agreement.status).toBe(422);
    expect(agreement.body).toMatchObject({ code: 'meeting.legal-area-not-decision', errors: [{ field: 'legalArea' }] });
    expect((await outcomes()).map((o) => [o.text, o.legalArea])).toEqual([
      ['Virksomhedspraktik bevilget', 'employment'],
      ['Løntilskud bevilget', 'employment'],
    ]);

    // On a generic course the core's rule applies: authority in the area.
    const g = await api.post(`/courses/${w.courseId}/meetings`, meeting('plan', '2026-01-22T13:00:00Z'));
    const core = await api.post(`/meetings/${g.body.id}/outcomes`, { kind: 'decision', text: 'Bostøtte bevilget', legalArea: 'social-adults' });
    expect(core.status).toBe(422);
    expect(core.body).toMatchObject({ code: 'plugin.decision-authority', errors: [{ field: 'legalArea', code: 'plugin.decision-authority' }] });

    // A board meeting spans several courses: a decision under a legal area belongs on its course's meeting.
    const board = await api.post('/meetings/board', meeting('board', '2026-01-22T14:00:00Z', { courseIds: [w.courseId, pluginCourse] }));
    expect(board.status).toBe(201);
    const onBoard = await api.post(`/meetings/${board.body.id}/outcomes`, { kind: 'decision', text: 'Praktik', legalArea: 'employment' });
    expect(onBoard.status).toBe(422);
    expect(onBoard.body.code).toBe('meeting.decision-needs-course');
  });

  it("counts a plugin's re-review from the held step-up meeting, on its model's courses only", async () => {
    const stepUps: string[] = [];
    for (const courseId of [pluginCourse, w.courseId]) {
      const res = await api.post(`/courses/${courseId}/meetings`, meeting('step-up', '2026-01-26T09:00:00Z'));
      expect(res.status).toBe(201);
      stepUps.push(res.body.id);
    }
    // Planned, not yet held: nothing is counted from it.
    await setNow('2026-01-26T11:00:00Z');
    expect((await items(pluginCourse)).some((i) => i.ref === 're-review-after-step-up')).toBe(false);
    for (const id of stepUps) expect((await api.put(`/meetings/${id}/minutes`, { minutes: 'Aftale om næste skridt underskrevet.' })).status).toBe(200);

    // 182 days after 26 January is 27 July.
    await setNow('2026-07-22T09:00:00Z');
    expect((await items(pluginCourse)).find((i) => i.ref === 're-review-after-step-up')).toMatchObject({ kind: 'cadence-meeting', dueOn: '2026-07-27', state: 'due' });
    expect((await items(w.courseId)).some((i) => i.ref === 're-review-after-step-up')).toBe(false);
    await setNow('2026-07-28T09:00:00Z');
    expect((await items(pluginCourse)).find((i) => i.ref === 're-review-after-step-up')).toMatchObject({ state: 'overdue' });

    // The re-review takes place: the item is gone.
    const review = await api.post(`/courses/${pluginCourse}/meetings`, meeting('re-review', '2026-07-28T06:00:00Z'));
    expect(review.status).toBe(201);
    expect((await items(pluginCourse)).some((i) => i.ref === 're-review-after-step-up')).toBe(false);
  });
});

import { DataSource } from 'typeorm';
import { StaffMember } from '@enplan/core/organisation';
import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { addCourse, addStaff, CPR, joinTeam, meetingWorld, planContent, type PlanWorld } from './meeting-test-fixtures.js';

type Item = { kind: string; ref: string; state: string; dueOn: string; courseId: string; ownerId?: string };

/** The team's work list and the board view: courses of a team with next due meeting, overdue items and last plan revision. */
describe('team work list and board view (e2e)', () => {
  let t: TestApp;
  let token: string;
  let w: PlanWorld;
  let colleague: string;
  let managerId: string;
  let course2: { courseId: string; citizenId: string };
  let course3: { courseId: string; citizenId: string };
  let unitB: string;
  let planMeetingId: string;
  let followUpId: string;
  const api = apiClient(() => t, () => `Bearer ${token}`);
  const as = async (o: { userId?: string; roles?: string[]; municipality?: string }) => `Bearer ${await t.token(o)}`;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z', deployment: TWO_MUNICIPALITIES });
    token = await t.token();
    w = await meetingWorld(t);
    colleague = (await addStaff(t, w.municipalityId, 'Jens Lund', w.unitId)).staffId;
    managerId = (await t.app.get(DataSource).getRepository(StaffMember).save({ municipalityId: w.municipalityId, name: 'Mads Leder', unitId: w.unitId, function: 'manager' })).id;
    const b = await addStaff(t, w.municipalityId, 'Berit Andersen');
    unitB = b.unitId;
    course2 = await addCourse(t, w.municipalityId, { cpr: '0202851234', name: 'Bo Nielsen' });
    course3 = await addCourse(t, w.municipalityId, { cpr: '0303851234', name: 'Carla Holm' });
    await joinTeam(t, course2.courseId, colleague, 'primary-contact');
    await joinTeam(t, course3.courseId, b.staffId, 'primary-contact');

    // Course 1: the first plan version today, a start-up meeting on the 7th, the next plan meeting booked for 10 February
    // (the first plan meeting is due 60 days after activation on 2 January: 3 March).
    expect((await api.post(`/courses/${w.courseId}/plan/versions`, { changeSummary: 'Første plan', content: planContent(w), baseVersion: 0 })).status).toBe(201);
    const meeting = (o: object) => api.post(`/courses/${w.courseId}/meetings`, { startsAt: '2026-01-07T09:00:00Z', endsAt: '2026-01-07T10:00:00Z', placeKind: 'town-hall', ...o });
    expect((await meeting({ type: 'start-up' })).status).toBe(201);
    planMeetingId = (await meeting({ type: 'plan', startsAt: '2026-02-10T09:00:00Z', endsAt: '2026-02-10T10:00:00Z' })).body.id;
    // Course 2: no meeting yet, and a follow-up of the colleague due on the 15th.
    const colleagueToken = await as({ userId: colleague });
    const f = await api.post(`/courses/${course2.courseId}/follow-ups`, { text: 'Ringe til lægen om attest', ownerId: colleague, dueOn: '2026-01-15' }, colleagueToken);
    expect(f.status).toBe(201);
    followUpId = f.body.id;

    t.clock.set('2026-01-20T09:00:00Z');
    token = await t.token();
  });
  afterAll(() => t?.close());

  it('shows a manager the board of their team: one row per course, most overdue first', async () => {
    const res = await api.get(`/org-units/${w.unitId}/board`, await as({ userId: managerId, roles: ['manager'] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unitId: w.unitId, today: '2026-01-20' });
    expect(res.body.courses.map((c: { courseId: string }) => c.courseId)).toEqual([course2.courseId, w.courseId]);
    const [second, first] = res.body.courses;
    expect(second).toEqual({
      courseId: course2.courseId,
      citizenId: course2.citizenId,
      householdId: null,
      status: 'active',
      modelId: 'generic',
      primaryContactId: colleague,
      nextDueMeeting: { rule: 'start-up-within-14-days', meetingType: 'start-up', dueOn: '2026-01-16', state: 'overdue', scheduledMeetingId: null },
      nextMeeting: null,
      overdueItems: 2,
      lastPlanRevision: null,
    });
    expect(first).toMatchObject({
      courseId: w.courseId,
      citizenId: w.citizenId,
      primaryContactId: w.staffId,
      nextDueMeeting: { rule: 'plan-every-60-days', meetingType: 'plan', dueOn: '2026-03-03', state: 'upcoming', scheduledMeetingId: planMeetingId },
      nextMeeting: { id: planMeetingId, type: 'plan', startsAt: '2026-02-10T09:00:00.000Z' },
      overdueItems: 0,
      lastPlanRevision: { version: 1, publishedAt: '2026-01-05T09:00:00.000Z' },
    });
    // Ids only: no names, no CPR numbers.
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${CPR}|Anna|Bo Nielsen`));
  });

  it('computes the board from the data: a follow-up done and a meeting booked change it at once', async () => {
    const colleagueToken = await as({ userId: colleague });
    expect((await api.patch(`/follow-ups/${followUpId}`, { done: true }, colleagueToken)).status).toBe(200);
    const m = await api.post(
      `/courses/${course2.courseId}/meetings`,
      { type: 'start-up', startsAt: '2026-01-22T09:00:00Z', endsAt: '2026-01-22T10:00:00Z', placeKind: 'cafe' },
      colleagueToken,
    );
    expect(m.status).toBe(201);
    const board = await api.get(`/org-units/${w.unitId}/board`, await as({ userId: managerId, roles: ['manager'] }));
    const row = board.body.courses.find((c: { courseId: string }) => c.courseId === course2.courseId);
    // Booked, but after its due date (the 16th): the start-up stays overdue; the follow-up no longer counts.
    expect(row).toMatchObject({
      overdueItems: 1,
      nextMeeting: { id: m.body.id, type: 'start-up' },
      nextDueMeeting: { rule: 'start-up-within-14-days', state: 'overdue', scheduledMeetingId: null },
    });
  });

  it('lists the team’s work across its courses, whoever owns the item', async () => {
    const res = await api.get(`/org-units/${w.unitId}/work-list`, await as({ roles: ['integrator'] }));
    expect(res.status).toBe(200);
    const courses = new Set(res.body.items.map((i: Item) => i.courseId));
    expect(courses).toEqual(new Set([w.courseId, course2.courseId]));
    // Course 1's plan: the action of the unit and the citizen's agreement are the team's items.
    expect(res.body.items.filter((i: Item) => i.courseId === w.courseId).map((i: Item) => i.ref).sort()).toEqual(['ag-billet'].sort());
    expect(res.body.items[0].state).toBe('overdue');
    const unitBList = await api.get(`/org-units/${unitB}/work-list`, await as({ roles: ['integrator'] }));
    expect(new Set(unitBList.body.items.map((i: Item) => i.courseId))).toEqual(new Set([course3.courseId]));
  });

  it('shows a caseworker only the courses they may read', async () => {
    const board = await api.get(`/org-units/${w.unitId}/board`);
    expect(board.body.courses.map((c: { courseId: string }) => c.courseId)).toEqual([w.courseId]);
    const list = await api.get(`/org-units/${w.unitId}/work-list`);
    expect(list.body.items.every((i: Item) => i.courseId === w.courseId)).toBe(true);
    expect((await api.get(`/staff/${colleague}/work-list`)).body.items).toEqual([]);
  });

  it('answers an unknown team, or another municipality’s, with 404 org-unit.not-found', async () => {
    for (const [path, auth] of [
      ['/org-units/6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60/board', undefined],
      [`/org-units/${w.unitId}/board`, await as({ municipality: '101', roles: ['integrator'] })],
      [`/org-units/${w.unitId}/work-list`, await as({ municipality: '101', roles: ['integrator'] })],
      ['/org-units/not-a-uuid/work-list', undefined],
    ] as const) {
      const res = await api.get(path, auth);
      expect([res.status, res.body.code]).toEqual([404, 'org-unit.not-found']);
    }
  });
});

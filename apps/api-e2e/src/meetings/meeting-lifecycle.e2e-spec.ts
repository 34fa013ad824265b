import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { addCourse, addStaff, joinTeam, meetingWorld, type PlanWorld } from './meeting-test-fixtures.js';

/** Board meetings over several courses, agenda items and cancelling: the parts of a meeting's life the first suite left out. */
describe('meeting lifecycle (e2e)', () => {
  let t: TestApp;
  let token: string;
  let w: PlanWorld;
  let second: { citizenId: string; courseId: string };
  let third: { citizenId: string; courseId: string };
  const api = apiClient(() => t, () => `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z', deployment: TWO_MUNICIPALITIES });
    token = await t.token();
    w = await meetingWorld(t);
    second = await addCourse(t, w.municipalityId, { cpr: '0202851234', name: 'Bo Nielsen' });
    third = await addCourse(t, w.municipalityId, { cpr: '0303851234', name: 'Carla Holm' });
    await joinTeam(t, second.courseId, w.staffId, 'primary-contact');
    // The third course belongs to another team: the caller is not on it.
    const other = await addStaff(t, w.municipalityId, 'Jens Lund');
    await joinTeam(t, third.courseId, other.staffId, 'primary-contact');
  });
  afterAll(() => t?.close());

  const board = (o: object = {}) => ({
    type: 'board',
    startsAt: '2026-01-14T08:00:00Z',
    endsAt: '2026-01-14T09:00:00Z',
    placeKind: 'town-hall',
    placeText: 'Mødelokale 2',
    courseIds: [w.courseId, second.courseId],
    participants: [{ kind: 'staff', staffMemberId: w.staffId, roles: ['chair'] }],
    agenda: ['Gennemgang af forløb'],
    ...o,
  });

  it('schedules a board meeting over several courses, readable from each of them', async () => {
    const res = await api.post('/meetings/board', board({ courseIds: [second.courseId, w.courseId, w.courseId] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'board', courseId: null, status: 'planned' });
    expect(res.body.courseIds).toEqual([w.courseId, second.courseId].sort());
    expect(res.body.participants).toEqual([expect.objectContaining({ kind: 'staff', staffMemberId: w.staffId, roles: ['chair'] })]);
    const got = await api.get(`/meetings/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.courseIds).toHaveLength(2);
    // A board meeting has no one plan to write to.
    const draft = await api.post(`/meetings/${res.body.id}/plan-draft`, {});
    expect(draft.status).toBe(422);
    expect(draft.body.code).toBe('meeting.no-course');
  });

  it('refuses a board meeting over a course the caller cannot see or that does not exist, and saves nothing', async () => {
    const before = (await api.get(`/courses/${w.courseId}/meetings`)).body.total;
    for (const courseIds of [[w.courseId, third.courseId], [w.courseId, '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60']]) {
      const res = await api.post('/meetings/board', board({ courseIds }));
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('meeting.courses-missing');
      expect(res.body.errors[0].field).toBe('courseIds');
    }
    const empty = await api.post('/meetings/board', board({ courseIds: [] }));
    expect(empty.status).toBe(400);
    expect((await api.get(`/courses/${w.courseId}/meetings`)).body.total).toBe(before);
  });

  it('keeps agenda items in order when one is put in between, and refuses a malformed one', async () => {
    const m = await api.post(`/courses/${w.courseId}/meetings`, {
      type: 'plan',
      startsAt: '2026-01-20T09:00:00Z',
      endsAt: '2026-01-20T10:00:00Z',
      placeKind: 'cafe',
      agenda: ['Velkomst', 'Næste skridt'],
    });
    expect(m.status).toBe(201);
    const added = await api.post(`/meetings/${m.body.id}/agenda`, { title: 'Bolig og økonomi', position: 2 });
    expect(added.status).toBe(201);
    expect(added.body.map((a: { title: string; position: number }) => [a.position, a.title])).toEqual([
      [1, 'Velkomst'],
      [2, 'Bolig og økonomi'],
      [3, 'Næste skridt'],
    ]);
    const last = await api.post(`/meetings/${m.body.id}/agenda`, { title: 'Eventuelt', position: 99 });
    expect(last.body.at(-1)).toMatchObject({ position: 4, title: 'Eventuelt' });

    const bad = await api.post(`/meetings/${m.body.id}/agenda`, { title: '', position: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['position', 'title']);
    expect((await api.get(`/meetings/${m.body.id}`)).body.agenda).toHaveLength(4);
  });

  it('cancels a meeting: no overlap warning from it, no minutes on it, and the cadence counts it as not held', async () => {
    const m = await api.post(`/courses/${w.courseId}/meetings`, {
      type: 'start-up',
      startsAt: '2026-01-08T09:00:00Z',
      endsAt: '2026-01-08T10:00:00Z',
      placeKind: 'town-hall',
      participants: [{ kind: 'staff', staffMemberId: w.staffId }],
    });
    expect(m.status).toBe(201);
    // Booked in time: the start-up meeting is not on the work list.
    const startUpDue = async () =>
      (await api.get('/work-list')).body.items.find((i: { ref: string; courseId: string }) => i.ref === 'start-up-within-14-days' && i.courseId === w.courseId);
    expect(await startUpDue()).toBeUndefined();

    const cancelled = await api.post(`/meetings/${m.body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await api.get(`/courses/${w.courseId}/meetings?status=cancelled`)).body.items.map((x: { id: string }) => x.id)).toEqual([m.body.id]);

    // The cancelled meeting no longer books the start-up: the requirement is back on the list.
    expect(await startUpDue()).toMatchObject({ kind: 'cadence-meeting', dueOn: '2026-01-16', state: 'upcoming' });

    const same = await api.post(`/courses/${w.courseId}/meetings`, {
      type: 'network',
      startsAt: '2026-01-08T09:30:00Z',
      endsAt: '2026-01-08T10:30:00Z',
      placeKind: 'online',
      participants: [{ kind: 'staff', staffMemberId: w.staffId }],
    });
    expect(same.body.warnings).toEqual([]);

    t.clock.set('2026-01-08T11:00:00Z');
    token = await t.token();
    const minutes = await api.put(`/meetings/${m.body.id}/minutes`, { minutes: 'Aflyst møde' });
    expect(minutes.status).toBe(422);
    expect(minutes.body.code).toBe('meeting.not-held-yet');
  });

  it('does not let a caseworker outside the team cancel, nor another municipality see, a meeting', async () => {
    const m = (await api.get(`/courses/${w.courseId}/meetings?status=planned`)).body.items[0];
    const outsider = await addStaff(t, w.municipalityId, 'Ulla Udenfor');
    const res = await api.post(`/meetings/${m.id}/cancel`, {}, `Bearer ${await t.token({ userId: outsider.staffId })}`);
    expect(res.status).toBe(403);
    expect((await api.get(`/meetings/${m.id}`)).body.status).toBe('planned');
    const other = await api.get(`/meetings/${m.id}`, `Bearer ${await t.token({ municipality: '101', roles: ['integrator'] })}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('meeting.not-found');
  });
});

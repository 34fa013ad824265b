import { DataSource } from 'typeorm';
import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { addCourse, addStaff, CPR, joinTeam, meetingWorld, type PlanWorld } from './meeting-test-fixtures.js';

type Item = { kind: string; ref: string; state: string; dueOn: string; courseId: string; ownerId?: string };

describe('contacts and follow-ups (e2e)', () => {
  let t: TestApp;
  let token: string;
  let w: PlanWorld;
  let colleague: string;
  let outsider: string;
  let meetingId: string;
  let otherCourseMeetingId: string;
  const api = apiClient(() => t, () => `Bearer ${token}`);
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z', deployment: TWO_MUNICIPALITIES });
    token = await t.token();
    w = await meetingWorld(t);
    colleague = (await addStaff(t, w.municipalityId, 'Jens Lund', w.unitId)).staffId;
    outsider = (await addStaff(t, w.municipalityId, 'Ulla Udenfor')).staffId;
    await joinTeam(t, w.courseId, colleague, 'caseworker');
    const m = await api.post(`/courses/${w.courseId}/meetings`, { type: 'plan', startsAt: '2026-01-20T09:00:00Z', endsAt: '2026-01-20T10:00:00Z', placeKind: 'cafe' });
    meetingId = m.body.id;
    const other = await addCourse(t, w.municipalityId, { cpr: '0202851234', name: 'Bo Nielsen' });
    await joinTeam(t, other.courseId, w.staffId, 'primary-contact');
    otherCourseMeetingId = (await api.post(`/courses/${other.courseId}/meetings`, { type: 'plan', startsAt: '2026-01-21T09:00:00Z', endsAt: '2026-01-21T10:00:00Z', placeKind: 'cafe' })).body.id;
  });
  afterAll(() => t?.close());

  const call = (o: object = {}) => ({
    kind: 'call',
    at: '2026-01-05T08:30:00Z',
    note: 'Anna ringede: hun har fået nøgle til ny lejlighed. Vil gerne tale om økonomi.',
    legalArea: 'social-adults',
    ...o,
  });

  it('logs a contact with its follow-ups in one call, and lists them', async () => {
    const res = await api.post(
      `/courses/${w.courseId}/contacts`,
      call({
        staffMemberIds: [w.staffId, colleague],
        followUps: [
          { text: 'Tale om økonomi og husleje', ownerId: colleague, dueOn: '2026-01-09', nextMeetingId: meetingId },
          { text: 'Ringe til boligkontoret', ownerId: w.staffId, dueOn: '2026-01-07' },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ courseId: w.courseId, kind: 'call', at: '2026-01-05T08:30:00.000Z', staffMemberIds: [w.staffId, colleague], legalArea: 'social-adults', createdBy: w.staffId });
    expect(res.body.followUps).toHaveLength(2);
    expect(res.body.followUps[0]).toMatchObject({ contactId: res.body.id, ownerId: colleague, dueOn: '2026-01-09', nextMeetingId: meetingId, done: false, doneAt: null });

    const list = await api.get(`/courses/${w.courseId}/contacts`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].followUps.map((f: { text: string }) => f.text)).toEqual(['Ringe til boligkontoret', 'Tale om økonomi og husleje']);
    const one = await api.get(`/contacts/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body.note).toContain('ny lejlighed');

    const followUps = await api.get(`/courses/${w.courseId}/follow-ups`);
    expect(followUps.body.items.map((f: { dueOn: string }) => f.dueOn)).toEqual(['2026-01-07', '2026-01-09']);
  });

  it('puts each follow-up on its owner’s work list and the team’s, and takes it off when done', async () => {
    const mine = (await api.get('/work-list')).body.items.filter((i: Item) => i.kind === 'follow-up');
    expect(mine).toEqual([expect.objectContaining({ state: 'due', dueOn: '2026-01-07', courseId: w.courseId, ownerId: w.staffId })]);
    const theirs = (await api.get(`/staff/${colleague}/work-list`)).body.items.filter((i: Item) => i.kind === 'follow-up');
    expect(theirs).toEqual([expect.objectContaining({ state: 'due', dueOn: '2026-01-09', nextMeetingId: meetingId })]);
    const team = (await api.get(`/org-units/${w.unitId}/work-list`)).body.items.filter((i: Item) => i.kind === 'follow-up');
    expect(team.map((i: Item) => i.ownerId).sort()).toEqual([w.staffId, colleague].sort());

    t.clock.set('2026-01-08T09:00:00Z');
    token = await t.token();
    const overdue = (await api.get('/work-list')).body.items.find((i: Item) => i.kind === 'follow-up');
    expect(overdue).toMatchObject({ state: 'overdue', dueOn: '2026-01-07' });

    const done = await api.patch(`/follow-ups/${overdue.ref}`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, doneAt: '2026-01-08T09:00:00.000Z' });
    expect((await api.get('/work-list')).body.items.some((i: Item) => i.kind === 'follow-up')).toBe(false);
    expect((await api.get(`/courses/${w.courseId}/follow-ups?status=done`)).body.items.map((f: { id: string }) => f.id)).toEqual([overdue.ref]);
    expect((await api.get(`/courses/${w.courseId}/follow-ups`)).body.total).toBe(1);
    expect((await api.get(`/courses/${w.courseId}/follow-ups?status=all`)).body.total).toBe(2);
  });

  it('reassigns a follow-up within the team, moves its date and links or unlinks the meeting', async () => {
    const open = (await api.get(`/courses/${w.courseId}/follow-ups`)).body.items[0];
    const moved = await api.patch(`/follow-ups/${open.id}`, { ownerId: w.staffId, dueOn: '2026-01-19', nextMeetingId: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ ownerId: w.staffId, dueOn: '2026-01-19', nextMeetingId: null });
    const linked = await api.patch(`/follow-ups/${open.id}`, { nextMeetingId: meetingId });
    expect(linked.body.nextMeetingId).toBe(meetingId);

    const stranger = await api.patch(`/follow-ups/${open.id}`, { ownerId: outsider, dueOn: '2026-03-01' });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('follow-up.owner-unknown');
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'ownerId', code: 'follow-up.owner-unknown' })]);
    const wrongMeeting = await api.patch(`/follow-ups/${open.id}`, { nextMeetingId: otherCourseMeetingId });
    expect(wrongMeeting.status).toBe(422);
    expect(wrongMeeting.body.errors[0].field).toBe('nextMeetingId');
    // Neither half of the refused change was saved.
    expect((await api.get(`/courses/${w.courseId}/follow-ups`)).body.items[0]).toMatchObject({ ownerId: w.staffId, dueOn: '2026-01-19', nextMeetingId: meetingId });
    expect((await api.patch('/follow-ups/6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', { done: true })).body.code).toBe('follow-up.not-found');
  });

  it('adds a follow-up on its own, optionally from a contact of the course', async () => {
    const contact = (await api.get(`/courses/${w.courseId}/contacts`)).body.items[0];
    const res = await api.post(`/courses/${w.courseId}/follow-ups`, { text: 'Følge op på lægeerklæring', ownerId: colleague, dueOn: '2026-01-30', contactId: contact.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contactId: contact.id, ownerId: colleague });
    const missing = await api.post(`/courses/${w.courseId}/follow-ups`, { text: 'x', ownerId: colleague, dueOn: '2026-01-30', contactId: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' });
    // A record named in the body is a wrong field (422 naming it); 404 is for the record the path names.
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'follow-up.contact-unknown', errors: [{ field: 'contactId', code: 'follow-up.contact-unknown' }] });
  });

  it('answers bad input with problem+json naming the field, and a contact with an invalid follow-up leaves nothing behind', async () => {
    const contacts = await count('contact');
    const followUps = await count('follow_up');

    const badFollowUp = await api.post(
      `/courses/${w.courseId}/contacts`,
      call({ followUps: [{ text: 'OK', ownerId: w.staffId, dueOn: '2026-01-20' }, { text: 'Ejer uden for teamet', ownerId: outsider, dueOn: '2026-01-20' }] }),
    );
    expect(badFollowUp.status).toBe(422);
    expect(badFollowUp.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(badFollowUp.body).toMatchObject({ code: 'follow-up.owner-unknown', errors: [{ field: 'followUps[1].ownerId', code: 'follow-up.owner-unknown' }] });

    const badMeeting = await api.post(`/courses/${w.courseId}/contacts`, call({ followUps: [{ text: 'x', ownerId: w.staffId, dueOn: '2026-01-20', nextMeetingId: otherCourseMeetingId }] }));
    expect(badMeeting.body.errors[0]).toMatchObject({ field: 'followUps[0].nextMeetingId', code: 'follow-up.meeting-unknown' });

    const future = await api.post(`/courses/${w.courseId}/contacts`, call({ at: '2026-02-01T09:00:00Z' }));
    expect(future.status).toBe(422);
    expect(future.body.errors[0]).toMatchObject({ field: 'at', code: 'contact.in-future' });

    const stranger = await api.post(`/courses/${w.courseId}/contacts`, call({ staffMemberIds: [w.staffId, '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60'] }));
    expect(stranger.body.errors[0]).toMatchObject({ field: 'staffMemberIds[1]', code: 'contact.staff-unknown' });

    const malformed = await api.post(`/courses/${w.courseId}/contacts`, call({ kind: 'telepathy', followUps: [{ text: 'x', ownerId: w.staffId, dueOn: '2026-02-30' }], cpr: CPR }));
    expect(malformed.status).toBe(400);
    const fields = malformed.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'followUps[0].dueOn', 'cpr']));
    expect(JSON.stringify(malformed.body)).not.toContain(CPR);

    expect(await count('contact')).toBe(contacts);
    expect(await count('follow_up')).toBe(followUps);
  });

  it('lets an integration log a contact for named staff, and keeps other municipalities and other teams out', async () => {
    const integrator = `Bearer ${await t.token({ userId: '7d3c1c52-0c0e-4c1a-9d7e-3f1f2b9c0a01', roles: ['integrator'] })}`;
    const nobody = await api.post(`/courses/${w.courseId}/contacts`, call(), integrator);
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors[0]).toMatchObject({ field: 'staffMemberIds', code: 'contact.staff-unknown' });
    const named = await api.post(`/courses/${w.courseId}/contacts`, call({ kind: 'letter', at: '2026-01-08T08:00:00Z', staffMemberIds: [colleague] }), integrator);
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ kind: 'letter', staffMemberIds: [colleague], createdBy: '7d3c1c52-0c0e-4c1a-9d7e-3f1f2b9c0a01' });

    const other = `Bearer ${await t.token({ municipality: '101', roles: ['integrator'] })}`;
    expect((await api.get(`/courses/${w.courseId}/contacts`, other)).body.code).toBe('course.not-found');
    expect((await api.get(`/contacts/${named.body.id}`, other)).body.code).toBe('contact.not-found');
    const outside = `Bearer ${await t.token({ userId: outsider })}`;
    expect((await api.post(`/courses/${w.courseId}/contacts`, call(), outside)).status).toBe(403);
    expect((await api.get(`/contacts/${named.body.id}`, outside)).status).toBe(403);
  });

  it('raises the inactivity alert from the last contact with the citizen, and a new contact clears it', async () => {
    // The last contact was on 8 January (the letter above); 30 days later the course is flagged.
    t.clock.set('2026-02-12T09:00:00Z');
    token = await t.token();
    const flagged = (await api.get('/work-list')).body.items.find((i: Item) => i.kind === 'inactivity' && i.courseId === w.courseId);
    expect(flagged).toMatchObject({ state: 'overdue', dueOn: '2026-02-07' });
    const shorter = (await api.get('/work-list?inactivityDays=60')).body.items.find((i: Item) => i.kind === 'inactivity' && i.courseId === w.courseId);
    expect(shorter).toBeUndefined();

    expect((await api.post(`/courses/${w.courseId}/contacts`, call({ kind: 'home-visit', at: '2026-02-12T08:00:00Z' }))).status).toBe(201);
    expect((await api.get('/work-list')).body.items.some((i: Item) => i.kind === 'inactivity' && i.courseId === w.courseId)).toBe(false);
    expect((await api.get(`/courses/${w.courseId}/contacts`)).body.items.map((c: { kind: string }) => c.kind)).toEqual(['home-visit', 'letter', 'call']);
  });
});

import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { TeamAssignment } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { startTestApp, type TestApp } from '@enplan/core/testing';
import { arrangeWorld, CPR, planContent, type PlanWorld } from '../plans/plan-test-fixtures.js';
import { consentedUnit } from './meeting-test-fixtures.js';

describe('meetings (e2e)', () => {
  let t: TestApp;
  let token: string;
  let w: PlanWorld;
  let colleagueId: string;
  let psychiatryId: string;

  beforeAll(async () => {
    t = await startTestApp({
      now: '2026-01-05T09:00:00Z',
      deployment: {
        municipalities: [
          { code: '999', name: 'A', plugins: [] },
          { code: '101', name: 'B', plugins: [] },
        ],
      },
    });
    token = await t.token();
    w = await arrangeWorld(t);
    const ds = t.app.get(DataSource);
    await ds.getRepository('course').update({ id: w.courseId }, { activatedOn: '2026-01-02' });
    const colleague = await ds.getRepository(StaffMember).save({ municipalityId: w.municipalityId, name: 'Jens Lund', unitId: w.unitId, function: 'caseworker' });
    colleagueId = colleague.id;
    await ds.getRepository(TeamAssignment).save({
      municipalityId: w.municipalityId,
      courseId: w.courseId,
      staffMemberId: w.staffId,
      role: 'primary-contact',
      startsOn: '2026-01-02',
      assignedBy: w.staffId,
    });
    // External participants take part under the citizen's information-sharing consent covering their unit.
    psychiatryId = await consentedUnit(t, w);
  });
  afterAll(() => t?.close());

  /** Moves the test clock and mints a token valid at the new time. */
  const setNow = async (to: string) => {
    t.clock.set(to);
    token = await t.token();
  };

  const api = () => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    put: (path: string, body: object) => t.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });

  const startUp = (o: object = {}) => ({
    type: 'start-up',
    startsAt: '2026-01-07T09:00:00Z',
    endsAt: '2026-01-07T10:30:00Z',
    placeKind: 'cafe',
    placeText: 'Café Gaden, Nørregade 4',
    agenda: ['Velkomst', 'Annas ønsker'],
    participants: [
      { kind: 'staff', staffMemberId: w.staffId, roles: ['chair'] },
      { kind: 'citizen', citizenId: w.citizenId },
      { kind: 'external', name: 'Lars Berg', unitId: psychiatryId, organisation: 'Psykiatrien Nord' },
    ],
    ...o,
  });

  it('schedules a start-up meeting, records it and turns its outcome into the next plan version', async () => {
    // The first plan version exists already.
    const v1 = await api().post(`/courses/${w.courseId}/plan/versions`, { changeSummary: 'Første plan', content: planContent(w), baseVersion: 0 });
    expect(v1.status).toBe(201);

    const created = await api().post(`/courses/${w.courseId}/meetings`, startUp());
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual([]);
    expect(created.body.participants).toHaveLength(3);
    expect(created.body.agenda.map((a: { title: string }) => a.title)).toEqual(['Velkomst', 'Annas ønsker']);
    const id = created.body.id as string;
    const external = created.body.participants.find((x: { kind: string }) => x.kind === 'external');
    expect(external).toMatchObject({ name: 'Lars Berg', organisation: 'Psykiatrien Nord', attendance: 'invited' });

    // Minutes before the meeting has happened: refused.
    const early = await api().put(`/meetings/${id}/minutes`, { minutes: 'For tidligt' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('meeting.not-held-yet');

    expect((await api().post(`/meetings/${id}/roles`, { role: 'note-taker', staffMemberId: colleagueId })).body.code).toBe('meeting.role-not-participant');
    const role = await api().post(`/meetings/${id}/roles`, { role: 'explorer', participantId: external.id });
    expect(role.status).toBe(200);
    expect(role.body.roles).toEqual(['explorer']);

    await setNow('2026-01-07T11:00:00Z');
    expect((await api().patch(`/meetings/${id}/participants/${external.id}`, { attendance: 'attended' })).body.attendance).toBe('attended');
    const minutes = await api().put(`/meetings/${id}/minutes`, { minutes: 'Anna vil gerne i praktik; psykiatrien støtter.' });
    expect(minutes.status).toBe(200);
    expect(minutes.body.status).toBe('held');

    const outcome = await api().post(`/meetings/${id}/outcomes`, { kind: 'agreement', text: 'Anna besøger kantinen med mentoren', due: '2026-01-20' });
    expect(outcome.status).toBe(201);
    // A decision names its legal basis and needs authority there; it never becomes a plan agreement.
    const staff = t.app.get(DataSource).getRepository(StaffMember);
    await staff.update({ id: w.staffId }, { authorityAreas: ['social-adults'] });
    const decision = await api().post(`/meetings/${id}/outcomes`, { kind: 'decision', text: 'Bostøtte fortsætter', legalBasis: 'SEL-85' });
    expect(decision.body).toMatchObject({ kind: 'decision', legalArea: 'social-adults', legalBasis: 'SEL-85' });
    await staff.update({ id: w.staffId }, { authorityAreas: [] });

    const draft = await api().post(`/meetings/${id}/plan-draft`);
    expect(draft.status).toBe(200);
    expect(draft.body.exists).toBe(true);
    expect(draft.body.content.agreements.map((a: { text: string }) => a.text)).toEqual([
      'Købe togbillet til første praktikdag',
      'Anna besøger kantinen med mentoren',
    ]);
    // Again: nothing is added twice.
    expect((await api().post(`/meetings/${id}/plan-draft`)).body.content.agreements).toHaveLength(2);

    const published = await api().post(`/meetings/${id}/publish-plan`, { changeSummary: 'Opstartsmødet 7. januar', baseVersion: 1 });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, sourceMeetingId: id });
    const current = await api().get(`/courses/${w.courseId}/plan`);
    expect(current.body).toMatchObject({ version: 2, sourceMeetingId: id });
  });

  it('answers bad input with problem+json and saves nothing', async () => {
    const before = (await api().get(`/courses/${w.courseId}/meetings`)).body.total;
    const ends = await api().post(`/courses/${w.courseId}/meetings`, startUp({ endsAt: '2026-01-07T08:00:00Z' }));
    expect(ends.status).toBe(422);
    expect(ends.body.code).toBe('meeting.ends-before-start');
    expect(ends.body.errors[0].field).toBe('endsAt');

    const stranger = await api().post(
      `/courses/${w.courseId}/meetings`,
      startUp({ participants: [{ kind: 'staff', staffMemberId: w.staffId }, { kind: 'staff', staffMemberId: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' }] }),
    );
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0]).toMatchObject({ field: 'participants[1].staffMemberId', code: 'meeting.participant-unknown' });
    expect((await api().get(`/courses/${w.courseId}/meetings`)).body.total).toBe(before);

    const other = await t.token({ municipality: '101' });
    const m = (await api().get(`/courses/${w.courseId}/meetings`)).body.items[0];
    expect((await t.http().get(`/api/v1/meetings/${m.id}`).set('Authorization', `Bearer ${other}`)).status).toBe(404);
  });

  it('refuses an external participant whose unit no consent covers, naming the field, and saves nothing', async () => {
    const integrator = `Bearer ${await t.token({ roles: ['integrator'] })}`;
    const unit = await t.http().post('/api/v1/org-units').set('Authorization', integrator).send({ kind: 'psychiatry', name: 'Psykiatrien Syd' });
    expect(unit.status).toBe(201);
    const before = (await api().get(`/courses/${w.courseId}/meetings`)).body.total;
    const outsider = { kind: 'external', name: 'Eva Skov', unitId: unit.body.id };

    const created = await api().post(`/courses/${w.courseId}/meetings`, startUp({ participants: [{ kind: 'staff', staffMemberId: w.staffId }, outsider] }));
    expect(created.status).toBe(422);
    expect(created.body).toMatchObject({ code: 'consent.missing', unitId: unit.body.id, errors: [{ field: 'participants[1].unitId', code: 'consent.missing' }] });
    expect((await api().get(`/courses/${w.courseId}/meetings`)).body.total).toBe(before);

    // Added to an existing meeting: refused too, and the meeting keeps its participants.
    const m = (await api().get(`/courses/${w.courseId}/meetings`)).body.items[0];
    const added = await api().post(`/meetings/${m.id}/participants`, outsider);
    expect(added.status).toBe(422);
    expect(added.body).toMatchObject({ code: 'consent.missing', errors: [{ field: 'unitId', code: 'consent.missing' }] });
    expect((await api().get(`/meetings/${m.id}`)).body.participants).toHaveLength(m.participants.length);

    // Without a unit at all, the consent cannot be checked.
    const bare = await api().post(`/courses/${w.courseId}/meetings`, startUp({ participants: [{ kind: 'external', name: 'Eva Skov', organisation: 'Psykiatrien Syd' }] }));
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0]).toMatchObject({ field: 'participants[0].unitId', code: 'meeting.participant-incomplete' });
    expect((await api().get(`/courses/${w.courseId}/meetings`)).body.total).toBe(before);
  });

  it('warns, but does not block, when a staff member has two meetings at once', async () => {
    const first = await api().post(`/courses/${w.courseId}/meetings`, startUp({ type: 'team', startsAt: '2026-01-20T09:00:00Z', endsAt: '2026-01-20T10:00:00Z', agenda: [], participants: [{ kind: 'staff', staffMemberId: w.staffId }] }));
    expect(first.body.warnings).toEqual([]);
    const second = await api().post(`/courses/${w.courseId}/meetings`, startUp({ type: 'network', startsAt: '2026-01-20T09:30:00Z', endsAt: '2026-01-20T11:00:00Z', agenda: [], participants: [{ kind: 'staff', staffMemberId: w.staffId }] }));
    expect(second.status).toBe(201);
    expect(second.body.warnings).toEqual([expect.objectContaining({ code: 'meeting.staff-overlap', staffMemberId: w.staffId, meetingIds: [first.body.id] })]);
  });

  it('gives each meeting and each staff member a calendar a real parser reads, without personal data', async () => {
    const m = (await api().get(`/courses/${w.courseId}/meetings`)).body.items[0];
    const one = await api().get(`/meetings/${m.id}.ics`);
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toMatch(/^text\/calendar/);
    const comp = new ICAL.Component(ICAL.parse(one.text));
    const [event] = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event.uid).toBe(`${m.id}@enplan`);
    expect(event.summary).toBe(`Opstartsmøde (forløb ${w.courseId.slice(0, 8)})`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-01-07T09:00:00.000Z');
    // The place text was not written as staff-facing: the feed shows the place kind only.
    expect(event.location).toBe('Café');
    expect(event.sequence).toBe(0);
    expect(one.text).not.toContain(CPR);
    expect(one.text).not.toContain('Anna');

    const feed = await api().get(`/staff/${w.staffId}/calendar.ics`);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    expect(feed.text).not.toContain('Jensen');
  });

  it('shows the next plan meeting on the work list as due and later as overdue', async () => {
    // A plan meeting held on 7 January; the next is due 60 days later, on 8 March.
    const held = await api().post(`/courses/${w.courseId}/meetings`, startUp({ type: 'plan', agenda: [], participants: [] }));
    expect(held.status).toBe(201);
    await setNow('2026-03-03T09:00:00Z');
    const due = await api().get('/work-list');
    expect(due.status).toBe(200);
    const item = due.body.items.find((i: { ref: string }) => i.ref === 'plan-every-60-days');
    expect(item).toMatchObject({ kind: 'cadence-meeting', state: 'due', dueOn: '2026-03-08', meetingType: 'plan', courseId: w.courseId });
    expect(due.body.items.some((i: { kind: string }) => i.kind === 'inactivity')).toBe(true);

    t.clock.advanceDays(10);
    token = await t.token();
    const overdue = await api().get(`/staff/${w.staffId}/work-list`);
    expect(overdue.body.items.find((i: { ref: string }) => i.ref === 'plan-every-60-days')).toMatchObject({ state: 'overdue' });
    expect(overdue.body.items[0].state).toBe('overdue');
  });
});

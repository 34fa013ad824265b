import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { StaffMember } from '@enplan/core/organisation';
import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { addStaff, consentedUnit, CPR, meetingWorld, type PlanWorld } from './meeting-test-fixtures.js';

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  location: string;
  summary: string;
}

/** Parses a feed with a real iCalendar parser (ical.js), event by event. */
function parseFeed(text: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue('status')),
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      location: e.location,
      summary: e.summary,
    };
  });
}

describe('calendar: an owner-only feed, subscription URLs, meetings that move (e2e)', () => {
  let t: TestApp;
  let w: PlanWorld;
  let owner: string;
  let colleague: { staffId: string; token: string };
  let manager: string;
  let integrator: string;
  let other: string;
  let treatment: string;
  let room: string;
  const api = apiClient(() => t, () => owner);
  const ds = () => t.app.get(DataSource);
  const outbox = async (meetingId: string) =>
    (await ds().query(`SELECT id, topic, recipient_kind AS "recipientKind", recipient_id AS "recipientId", payload FROM outbox_message WHERE meeting_id = $1 ORDER BY created_at, id`, [meetingId])) as {
      topic: string;
      recipientKind: string;
      recipientId: string;
      payload: Record<string, unknown> & { ics?: string; text: string; subject: string; change?: string; sequence?: number };
      id: string;
    }[];
  /** Messages written since `before` (rows written at one clock time have no order among them). */
  const since = async (meetingId: string, before: { id: string }[]) => (await outbox(meetingId)).filter((m) => !before.some((b) => b.id === m.id));
  const accessLog = async (recordType: string) =>
    (await ds().query(`SELECT actor_id AS "actorId", actor_roles AS "actorRoles", outcome, basis, reason, route, record_id AS "recordId", course_ids AS "courseIds", citizen_ids AS "citizenIds" FROM access_log WHERE record_type = $1 ORDER BY at, id`, [
      recordType,
    ])) as { actorId: string; actorRoles: string[]; outcome: string; basis: string; reason: string | null; route: string; recordId: string; courseIds: string[]; citizenIds: string[] }[];
  /** The public feed behind a subscription URL: no Authorization header at all. */
  const viaUrl = (url: string) => t.http().get(new URL(url).pathname);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z', deployment: TWO_MUNICIPALITIES, captureLogs: true });
    owner = `Bearer ${await t.token()}`;
    w = await meetingWorld(t);
    const c = await addStaff(t, w.municipalityId, 'Jens Lund', w.unitId);
    colleague = { staffId: c.staffId, token: `Bearer ${await t.token({ userId: c.staffId })}` };
    const boss = await ds().getRepository(StaffMember).save({ municipalityId: w.municipalityId, name: 'Karin Berg', unitId: w.unitId, function: 'manager' });
    manager = `Bearer ${await t.token({ userId: boss.id, roles: ['manager'] })}`;
    integrator = `Bearer ${await t.token({ userId: '00000000-0000-4000-8000-0000000000a1', roles: ['integrator'] })}`;
    other = `Bearer ${await t.token({ municipality: '101' })}`;
    await ds().query(`UPDATE citizen SET contact_channel = 'digital-post' WHERE id = $1`, [w.citizenId]);
    const psychiatry = await consentedUnit(t, w);
    const a = await api.post(`/courses/${w.courseId}/meetings`, {
      type: 'plan',
      startsAt: '2026-01-12T09:00:00Z',
      endsAt: '2026-01-12T10:00:00Z',
      placeKind: 'provider-site',
      placeText: 'Rusmiddelcenter Nord, Havnegade 3',
      participants: [
        { kind: 'staff', staffMemberId: w.staffId, roles: ['chair'] },
        { kind: 'staff', staffMemberId: colleague.staffId },
        { kind: 'citizen', citizenId: w.citizenId },
        { kind: 'external', name: 'Lars Berg', unitId: psychiatry },
      ],
    });
    expect([a.status, a.body.code]).toEqual([201, undefined]);
    treatment = a.body.id;
    const b = await api.post(`/courses/${w.courseId}/meetings`, {
      type: 'team',
      startsAt: '2026-01-13T09:00:00Z',
      endsAt: '2026-01-13T10:00:00Z',
      placeKind: 'town-hall',
      placeText: 'Mødelokale 2.14',
      placeStaffFacing: true,
      participants: [{ kind: 'staff', staffMemberId: w.staffId }],
    });
    expect([b.status, b.body.code]).toEqual([201, undefined]);
    room = b.body.id;
  });
  afterAll(() => t?.close());

  it('serves the bearer feed to its owner only, and logs the read and every refusal', async () => {
    const mine = await api.get(`/staff/${w.staffId}/calendar.ics`);
    expect(mine.status).toBe(200);
    expect(parseFeed(mine.text).map((e) => e.uid)).toEqual([`${treatment}@enplan`, `${room}@enplan`]);

    for (const [who, as] of [['colleague', colleague.token], ['manager', manager], ['integrator', integrator]] as const) {
      const res = await api.get(`/staff/${w.staffId}/calendar.ics`, as);
      expect([who, res.status, res.body.code]).toEqual([who, 403, 'access.denied']);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const foreign = await api.get(`/staff/${w.staffId}/calendar.ics`, other);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'staff.not-found']);

    const log = await accessLog('calendar');
    expect(log.filter((l) => l.outcome === 'allowed')).toEqual([
      expect.objectContaining({ actorId: w.staffId, basis: 'owner', recordId: w.staffId, route: 'GET /api/v1/staff/:staffId/calendar.ics', courseIds: [w.courseId], citizenIds: [w.citizenId] }),
    ]);
    expect(log.filter((l) => l.outcome === 'denied').map((l) => l.actorId)).toEqual(expect.arrayContaining([colleague.staffId]));
    expect(log.filter((l) => l.outcome === 'denied')).toHaveLength(3);
  });

  it('shows place text in LOCATION only where it was written as staff-facing', async () => {
    const events = parseFeed((await api.get(`/staff/${w.staffId}/calendar.ics`)).text);
    expect(events.find((e) => e.uid === `${treatment}@enplan`)?.location).toBe('Hos leverandøren');
    expect(events.find((e) => e.uid === `${room}@enplan`)?.location).toBe('Rådhuset: Mødelokale 2.14');
    const one = await api.get(`/meetings/${treatment}.ics`);
    for (const text of [one.text, (await api.get(`/staff/${w.staffId}/calendar.ics`)).text]) {
      for (const secret of ['Rusmiddelcenter', 'Havnegade', 'Psykiatri', 'Anna', CPR]) expect(text).not.toContain(secret);
    }
    // The citizen's own invitation still says where.
    const meeting = await api.get(`/meetings/${treatment}`);
    expect(meeting.body).toMatchObject({ placeText: 'Rusmiddelcenter Nord, Havnegade 3', placeStaffFacing: false, sequence: 0, onlineLink: null });
  });

  it('gives the owner a subscription URL with a random secret, stores only its hash, and logs each use', async () => {
    const refused = await api.post(`/staff/${w.staffId}/calendar-subscription`, {}, colleague.token);
    expect([refused.status, refused.body.code]).toEqual([403, 'access.denied']);

    const made = await api.post(`/staff/${w.staffId}/calendar-subscription`, {});
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ rotated: false, createdAt: '2026-01-05T09:00:00.000Z' });
    const url = made.body.url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.body.webcal).toBe(url.replace(/^http:/, 'webcal:'));
    const token = url.split('/').pop()!.replace(/\.ics$/, '');
    expect(url).not.toContain(w.staffId);

    const feed = await viaUrl(url);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.headers['cache-control']).toBe('private, no-store');
    expect(parseFeed(feed.text).map((e) => e.uid)).toEqual([`${treatment}@enplan`, `${room}@enplan`]);

    const rows = await ds().query(`SELECT municipality_id, staff_member_id, token_hash, created_at, rotated_at, revoked_at FROM calendar_subscription`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ municipality_id: w.municipalityId, staff_member_id: w.staffId, rotated_at: null, revoked_at: null });
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);

    const used = (await accessLog('calendar')).filter((l) => l.route === 'GET /api/v1/calendar/:token.ics');
    expect(used).toEqual([
      expect.objectContaining({ actorId: w.staffId, actorRoles: ['calendar-subscription'], outcome: 'allowed', basis: 'calendar-token', courseIds: [w.courseId], citizenIds: [w.citizenId] }),
    ]);
    const everything = JSON.stringify(await ds().query(`SELECT * FROM access_log`));
    expect(everything).not.toContain(token);
    // The request log shows the route with the secret replaced.
    expect(t.logs.some((l) => l.includes('/api/v1/calendar/[redacted]'))).toBe(true);
    expect(t.logs.join('\n')).not.toContain(token);
  });

  it('rotates and revokes: an old URL is a 404 problem, logged as a refusal without the token', async () => {
    const first = (await api.post(`/staff/${w.staffId}/calendar-subscription`, {})).body.url as string;
    const second = await api.post(`/staff/${w.staffId}/calendar-subscription`, {});
    expect([second.status, second.body.rotated]).toEqual([201, true]);
    const stale = await viaUrl(first);
    expect([stale.status, stale.body.code]).toEqual([404, 'calendar-subscription.not-found']);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    // The problem does not hand the secret back either.
    expect(stale.body.instance).toBe('/api/v1/calendar/[redacted]');
    expect(JSON.stringify(stale.body)).not.toContain(first.split('/').pop()!.replace('.ics', ''));
    expect((await viaUrl(second.body.url)).status).toBe(200);

    const gone = await api.del(`/staff/${w.staffId}/calendar-subscription`);
    expect(gone.status).toBe(204);
    const revoked = await viaUrl(second.body.url);
    expect([revoked.status, revoked.body.code]).toEqual([404, 'calendar-subscription.not-found']);
    const again = await api.del(`/staff/${w.staffId}/calendar-subscription`);
    expect([again.status, again.body.code]).toEqual([404, 'calendar-subscription.not-found']);
    const unknown = await t.http().get(`/api/v1/calendar/${'A'.repeat(43)}.ics`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'calendar-subscription.not-found']);
    const junk = await t.http().get('/api/v1/calendar/not-a-token.ics');
    expect([junk.status, junk.body.code]).toEqual([404, 'calendar-subscription.not-found']);

    const denied = (await accessLog('calendar')).filter((l) => l.route === 'GET /api/v1/calendar/:token.ics' && l.outcome === 'denied');
    // Both at one clock time: compare as a set.
    expect(denied.map((l) => [l.actorId, l.reason]).sort()).toEqual([
      [w.staffId, 'subscription revoked'],
      [w.staffId, 'subscription rotated'],
    ]);
    const live = await ds().query(`SELECT count(*)::int AS n FROM calendar_subscription WHERE rotated_at IS NULL AND revoked_at IS NULL`);
    expect(live[0].n).toBe(0);
    for (const url of [first, second.body.url as string]) expect(t.logs.join('\n')).not.toContain(url.split('/').pop()!.replace(/\.ics$/, ''));
  });

  it('moves a meeting in place: same UID, SEQUENCE up, and every participant it can reach is told', async () => {
    const url = (await api.post(`/staff/${w.staffId}/calendar-subscription`, {})).body.url as string;
    await api.post(`/meetings/${treatment}/invitations`, { preferredChannel: 'email' });
    const before = parseFeed((await viaUrl(url)).text).find((e) => e.uid === `${treatment}@enplan`)!;
    expect(before).toMatchObject({ sequence: 0, status: 'CONFIRMED', start: '2026-01-12T09:00:00.000Z' });
    const outboxBefore = await outbox(treatment);

    const moved = await api.patch(`/meetings/${treatment}`, { startsAt: '2026-01-14T12:00:00Z', placeKind: 'online', placeText: null, onlineLink: 'https://meet.example.dk/j/123456' });
    expect([moved.status, moved.body.code]).toEqual([200, undefined]);
    // A new start without a new end keeps the meeting's hour.
    expect(moved.body).toMatchObject({ id: treatment, startsAt: '2026-01-14T12:00:00.000Z', endsAt: '2026-01-14T13:00:00.000Z', placeKind: 'online', placeText: null, onlineLink: 'https://meet.example.dk/j/123456', sequence: 1, status: 'planned' });
    expect(moved.body.warnings).toEqual([expect.objectContaining({ code: 'meeting.participants-not-notified' })]);

    const feed = await viaUrl(url);
    const after = parseFeed(feed.text).find((e) => e.uid === `${treatment}@enplan`)!;
    expect(after).toMatchObject({ uid: before.uid, sequence: 1, status: 'CONFIRMED', start: '2026-01-14T12:00:00.000Z', end: '2026-01-14T13:00:00.000Z', location: 'Online' });
    expect(feed.text).not.toContain('meet.example.dk');

    const written = await since(treatment, outboxBefore);
    expect(written.map((m) => [m.topic, m.recipientKind, m.recipientId]).sort()).toEqual(
      [
        ['meeting-invitation', 'citizen', w.citizenId],
        ['meeting-update', 'staff', w.staffId],
        ['meeting-update', 'staff', colleague.staffId],
      ].sort(),
    );
    const staffUpdate = written.find((m) => m.topic === 'meeting-update')!;
    expect(parseFeed(staffUpdate.payload.ics!)).toEqual([expect.objectContaining({ uid: before.uid, sequence: 1, start: '2026-01-14T12:00:00.000Z' })]);
    expect(staffUpdate.payload).toMatchObject({ change: 'rescheduled', sequence: 1, meetingId: treatment });
    const letter = written.find((m) => m.topic === 'meeting-invitation')!;
    // The citizen hears on the channel of their last invitation, with the new time and the link.
    expect(letter.payload).toMatchObject({ channel: 'email', change: 'rescheduled', sequence: 1 });
    expect(letter.payload.subject).toBe('Mødet er flyttet: planmøde onsdag den 14. januar 2026 kl. 13.00');
    expect(letter.payload.text).toContain('Dit planmøde er flyttet.');
    expect(letter.payload.text).toContain('Hvor: Online: https://meet.example.dk/j/123456');
    for (const m of written) for (const secret of [CPR, 'Rusmiddelcenter']) expect(JSON.stringify(m.payload)).not.toContain(secret);
    const listed = await api.get(`/meetings/${treatment}/invitations`);
    expect(listed.body.items.map((i: { change: string | null }) => i.change).sort()).toEqual([null, 'rescheduled'].sort());

    // Sending what is already set changes nothing: no new SEQUENCE, no new messages.
    const same = await api.patch(`/meetings/${treatment}`, { startsAt: '2026-01-14T12:00:00Z' });
    expect([same.status, same.body.sequence]).toEqual([200, 1]);
    expect(await since(treatment, outboxBefore)).toHaveLength(3);
    const log = await ds().query(`SELECT outcome FROM access_log WHERE route = 'PATCH /api/v1/meetings/:meetingId' AND actor_id = $1`, [w.staffId]);
    expect(log.map((l: { outcome: string }) => l.outcome)).toEqual(['allowed', 'allowed']);
  });

  it('validates a move as scheduling is validated', async () => {
    const unknown = await api.patch(`/meetings/${room}`, { startsAt: '2026-01-20T09:00:00Z', status: 'held' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'validation.failed']);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'unknown-field' })]);
    const link = await api.patch(`/meetings/${room}`, { onlineLink: 'http://meet.example.dk/x' });
    expect(link.status).toBe(400);
    expect(link.body.errors).toEqual([expect.objectContaining({ field: 'onlineLink' })]);
    const start = await api.patch(`/meetings/${room}`, { startsAt: null });
    expect(start.status).toBe(400);
    expect(start.body.errors).toEqual([expect.objectContaining({ field: 'startsAt' })]);
    const backwards = await api.patch(`/meetings/${room}`, { endsAt: '2026-01-13T08:00:00Z' });
    expect([backwards.status, backwards.body.code, backwards.body.errors?.[0]?.field]).toEqual([422, 'meeting.ends-before-start', 'endsAt']);
    const missing = await api.patch(`/meetings/00000000-0000-4000-8000-00000000abcd`, { startsAt: '2026-01-20T09:00:00Z' });
    expect([missing.status, missing.body.code]).toEqual([404, 'meeting.not-found']);
    const outsider = await api.patch(`/meetings/${room}`, { startsAt: '2026-01-20T09:00:00Z' }, other);
    expect(outsider.status).toBe(404);
    expect((await api.get(`/meetings/${room}`)).body.sequence).toBe(0);
  });

  it('cancels with STATUS:CANCELLED and SEQUENCE up, tells the participants, and then refuses to move it', async () => {
    const url = (await api.post(`/staff/${w.staffId}/calendar-subscription`, {})).body.url as string;
    const before = await outbox(treatment);
    const cancelled = await api.post(`/meetings/${treatment}/cancel`, {});
    expect([cancelled.status, cancelled.body.status, cancelled.body.sequence]).toEqual([200, 'cancelled', 2]);
    const event = parseFeed((await viaUrl(url)).text).find((e) => e.uid === `${treatment}@enplan`)!;
    expect(event).toMatchObject({ sequence: 2, status: 'CANCELLED' });

    const written = await since(treatment, before);
    expect(written).toHaveLength(3);
    expect(written.every((m) => m.payload.change === 'cancelled' && m.payload.sequence === 2)).toBe(true);
    const letter = written.find((m) => m.recipientKind === 'citizen')!;
    expect(letter.payload.subject).toBe('Aflyst: planmøde onsdag den 14. januar 2026 kl. 13.00');
    expect(letter.payload.text).toContain('er aflyst');
    const staffCopy = parseFeed(written.find((m) => m.recipientKind === 'staff')!.payload.ics!);
    expect(staffCopy).toEqual([expect.objectContaining({ uid: `${treatment}@enplan`, sequence: 2, status: 'CANCELLED' })]);

    const again = await api.post(`/meetings/${treatment}/cancel`, {});
    expect([again.status, again.body.sequence]).toEqual([200, 2]);
    expect(await since(treatment, before)).toHaveLength(3);
    const move = await api.patch(`/meetings/${treatment}`, { startsAt: '2026-01-20T09:00:00Z' });
    expect([move.status, move.body.code]).toEqual([409, 'meeting.not-changeable']);
    expect(move.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses to move or cancel a held meeting', async () => {
    t.clock.set('2026-01-13T11:00:00Z');
    owner = `Bearer ${await t.token()}`;
    const held = await api.put(`/meetings/${room}/minutes`, { minutes: 'Aftalt næste skridt' });
    expect([held.status, held.body.status]).toEqual([200, 'held']);
    const move = await api.patch(`/meetings/${room}`, { startsAt: '2026-01-20T09:00:00Z' });
    expect([move.status, move.body.code]).toEqual([409, 'meeting.not-changeable']);
    const cancel = await api.post(`/meetings/${room}/cancel`, {});
    expect([cancel.status, cancel.body.code]).toEqual([409, 'meeting.not-changeable']);
  });
});

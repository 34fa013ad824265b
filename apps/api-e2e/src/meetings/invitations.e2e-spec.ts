import { DataSource } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { addCourse, consentedUnit, CPR, meetingWorld, type PlanWorld } from './meeting-test-fixtures.js';

describe('invitations to the citizen (e2e)', () => {
  let t: TestApp;
  let token: string;
  let w: PlanWorld;
  let meetingId: string;
  const api = apiClient(() => t, () => `Bearer ${token}`);
  const outbox = async () =>
    (await t.app.get(DataSource).query(`SELECT topic, status, attempts, recipient_kind AS "recipientKind", recipient_id AS "recipientId", meeting_id AS "meetingId", payload FROM outbox_message ORDER BY created_at, id`)) as {
      topic: string;
      status: string;
      attempts: number;
      recipientKind: string;
      recipientId: string;
      meetingId: string;
      payload: { channel: string; text: string; html: string; subject: string; language: string };
    }[];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z', deployment: TWO_MUNICIPALITIES });
    token = await t.token();
    w = await meetingWorld(t);
    const psychiatryId = await consentedUnit(t, w);
    const m = await api.post(`/courses/${w.courseId}/meetings`, {
      type: 'plan',
      startsAt: '2026-01-12T09:00:00Z',
      endsAt: '2026-01-12T10:00:00Z',
      placeKind: 'cafe',
      placeText: 'Café Gaden, Nørregade 4',
      agenda: ['Misbrugsbehandling og medicin'],
      participants: [
        { kind: 'staff', staffMemberId: w.staffId, roles: ['chair'] },
        { kind: 'citizen', citizenId: w.citizenId },
        { kind: 'external', name: 'Lars Berg', unitId: psychiatryId, organisation: 'Psykiatrien Nord' },
        { kind: 'network', name: 'Søs Jensen' },
      ],
    });
    expect(m.status).toBe(201);
    meetingId = m.body.id;
  });
  afterAll(() => t?.close());

  it('renders a plain-language Danish invitation in the citizen’s channel and puts it in the outbox', async () => {
    const res = await api.post(`/meetings/${meetingId}/invitations`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ meetingId, citizenId: w.citizenId, channel: 'digital-post', status: 'pending', attempts: 0, createdAt: '2026-01-05T09:00:00.000Z', sentAt: null });
    expect(res.body.subject).toBe('Invitation til planmøde mandag den 12. januar 2026 kl. 10.00');
    expect(res.body.text).toContain('Kære Anna Jensen');
    expect(res.body.text).toContain('Hvornår: mandag den 12. januar 2026 kl. 10.00 til 11.00');
    expect(res.body.text).toContain('Hvor: Café Gaden, Nørregade 4');
    expect(res.body.text).toContain('Hvem kommer: Dig, Mette Holm (mødeleder), Søs Jensen, Lars Berg');
    expect(res.body.text).toContain('Hvad skal vi: Vi mødes for at se på din plan sammen');
    expect(res.body.html).toMatch(/^<!doctype html>\n<html lang="da">/);
    // No CPR number, no organisation that tells of a diagnosis, no agenda with case details.
    for (const secret of [CPR, '010190-1234', 'Psykiatri', 'Misbrug']) expect(JSON.stringify(res.body)).not.toContain(secret);

    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: 'meeting-invitation', status: 'pending', attempts: 0, recipientKind: 'citizen', recipientId: w.citizenId, meetingId });
    expect(rows[0].payload).toMatchObject({ channel: 'digital-post', language: 'da', subject: res.body.subject, text: res.body.text });
    expect(JSON.stringify(rows[0])).not.toContain(CPR);
  });

  it('sends a text message to a citizen who prefers the phone, and follows an explicit channel', async () => {
    await t.app.get(DataSource).getRepository(Citizen).update({ id: w.citizenId }, { contactChannel: 'phone' });
    t.clock.set('2026-01-05T09:05:00Z');
    const sms = await api.post(`/meetings/${meetingId}/invitations`, {});
    expect(sms.body.channel).toBe('sms');
    expect(sms.body.text).toBe(
      'Hej Anna. Du er inviteret til planmøde mandag den 12. januar 2026 kl. 10.00 til 11.00. Sted: Café Gaden, Nørregade 4. Passer det ikke, så kontakt Mette Holm. Hilsen Demo Kommune',
    );
    t.clock.set('2026-01-05T09:10:00Z');
    const letter = await api.post(`/meetings/${meetingId}/invitations`, { preferredChannel: 'letter', citizenId: w.citizenId });
    expect(letter.status).toBe(201);
    expect(letter.body.channel).toBe('letter');
    const list = await api.get(`/meetings/${meetingId}/invitations`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { channel: string }) => i.channel)).toEqual(['digital-post', 'sms', 'letter']);
    expect(list.body).toMatchObject({ total: 3, limit: 25, offset: 0 });
    // Paged like every list: the second page of one starts at the second invitation.
    const second = await api.get(`/meetings/${meetingId}/invitations?limit=1&offset=1`);
    expect([second.body.items.map((i: { channel: string }) => i.channel), second.body.total]).toEqual([['sms'], 3]);
  });

  it('never repeats the address of a home visit', async () => {
    const home = await api.post(`/courses/${w.courseId}/meetings`, {
      type: 'network',
      startsAt: '2026-01-14T13:00:00Z',
      endsAt: '2026-01-14T14:00:00Z',
      placeKind: 'citizen-home',
      placeText: 'Søndergade 7, 2. th',
    });
    const res = await api.post(`/meetings/${home.body.id}/invitations`, { preferredChannel: 'digital-post' });
    expect(res.status).toBe(201);
    expect(res.body.text).toContain('Hvor: Hjemme hos dig');
    expect(JSON.stringify(res.body)).not.toContain('Søndergade');
  });

  it('refuses an invitation that cannot be sent, naming the field, and writes nothing to the outbox', async () => {
    const before = (await outbox()).length;
    const stranger = await addCourse(t, w.municipalityId, { cpr: '0202851234', name: 'Bo Nielsen' });
    const notHis = await api.post(`/meetings/${meetingId}/invitations`, { citizenId: stranger.citizenId });
    expect([notHis.status, notHis.body.code, notHis.body.errors[0].field]).toEqual([422, 'invitation.no-citizen', 'citizenId']);
    const badChannel = await api.post(`/meetings/${meetingId}/invitations`, { preferredChannel: 'fax' });
    expect([badChannel.status, badChannel.body.errors[0].field]).toEqual([400, 'preferredChannel']);

    const cancelled = await api.post(`/courses/${w.courseId}/meetings`, { type: 'team', startsAt: '2026-01-15T09:00:00Z', endsAt: '2026-01-15T10:00:00Z', placeKind: 'online' });
    await api.post(`/meetings/${cancelled.body.id}/cancel`, {});
    const over = await api.post(`/meetings/${cancelled.body.id}/invitations`, {});
    expect([over.status, over.body.code]).toEqual([422, 'invitation.meeting-over']);

    t.clock.set('2026-01-12T09:30:00Z');
    token = await t.token();
    const started = await api.post(`/meetings/${meetingId}/invitations`, {});
    expect([started.status, started.body.code]).toEqual([422, 'invitation.meeting-over']);
    expect((await outbox()).length).toBe(before);

    const other = `Bearer ${await t.token({ municipality: '101', roles: ['integrator'] })}`;
    const foreign = await api.post(`/meetings/${meetingId}/invitations`, {}, other);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'meeting.not-found']);
  });
});

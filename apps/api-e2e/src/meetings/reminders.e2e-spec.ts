import { DataSource } from 'typeorm';
import { StaffMember } from '@enplan/core/organisation';
import { RemindersService } from '@enplan/core/cadence';
import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { addCourse, addStaff, joinTeam, meetingWorld, type PlanWorld } from './meeting-test-fixtures.js';

/**
 * The reminder job's core, called directly on the real database: every staff member's due and overdue items
 * go to the outbox once a day. (The pg-boss schedule around it is tested in reminder-job.int-spec.ts.)
 */
describe('work-list reminders (e2e)', () => {
  let t: TestApp;
  let w: PlanWorld;
  let reminders: RemindersService;
  let colleague: string;
  let resting: string;
  const api = apiClient(() => t, () => '');
  const rows = async () =>
    (await t.app.get(DataSource).query(
      `SELECT municipality_id AS "municipalityId", topic, status, recipient_kind AS "recipientKind", recipient_id AS "recipientId", dedupe_key AS "dedupeKey", payload, created_by AS "createdBy"
         FROM outbox_message WHERE topic = 'work-list-reminder' ORDER BY dedupe_key`,
    )) as { municipalityId: string; topic: string; status: string; recipientKind: string; recipientId: string; dedupeKey: string; payload: Record<string, unknown>; createdBy: string | null }[];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z', deployment: TWO_MUNICIPALITIES });
    reminders = t.app.get(RemindersService);
    w = await meetingWorld(t);
    colleague = (await addStaff(t, w.municipalityId, 'Jens Lund', w.unitId)).staffId;
    resting = (await addStaff(t, w.municipalityId, 'Rita Orlov', w.unitId)).staffId;
    const second = await addCourse(t, w.municipalityId, { cpr: '0202851234', name: 'Bo Nielsen', activatedOn: '2026-01-04' });
    await joinTeam(t, second.courseId, colleague, 'primary-contact');
    await joinTeam(t, second.courseId, resting, 'caseworker');
    // A follow-up with a private note: the reminder must not carry its text.
    const token = `Bearer ${await t.token({ userId: colleague })}`;
    const f = await api.post(`/courses/${second.courseId}/follow-ups`, { text: 'Spørge til hans alkoholforbrug', ownerId: colleague, dueOn: '2026-01-09' }, token);
    expect(f.status).toBe(201);
    // Someone on leave gets no reminder.
    await t.app.get(DataSource).getRepository(StaffMember).update({ id: resting }, { active: false });
  });
  afterAll(() => t?.close());

  it('writes one reminder per staff member with due or overdue items, with references and no notes', async () => {
    // 12 January: the caller's start-up meeting (due the 16th) is due; the colleague's follow-up is overdue.
    const run = await reminders.run(w.municipalityId, new Date('2026-01-12T05:00:00Z'));
    expect(run).toEqual({ municipalityId: w.municipalityId, day: '2026-01-12', staffWithItems: 2, written: 2, alreadyWritten: 0 });
    const out = await rows();
    expect(out.map((r) => r.recipientId).sort()).toEqual([w.staffId, colleague].sort());
    for (const r of out) {
      expect(r).toMatchObject({ municipalityId: w.municipalityId, topic: 'work-list-reminder', status: 'pending', recipientKind: 'staff', createdBy: null, dedupeKey: `work-list-reminder:${r.recipientId}:2026-01-12` });
    }
    const theirs = out.find((r) => r.recipientId === colleague)!.payload as { counts: object; items: Record<string, unknown>[]; text: string; day: string };
    expect(theirs.day).toBe('2026-01-12');
    expect(theirs.counts).toEqual({ overdue: 1, due: 1 });
    expect(theirs.items.map((i) => i.kind).sort()).toEqual(['cadence-meeting', 'follow-up']);
    expect(Object.keys(theirs.items[0]).sort()).toEqual(['courseId', 'dueOn', 'kind', 'ref', 'state']);
    expect(theirs.text).toBe('Din arbejdsliste i Én plan: 1 opgave er overskredet og 1 opgave forfalder snart.');
    expect(JSON.stringify(out)).not.toMatch(/alkohol|Bo Nielsen|Anna/);
  });

  it('is idempotent per day, and writes again the next day', async () => {
    const again = await reminders.run(w.municipalityId, new Date('2026-01-12T16:00:00Z'));
    expect(again).toMatchObject({ written: 0, alreadyWritten: 2 });
    expect(await rows()).toHaveLength(2);

    const all = await reminders.runAll(new Date('2026-01-13T05:00:00Z'));
    expect(all).toHaveLength(2);
    expect(all.find((r) => r.municipalityId === w.municipalityId)).toMatchObject({ day: '2026-01-13', written: 2 });
    expect(all.find((r) => r.municipalityId !== w.municipalityId)).toMatchObject({ staffWithItems: 0, written: 0 });
    expect(await rows()).toHaveLength(4);
  });

  it('writes nothing for a staff member whose items are all further ahead', async () => {
    // 5 January: the caller's start-up meeting (the 16th) is more than 7 days ahead; the colleague's follow-up (the 9th) is due.
    const run = await reminders.run(w.municipalityId, new Date('2026-01-05T05:00:00Z'));
    expect(run).toMatchObject({ day: '2026-01-05', staffWithItems: 1, written: 1 });
    expect((await rows()).filter((r) => r.dedupeKey.endsWith('2026-01-05')).map((r) => r.recipientId)).toEqual([colleague]);
  });
});

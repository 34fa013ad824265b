import { DataSource } from 'typeorm';
import { REMINDER_QUEUE, ReminderJob } from '@enplan/core/cadence';
import { startTestApp, testEngine, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { meetingWorld, type PlanWorld } from './meeting-test-fixtures.js';

const CRON = '0 6 * * 1-5';
const onPostgres = testEngine() === 'postgres';

/** The pg-boss wiring of the reminder job: on PostgreSQL a schedule and a worker; on the embedded database, off. */
describe(`reminder job wiring (${testEngine()})`, () => {
  let t: TestApp;
  let w: PlanWorld;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-12T05:00:00Z', deployment: TWO_MUNICIPALITIES, env: { ENPLAN_REMINDERS_CRON: CRON } });
    w = await meetingWorld(t);
  });
  afterAll(() => t?.close());

  (onPostgres ? it.skip : it)('is off on the embedded database, even with ENPLAN_REMINDERS_CRON set', () => {
    expect(t.app.get(ReminderJob).queue).toBeNull();
  });

  (onPostgres ? it : it.skip)('schedules the job in Danish time and runs it through a pg-boss worker into the outbox', async () => {
    const boss = t.app.get(ReminderJob).queue!;
    expect(boss).not.toBeNull();
    const schedules = await boss.getSchedules(REMINDER_QUEUE);
    expect(schedules).toEqual([expect.objectContaining({ name: REMINDER_QUEUE, cron: CRON, timezone: 'Europe/Copenhagen' })]);

    // Fire one tick now instead of waiting for 06:00; the spy reports its completion (no sleeping).
    const spy = boss.getSpy(REMINDER_QUEUE);
    const id = await boss.send(REMINDER_QUEUE, {});
    expect(id).toBeTruthy();
    await spy.waitForJobWithId(id!, 'completed');
    const written = await t.app.get(DataSource).query(`SELECT recipient_id AS "recipientId", dedupe_key AS "dedupeKey" FROM outbox_message WHERE topic = 'work-list-reminder'`);
    // The start-up meeting (activated 2 January, due the 16th) is due: the caller is reminded, once for the day.
    expect(written).toEqual([{ recipientId: w.staffId, dedupeKey: `work-list-reminder:${w.staffId}:2026-01-12` }]);

    const again = await boss.send(REMINDER_QUEUE, {});
    await spy.waitForJobWithId(again!, 'completed');
    expect(await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox_message`)).toEqual([{ n: 1 }]);
  });
});

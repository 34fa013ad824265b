import { DataSource } from 'typeorm';
import { EventDeliveryWorker } from '@enplan/core/event-delivery';
import { recordDomainEvent } from '@enplan/core/events';
import { RetentionService } from '@enplan/core/records';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { arrangeWorld, type PlanWorld } from '../plans/plan-test-fixtures.js';
import { startReceiver } from './event-test-fixtures.js';

const DAY = 86_400_000;

/**
 * The retention of the outbox: the retention job (`RetentionService.purgeEvents`, run by `enplan retention --purge`)
 * deletes events whose every delivery was delivered more than ENPLAN_EVENTS_RETENTION_DAYS ago, with their delivery
 * rows; an event with a dead letter or a pending delivery is kept until it is handled.
 */
describe(`domain events: retention (${testEngine()})`, () => {
  let t: TestApp;
  let w: PlanWorld;
  let auth: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let worker: EventDeliveryWorker;
  let retention: RetentionService;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ env: { ENPLAN_EVENTS_MAX_ATTEMPTS: '1', ENPLAN_EVENTS_RETENTION_DAYS: '30' } });
    w = await arrangeWorld(t);
    auth = `Bearer ${await t.token({ roles: ['integrator'], ttlSeconds: 365 * 86_400 })}`;
    receiver = await startReceiver();
    worker = t.app.get(EventDeliveryWorker);
    retention = t.app.get(RetentionService, { strict: false });
    ds = t.app.get(DataSource);
    // Whatever events the world left (none today) have no target: routed, then past the period, they go first.
    await worker.runOnce();
    t.clock.set(new Date(t.clock.now().getTime() + 31 * DAY));
    await retention.purgeEvents();
    expect(await ds.query(`SELECT id FROM domain_event`)).toEqual([]);
    auth = `Bearer ${await t.token({ roles: ['integrator'], ttlSeconds: 365 * 86_400 })}`;
    await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: receiver.url, eventTypes: ['course.team-changed'] }).expect(201);
  }, 120_000);
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  const record = () =>
    ds.transaction((em) => recordDomainEvent(em, { municipalityId: w.municipalityId, type: 'course.team-changed', data: { courseId: w.courseId }, occurredAt: t.clock.now() }));
  const exists = async (id: string) => (await ds.query(`SELECT 1 FROM domain_event WHERE id = $1`, [id])).length === 1;
  const deliveries = async (id: string) => ((await ds.query(`SELECT count(*)::int AS n FROM event_delivery WHERE event_id = $1`, [id])) as { n: number }[])[0].n;

  it('deletes delivered events past the period with their deliveries, keeps dead letters until they are handled', async () => {
    receiver.answer(200);
    const delivered = await record();
    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
    receiver.answer(500);
    const dead = await record();
    expect(await worker.runOnce()).toMatchObject({ dead: 1 });
    // Recorded, never routed (no pass has run since): kept, it has not been delivered anywhere yet.
    const unrouted = await record();

    // Within the period nothing goes.
    t.clock.set(new Date(t.clock.now().getTime() + 29 * DAY));
    expect(await retention.purgeEvents()).toMatchObject({ days: 30, eventsDeleted: 0, deliveriesDeleted: 0, deadLettersKept: 1 });

    t.clock.set(new Date(t.clock.now().getTime() + 2 * DAY));
    expect(await retention.purgeEvents()).toMatchObject({ eventsDeleted: 1, deliveriesDeleted: 1, deadLettersKept: 1 });
    expect(await exists(delivered.id)).toBe(false);
    expect(await deliveries(delivered.id)).toBe(0);
    expect(await exists(dead.id)).toBe(true);
    expect(await exists(unrouted.id)).toBe(true);
    // The dead letter is still there for the operator.
    const letters = await t.http().get('/api/v1/event-deliveries?status=dead').set('Authorization', auth).expect(200);
    expect(letters.body.items.map((d: { eventId: string }) => d.eventId)).toEqual([dead.id]);

    // Handled: replayed and delivered now; it goes once its delivery is older than the period, not before.
    receiver.answer(200);
    await t.http().post(`/api/v1/event-deliveries/${letters.body.items[0].id}/replay`).set('Authorization', auth).expect(200);
    // This pass also routes and delivers the unrouted event.
    expect(await worker.runOnce()).toMatchObject({ routed: 1, delivered: 2 });
    expect(await retention.purgeEvents()).toMatchObject({ eventsDeleted: 0, deadLettersKept: 0 });
    expect(await exists(dead.id)).toBe(true);
    t.clock.set(new Date(t.clock.now().getTime() + 31 * DAY));
    expect(await retention.purgeEvents()).toMatchObject({ eventsDeleted: 2, deliveriesDeleted: 2, deadLettersKept: 0 });
    expect(await exists(dead.id)).toBe(false);
    expect(await exists(unrouted.id)).toBe(false);
    // The feed serves what is left, and a second run has nothing to do.
    expect(await retention.purgeEvents()).toMatchObject({ eventsDeleted: 0 });
  });
});

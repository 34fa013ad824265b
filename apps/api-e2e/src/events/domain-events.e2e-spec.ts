import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { EventDeliveryWorker } from '@enplan/core/event-delivery';
import { DomainEventError, recordDomainEvent } from '@enplan/core/events';
import { definePlugin, type DomainEventFacts } from '@enplan/plugin-api';
import { startTestApp, testEngine, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { arrangeWorld, CPR, planContent, type PlanWorld } from '../plans/plan-test-fixtures.js';
import { startReceiver } from './event-test-fixtures.js';

/**
 * Domain events end to end: recorded in the change's transaction, read through the pull feed, delivered to a real
 * HTTP receiver with Standard Webhooks signatures, retried, dead-lettered, replayed, and fed to sector adapters.
 * The clock starts at the real time, because the receiver verifies the signature's timestamp against its own clock.
 */
const INTEGRATION = ['integrator'];

type FeedEvent = { id: string; cursor: string; type: string; occurredAt: string; data: Record<string, unknown> };

async function publish(t: TestApp, auth: string, w: PlanWorld, base: number): Promise<void> {
  await t
    .http()
    .post(`/api/v1/courses/${w.courseId}/plan/versions`)
    .set('Authorization', auth)
    .set('If-Match', `"${base}"`)
    .send({ changeSummary: 'Revision', content: planContent(w) })
    .expect(201);
}

/**
 * Every page after `after`. The feed serves an event only once every transaction older than it has ended, and on
 * PostgreSQL that horizon is the server's, not this database's: other test files' transactions on the same server
 * hold it back for a moment. So a read that expects `atLeast` events asks again until they are served (bounded),
 * instead of racing those transactions; the assertions on what was served stay exact.
 */
async function readAll(
  t: TestApp,
  auth: string,
  after: string,
  opts: { limit?: number; atLeast?: number } = {},
): Promise<{ events: FeedEvent[]; next: string; pages: number }> {
  const { limit = 2, atLeast = 0 } = opts;
  for (let attempt = 0; ; attempt++) {
    const events: FeedEvent[] = [];
    let cursor = after;
    let pages = 0;
    for (;;) {
      const res = await t.http().get(`/api/v1/events?after=${cursor}&limit=${limit}`).set('Authorization', auth).expect(200);
      pages++;
      events.push(...(res.body.events as FeedEvent[]));
      cursor = res.body.next as string;
      if (!res.body.hasMore) break;
    }
    if (events.length >= atLeast || attempt >= 200) return { events, next: cursor, pages };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** No event written for the municipality after the cursor, read from the table (the feed could merely be holding one back). */
async function expectNoEventsWritten(t: TestApp, municipalityId: string, after: string): Promise<void> {
  const rows = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM domain_event WHERE municipality_id = $1 AND sequence > $2::bigint`, [municipalityId, after]);
  expect(rows[0].n).toBe(0);
}

const advance = (t: TestApp, ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));

describe(`domain events: outbox and pull feed (${testEngine()})`, () => {
  let t: TestApp;
  let w: PlanWorld;
  let other: PlanWorld;
  let auth: string;
  let otherAuth: string;

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: new Date().toISOString() });
    w = await arrangeWorld(t);
    other = await arrangeWorld(t, { code: '101', staffId: '00000000-0000-4000-8000-000000101001', cpr: '0202902345' });
    auth = `Bearer ${await t.token({ roles: INTEGRATION })}`;
    otherAuth = `Bearer ${await t.token({ roles: INTEGRATION, municipality: '101', userId: '00000000-0000-4000-8000-000000101001' })}`;
  }, 120_000);
  afterAll(() => t?.close());

  it('records the event in the transaction of the change, and none when the change fails', async () => {
    const before = await readAll(t, auth, '0');
    expect(before.events).toEqual([]);
    await publish(t, auth, w, 0);
    const after = await readAll(t, auth, '0', { atLeast: 1 });
    expect(after.events.map((e) => e.type)).toEqual(['plan.version-published']);
    const planVersionId = (await t.app.get(DataSource).query(`SELECT v.id FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.course_id = $1 AND v.version = 1`, [w.courseId]))[0].id;
    expect(after.events[0].data).toEqual({ courseId: w.courseId, planId: expect.any(String), planVersionId, version: 1 });

    // A stale publish is refused (409): no version, and no event.
    await t
      .http()
      .post(`/api/v1/courses/${w.courseId}/plan/versions`)
      .set('Authorization', auth)
      .set('If-Match', '"0"')
      .send({ changeSummary: 'Stale', content: planContent(w) })
      .expect(409);
    expect((await readAll(t, auth, after.next)).events).toEqual([]);
    await expectNoEventsWritten(t, w.municipalityId, after.next);

    // The event is part of the caller's transaction: a rollback after recording leaves nothing.
    const ds = t.app.get(DataSource);
    await expect(
      ds.transaction(async (em) => {
        await recordDomainEvent(em, { municipalityId: w.municipalityId, type: 'course.team-changed', data: { courseId: w.courseId }, occurredAt: t.clock.now() });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await readAll(t, auth, after.next)).events).toEqual([]);
    await expectNoEventsWritten(t, w.municipalityId, after.next);
  });

  it('refuses personal content in an event (names, CPR numbers, free text)', async () => {
    const ds = t.app.get(DataSource);
    const attempt = (data: Record<string, string | number | null>) =>
      ds.transaction((em) => recordDomainEvent(em, { municipalityId: w.municipalityId, type: 'course.team-changed', data, occurredAt: t.clock.now() }));
    await expect(attempt({ name: 'anna' })).rejects.toThrow(DomainEventError);
    await expect(attempt({ citizenId: CPR })).rejects.toThrow(/citizenId must be a uuid/);
    await expect(attempt({ kind: 'At jeg ikke kan betale huslejen' })).rejects.toThrow(/kind must be/);
    await expect(attempt({ courseId: w.courseId, kind: 'add' })).resolves.toMatchObject({ type: 'course.team-changed' });
  });

  it('serves each municipality only its own events, in sequence order, and a client catches up after downtime exactly once', async () => {
    const ds = t.app.get(DataSource);
    // The two events the tests above wrote (a publish, and the one that passed the personal-content check).
    const start = await readAll(t, auth, '0', { atLeast: 2 });
    const otherStart = await readAll(t, otherAuth, '0');
    // "Offline": events of both municipalities interleave, through the API and straight from services' transactions.
    const written: string[] = [];
    await publish(t, auth, w, 1);
    await publish(t, otherAuth, other, 0);
    // Enough events that the cursors pass 9 → 10 (a text order would put 10 before 9).
    for (let i = 0; i < 6; i++) {
      const e = await ds.transaction((em) =>
        recordDomainEvent(em, { municipalityId: w.municipalityId, type: 'course.team-changed', data: { courseId: w.courseId, kind: 'add' }, occurredAt: t.clock.now() }),
      );
      written.push(e.id);
      await ds.transaction((em) =>
        recordDomainEvent(em, { municipalityId: other.municipalityId, type: 'course.team-changed', data: { courseId: other.courseId, kind: 'end' }, occurredAt: t.clock.now() }),
      );
    }
    const caught = await readAll(t, auth, start.next, { atLeast: 7 });
    expect(caught.pages).toBeGreaterThan(1);
    expect(caught.events.map((e) => e.type)).toEqual(['plan.version-published', ...Array(6).fill('course.team-changed')]);
    expect(caught.events.slice(1).map((e) => e.id)).toEqual(written);
    expect(new Set(caught.events.map((e) => e.id)).size).toBe(caught.events.length);
    const cursors = caught.events.map((e) => BigInt(e.cursor));
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    expect(caught.events.every((e) => e.data['courseId'] === w.courseId)).toBe(true);
    // Reading on from the last cursor: nothing twice.
    expect((await readAll(t, auth, caught.next)).events).toEqual([]);
    await expectNoEventsWritten(t, w.municipalityId, caught.next);

    const theirs = await readAll(t, otherAuth, otherStart.next, { atLeast: 7 });
    expect(theirs.events.map((e) => e.data['courseId'])).toEqual(Array(7).fill(other.courseId));

    // Ids and kinds only: not the citizen's name, CPR number or the plan's words.
    const everything = JSON.stringify((await readAll(t, auth, '0', { limit: 500, atLeast: 9 })).events);
    for (const personal of ['Anna Jensen', CPR, 'huslejen', 'Mette Holm', 'Jobcenter, team 3']) expect(everything).not.toContain(personal);
  });

  it('refuses a malformed cursor (400, naming the field), and callers other than integrations', async () => {
    for (const bad of ['abc', '-1', '1.5', '99999999999999999999']) {
      const res = await t.http().get(`/api/v1/events?after=${bad}`).set('Authorization', auth).expect(400);
      expect(res.body.code).toBe('events.cursor-invalid');
      expect(res.body.errors[0].field).toBe('after');
    }
    await t.http().get('/api/v1/events?limit=0').set('Authorization', auth).expect(400);
    await t.http().get('/api/v1/events').set('Authorization', `Bearer ${await t.token({ roles: ['caseworker'] })}`).expect(403);
  });
});

describe(`domain events: webhooks (${testEngine()})`, () => {
  let t: TestApp;
  let w: PlanWorld;
  let auth: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let worker: EventDeliveryWorker;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date().toISOString(), env: { ENPLAN_EVENTS_MAX_ATTEMPTS: '3' } });
    w = await arrangeWorld(t);
    // Valid across the days the tests move the clock on.
    auth = `Bearer ${await t.token({ roles: INTEGRATION, ttlSeconds: 30 * 86_400 })}`;
    receiver = await startReceiver();
    worker = t.app.get(EventDeliveryWorker);
  }, 120_000);
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  const recordEvent = () =>
    t.app.get(DataSource).transaction((em) => recordDomainEvent(em, { municipalityId: w.municipalityId, type: 'course.team-changed', data: { courseId: w.courseId }, occurredAt: t.clock.now() }));

  it('refuses bad registrations and callers without the role', async () => {
    const bad = await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: 'ftp://example.org/x' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'webhook.url-invalid', errors: [{ field: 'url' }] });
    const creds = await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: 'https://user:pw@example.org/x' }).expect(400);
    expect(creds.body.code).toBe('webhook.url-invalid');
    const type = await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: receiver.url, eventTypes: ['plan.version-published', 'plan.deleted'] }).expect(400);
    expect(type.body).toMatchObject({ code: 'webhook.event-type-unknown', errors: [{ field: 'eventTypes[1]' }] });
    await t.http().post('/api/v1/webhooks').set('Authorization', `Bearer ${await t.token({ roles: ['caseworker'] })}`).send({ url: receiver.url }).expect(403);
    await t.http().get('/api/v1/webhooks/not-a-uuid').set('Authorization', auth).expect(404);
  });

  it('refuses a webhook that is not https or reaches a private, loopback, link-local or metadata address (SSRF), at registration and at delivery', async () => {
    const before = (await t.http().get('/api/v1/webhooks').set('Authorization', auth).expect(200)).body.total;
    const refused = async (url: string, code: string) => {
      const res = await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code, errors: [{ field: 'url', code }] });
    };
    await refused('http://93.184.216.34/hook', 'webhook.url-not-https');
    await refused('https://169.254.169.254/latest/meta-data/', 'webhook.url-address-forbidden');
    await refused('https://10.0.0.7/hook', 'webhook.url-address-forbidden');
    await refused('https://[::ffff:192.168.1.1]/hook', 'webhook.url-address-forbidden');
    await refused('https://[fd00:ec2::254]/', 'webhook.url-address-forbidden');
    await refused('https://no-such-host.invalid/hook', 'webhook.url-unresolvable');
    expect((await t.http().get('/api/v1/webhooks').set('Authorization', auth).expect(200)).body.total).toBe(before);

    // At delivery the URL is checked again: a stored URL that now reaches a private address is never called.
    await worker.runOnce();
    const hook = await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: receiver.url, eventTypes: ['course.team-changed'] }).expect(201);
    await t.app.get(DataSource).query(`UPDATE webhook SET url = 'https://10.0.0.7/hook' WHERE id = $1`, [hook.body.id]);
    receiver.received.length = 0;
    await recordEvent();
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retrying: 1 });
    expect(receiver.received).toHaveLength(0);
    const pending = await t.http().get('/api/v1/event-deliveries?status=pending').set('Authorization', auth).expect(200);
    expect(pending.body.items.find((d: { targetId: string }) => d.targetId === hook.body.id)).toMatchObject({ lastError: 'webhook url refused (address-forbidden)' });
    // Pointed back at a public (here: the allowed loopback) address, the same delivery goes through.
    await t.app.get(DataSource).query(`UPDATE webhook SET url = $2 WHERE id = $1`, [hook.body.id, receiver.url]);
    advance(t, 30_000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, retrying: 0 });
    expect(receiver.received).toHaveLength(1);
    await t.http().delete(`/api/v1/webhooks/${hook.body.id}`).set('Authorization', auth).expect(204);
    receiver.received.length = 0;
    t.clock.set(new Date());
  });

  it('signs per Standard Webhooks; the receiver verifies, also with either secret during a rotation', async () => {
    const created = await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: receiver.url, eventTypes: ['plan.version-published', 'course.team-changed'] }).expect(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    // The secret is shown once: lists and reads carry a hint only.
    const list = await t.http().get('/api/v1/webhooks').set('Authorization', auth).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, url: receiver.url, secretHint: `${secret.slice(0, 10)}…` })]);
    // A filtered webhook that takes no plan events gets none.
    await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: `${receiver.url}?cancelled-only`, eventTypes: ['meeting.cancelled'] }).expect(201);

    await publish(t, auth, w, 0);
    const pass = await worker.runOnce();
    expect(pass).toEqual({ routed: 1, delivered: 1, retrying: 0, dead: 0 });
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0];
    const payload = new Webhook(secret).verify(first.body, first.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: 'plan.version-published', data: { courseId: w.courseId, version: 1, municipality: '999' } });
    expect(first.headers['webhook-id']).toMatch(/^msg_[0-9a-f-]{36}$/);
    expect(first.headers['webhook-timestamp']).toBe(String(Math.floor(t.clock.now().getTime() / 1000)));
    // A tampered body fails verification.
    expect(() => new Webhook(secret).verify(first.body.replace('"version":1', '"version":2'), first.headers as Record<string, string>)).toThrow();

    const rotated = await t.http().post(`/api/v1/webhooks/${created.body.id}/rotate-secret`).set('Authorization', auth).send({ overlapHours: 1 }).expect(200);
    const next = rotated.body.secret as string;
    expect(next).not.toBe(secret);
    expect(rotated.body.previousSecretUntil).toBe(new Date(t.clock.now().getTime() + 3600_000).toISOString());
    await recordEvent();
    await worker.runOnce();
    const during = receiver.received[1];
    expect((during.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(new Webhook(next).verify(during.body, during.headers as Record<string, string>)).toMatchObject({ type: 'course.team-changed' });
    expect(new Webhook(secret).verify(during.body, during.headers as Record<string, string>)).toMatchObject({ type: 'course.team-changed' });

    // After the overlap only the new secret signs (checked by recomputing: the receiver's own clock is not moved).
    advance(t, 3600_000 + 1000);
    await recordEvent();
    await worker.runOnce();
    const afterOverlap = receiver.received[2];
    const id = afterOverlap.headers['webhook-id'] as string;
    const at = new Date(Number(afterOverlap.headers['webhook-timestamp']) * 1000);
    expect(afterOverlap.headers['webhook-signature']).toBe(new Webhook(next).sign(id, at, afterOverlap.body));
    expect(afterOverlap.headers['webhook-signature']).not.toContain(new Webhook(secret).sign(id, at, afterOverlap.body).slice(3));
    t.clock.set(new Date());
    await t.http().delete(`/api/v1/webhooks/${created.body.id}`).set('Authorization', auth).expect(204);
    expect(receiver.received.every((r) => !r.body.includes('cancelled-only'))).toBe(true);
  });

  it('retries through an outage with back-off, delivers every event once per idempotency key, dead-letters after the limit, and replays', async () => {
    receiver.received.length = 0;
    const hook = await t.http().post('/api/v1/webhooks').set('Authorization', auth).send({ url: receiver.url, eventTypes: ['course.team-changed'] }).expect(201);
    receiver.answer(500);
    const events = [await recordEvent(), await recordEvent()];
    expect(await worker.runOnce()).toEqual({ routed: 2, delivered: 0, retrying: 2, dead: 0 });
    // Not due before the back-off (30 s) ends.
    advance(t, 29_000);
    expect(await worker.runOnce()).toEqual({ routed: 0, delivered: 0, retrying: 0, dead: 0 });
    advance(t, 1_000);
    expect(await worker.runOnce()).toEqual({ routed: 0, delivered: 0, retrying: 2, dead: 0 });
    receiver.answer(200);
    advance(t, 60_000);
    expect(await worker.runOnce()).toEqual({ routed: 0, delivered: 2, retrying: 0, dead: 0 });
    advance(t, 86_400_000);
    expect(await worker.runOnce()).toEqual({ routed: 0, delivered: 0, retrying: 0, dead: 0 });

    const ids = receiver.received.map((r) => r.headers['webhook-id'] as string);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(2); // one key per (event, webhook), the same on every attempt
    const ok = receiver.received.filter((r) => r.status === 200);
    expect(ok).toHaveLength(2);
    expect(ok.map((r) => (JSON.parse(r.body) as { data: { id: string } }).data.id).sort()).toEqual(events.map((e) => e.id).sort());

    // A receiver that stays down: three attempts, then the dead letters.
    receiver.received.length = 0;
    receiver.answer(500);
    const doomed = await recordEvent();
    await worker.runOnce();
    advance(t, 30_000);
    await worker.runOnce();
    advance(t, 60_000);
    expect(await worker.runOnce()).toEqual({ routed: 0, delivered: 0, retrying: 0, dead: 1 });
    advance(t, 86_400_000);
    expect(await worker.runOnce()).toEqual({ routed: 0, delivered: 0, retrying: 0, dead: 0 });
    const dead = await t.http().get('/api/v1/event-deliveries').set('Authorization', auth).expect(200);
    expect(dead.body.items).toEqual([
      expect.objectContaining({ eventId: doomed.id, eventType: 'course.team-changed', targetKind: 'webhook', targetId: hook.body.id, status: 'dead', attempts: 3, lastError: 'webhook answered 500', replays: 0 }),
    ]);
    const deliveryId = dead.body.items[0].id as string;
    await t.http().get(`/api/v1/event-deliveries/${deliveryId}`).set('Authorization', `Bearer ${await t.token({ roles: ['admin'] })}`).expect(200);
    await t.http().get(`/api/v1/event-deliveries/${deliveryId}`).set('Authorization', `Bearer ${await t.token({ roles: ['caseworker'] })}`).expect(403);
    await t.http().get(`/api/v1/event-deliveries/00000000-0000-4000-8000-00000000dead`).set('Authorization', auth).expect(404);

    receiver.answer(200);
    const replayed = await t.http().post(`/api/v1/event-deliveries/${deliveryId}/replay`).set('Authorization', auth).expect(200);
    expect(replayed.body).toMatchObject({ status: 'pending', attempts: 0, replays: 1 });
    const again = await t.http().post(`/api/v1/event-deliveries/${deliveryId}/replay`).set('Authorization', auth).expect(409);
    expect(again.body.code).toBe('event-delivery.not-dead');
    expect(await worker.runOnce()).toEqual({ routed: 0, delivered: 1, retrying: 0, dead: 0 });
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual(Array(4).fill(`msg_${deliveryId}`));
    expect(await t.http().get('/api/v1/event-deliveries').set('Authorization', auth).expect(200).then((r) => r.body)).toEqual({ items: [], total: 0, limit: 25, offset: 0 });
    t.clock.set(new Date());
  });
});

describe(`domain events: sector adapters (${testEngine()})`, () => {
  const seen: { event: DomainEventFacts; key: string; planVersion: number; attempt: number }[] = [];
  const sectorPlugin = definePlugin({
    id: 'sector-test',
    displayName: 'Sektorsystemer (test)',
    version: '0.1.0',
    pluginApi: '*',
    extensions: {
      sectorAdapters: [
        {
          id: 'broken-archive',
          eventTypes: ['plan.version-published'],
          deliver: async () => {
            throw new Error('archive offline');
          },
        },
        {
          id: 'job-centre',
          eventTypes: ['plan.version-published'],
          deliver: async (event, ctx) => {
            const plan = await ctx.core.plan.current(String(event.data['courseId']));
            seen.push({ event, key: ctx.idempotencyKey, planVersion: plan.currentVersion, attempt: ctx.attempt });
            return { reference: `JC-${plan.currentVersion}` };
          },
        },
      ],
    },
  });
  let t: TestApp;
  let w: PlanWorld;
  let auth: string;

  beforeAll(async () => {
    t = await startTestApp({ plugins: [sectorPlugin], deployment: { municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [{ id: 'sector-test' }] }] } });
    w = await arrangeWorld(t);
    auth = `Bearer ${await t.token({ roles: INTEGRATION })}`;
  }, 120_000);
  afterAll(() => t?.close());

  it('an adapter that throws blocks neither the write nor the other adapters; each retries on its own', async () => {
    await publish(t, auth, w, 0);
    const worker = t.app.get(EventDeliveryWorker);
    expect(await worker.runOnce()).toEqual({ routed: 1, delivered: 1, retrying: 1, dead: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ event: { type: 'plan.version-published', data: { courseId: w.courseId, version: 1 } }, planVersion: 1, attempt: 1 });

    const all = async (status: string) => (await t.http().get(`/api/v1/event-deliveries?status=${status}&limit=100`).set('Authorization', auth).expect(200)).body.items as Record<string, unknown>[];
    const delivered = await all('delivered');
    expect(delivered).toEqual([expect.objectContaining({ targetKind: 'adapter', targetId: 'sector-test/job-centre', targetReference: 'JC-1', id: seen[0].key })]);
    const pending = await all('pending');
    expect(pending).toEqual([expect.objectContaining({ targetId: 'sector-test/broken-archive', attempts: 1, lastError: 'archive offline' })]);

    // The next event reaches the working adapter at once, while the broken one waits out its back-off.
    await publish(t, auth, w, 1);
    expect(await worker.runOnce()).toEqual({ routed: 1, delivered: 1, retrying: 1, dead: 0 });
    expect(seen.map((s) => s.planVersion)).toEqual([1, 2]);
    expect((await all('pending')).map((d) => d['attempts']).sort()).toEqual([1, 1]);
  });
});

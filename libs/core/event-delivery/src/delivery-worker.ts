import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { PgBoss } from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { EnplanConfig } from '@enplan/core/config';
import { Municipality } from '@enplan/core/database';
import { CoreDeliveryTargets, EventDelivery, signWebhook, Webhook, type DeliveryTargetKind, type DomainEventType } from '@enplan/core/events';
import { PluginRegistry, type DomainEventFacts } from '@enplan/core/extensions';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { checkWebhookUrl } from './webhook-url.js';

export const DELIVERY_QUEUE = 'enplan-event-delivery';

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … doubling, at most 6 h. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
}

/** What one delivery pass did. */
export interface DeliveryPass {
  /** Events routed (each to one delivery per webhook, plugin adapter and core target that takes it). */
  routed: number;
  delivered: number;
  /** Attempts that failed and will be retried. */
  retrying: number;
  /** Deliveries that reached the attempt limit in this pass. */
  dead: number;
}

interface ClaimedRow {
  id: string;
  municipality_id: string;
  event_id: string;
  target_kind: DeliveryTargetKind;
  target_id: string;
  attempts: number;
}

interface EventRow {
  id: string;
  municipality_id: string;
  sequence: string;
  type: DomainEventType;
  occurred_at: Date;
  data: Record<string, string | number | null>;
}

/** How long one webhook request may take before it counts as failed. */
const WEBHOOK_TIMEOUT_MS = 15_000;
const BATCH = 100;

/**
 * Delivers the domain events to their targets: routes each new event to the municipality's webhooks, plugin sector
 * adapters and core delivery targets (`CoreDeliveryTargets`: the sync targets) that take its type (one
 * `event_delivery` row per target), then attempts every due delivery.
 *
 * Each row is claimed in a short transaction of its own (counted attempt, `next_attempt_at` moved a lease ahead,
 * `FOR UPDATE SKIP LOCKED` so two workers never claim the same row), delivered outside any transaction (an HTTP
 * call must not hold a lock), then marked delivered, or failed with exponential back-off, or dead after
 * `ENPLAN_EVENTS_MAX_ATTEMPTS`. A worker killed mid-delivery leaves the row claimed; it falls due again when the
 * lease (`ENPLAN_EVENTS_LEASE_MS`) ends and is delivered again with the same idempotency key.
 *
 * Every time comes from the injected clock, so a test runs a pass with `runOnce()` after advancing its clock.
 *
 * What triggers a pass: on PostgreSQL, pg-boss (schema `pgboss`): each instance's timer enqueues a pass job,
 * throttled to one per time slot across all API instances (singleton key), and whichever instance's pg-boss worker
 * fetches it runs the pass; a job lost with a crashed instance blocks nothing, the next slot sends another. On the embedded
 * database (PGlite) there is exactly one process and no server other processes could reach, so pg-boss (which
 * needs its own connections to a PostgreSQL server) cannot run there: an in-process timer runs the same pass
 * over the same tables.
 */
@Injectable()
export class EventDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventDelivery');
  private timer: NodeJS.Timeout | null = null;
  private boss: PgBoss | null = null;
  private current: Promise<DeliveryPass> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly config: EnplanConfig,
    private readonly registry: PluginRegistry,
    private readonly coreTargets: CoreDeliveryTargets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.events.worker) await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts the periodic passes (pg-boss on PostgreSQL, a timer on the embedded database). Idempotent. */
  async start(): Promise<void> {
    if (this.timer) return;
    const every = this.config.events.pollMs;
    if (this.config.database.kind === 'postgres') {
      const { PgBoss } = await import('pg-boss');
      const boss = new PgBoss({ connectionString: this.config.database.url, schema: 'pgboss', max: 2, application_name: 'enplan-event-delivery' });
      // Never log the error object whole: a connection error can carry the URL.
      boss.on('error', (e: Error) => this.logger.error(`pg-boss: ${e.message.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://***')}`));
      await boss.start();
      // No retries of a pass job: the next tick sends a new one, and the rows carry the retry state.
      await boss.createQueue(DELIVERY_QUEUE, { retryLimit: 0, expireInSeconds: 15 * 60 });
      await boss.work(DELIVERY_QUEUE, { pollingIntervalSeconds: Math.max(0.5, every / 1000) }, async () => {
        await this.runOnce();
      });
      this.boss = boss;
      // One pass job per time slot across all instances (singleton key throttling); a crashed instance's job blocks nothing.
      const slot = Math.max(1, Math.round(every / 1000));
      this.timer = setInterval(
        () => void boss.send(DELIVERY_QUEUE, {}, { singletonKey: 'pass', singletonSeconds: slot }).catch((e: Error) => this.logger.warn(`could not enqueue a delivery pass: ${e.message}`)),
        every,
      );
    } else {
      this.timer = setInterval(() => void this.runOnce().catch((e: Error) => this.logger.error(`delivery pass failed: ${e.message}`)), every);
    }
    this.timer.unref();
    this.logger.log(`event delivery worker started (${this.config.database.kind === 'postgres' ? 'pg-boss' : 'in-process poller'}, every ${every} ms)`);
  }

  /** Stops the passes; waits for a running pass to finish. Idempotent. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, timeout: 10_000 });
    await this.current?.catch(() => undefined);
  }

  /**
   * One pass: route new events, then attempt every due delivery. Passes in one process do not overlap (a call
   * during a pass waits for it and returns its result); passes of several processes share the work by row locks.
   */
  runOnce(): Promise<DeliveryPass> {
    if (this.current) return this.current;
    this.current = this.pass().finally(() => (this.current = null));
    return this.current;
  }

  private async pass(): Promise<DeliveryPass> {
    const out: DeliveryPass = { routed: await this.route(), delivered: 0, retrying: 0, dead: 0 };
    for (;;) {
      const claimed = await this.claim();
      if (!claimed.length) break;
      const results = await Promise.all(claimed.map((c) => this.attempt(c)));
      for (const r of results) out[r]++;
      if (claimed.length < BATCH) break;
    }
    return out;
  }

  /** Turns new events into one delivery per target that takes them, in one transaction. */
  private async route(): Promise<number> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const events: { id: string; municipality_id: string; type: string; data: Record<string, string | number | null> }[] = await em.query(
        `SELECT id, municipality_id, type, data FROM domain_event WHERE routed_at IS NULL ORDER BY sequence LIMIT 1000 FOR UPDATE SKIP LOCKED`,
      );
      if (!events.length) return 0;
      const municipalities = new Map((await em.find(Municipality, { select: { id: true, code: true } })).map((m) => [m.id, m.code]));
      const hooks = await em.find(Webhook, { where: { active: true } });
      const rows: Partial<EventDelivery>[] = [];
      for (const e of events) {
        const code = municipalities.get(e.municipality_id) ?? '';
        for (const h of hooks) {
          if (h.municipalityId === e.municipality_id && (!h.eventTypes.length || h.eventTypes.includes(e.type))) rows.push(this.row(e, 'webhook', h.id, now));
        }
        for (const a of this.registry.sectorAdapters(code)) if (a.eventTypes.includes(e.type)) rows.push(this.row(e, 'adapter', a.key, now));
        for (const key of this.coreTargets.targetsFor(code, e.type as DomainEventType, e.data ?? {})) rows.push(this.row(e, 'core', key, now));
      }
      if (rows.length) await em.createQueryBuilder().insert().into(EventDelivery).values(rows).orIgnore().execute();
      await em.query(`UPDATE domain_event SET routed_at = $1 WHERE id = ANY($2::uuid[])`, [now, events.map((e) => e.id)]);
      return events.length;
    });
  }

  private row(e: { id: string; municipality_id: string }, targetKind: DeliveryTargetKind, targetId: string, now: Date): Partial<EventDelivery> {
    return { municipalityId: e.municipality_id, eventId: e.id, targetKind, targetId, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now };
  }

  /** Claims due deliveries: counts the attempt and holds the row for a lease, committed before delivering. */
  private async claim(): Promise<ClaimedRow[]> {
    const now = this.clock.now();
    const leaseEnd = new Date(now.getTime() + this.config.events.leaseMs);
    return this.ds.transaction(async (em) => {
      const [rows] = (await em.query(
        `UPDATE event_delivery SET attempts = attempts + 1, last_attempt_at = $1, next_attempt_at = $2
          WHERE id IN (SELECT id FROM event_delivery WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, municipality_id, event_id, target_kind, target_id, attempts`,
        [now, leaseEnd],
      )) as [ClaimedRow[], number];
      return rows;
    });
  }

  private async attempt(c: ClaimedRow): Promise<'delivered' | 'retrying' | 'dead'> {
    let reference: string | null = null;
    try {
      const [event] = (await this.ds.query(`SELECT id, municipality_id, sequence, type, occurred_at, data FROM domain_event WHERE id = $1`, [c.event_id])) as EventRow[];
      if (!event) throw new Error('the event is gone');
      if (c.target_kind === 'webhook') await this.toWebhook(c, event);
      else if (c.target_kind === 'core') reference = await this.toCoreTarget(c, event);
      else reference = await this.toAdapter(c, event);
    } catch (e) {
      return this.failed(c, e instanceof Error ? e.message : String(e));
    }
    await this.ds.query(
      `UPDATE event_delivery SET status = 'delivered', delivered_at = $2, target_reference = $3, last_error = NULL WHERE id = $1 AND attempts = $4 AND status = 'pending'`,
      [c.id, this.clock.now(), reference?.slice(0, 500) ?? null, c.attempts],
    );
    return 'delivered';
  }

  private async failed(c: ClaimedRow, message: string): Promise<'retrying' | 'dead'> {
    const now = this.clock.now();
    const dead = c.attempts >= this.config.events.maxAttempts;
    await this.ds.query(
      `UPDATE event_delivery SET status = $2, next_attempt_at = $3, last_error = $4, dead_at = $5 WHERE id = $1 AND attempts = $6 AND status = 'pending'`,
      [c.id, dead ? 'dead' : 'pending', new Date(now.getTime() + backoffMs(c.attempts)), message.slice(0, 500), dead ? now : null, c.attempts],
    );
    if (dead) this.logger.warn(`delivery ${c.id} (${c.target_kind} ${c.target_id}) dead-lettered after ${c.attempts} attempts`);
    return dead ? 'dead' : 'retrying';
  }

  private async toWebhook(c: ClaimedRow, e: EventRow): Promise<void> {
    const hook = await this.ds.getRepository(Webhook).findOne({ where: { id: c.target_id, municipalityId: c.municipality_id } });
    if (!hook?.active) throw new Error('the webhook was removed');
    // The SSRF guard again: the name may point elsewhere since registration (the stored error names no address).
    const guard = await checkWebhookUrl(hook.url, { allowLoopback: this.config.events.allowLoopbackWebhooks });
    if (!guard.ok) throw new Error(`webhook url refused (${guard.problem})`);
    const now = this.clock.now();
    const [m] = (await this.ds.query(`SELECT code FROM municipality WHERE id = $1`, [c.municipality_id])) as { code: string }[];
    const body = JSON.stringify({ type: e.type, timestamp: new Date(e.occurred_at).toISOString(), data: { id: e.id, sequence: Number(e.sequence), municipality: m?.code, ...e.data } });
    const secrets = [hook.secret, ...(hook.previousSecret && hook.previousSecretUntil && hook.previousSecretUntil > now ? [hook.previousSecret] : [])];
    const headers = signWebhook({ msgId: `msg_${c.id}`, at: now, body, secrets });
    let res: Response;
    try {
      res = await fetch(hook.url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), redirect: 'manual' });
    } catch (err) {
      // The cause names the host at most; never the body.
      throw new Error(`webhook unreachable: ${(err as Error).name}`);
    }
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}`);
  }

  private async toAdapter(c: ClaimedRow, e: EventRow): Promise<string | null> {
    const [m] = (await this.ds.query(`SELECT code FROM municipality WHERE id = $1`, [c.municipality_id])) as { code: string }[];
    const facts: DomainEventFacts = Object.freeze({ id: e.id, sequence: Number(e.sequence), type: e.type, occurredAt: new Date(e.occurred_at), data: Object.freeze({ ...e.data }) });
    const r = await this.ds.transaction((em: EntityManager) =>
      this.registry.deliverToAdapter({ em, now: this.clock.now(), municipalityCode: m?.code ?? '', municipalityId: c.municipality_id }, c.target_id, facts, {
        idempotencyKey: c.id,
        attempt: c.attempts,
      }),
    );
    return r.reference ?? null;
  }

  /** A core target (a sync target): outside any transaction, the provider keeps its own records (the sync ledger). */
  private async toCoreTarget(c: ClaimedRow, e: EventRow): Promise<string | null> {
    const [m] = (await this.ds.query(`SELECT code FROM municipality WHERE id = $1`, [c.municipality_id])) as { code: string }[];
    const r = await this.coreTargets.deliver(
      c.target_id,
      Object.freeze({ id: e.id, municipalityId: c.municipality_id, municipalityCode: m?.code ?? '', type: e.type, occurredAt: new Date(e.occurred_at), data: Object.freeze({ ...e.data }) }),
      { idempotencyKey: c.id, attempt: c.attempts },
    );
    return r.reference;
  }
}

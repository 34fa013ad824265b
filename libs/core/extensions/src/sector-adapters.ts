import type { WorkListContext } from './extension-points.js';

/**
 * A domain event as a sector adapter receives it: ids and kinds only (never a name, CPR number or free text).
 * The adapter fetches what it needs through `ctx.core` (the plan, the course, its consents) under the core's rules.
 */
export interface DomainEventFacts {
  /** The event's id (the same in the pull feed and in webhooks). */
  readonly id: string;
  /** The event's place in the municipality's feed. */
  readonly sequence: number;
  /** e.g. `plan.version-published`, `decision.decided` (the core's list: `DOMAIN_EVENT_TYPES`). */
  readonly type: string;
  readonly occurredAt: Date;
  /** occurredAt: when the change happened (the core's clock), not when it is delivered. data: record ids (`courseId`, `decisionId`, `meetingId` …) and kinds (`version`, `legalArea` …). */
  readonly data: Readonly<Record<string, string | number | null>>;
}

/**
 * What an adapter's `deliver` gets: the municipality, the plugin's settings, the core's read ports and the
 * plugin's own tables, in a transaction of its own that commits only if `deliver` returns (a throw rolls back
 * the adapter's own writes, and the delivery is retried with back-off). No caller: the worker runs it.
 */
export interface SectorAdapterContext<S = unknown> extends WorkListContext<S> {
  /** The same on every attempt of this event to this adapter: pass it to the sector system to deduplicate. */
  readonly idempotencyKey: string;
  /** 1 on the first attempt. */
  readonly attempt: number;
}

/** What a delivered event became in the sector system (an archive document id, a job-centre case number). */
export interface SectorAdapterResult {
  /** The target's reference, shown in the delivery (and the sync ledger); null when the target gives none. */
  readonly reference?: string | null;
}

/**
 * A sector system the outbox feeds (an ESDH archive drop, a FHIR export, the job-centre system, a JSON push).
 * Each event of the `eventTypes` it takes becomes one delivery to it, with its own retries and dead letter:
 * an adapter that throws blocks neither the other targets nor the write that caused the event.
 *
 * `deliver` is at least once: after a crash or a timeout it is called again with the same `idempotencyKey`.
 * Throw to fail the attempt (the message, cut to 500 characters, is kept for the operator: no personal data).
 */
export interface SectorAdapter<S = unknown> {
  /** kebab-case, unique within the plugin; the delivery target is `<plugin id>/<adapter id>`. */
  readonly id: string;
  /** Domain event types it takes (e.g. `['plan.version-published', 'decision.decided']`). */
  readonly eventTypes: readonly string[];
  deliver(event: DomainEventFacts, ctx: SectorAdapterContext<S>): Promise<SectorAdapterResult | void>;
}

import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { CoreDeliveryTargets } from './core-delivery-targets.js';
import { DomainEvent } from './domain-event.entity.js';
import { eventDataProblems, isDomainEventType, type DomainEventType, type EventData } from './event-types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a service records: which municipality, what happened, to which records. */
export interface DomainEventInput {
  municipalityId: string;
  type: DomainEventType;
  /** Ids and kinds only (see `eventDataProblems`); `courseId` here also fills the event's course column. */
  data: EventData;
  /** Who caused it (the principal's user id; an id that is not a uuid, e.g. an integration's, is kept as null); null or absent for the system. */
  actorId?: string | null;
  /** Default: the injected clock's now (`DomainEvents`), required for `recordDomainEvent`. */
  occurredAt?: Date;
}

/** A recorded event as the feed and the targets see it. */
export interface RecordedEvent {
  id: string;
  /** The feed's cursor: strictly increasing in commit-visible order (see the feed's README section). */
  sequence: number;
  type: DomainEventType;
  occurredAt: string;
  data: EventData;
}

export class DomainEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainEventError';
  }
}

/**
 * Writes the event with `em`, that is in the caller's transaction: if the change rolls back, so does the event,
 * and if the event cannot be written, neither is the change. Nothing is delivered here; the delivery worker
 * picks the row up after commit. Throws `DomainEventError` on data that is not ids and kinds (a programming error).
 */
export async function recordDomainEvent(em: EntityManager, e: DomainEventInput & { occurredAt: Date }): Promise<RecordedEvent> {
  if (!isDomainEventType(e.type)) throw new DomainEventError(`unknown domain event type ${JSON.stringify(e.type)}`);
  const problems = eventDataProblems(e.data);
  if (problems.length) throw new DomainEventError(`event ${e.type}: ${problems.join('; ')}`);
  const courseId = typeof e.data['courseId'] === 'string' ? e.data['courseId'] : null;
  const [row] = (await em
    .createQueryBuilder()
    .insert()
    .into(DomainEvent)
    .values({ municipalityId: e.municipalityId, type: e.type, data: { ...e.data }, courseId, occurredAt: e.occurredAt, actorId: e.actorId && UUID.test(e.actorId) ? e.actorId : null, routedAt: null, txId: () => 'pg_current_xact_id()::text::bigint' })
    .returning(['id', 'sequence'])
    .execute()).raw as { id: string; sequence: string }[];
  return { id: row.id, sequence: Number(row.sequence), type: e.type, occurredAt: e.occurredAt.toISOString(), data: { ...e.data } };
}

/** `recordDomainEvent` with the time from the injected clock. Inject it where a service records events. */
@Injectable()
export class DomainEvents {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** Records the event in the transaction `em` belongs to (the caller's unit of work). */
  record(em: EntityManager, e: DomainEventInput): Promise<RecordedEvent> {
    return recordDomainEvent(em, { ...e, occurredAt: e.occurredAt ?? this.clock.now() });
  }
}

/** Global, so that any feature module's service can inject `DomainEvents` and register `CoreDeliveryTargets`. */
@Global()
@Module({ providers: [DomainEvents, CoreDeliveryTargets], exports: [DomainEvents, CoreDeliveryTargets] })
export class DomainEventsModule {}

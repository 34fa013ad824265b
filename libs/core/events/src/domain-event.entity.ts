import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import type { DomainEventType, EventData } from './event-types.js';

/**
 * One domain event, written in the same transaction as the change it reports (the transactional outbox).
 * `sequence` is the stable order of the pull feed: an identity column, never a timestamp, so two events of
 * the same millisecond still have an order. (The feed also holds back rows of transactions still open: see
 * the events feed in `@enplan/core/event-delivery`.)
 */
@Entity({ name: 'domain_event' })
@Index('ix_domain_event_feed', ['municipalityId', 'sequence'])
@Index('ix_domain_event_course', ['municipalityId', 'courseId', 'sequence'])
@Index('ix_domain_event_unrouted', ['routedAt', 'sequence'])
export class DomainEvent extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Monotonic across the database (bigint; read back as a string by the driver). */
  @Column({ type: 'bigint', unique: true })
  @Generated('increment')
  sequence: string;

  @Column({ type: 'varchar', length: 60 })
  type: DomainEventType;

  /** Ids and kinds only (see `eventDataProblems`). */
  @Column({ type: 'jsonb' })
  data: EventData;

  /** The course the event is about, when it is about one (for `GET /courses/{id}/sync` and filters). */
  @Column({ type: 'uuid', nullable: true })
  courseId: string | null;

  /** From the injected clock, like every business time. */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** The staff member or integration whose action caused it; null for the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /**
   * The id of the transaction that wrote the row (`pg_current_xact_id()`, set on insert): the feed serves only
   * rows whose transaction is older than every one still open, so a lower sequence committed after a higher one
   * is never skipped by a client's cursor. Not part of the event.
   */
  @Column({ type: 'bigint', select: false })
  txId: string;

  /** When the delivery worker turned it into deliveries (one per webhook and adapter that takes it); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  routedAt: Date | null;
}


import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { DomainEvent } from './domain-event.entity.js';

/** `core`: a target of a core feature library (the sync targets), through `CoreDeliveryTargets`. */
export const DELIVERY_TARGET_KINDS = ['webhook', 'adapter', 'core'] as const;
export type DeliveryTargetKind = (typeof DELIVERY_TARGET_KINDS)[number];

/** pending (waiting or in flight), delivered, dead (gave up after the attempt limit; an operator may replay it). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one target: the unit of retry, back-off and dead-lettering, so a target that fails holds up
 * neither the other targets nor the write that caused the event. The row's id is the idempotency key the
 * target sees on every attempt (`webhook-id: msg_<id>` for webhooks, `ctx.idempotencyKey` for adapters):
 * delivery is at least once, and a receiver deduplicates on it.
 *
 * A worker claims a due row by moving `next_attempt_at` a lease ahead and counting the attempt, in a short
 * transaction of its own; if the worker dies mid-delivery, the row falls due again when the lease ends.
 */
@Entity({ name: 'event_delivery' })
@Unique('uq_event_delivery_target', ['eventId', 'targetKind', 'targetId'])
@Index('ix_event_delivery_status', ['municipalityId', 'status', 'nextAttemptAt'])
@Index('ix_event_delivery_due', ['status', 'nextAttemptAt'])
export class EventDelivery extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => DomainEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: DomainEvent;

  @Column({ type: 'varchar', length: 20 })
  targetKind: DeliveryTargetKind;

  /** The webhook's id, the adapter's key (`<plugin id>/<adapter id>`) or the core target's (`<provider>/<target>`, e.g. `sync/acadre`). */
  @Column({ type: 'varchar', length: 200 })
  targetId: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: DeliveryStatus;

  /** Attempts started (a claimed attempt counts even if its worker died). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When the row is next due (after a failure: back-off; while claimed: the end of the lease). */
  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  /** Why the last attempt failed: a status code or the adapter's error message, cut to 500 characters. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** What the target calls what it received (an archive document id, a job-centre case number), when it says. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  targetReference: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deadAt: Date | null;

  /** How often an operator replayed it from the dead letters. */
  @Column({ type: 'int', default: 0 })
  replays: number;
}

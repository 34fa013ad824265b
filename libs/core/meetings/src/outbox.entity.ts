import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Meeting } from './meeting.entity.js';
import { OUTBOX_STATUSES, OUTBOX_TOPICS, type OutboxStatus, type OutboxTopic } from '@enplan/core/meeting-rules';

/**
 * The outbox: messages the core has decided to send, written in the same transaction as the change that
 * caused them, and delivered later by an integration (Digital Post / e-Boks, a print-and-post service, SMS
 * or e-mail gateway, the staff's notification channel). The core itself never sends anything.
 *
 * Contract for the delivering integration:
 * - Pick rows with `status = 'pending'`, oldest `created_at` first, one municipality at a time, locking them
 *   (`FOR UPDATE SKIP LOCKED`) so that several workers never deliver the same row.
 * - Resolve the address at delivery time from `recipient_kind` / `recipient_id` (the citizen's CPR for
 *   Digital Post, postal address for a letter, e-mail or phone; the staff member's channel). The outbox holds
 *   no CPR number and no address, so a copy of it leaks neither.
 * - Deliver `payload` as described for its `topic`:
 *   - `meeting-invitation`: `{ meetingId, channel, language: 'da', subject, html, text, startsAt, endsAt }`;
 *     `channel` (`digital-post` | `letter` | `email` | `sms`) says how; `html` is the document for Digital
 *     Post and print, `text` the plain version (and the whole message for SMS).
 *     A moved or cancelled meeting sends the citizen a new one with `change` (`rescheduled` | `cancelled`) and
 *     the meeting's `sequence`: a later message for the same meeting supersedes an earlier one.
 *   - `meeting-update` (to staff): `{ meetingId, staffMemberId, change, sequence, subject, text, ics, startsAt,
 *     endsAt }`; `ics` is the meeting as iCalendar (same UID, the new SEQUENCE, `STATUS:CANCELLED` when
 *     cancelled) for the staff member's calendar.
 *   - `work-list-reminder`: `{ staffMemberId, day, counts: { overdue, due }, items: [{ kind, state, courseId,
 *     dueOn, ref }], text }`; no titles or notes, only references the staff member opens in the product.
 * - On success set `status = 'sent'`, `sent_at`; on a failure increment `attempts`, set `last_attempt_at` and
 *   `last_error` (never personal data) and leave it `pending` to retry, or set `failed` when giving up.
 * - `dedupe_key` makes writers idempotent (one reminder per staff member per day): a second insert with the
 *   same key in the municipality is ignored.
 */
@Entity({ name: 'outbox_message' })
@Unique('uq_outbox_dedupe', ['municipalityId', 'dedupeKey'])
@Index('ix_outbox_status_created', ['status', 'createdAt'])
export class OutboxMessage extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: OUTBOX_TOPICS, enumName: 'outbox_topic' })
  topic: OutboxTopic;

  @Column({ type: 'varchar', length: 20 })
  recipientKind: 'citizen' | 'staff';

  @Column({ type: 'uuid' })
  recipientId: string;

  /** The meeting an invitation is for. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'enum', enum: OUTBOX_STATUSES, enumName: 'outbox_status', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** From the injected clock, like every other business time. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** The user whose action wrote it; null for the system (the reminder job). */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

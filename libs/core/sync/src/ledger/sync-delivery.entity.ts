import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course } from '@enplan/core/courses';

export const SYNC_STATES = ['pending', 'delivered', 'failed', 'needs-manual-entry'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** What reaches the sector systems: a published plan version, or (once decisions land) a decided decision. */
export const SYNC_SUBJECTS = ['plan-version', 'decision'] as const;
export type SyncSubjectKind = (typeof SYNC_SUBJECTS)[number];

/**
 * The sync ledger: one row per plan version (or decision) and target system, saying whether it got there, when,
 * how often it was tried and under which reference the target filed it. A row is updated on every delivery
 * attempt; `manual` marks a delivery that a person made by typing it into the target (what the product exists to
 * make unnecessary). No personal data: `lastError` holds a status code or error kind, never a response body.
 */
@Entity({ name: 'sync_delivery' })
@Unique('uq_sync_delivery_subject_target', ['municipalityId', 'subjectKind', 'subjectId', 'target'])
@Index('ix_sync_delivery_course', ['municipalityId', 'courseId'])
@Index('ix_sync_delivery_subject_at', ['municipalityId', 'subjectAt'])
export class SyncDelivery extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'enum', enum: SYNC_SUBJECTS, enumName: 'sync_subject_kind' })
  subjectKind: SyncSubjectKind;

  /** The plan version's (or decision's) id. */
  @Column({ type: 'uuid' })
  subjectId: string;

  /** The plan version number, for plan versions. */
  @Column({ type: 'int', nullable: true })
  subjectVersion: number | null;

  /** When the version was published (the decision decided): the month the figure counts it in. */
  @Column({ type: 'timestamptz' })
  subjectAt: Date;

  /** The target's id from the municipality's configuration (`sync[].id` in the deployment). */
  @Column({ type: 'varchar', length: 40 })
  target: string;

  @Column({ type: 'enum', enum: SYNC_STATES, enumName: 'sync_state', default: 'pending' })
  state: SyncState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Delivered by a person typing it in (or confirming they did), not by the adapter. */
  @Column({ type: 'boolean', default: false })
  manual: boolean;

  /** The target's own reference (archive file, FHIR location, the job-centre system's id, a journal number). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  targetReference: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  /** Who recorded a manual entry. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;
}

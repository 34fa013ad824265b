import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course } from '@enplan/core/courses';
import { ITEM_VISIBILITIES, type ItemVisibility } from '@enplan/core/access';
import { LEGAL_AREAS, type LegalArea } from '@enplan/core/organisation';
import { DECISION_STATUSES, NOTIFICATION_CHANNELS, type ActionOutcome, type DecisionStatus, type NotificationChannel } from './decision-vocabulary.js';

/** One plan action the decision grants or refuses (its id in the plan version the decision names). */
export interface DecidedAction {
  actionId: string;
  outcome: ActionOutcome;
}

/**
 * A formal decision (afgørelse) on a course, kept apart from the plan: a legal basis from the catalogue (the
 * legal area follows from it), the plan actions it grants or refuses, the text, reasoning and complaint
 * guidance, and its effective period. A draft is edited freely; once decided the row is frozen (the
 * application refuses, and a database trigger refuses any UPDATE but the one step decided → notified), and a
 * change is a new decision naming this one in `supersedesId`.
 */
@Entity({ name: 'decision' })
@Index('ix_decision_course', ['municipalityId', 'courseId', 'createdAt'])
@Index('ix_decision_meeting', ['municipalityId', 'meetingId'])
// At most one decided decision supersedes another (a partial unique index, written in the migration).
@Index('uq_decision_supersedes', { synchronize: false })
export class Decision extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'enum', enum: DECISION_STATUSES, enumName: 'decision_status', default: 'draft' })
  status: DecisionStatus;

  /** A code of the legal-basis catalogue; a draft opened from a meeting may not have one yet. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  legalBasis: string | null;

  /** Follows from the legal basis (or, for a draft without one, from the meeting outcome that opened it). */
  @Column({ type: 'enum', enum: LEGAL_AREAS, enumName: 'legal_area' })
  legalArea: LegalArea;

  /** The plan version whose action ids `actions` refers to (the current one when the draft was last saved). */
  @Column({ type: 'int', nullable: true })
  planVersion: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  actions: DecidedAction[];

  /** The plain-language summary: what the letter says first. */
  @Column({ type: 'text', default: '' })
  summary: string;

  /** The decision itself, in the legal wording. */
  @Column({ type: 'text', default: '' })
  text: string;

  @Column({ type: 'text', default: '' })
  reasoning: string;

  /** The complaint guidance as it will be (or was) sent: the area's template when the draft was opened, editable until decided. */
  @Column({ type: 'text', default: '' })
  complaintGuidance: string;

  @Column({ type: 'date', nullable: true })
  effectiveFrom: string | null;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'enum', enum: ITEM_VISIBILITIES, enumName: 'item_visibility', default: 'team' })
  visibility: ItemVisibility;

  /** The meeting whose decision outcome opened the draft. */
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  meetingOutcomeId: string | null;

  /** The decision this one replaces (same course, decided before). */
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => Decision, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Decision;

  /** For a provision a committee decides: the committee, the day it approved and its reference. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  committeeName: string | null;

  @Column({ type: 'date', nullable: true })
  committeeApprovedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  committeeReference: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  updatedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  @Column({ type: 'enum', enum: NOTIFICATION_CHANNELS, enumName: 'decision_notification_channel', nullable: true })
  notifiedChannel: NotificationChannel | null;

  @Column({ type: 'uuid', nullable: true })
  notifiedBy: string | null;
}

/** A municipality's own complaint guidance for one legal area (replacing the core's Danish default). */
@Entity({ name: 'decision_complaint_template' })
@Unique('uq_decision_complaint_template', ['municipalityId', 'legalArea'])
export class DecisionComplaintTemplate extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: LEGAL_AREAS, enumName: 'legal_area' })
  legalArea: LegalArea;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid' })
  updatedBy: string;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A municipality's decision settings; without a row the defaults hold (`DEFAULT_COMMITTEE_LEGAL_BASES`). */
@Entity({ name: 'decision_settings' })
@Unique('uq_decision_settings', ['municipalityId'])
export class DecisionSettings extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Legal-basis codes whose decisions a committee makes: recorded with the committee's approval. */
  @Column({ type: 'varchar', length: 40, array: true })
  committeeLegalBases: string[];

  @Column({ type: 'uuid' })
  updatedBy: string;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

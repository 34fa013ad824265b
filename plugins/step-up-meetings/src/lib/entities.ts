import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/plugin-api';
import type { AgreementDirection, BenefitCategory, StoredState } from './vocabulary.js';

/*
 * The plugin's tables, all prefixed `step_up_meetings_`, one row per course (the transitions: one per step).
 * Each hangs off the core's `course` table by a foreign key with ON DELETE CASCADE, named by table ('course')
 * rather than by importing the core entity (a plugin imports only the plugin API): when the retention purge
 * erases a course, the plugin's rows about it go with it. Times are written from the injected clock.
 */

/** One course's Step-Up flow: its state, the evidence of eligibility, and each step's facts. */
@Entity({ name: 'step_up_meetings_flow' })
export class StepUpFlow extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne('course', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: unknown;

  /** preparing, material-sent, meeting-held, agreement-signed, completed (re-review-due is derived). */
  @Column({ type: 'varchar', length: 20 })
  state: StoredState;

  @Column({ type: 'date' })
  startedOn: string;

  @Column({ type: 'uuid' })
  startedBy: string;

  /** Years on benefit stated when the flow started (from the benefit system), the evidence for eligibility. */
  @Column({ type: 'int' })
  yearsOnBenefit: number;

  @Column({ type: 'varchar', length: 60 })
  benefitCategory: BenefitCategory;

  /** startedOn + preparationDays, fixed when the flow starts. */
  @Column({ type: 'date' })
  preparationDueOn: string;

  @Column({ type: 'date', nullable: true })
  materialSentOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  materialSentBy: string | null;

  /** The departments (org units) the worksheet and material went to. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  materialRecipientUnitIds: string[];

  /** The core meeting (type step-up) recorded as the step-up meeting. */
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'date', nullable: true })
  meetingHeldOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  chairStaffMemberId: string | null;

  @Column({ type: 'uuid', nullable: true })
  jobConsultantStaffMemberId: string | null;

  /** Agreement date + reReviewAfterMonths, fixed when the agreement is signed. */
  @Column({ type: 'date', nullable: true })
  reReviewDueOn: string | null;

  /** The core meeting (type re-review) recorded as the re-review. */
  @Column({ type: 'uuid', nullable: true })
  reReviewMeetingId: string | null;

  @Column({ type: 'date', nullable: true })
  reReviewHeldOn: string | null;

  @Column({ type: 'text', nullable: true })
  reReviewConclusion: string | null;

  /** Why the course may close without the re-review (the citizen moved, withdrew …): recorded, with who and when. */
  @Column({ type: 'text', nullable: true })
  reReviewWaivedReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  reReviewWaivedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reReviewWaivedAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The worksheet (arbejdsskema) filled in with the citizen during the preparation, in the citizen's own words. */
@Entity({ name: 'step_up_meetings_worksheet' })
export class StepUpWorksheet extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne('course', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: unknown;

  /** My situation now. */
  @Column({ type: 'text' })
  situation: string;

  /** What I wish for (work, everyday life). */
  @Column({ type: 'text' })
  wishes: string;

  /** What stands in the way. */
  @Column({ type: 'text' })
  obstacles: string;

  /** The day it was filled in with the citizen. */
  @Column({ type: 'date' })
  filledInOn: string;

  @Column({ type: 'uuid' })
  updatedBy: string;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One parallel action in the agreed order. */
export interface AgreementAction {
  text: string;
  responsible: string;
}

/** The agreement document (aftaledokument) signed at the step-up meeting. */
@Entity({ name: 'step_up_meetings_agreement' })
export class StepUpAgreement extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne('course', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: unknown;

  /** The next step in the case, in plain words. */
  @Column({ type: 'text' })
  nextStep: string;

  /** Who is responsible for the next step (a name or function, or "borgeren"). */
  @Column({ type: 'varchar', length: 200 })
  responsible: string;

  @Column({ type: 'date', nullable: true })
  nextStepDueOn: string | null;

  /** The parallel actions in the order agreed. */
  @Column({ type: 'jsonb' })
  actions: AgreementAction[];

  /** Toward which decision on the citizen's future support the agreement points. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  direction: AgreementDirection | null;

  @Column({ type: 'date' })
  citizenSignedOn: string;

  @Column({ type: 'uuid' })
  chairStaffMemberId: string;

  @Column({ type: 'date' })
  chairSignedOn: string;

  @Column({ type: 'uuid' })
  jobConsultantStaffMemberId: string;

  @Column({ type: 'date' })
  jobConsultantSignedOn: string;

  /** The day the last of the three signed: the agreement's date, from which the re-review is counted. */
  @Column({ type: 'date' })
  agreedOn: string;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** Every state change of a flow, with who and when: its history. */
@Entity({ name: 'step_up_meetings_transition' })
export class StepUpTransition extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne('course', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: unknown;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromState: StoredState | null;

  @Column({ type: 'varchar', length: 20 })
  toState: StoredState;

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}

export const STEP_UP_ENTITIES = [StepUpFlow, StepUpWorksheet, StepUpAgreement, StepUpTransition];

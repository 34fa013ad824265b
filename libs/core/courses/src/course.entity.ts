import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Citizen, Household } from '@enplan/core/citizens';
import { OrgUnit } from '@enplan/core/organisation';
import { COURSE_STATUSES, OUTCOME_CODES, REFERRAL_REASONS, TARGET_GROUPS, type CourseStatus, type OutcomeCode, type ReferralReason, type TargetGroup } from './vocabulary.js';

/** One citizen's (or one household's) holistic course (forløb). */
@Entity({ name: 'course' })
@Check('ck_course_subject', '("citizen_id" IS NOT NULL) OR ("household_id" IS NOT NULL)')
@Index('ix_course_municipality_status_model', ['municipalityId', 'status', 'modelId'])
export class Course extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The citizen the course is for (for a family course: the household's main citizen, if any). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  citizenId: string | null;

  @ManyToOne(() => Citizen, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Citizen;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  householdId: string | null;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'household_id' })
  household?: Household;

  @Column({ type: 'enum', enum: TARGET_GROUPS, enumName: 'target_group' })
  targetGroup: TargetGroup;

  /** The organisational model: an enabled plugin id, or "generic". */
  @Column({ type: 'varchar', length: 64 })
  modelId: string;

  @Column({ type: 'enum', enum: COURSE_STATUSES, enumName: 'course_status', default: 'referred' })
  status: CourseStatus;

  /** Who referred: a name or function, free text ("job centre, team 3"). */
  @Column({ type: 'varchar', length: 200 })
  referredBy: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  referringUnitId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'referring_unit_id' })
  referringUnit?: OrgUnit;

  @Column({ type: 'date' })
  referredOn: string;

  @Column({ type: 'enum', enum: REFERRAL_REASONS, enumName: 'referral_reason' })
  referralReasonCode: ReferralReason;

  /** Why this citizen, in words: recorded because "dumping ground" selection is a known risk. */
  @Column({ type: 'text' })
  referralReason: string;

  @Column({ type: 'date', nullable: true })
  activatedOn: string | null;

  @Column({ type: 'enum', enum: OUTCOME_CODES, enumName: 'outcome_code', nullable: true })
  outcomeCode: OutcomeCode | null;

  @Column({ type: 'text', nullable: true })
  outcomeText: string | null;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  /** Set when the course is closed or declined: endDate plus the retention period. After it, the course may be purged. */
  @Column({ type: 'date', nullable: true })
  retentionUntil: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Every status change, with who, when and why: the course's history. */
@Entity({ name: 'course_transition' })
export class CourseTransition extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'enum', enum: COURSE_STATUSES, enumName: 'course_status', nullable: true })
  fromStatus: CourseStatus | null;

  @Column({ type: 'enum', enum: COURSE_STATUSES, enumName: 'course_status' })
  toStatus: CourseStatus;

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  reason: string;

  /** Household members the reason concerns (family courses): disclosed to them by the rule, without a review. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  concerns: string[];
}

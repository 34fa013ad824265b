import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course } from '@enplan/core/courses';
import type { PlanContent } from './plan-content.js';

/** The one plan of a course: a pointer to its current version plus the shared working draft. */
@Entity({ name: 'plan' })
export class Plan extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  courseId: string;

  @OneToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** 0 until the first version is published. */
  @Column({ type: 'int', default: 0 })
  currentVersion: number;

  @Column({ type: 'jsonb', nullable: true })
  draft: PlanContent | null;

  /** The version the draft was started from. */
  @Column({ type: 'int', nullable: true })
  draftBaseVersion: number | null;

  /** Bumped on every draft save; the draft's ETag. */
  @Column({ type: 'int', default: 0 })
  draftRevision: number;

  @Column({ type: 'uuid', nullable: true })
  draftUpdatedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  draftUpdatedAt: Date | null;
}

/** A published plan version. Never updated: revising the plan means publishing the next version. */
@Entity({ name: 'plan_version' })
@Unique('uq_plan_version', ['planId', 'version'])
export class PlanVersion extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  content: PlanContent;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @Column({ type: 'text' })
  changeSummary: string;

  /** Household members the change summary concerns (family courses): disclosed to them by the rule, without a review. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  changeSummaryConcerns: string[];

  /** The meeting whose outcome this version records (meetings issue). */
  @Column({ type: 'uuid', nullable: true })
  sourceMeetingId: string | null;
}

/** A municipality's own additions to the legal-basis catalogue the core ships. */
@Entity({ name: 'legal_basis' })
@Unique('uq_legal_basis_code', ['municipalityId', 'code'])
export class LegalBasis extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  law: string;

  @Column({ type: 'varchar', length: 40 })
  paragraph: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;
}

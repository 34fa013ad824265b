import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course } from '@enplan/core/courses';
import { RESPONDENT_TYPES, type ItemAnswer, type RespondentType, type ScoreResult } from '@enplan/core/progression-instruments';
import { MEASUREMENT_OCCASIONS, MEASUREMENT_STATUSES, type MeasurementOccasion, type MeasurementStatus } from './vocabulary.js';

/**
 * One progression measurement on a course: one respondent's answers to one version of one instrument, about
 * one citizen (the course's citizen, or a child of the household for a child instrument). A course record
 * like the plan: read and written under the course's access rules, logged, and purged with the course.
 * The answers point to the exact instrument version they used, which never changes.
 */
@Entity({ name: 'progression_measurement' })
@Index('ix_progression_measurement_municipality_course', ['municipalityId', 'courseId', 'startedAt'])
@Index('ix_progression_measurement_municipality_instrument', ['municipalityId', 'instrumentId', 'instrumentVersion'])
export class Measurement extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'text' })
  instrumentId: string;

  @Column({ type: 'int' })
  instrumentVersion: number;

  /** The citizen the answers are about (the course's citizen or one child); the family-visibility key. */
  @Column({ type: 'uuid' })
  aboutCitizenId: string;

  @Column({ type: 'enum', enum: RESPONDENT_TYPES, enumName: 'progression_respondent_type' })
  respondentType: RespondentType;

  /** The household member who answered (citizen, parent, youth); null when staff answered. */
  @Column({ type: 'uuid', nullable: true })
  respondentCitizenId: string | null;

  @Column({ type: 'enum', enum: MEASUREMENT_OCCASIONS, enumName: 'progression_occasion' })
  occasion: MeasurementOccasion;

  @Column({ type: 'enum', enum: MEASUREMENT_STATUSES, enumName: 'progression_measurement_status' })
  status: MeasurementStatus;

  /** The staff member or integration that started it (and recorded the answers). */
  @Column({ type: 'uuid' })
  startedBy: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** One entry per item touched so far (answered, skipped or not relevant), each with its optional comment. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  answers: ItemAnswer[];

  /** The comment on the whole measurement. */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The scores at completion (computed once, from the definition version the answers used). */
  @Column({ type: 'jsonb', nullable: true })
  scores: ScoreResult[] | null;

  /** Why a scheduled measurement was skipped (e.g. the citizen declined at closing). */
  @Column({ type: 'text', nullable: true })
  skipReason: string | null;
}

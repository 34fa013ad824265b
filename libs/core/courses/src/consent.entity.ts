import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Citizen } from '@enplan/core/citizens';
import { Course } from './course.entity.js';
import { CONSENT_FORMS, CONSENT_KINDS, INFORMATION_CATEGORIES, type ConsentForm, type ConsentKind, type InformationCategory } from './vocabulary.js';

/**
 * A citizen's consent on a course: to take part at all, or to let named parties share information for a
 * purpose and period. Revocation takes effect at once and is recorded on the row, never by deleting it, so
 * the history of what was allowed when stays answerable.
 */
@Entity({ name: 'consent' })
@Check('ck_consent_period', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
@Check('ck_consent_witness', `"form" <> 'oral-witnessed' OR "witness" IS NOT NULL`)
export class Consent extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** Who gave it: the course's citizen, or in a family course the household member (or custody holder) concerned. */
  @Index()
  @Column({ type: 'uuid' })
  citizenId: string;

  @ManyToOne(() => Citizen, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Citizen;

  @Column({ type: 'enum', enum: CONSENT_KINDS, enumName: 'consent_kind' })
  kind: ConsentKind;

  /** The organisational units (internal or external) the information may be shared with. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  partyUnitIds: string[];

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'enum', enum: INFORMATION_CATEGORIES, enumName: 'information_category', array: true, default: '{}' })
  categories: InformationCategory[];

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'enum', enum: CONSENT_FORMS, enumName: 'consent_form' })
  form: ConsentForm;

  /** For an oral consent: who witnessed it (name and function). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  witness: string | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Column({ type: 'text', nullable: true })
  revocationNote: string | null;
}

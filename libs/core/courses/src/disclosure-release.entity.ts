import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course } from './course.entity.js';

/**
 * The untagged free texts of a family course a caseworker may release after reviewing them, by the record that
 * holds the text: a contact's note, a follow-up's text, a course transition's reason, a plan version's change
 * summary or citizen's words, a meeting's minutes, an agenda item, a participant's organisation, a grant's reason.
 */
export const DISCLOSURE_RELEASE_KINDS = [
  'contact-note',
  'follow-up',
  'transition-reason',
  'plan-change-summary',
  'citizen-words',
  'meeting-minutes',
  'meeting-agenda',
  'participant-organisation',
  'grant-reason',
] as const;
export type DisclosureReleaseKind = (typeof DISCLOSURE_RELEASE_KINDS)[number];

/**
 * A caseworker's decision that one withheld free text of a family course may be shown to named household
 * members (in their access request and citizen view). Append-only: rows are never changed (a database trigger
 * refuses UPDATE), so what was released to whom, when, by whom and why stays answerable.
 */
@Entity({ name: 'disclosure_release' })
@Index('ix_disclosure_release_record', ['municipalityId', 'courseId', 'kind', 'recordId'])
export class DisclosureRelease extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'enum', enum: DISCLOSURE_RELEASE_KINDS, enumName: 'disclosure_release_kind' })
  kind: DisclosureReleaseKind;

  /** The record holding the text (no foreign key: the kinds live in different tables; the service checks it). */
  @Column({ type: 'uuid' })
  recordId: string;

  /** The household members it is released to. */
  @Column({ type: 'uuid', array: true })
  citizenIds: string[];

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  releasedBy: string;

  @Column({ type: 'timestamptz' })
  releasedAt: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course, INFORMATION_CATEGORIES } from '@enplan/core/courses';
import { ITEM_VISIBILITIES, type ItemVisibility } from '@enplan/core/access';
import type { JournalArea } from './journal-visibility.js';

/**
 * One journal note on a course, written in a legal area (or `general`). Notes are never edited or deleted
 * by the application: a correction is a new note that names the one it corrects, so the record of what
 * was known when stays intact. Only the retention purge removes notes, with their course.
 */
@Entity({ name: 'journal_note' })
@Index('ix_journal_note_course_written', ['courseId', 'writtenAt'])
export class JournalNote extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** A legal area, or `general` (the same vocabulary as consent categories, so consent maps onto notes). */
  @Column({ type: 'enum', enum: INFORMATION_CATEGORIES, enumName: 'information_category' })
  legalArea: JournalArea;

  /** The household members the note concerns; empty = the course's citizen (or, in a family, everyone). */
  @Column({ type: 'uuid', array: true, default: '{}' })
  concerns: string[];

  @Column({ type: 'enum', enum: ITEM_VISIBILITIES, enumName: 'item_visibility' })
  visibility: ItemVisibility;

  /** The staff member or integration that wrote it. */
  @Column({ type: 'uuid' })
  authorId: string;

  /** From the injected clock. */
  @Column({ type: 'timestamptz' })
  writtenAt: Date;

  @Column({ type: 'text' })
  text: string;

  /** The note this one corrects (same course). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  correctsId: string | null;

  @ManyToOne(() => JournalNote, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'corrects_id' })
  corrects?: JournalNote;
}

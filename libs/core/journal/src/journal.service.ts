import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import type { Viewer } from '@enplan/core/access';
import { page, type Page } from '@enplan/core/common';
import { Course, courseCitizenIds, courseError } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { JournalNote } from './journal-note.entity.js';
import type { CreateJournalNoteDto, JournalNoteDto, JournalNoteQuery } from './journal.dto.js';
import { journalError } from './journal.error.js';
import { defaultVisibility, GENERAL_AREA, mayWriteIn, noteVisibleTo, visibilitySql } from './journal-visibility.js';

const ENDED = new Set(['closed', 'declined']);

@Injectable()
export class JournalService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Writes a note; `viewer` is the writer as the access layer sees them (their authority areas). */
  async write(p: Principal, courseId: string, dto: CreateJournalNoteDto, viewer: Viewer): Promise<JournalNoteDto> {
    const municipalityId = p.municipalityId;
    if (!mayWriteIn(viewer, dto.legalArea)) throw journalError.noAuthority(dto.legalArea);
    const visibility = dto.visibility ?? defaultVisibility(dto.legalArea);
    if (visibility === 'authority' && dto.legalArea === GENERAL_AREA) throw journalError.visibilityNeedsArea();
    return this.ds.transaction(async (em) => {
      const course = await em.findOne(Course, { where: { id: courseId, municipalityId } });
      if (!course) throw courseError.notFound();
      if (ENDED.has(course.status)) throw journalError.courseEnded(course.status);
      const concerns = dto.concerns ?? [];
      if (concerns.length) {
        const members = new Set(await courseCitizenIds(em, course));
        const i = concerns.findIndex((c) => !members.has(c));
        if (i >= 0) throw journalError.concernsUnknown(i);
      }
      if (dto.correctsId) {
        const corrected = await em.findOne(JournalNote, { where: { id: dto.correctsId, municipalityId, courseId } });
        if (!corrected || !noteVisibleTo(viewer, corrected)) throw journalError.correctsUnknown();
      }
      const saved = await em.save(
        em.create(JournalNote, {
          municipalityId,
          courseId,
          legalArea: dto.legalArea,
          concerns,
          visibility,
          authorId: p.userId,
          writtenAt: this.clock.now(),
          text: dto.text,
          correctsId: dto.correctsId ?? null,
        }),
      );
      const [view] = await this.views(em, municipalityId, [saved], viewer);
      return view;
    });
  }

  /** The course's notes the reader may see, newest first. */
  async list(p: Principal, courseId: string, q: JournalNoteQuery, viewer: Viewer): Promise<Page<JournalNoteDto>> {
    const em = this.ds.manager;
    const visible = visibilitySql(viewer);
    const qb = em
      .getRepository(JournalNote)
      .createQueryBuilder('n')
      .where('n.municipalityId = :municipalityId AND n.courseId = :courseId', { municipalityId: p.municipalityId, courseId })
      .andWhere(visible.sql, visible.params);
    if (q.legalArea) qb.andWhere('n.legalArea = :legalArea', { legalArea: q.legalArea });
    if (q.concerns) qb.andWhere(`(n.concerns = '{}' OR :member = ANY(n.concerns))`, { member: q.concerns });
    const [rows, total] = await qb.orderBy('n.writtenAt', 'DESC').addOrderBy('n.id', 'DESC').limit(q.limit).offset(q.offset).getManyAndCount();
    // The SQL and the access layer's rule must agree; a row the rule refuses never leaves, whatever the SQL said.
    return page(await this.views(em, p.municipalityId, rows.filter((n) => noteVisibleTo(viewer, n)), viewer), total, q);
  }

  /** One note; one the reader may not see is "not found", never a partial record. */
  async get(p: Principal, noteId: string, viewer: Viewer): Promise<JournalNoteDto> {
    if (!isUUID(noteId)) throw journalError.notFound();
    const em = this.ds.manager;
    const note = await em.findOne(JournalNote, { where: { id: noteId, municipalityId: p.municipalityId } });
    if (!note || !noteVisibleTo(viewer, note)) throw journalError.notFound();
    const [view] = await this.views(em, p.municipalityId, [note], viewer);
    return view;
  }

  private async views(em: EntityManager, municipalityId: string, notes: JournalNote[], viewer: Viewer): Promise<JournalNoteDto[]> {
    if (!notes.length) return [];
    const authorIds = [...new Set(notes.map((n) => n.authorId))];
    const names = new Map(
      (await em.find(StaffMember, { where: { id: In(authorIds), municipalityId }, select: { id: true, name: true } })).map((s) => [s.id, s.name]),
    );
    const corrections = await em.find(JournalNote, {
      where: { municipalityId, correctsId: In(notes.map((n) => n.id)) },
      order: { writtenAt: 'ASC', id: 'ASC' },
    });
    return notes.map((n) => ({
      id: n.id,
      courseId: n.courseId,
      legalArea: n.legalArea,
      concerns: n.concerns,
      visibility: n.visibility,
      authorId: n.authorId,
      authorName: names.get(n.authorId) ?? null,
      writtenAt: n.writtenAt.toISOString(),
      text: n.text,
      correctsId: n.correctsId,
      correctedBy: corrections.filter((c) => c.correctsId === n.id && noteVisibleTo(viewer, c)).map((c) => c.id),
    }));
  }
}

/** The course of a journal note, for the access declaration of `/journal-notes/{noteId}`. */
export async function journalNoteCourses(em: EntityManager, municipalityId: string, noteId: string): Promise<string[]> {
  if (!isUUID(noteId)) return [];
  const n = await em.findOne(JournalNote, { where: { id: noteId, municipalityId }, select: { id: true, courseId: true } });
  return n ? [n.courseId] : [];
}

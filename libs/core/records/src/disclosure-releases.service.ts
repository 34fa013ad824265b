import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessGrant, AccessLogService } from '@enplan/core/access';
import type { Principal } from '@enplan/core/auth';
import { DomainError, page, type Page, type PageQuery } from '@enplan/core/common';
import { Course, courseCitizenIds, CourseTransition, DisclosureRelease, type DisclosureReleaseKind } from '@enplan/core/courses';
import { AgendaItem, Contact, FollowUp, Meeting, MeetingCourse, MeetingParticipant } from '@enplan/core/meetings';
import { Plan, PlanVersion } from '@enplan/core/plans';
import { CLOCK, type Clock } from '@enplan/shared/util';
import type { CreateDisclosureReleaseDto, DisclosureReleaseDto } from './disclosure-release.dto.js';

export enum DisclosureReleaseErrorCode {
  RecordUnknown = 'disclosure-release.record-unknown',
  CitizenNotInHousehold = 'disclosure-release.citizen-not-in-household',
  NotForReview = 'disclosure-release.not-for-review',
}

/** Messages name fields and rules, never the text under review or a person. */
const releaseError = {
  recordUnknown: (kind: string) => DomainError.field(DisclosureReleaseErrorCode.RecordUnknown, 'recordId', `No ${kind} with this id on this course`),
  citizenNotInHousehold: (i: number) => DomainError.field(DisclosureReleaseErrorCode.CitizenNotInHousehold, `citizenIds[${i}]`, "Not a member of the course's household"),
  tagged: () =>
    DomainError.field(DisclosureReleaseErrorCode.NotForReview, 'recordId', 'The text names whom it concerns: the disclosure rule decides who sees it, not a release'),
  wordsOfCitizen: () =>
    DomainError.field(DisclosureReleaseErrorCode.NotForReview, 'kind', "The plan's words are the course citizen's own: the disclosure rule decides who sees them, not a release"),
};

/** The record holding a free text: the courses it belongs to and whom it names (`concerns`). */
interface Located {
  courseIds: string[];
  concerns: readonly string[];
}

/** The route the release's own access-log entry names (the interceptor logs the call itself separately). */
const RELEASE_ROUTE = 'POST /api/v1/courses/:courseId/disclosure-releases';

/**
 * Releases of withheld free text (issue 12): in a family course, untagged free text may speak of another
 * household member, so a member is shown it only once a caseworker has reviewed it and released it to them.
 * A release is append-only; it and its access-log entry are written in one transaction.
 */
@Injectable()
export class DisclosureReleasesService {
  constructor(
    private readonly ds: DataSource,
    private readonly log: AccessLogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `footing`: the request id and the caller's footing on the course (from the access layer), for the log entry. */
  async release(p: Principal, courseId: string, dto: CreateDisclosureReleaseDto, footing: { requestId: string; basis: string }): Promise<DisclosureReleaseDto> {
    const municipalityId = p.municipalityId;
    return this.ds.transaction(async (em) => {
      // The access layer has already found the course in the caller's municipality.
      const course = await em.findOneOrFail(Course, { where: { id: courseId, municipalityId }, select: { id: true, municipalityId: true, citizenId: true, householdId: true } });
      const located = await this.locate(em, municipalityId, dto.kind, dto.recordId);
      if (!located?.courseIds.includes(course.id)) throw releaseError.recordUnknown(dto.kind);
      if (dto.kind === 'citizen-words' && course.citizenId) throw releaseError.wordsOfCitizen();
      if (located.concerns.length) throw releaseError.tagged();
      const members = await courseCitizenIds(em, course);
      const i = (dto.citizenIds ?? []).findIndex((c) => !members.includes(c));
      if (i >= 0) throw releaseError.citizenNotInHousehold(i);
      const row = await em.save(
        em.create(DisclosureRelease, {
          municipalityId,
          courseId: course.id,
          kind: dto.kind,
          recordId: dto.recordId,
          citizenIds: dto.citizenIds ?? members,
          reason: dto.reason,
          releasedBy: p.userId,
          releasedAt: this.clock.now(),
        }),
      );
      // The log holds ids, never the text or the review's reason (which may speak of the other members).
      await this.log.append(
        {
          municipalityId,
          actorId: p.userId,
          actorRoles: p.roles,
          operation: 'write',
          outcome: 'allowed',
          recordType: 'disclosure-release',
          recordId: row.id,
          courseIds: [course.id],
          citizenIds: row.citizenIds,
          route: RELEASE_ROUTE,
          basis: footing.basis,
          reason: `released ${dto.kind} ${dto.recordId}`,
          requestId: footing.requestId,
        },
        em,
      );
      return view(row);
    });
  }

  async list(municipalityId: string, courseId: string, q: PageQuery): Promise<Page<DisclosureReleaseDto>> {
    const [rows, total] = await this.ds.getRepository(DisclosureRelease).findAndCount({ where: { municipalityId, courseId }, order: { releasedAt: 'ASC', id: 'ASC' }, take: q.limit, skip: q.offset });
    return page(rows.map(view), total, q);
  }

  /** Finds the record of a kind; `null` when there is none in the municipality. */
  private async locate(em: EntityManager, municipalityId: string, kind: DisclosureReleaseKind, id: string): Promise<Located | null> {
    const where = { id, municipalityId };
    switch (kind) {
      case 'contact-note': {
        const c = await em.findOne(Contact, { where, select: { courseId: true, concerns: true } });
        return c && { courseIds: [c.courseId], concerns: c.concerns };
      }
      case 'follow-up': {
        const f = await em.findOne(FollowUp, { where, select: { courseId: true, concerns: true, contactId: true } });
        if (!f) return null;
        // An untagged follow-up of a tagged contact is decided by the contact's tag.
        const contact = !f.concerns.length && f.contactId ? await em.findOne(Contact, { where: { id: f.contactId, municipalityId }, select: { concerns: true } }) : null;
        return { courseIds: [f.courseId], concerns: f.concerns.length ? f.concerns : (contact?.concerns ?? []) };
      }
      case 'transition-reason': {
        const t = await em.findOne(CourseTransition, { where, select: { courseId: true, concerns: true } });
        return t && { courseIds: [t.courseId], concerns: t.concerns };
      }
      case 'plan-change-summary':
      case 'citizen-words': {
        const v = await em.findOne(PlanVersion, { where, select: { planId: true, changeSummaryConcerns: true } });
        const plan = v && (await em.findOne(Plan, { where: { id: v.planId, municipalityId }, select: { courseId: true } }));
        return plan ? { courseIds: [plan.courseId], concerns: kind === 'plan-change-summary' && v ? v.changeSummaryConcerns : [] } : null;
      }
      case 'meeting-minutes':
        return (await em.exists(Meeting, { where })) ? { courseIds: await meetingCourseIds(em, municipalityId, id), concerns: [] } : null;
      case 'meeting-agenda': {
        const a = await em.findOne(AgendaItem, { where, select: { meetingId: true, concerns: true } });
        return a && { courseIds: await meetingCourseIds(em, municipalityId, a.meetingId), concerns: a.concerns };
      }
      case 'participant-organisation': {
        const x = await em.findOne(MeetingParticipant, { where, select: { meetingId: true } });
        return x && { courseIds: await meetingCourseIds(em, municipalityId, x.meetingId), concerns: [] };
      }
      case 'grant-reason': {
        const g = await em.findOne(AccessGrant, { where, select: { courseId: true, concerns: true } });
        return g && { courseIds: [g.courseId], concerns: g.concerns };
      }
    }
  }
}

/** A meeting's courses: its own, or those a board meeting reviews. */
async function meetingCourseIds(em: EntityManager, municipalityId: string, meetingId: string): Promise<string[]> {
  const m = await em.findOne(Meeting, { where: { id: meetingId, municipalityId }, select: { id: true, courseId: true } });
  if (!m) return [];
  if (m.courseId) return [m.courseId];
  return (await em.find(MeetingCourse, { where: { meetingId, municipalityId }, select: { courseId: true } })).map((l) => l.courseId);
}

function view(r: DisclosureRelease): DisclosureReleaseDto {
  return {
    id: r.id,
    courseId: r.courseId,
    kind: r.kind,
    recordId: r.recordId,
    citizenIds: r.citizenIds,
    reason: r.reason,
    releasedBy: r.releasedBy,
    releasedAt: r.releasedAt.toISOString(),
  };
}

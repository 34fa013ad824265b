import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { page, type Page, type PageQuery } from '@enplan/core/common';
import { courseConcerns, TeamAssignment, type Course } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import type { ContactDto, CreateContactDto, CreateFollowUpDto, FollowUpDto, FollowUpInputDto, FollowUpsQuery, UpdateFollowUpDto } from './contact.dto.js';
import { Contact, FollowUp, Meeting, MeetingCourse, meetingsError, MeetingsService, UUID } from '@enplan/core/meetings';

/** A contact logged a few minutes "in the future" is clock skew between devices, not a plan. */
const SKEW_MS = 5 * 60_000;

/**
 * Contacts with the citizen (conversation notes) and the follow-ups their open points become. A note full of
 * "to be discussed next time" with nothing behind it is the failure this prevents: every open point gets an
 * owner on the team, a due date and, optionally, the meeting where it is taken up.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Logs a contact and its follow-ups in one transaction: an invalid follow-up leaves no contact behind. */
  async create(p: Principal, courseId: string, dto: CreateContactDto): Promise<ContactDto> {
    const at = new Date(dto.at);
    if (at.getTime() > this.clock.now().getTime() + SKEW_MS) throw meetingsError.contactInFuture();
    return this.ds.transaction(async (em) => {
      const course = await this.meetings.course(em, p, courseId);
      const staffIds = await this.staff(em, p, dto.staffMemberIds);
      const concerns = await courseConcerns(em, course, dto.concerns);
      const contact = await em.save(
        Contact,
        em.create(Contact, {
          municipalityId: p.municipalityId,
          courseId: course.id,
          kind: dto.kind,
          at,
          staffMemberId: staffIds[0],
          staffMemberIds: staffIds,
          note: dto.note,
          concerns,
          legalArea: dto.legalArea,
          createdBy: p.userId,
        }),
      );
      const followUps: FollowUp[] = [];
      for (const [i, f] of (dto.followUps ?? []).entries()) {
        followUps.push(await this.insertFollowUp(em, p, course, contact.id, f, `followUps[${i}].`));
      }
      return contactDto(contact, followUps);
    });
  }

  async list(p: Principal, courseId: string, q: PageQuery): Promise<Page<ContactDto>> {
    const em = this.ds.manager;
    await this.meetings.course(em, p, courseId);
    const [rows, total] = await em.findAndCount(Contact, {
      where: { courseId, municipalityId: p.municipalityId },
      order: { at: 'DESC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    const followUps = rows.length ? await em.find(FollowUp, { where: { contactId: In(rows.map((r) => r.id)), municipalityId: p.municipalityId }, order: { dueOn: 'ASC', id: 'ASC' } }) : [];
    return page(
      rows.map((c) => contactDto(c, followUps.filter((f) => f.contactId === c.id))),
      total,
      q,
    );
  }

  async get(p: Principal, contactId: string): Promise<ContactDto> {
    const em = this.ds.manager;
    const c = UUID.test(contactId) ? await em.findOne(Contact, { where: { id: contactId, municipalityId: p.municipalityId } }) : null;
    if (!c) throw meetingsError.contactNotFound();
    const followUps = await em.find(FollowUp, { where: { contactId: c.id, municipalityId: p.municipalityId }, order: { dueOn: 'ASC', id: 'ASC' } });
    return contactDto(c, followUps);
  }

  async createFollowUp(p: Principal, courseId: string, dto: CreateFollowUpDto): Promise<FollowUpDto> {
    return this.ds.transaction(async (em) => {
      const course = await this.meetings.course(em, p, courseId);
      if (dto.contactId && !(await em.exists(Contact, { where: { id: dto.contactId, courseId: course.id, municipalityId: p.municipalityId } }))) {
        throw meetingsError.followUpContactUnknown();
      }
      return followUpDto(await this.insertFollowUp(em, p, course, dto.contactId ?? null, dto, ''));
    });
  }

  async listFollowUps(p: Principal, courseId: string, q: FollowUpsQuery): Promise<Page<FollowUpDto>> {
    const em = this.ds.manager;
    await this.meetings.course(em, p, courseId);
    const status = q.status ?? 'open';
    const where: FindOptionsWhere<FollowUp> = {
      courseId,
      municipalityId: p.municipalityId,
      ...(status === 'open' ? { doneAt: IsNull() } : status === 'done' ? { doneAt: Not(IsNull()) } : {}),
    };
    const [rows, total] = await em.findAndCount(FollowUp, { where, order: { dueOn: 'ASC', createdAt: 'ASC', id: 'ASC' }, take: q.limit, skip: q.offset });
    return page(rows.map(followUpDto), total, q);
  }

  /** Done / open again, reassign to someone else on the team, link to (or unlink from) a meeting, new date. */
  async updateFollowUp(p: Principal, id: string, dto: UpdateFollowUpDto): Promise<FollowUpDto> {
    return this.ds.transaction(async (em) => {
      const f = UUID.test(id)
        ? await em.findOne(FollowUp, { where: { id, municipalityId: p.municipalityId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!f) throw meetingsError.followUpNotFound();
      if (dto.ownerId !== undefined) {
        await this.requireOnTeam(em, p, f.courseId, dto.ownerId, 'ownerId');
        f.ownerId = dto.ownerId;
      }
      if (dto.nextMeetingId !== undefined) {
        if (dto.nextMeetingId !== null) await this.requireMeeting(em, p, f.courseId, dto.nextMeetingId, 'nextMeetingId');
        f.nextMeetingId = dto.nextMeetingId;
      }
      if (dto.dueOn !== undefined) f.dueOn = dto.dueOn;
      if (dto.done !== undefined) f.doneAt = dto.done ? (f.doneAt ?? this.clock.now()) : null;
      await em.update(
        FollowUp,
        { id: f.id, municipalityId: p.municipalityId },
        { ownerId: f.ownerId, nextMeetingId: f.nextMeetingId, dueOn: f.dueOn, doneAt: f.doneAt },
      );
      return followUpDto(f);
    });
  }

  /** The contact's staff, in the order given; default the caller when the caller is a staff member. */
  private async staff(em: EntityManager, p: Principal, given: string[] | undefined): Promise<string[]> {
    const ids = given ?? [p.userId];
    const valid = ids.filter((x) => UUID.test(x));
    const found = valid.length ? await em.find(StaffMember, { where: { id: In(valid), municipalityId: p.municipalityId }, select: { id: true } }) : [];
    const known = new Set(found.map((s) => s.id));
    for (const [i, id] of ids.entries()) {
      if (!known.has(id)) throw meetingsError.contactStaffUnknown(given ? `staffMemberIds[${i}]` : 'staffMemberIds');
    }
    return ids;
  }

  private async insertFollowUp(
    em: EntityManager,
    p: Principal,
    course: Pick<Course, 'id' | 'municipalityId' | 'citizenId' | 'householdId'>,
    contactId: string | null,
    dto: FollowUpInputDto,
    prefix: string,
  ): Promise<FollowUp> {
    const courseId = course.id;
    await this.requireOnTeam(em, p, courseId, dto.ownerId, `${prefix}ownerId`);
    if (dto.nextMeetingId) await this.requireMeeting(em, p, courseId, dto.nextMeetingId, `${prefix}nextMeetingId`);
    const concerns = await courseConcerns(em, course, dto.concerns, `${prefix}concerns`);
    return em.save(
      FollowUp,
      em.create(FollowUp, {
        municipalityId: p.municipalityId,
        courseId,
        contactId,
        text: dto.text,
        concerns,
        ownerId: dto.ownerId,
        dueOn: dto.dueOn,
        nextMeetingId: dto.nextMeetingId ?? null,
        doneAt: null,
      }),
    );
  }

  /** The owner of a follow-up works on the course: a current team assignment. */
  private async requireOnTeam(em: EntityManager, p: Principal, courseId: string, staffId: string, field: string): Promise<void> {
    const on = await em.exists(TeamAssignment, { where: { courseId, staffMemberId: staffId, municipalityId: p.municipalityId, endsOn: IsNull() } });
    if (!on) throw meetingsError.followUpOwnerUnknown(field);
  }

  /** A planned meeting of the course (its own, or a board meeting reviewing it). */
  private async requireMeeting(em: EntityManager, p: Principal, courseId: string, meetingId: string, field: string): Promise<void> {
    const m = await em.findOne(Meeting, { where: { id: meetingId, municipalityId: p.municipalityId, status: 'planned' }, select: { id: true, courseId: true } });
    const ofCourse = m && (m.courseId === courseId || (m.courseId === null && (await em.exists(MeetingCourse, { where: { meetingId: m.id, courseId, municipalityId: p.municipalityId } }))));
    if (!ofCourse) throw meetingsError.followUpMeetingUnknown(field);
  }
}

export function followUpDto(f: FollowUp): FollowUpDto {
  return {
    id: f.id,
    courseId: f.courseId,
    contactId: f.contactId,
    text: f.text,
    concerns: f.concerns,
    ownerId: f.ownerId,
    dueOn: f.dueOn,
    nextMeetingId: f.nextMeetingId,
    done: f.doneAt !== null,
    doneAt: f.doneAt ? f.doneAt.toISOString() : null,
  };
}

function contactDto(c: Contact, followUps: FollowUp[]): ContactDto {
  return {
    id: c.id,
    courseId: c.courseId,
    kind: c.kind,
    at: c.at.toISOString(),
    staffMemberIds: c.staffMemberIds.length ? c.staffMemberIds : [c.staffMemberId],
    note: c.note,
    concerns: c.concerns,
    legalArea: c.legalArea,
    createdBy: c.createdBy,
    followUps: followUps.map(followUpDto),
  };
}

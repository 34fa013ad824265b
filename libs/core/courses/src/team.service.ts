import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { recordDomainEvent, type EventData } from '@enplan/core/events';
import type { Principal } from '@enplan/core/auth';
import { page, type Page, type PageQuery } from '@enplan/core/common';
import { EXTERNAL_UNIT_KINDS, StaffMember } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { Course } from './course.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import type { AddTeamMemberDto, EndAssignmentDto, HandoverDto, HandoverResultDto, TeamAssignmentDto } from './team.dto.js';
import { isFinal } from './course-status.js';
import { courseError, teamError } from './courses.error.js';
import { teamAssignmentView } from './course-views.js';
import { today } from './calendar.js';
import { ConsentsService } from './consents.service.js';
import { CourseExtensions } from './course-extensions.js';

/**
 * Who works on a course. Assignments are never deleted, only ended, and the primary contact changes only
 * by handover: from the first one on, the citizen always has exactly one, and every note travels along.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly consents: ConsentsService,
    private readonly extensions: CourseExtensions,
  ) {}

  /** The team change's domain event, in the change's transaction (ids and the role only). */
  private async event(em: EntityManager, p: Principal, type: 'course.team-changed' | 'course.primary-contact-changed', courseId: string, data: EventData): Promise<void> {
    await recordDomainEvent(em, { municipalityId: p.municipalityId, type, data: { courseId, ...data }, actorId: p.userId, occurredAt: this.clock.now() });
  }

  async history(municipalityId: string, courseId: string, q: PageQuery): Promise<Page<TeamAssignmentDto>> {
    if (!isUUID(courseId) || !(await this.ds.getRepository(Course).exists({ where: { id: courseId, municipalityId } }))) throw courseError.notFound();
    const [rows, total] = await this.ds.getRepository(TeamAssignment).findAndCount({
      where: { courseId, municipalityId },
      relations: { staffMember: true },
      order: { startsOn: 'ASC', endsOn: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return page(rows.map(teamAssignmentView), total, q);
  }

  async add(p: Principal, courseId: string, dto: AddTeamMemberDto): Promise<TeamAssignmentDto> {
    return this.ds.transaction(async (em) => {
      const course = await this.lockOpenCourse(em, p.municipalityId, courseId);
      await this.requireStaff(em, p.municipalityId, dto.staffMemberId, courseId);
      if (dto.startsOn < course.referredOn) throw teamError.startsBeforeReferral('startsOn', course.referredOn);
      const open = { courseId, municipalityId: p.municipalityId, endsOn: IsNull() };
      if (dto.role === 'primary-contact' && (await em.exists(TeamAssignment, { where: { ...open, role: 'primary-contact' } }))) throw teamError.primaryContactExists();
      if (await em.exists(TeamAssignment, { where: { ...open, role: dto.role, staffMemberId: dto.staffMemberId } })) throw teamError.alreadyAssigned();
      const before = await this.extensions.teamBefore(em, p, course);
      const { identifiers } = await em.insert(TeamAssignment, {
        municipalityId: p.municipalityId,
        courseId,
        staffMemberId: dto.staffMemberId,
        role: dto.role,
        startsOn: dto.startsOn,
        endsOn: null,
        handoverNote: null,
        assignedBy: p.userId,
      });
      await this.extensions.teamChanged(em, p, course, before, { kind: 'add', role: dto.role, staffMemberId: dto.staffMemberId }, 'staffMemberId');
      await this.touch(em, course);
      await this.event(em, p, dto.role === 'primary-contact' ? 'course.primary-contact-changed' : 'course.team-changed', courseId, { kind: 'add', role: dto.role, staffMemberId: dto.staffMemberId, teamAssignmentId: identifiers[0].id as string });
      return this.view(em, p.municipalityId, identifiers[0].id as string);
    });
  }

  async end(p: Principal, courseId: string, assignmentId: string, dto: EndAssignmentDto): Promise<TeamAssignmentDto> {
    return this.ds.transaction(async (em) => {
      const course = await this.lockOpenCourse(em, p.municipalityId, courseId);
      const a = isUUID(assignmentId) ? await em.findOne(TeamAssignment, { where: { id: assignmentId, courseId, municipalityId: p.municipalityId } }) : null;
      if (!a) throw teamError.assignmentNotFound();
      if (a.endsOn !== null) throw teamError.assignmentEnded();
      if (a.role === 'primary-contact') throw teamError.primaryContactRequired();
      if (dto.endsOn < a.startsOn) throw teamError.endsBeforeStart('endsOn', a.startsOn);
      if (dto.endsOn > today(this.clock)) throw teamError.dateInFuture('endsOn');
      const before = await this.extensions.teamBefore(em, p, course);
      await em.update(TeamAssignment, { id: a.id }, { endsOn: dto.endsOn });
      await this.extensions.teamChanged(em, p, course, before, { kind: 'end', role: a.role, staffMemberId: a.staffMemberId }, 'assignmentId');
      await this.touch(em, course);
      await this.event(em, p, 'course.team-changed', courseId, { kind: 'end', role: a.role, staffMemberId: a.staffMemberId, teamAssignmentId: a.id });
      return this.view(em, p.municipalityId, a.id);
    });
  }

  /** Ends the current primary contact's assignment and opens the new one, in one transaction. */
  async handover(p: Principal, courseId: string, dto: HandoverDto): Promise<HandoverResultDto> {
    return this.ds.transaction(async (em) => {
      const course = await this.lockOpenCourse(em, p.municipalityId, courseId);
      await this.requireStaff(em, p.municipalityId, dto.staffMemberId, courseId);
      if (dto.on < course.referredOn) throw teamError.startsBeforeReferral('on', course.referredOn);
      if (dto.on > today(this.clock)) throw teamError.dateInFuture('on');
      const current = await em.findOne(TeamAssignment, { where: { courseId, municipalityId: p.municipalityId, role: 'primary-contact', endsOn: IsNull() } });
      const before = await this.extensions.teamBefore(em, p, course);
      if (current) {
        if (current.staffMemberId === dto.staffMemberId) throw teamError.alreadyPrimaryContact();
        if (dto.on < current.startsOn) throw teamError.endsBeforeStart('on', current.startsOn);
        // Ended first: the database allows only one open primary-contact row per course.
        await em.update(TeamAssignment, { id: current.id }, { endsOn: dto.on });
      }
      const { identifiers } = await em.insert(TeamAssignment, {
        municipalityId: p.municipalityId,
        courseId,
        staffMemberId: dto.staffMemberId,
        role: 'primary-contact',
        startsOn: dto.on,
        endsOn: null,
        handoverNote: dto.handoverNote,
        assignedBy: p.userId,
      });
      const change = { kind: 'handover', staffMemberId: dto.staffMemberId, previousStaffMemberId: current?.staffMemberId ?? null } as const;
      await this.extensions.teamChanged(em, p, course, before, change, 'staffMemberId');
      await this.touch(em, course);
      await this.event(em, p, 'course.primary-contact-changed', courseId, { kind: 'handover', staffMemberId: dto.staffMemberId, previousStaffMemberId: current?.staffMemberId ?? null, teamAssignmentId: identifiers[0].id as string });
      return { previous: current ? await this.view(em, p.municipalityId, current.id) : null, current: await this.view(em, p.municipalityId, identifiers[0].id as string) };
    });
  }

  private async lockOpenCourse(em: EntityManager, municipalityId: string, courseId: string): Promise<Course> {
    const course = isUUID(courseId) ? await em.findOne(Course, { where: { id: courseId, municipalityId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!course) throw courseError.notFound();
    if (isFinal(course.status)) throw teamError.courseEnded(course.status);
    return course;
  }

  /** A member from an external unit (school, psychiatry, probation) sees the plan, so a consent must cover that unit. */
  private async requireStaff(em: EntityManager, municipalityId: string, staffMemberId: string, courseId: string): Promise<void> {
    const staff = await em.findOne(StaffMember, { where: { id: staffMemberId, municipalityId }, relations: { unit: true } });
    if (!staff) throw teamError.staffUnknown();
    if (!staff.active) throw teamError.staffInactive();
    if (staff.unit && EXTERNAL_UNIT_KINDS.includes(staff.unit.kind)) await this.consents.requireSharing(em, municipalityId, courseId, staff.unit, 'staffMemberId');
  }

  /** A team change is a change of the course: integrators polling by updatedAt must see it. */
  private async touch(em: EntityManager, course: Course): Promise<void> {
    // The database's time, like every other write of updatedAt.
    await em.update(Course, { id: course.id }, { updatedAt: () => 'CURRENT_TIMESTAMP' });
  }

  private async view(em: EntityManager, municipalityId: string, id: string): Promise<TeamAssignmentDto> {
    const a = await em.findOneOrFail(TeamAssignment, { where: { id, municipalityId }, relations: { staffMember: true } });
    return teamAssignmentView(a);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { CLOCK, danishDay, DomainError, isCourseEnded, page, PluginHost, type Clock, type Page, type PageQuery, type PluginDb, type Principal } from '@enplan/plugin-api';
import { CitizenConsultantCover } from './cover.entity.js';
import type { ConsultantLoadDto, CoverDto, CreateCoverDto } from './dto.js';
import { BUDDY_ROLE, CitizenConsultantCode } from './rules.js';
import { CITIZEN_CONSULTANT_ID } from './settings.js';

/** Staff ids with a cover of this course running on `day`. */
export async function coveringStaffIds(db: PluginDb, municipalityId: string, courseId: string, day: string): Promise<Set<string>> {
  const rows = await db.find(CitizenConsultantCover, {
    where: { municipalityId, courseId, startsOn: LessThanOrEqual(day), endsOn: MoreThanOrEqual(day) },
    select: { buddyStaffMemberId: true },
  });
  return new Set(rows.map((r) => r.buddyStaffMemberId));
}

/**
 * The plugin's reads and writes: its own table through the scope's `db`, the core's facts (caseload, team,
 * course) through the core's ports, all within the caller's municipality.
 */
@Injectable()
export class CitizenConsultantService {
  constructor(
    private readonly host: PluginHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Active citizen-consultant courses the staff member is the consultant on, against their cap. */
  async load(p: Principal, staffMemberId: string): Promise<ConsultantLoadDto> {
    // The route's guard has checked that the plugin is enabled in the caller's municipality.
    const load = await this.host.scope(CITIZEN_CONSULTANT_ID, p).core.caseload.of(staffMemberId, CITIZEN_CONSULTANT_ID);
    if (!load) throw DomainError.notFound(CitizenConsultantCode.StaffNotFound, 'The staff member');
    const staff = { id: load.staffMemberId };
    const fte = load.fte;
    const capPerFte = load.capPerFte ?? 0;
    const cap = load.cap ?? 0;
    const activeCourses = load.activeCourses;
    const row = { buddy: load.byRole[BUDDY_ROLE] ?? 0 };
    return {
      staffMemberId: staff.id,
      fte,
      capPerFte,
      cap,
      activeCourses,
      remaining: Math.max(0, cap - activeCourses),
      atCap: activeCourses >= cap,
      buddyCourses: Number(row?.buddy ?? 0),
    };
  }

  async covers(p: Principal, courseId: string, q: PageQuery): Promise<Page<CoverDto>> {
    const [rows, total] = await this.host.scope(CITIZEN_CONSULTANT_ID, p).db.repository(CitizenConsultantCover).findAndCount({
      where: { municipalityId: p.municipalityId, courseId },
      order: { startsOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    const today = danishDay(this.clock.now());
    return page(rows.map((r) => this.view(r, today)), total, q);
  }

  /** Records that the course's buddy covers for the consultant from `startsOn` to `endsOn`. */
  async addCover(p: Principal, courseId: string, dto: CreateCoverDto): Promise<CoverDto> {
    const today = danishDay(this.clock.now());
    return this.host.transaction(CITIZEN_CONSULTANT_ID, p, async ({ db, core }) => {
      // Locked like the core's team changes lock it, so the buddy cannot leave the team meanwhile.
      const course = await core.courses.lockCourse(courseId);
      if (!course) throw DomainError.notFound('course.not-found', 'The course');
      if (course.modelId !== CITIZEN_CONSULTANT_ID) {
        throw DomainError.field(CitizenConsultantCode.OtherModel, 'courseId', `The course follows the ${course.modelId} model, not the citizen-consultant model`);
      }
      if (isCourseEnded(course.status)) throw DomainError.field(CitizenConsultantCode.CourseEnded, 'courseId', `The course is ${course.status}: nobody covers on it`);
      if (dto.endsOn < dto.startsOn) throw DomainError.field(CitizenConsultantCode.CoverEndsBeforeStart, 'endsOn', 'The cover ends before it starts');
      if (dto.endsOn < today) throw DomainError.field(CitizenConsultantCode.CoverInThePast, 'endsOn', 'The cover would be over already');
      const buddy = (await core.team.current(courseId)).find((m) => m.role === BUDDY_ROLE && m.staff.id === dto.buddyStaffMemberId);
      if (!buddy) throw DomainError.field(CitizenConsultantCode.NotTheBuddy, 'buddyStaffMemberId', 'Only a current buddy on the course’s team covers for the consultant');
      const { identifiers } = await db.insert(CitizenConsultantCover, {
        municipalityId: p.municipalityId,
        courseId,
        buddyStaffMemberId: dto.buddyStaffMemberId,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        createdBy: p.userId,
        createdAt: this.clock.now(),
      });
      const row = await db.findOne(CitizenConsultantCover, { where: { id: identifiers[0].id as string, municipalityId: p.municipalityId } });
      return this.view(row as CitizenConsultantCover, today);
    });
  }

  private view(r: CitizenConsultantCover, today: string): CoverDto {
    return {
      id: r.id,
      courseId: r.courseId,
      buddyStaffMemberId: r.buddyStaffMemberId,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      current: r.startsOn <= today && today <= r.endsOn,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

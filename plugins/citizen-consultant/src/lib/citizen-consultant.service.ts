import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { CLOCK, DomainError, PluginRegistry, type Clock, type Principal } from '@enplan/plugin-api';
import { CitizenConsultantCover } from './cover.entity.js';
import type { ConsultantLoadDto, CoverDto, CreateCoverDto } from './dto.js';
import { BUDDY_ROLE, capFor, CitizenConsultantCode, danishDay } from './rules.js';
import { CITIZEN_CONSULTANT_ID, type CitizenConsultantSettings } from './settings.js';

const ENDED_STATUSES = ['closed', 'declined'];

/** Staff ids with a cover of this course running on `day`. */
export async function coveringStaffIds(em: EntityManager, municipalityId: string, courseId: string, day: string): Promise<Set<string>> {
  const rows = await em.find(CitizenConsultantCover, {
    where: { municipalityId, courseId, startsOn: LessThanOrEqual(day), endsOn: MoreThanOrEqual(day) },
    select: { buddyStaffMemberId: true },
  });
  return new Set(rows.map((r) => r.buddyStaffMemberId));
}

/**
 * The plugin's reads and writes. The plugin API exposes no query surface for core records, so the few core
 * facts it needs (a staff member's FTE, open team assignments, a course's model and status) are read with
 * plain SQL on the core's tables, read-only and always within the caller's municipality.
 */
@Injectable()
export class CitizenConsultantService {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: PluginRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Active citizen-consultant courses the staff member is the consultant on, against their cap. */
  async load(p: Principal, staffMemberId: string): Promise<ConsultantLoadDto> {
    // The route's guard has checked that the plugin is enabled in the caller's municipality.
    const settings = this.registry.settings<CitizenConsultantSettings>(p.municipalityCode, CITIZEN_CONSULTANT_ID);
    const policy = this.registry.caseload(p.municipalityCode, CITIZEN_CONSULTANT_ID);
    const capPerFte = policy.capPerFte ?? settings?.capPerFte ?? 0;
    const [staff]: { id: string; fte: string | number }[] = isUUID(staffMemberId)
      ? await this.ds.query('SELECT id, fte FROM staff_member WHERE id = $1 AND municipality_id = $2', [staffMemberId, p.municipalityId])
      : [];
    if (!staff) throw DomainError.notFound(CitizenConsultantCode.StaffNotFound, 'The staff member');
    const [row]: { consultant: number; buddy: number }[] = await this.ds.query(
      `SELECT COUNT(DISTINCT c.id) FILTER (WHERE a.role::text = ANY($3::text[]))::int AS consultant,
              COUNT(DISTINCT c.id) FILTER (WHERE a.role::text = $4)::int AS buddy
         FROM team_assignment a JOIN course c ON c.id = a.course_id
        WHERE a.municipality_id = $1 AND c.municipality_id = $1 AND a.staff_member_id = $2 AND a.ends_on IS NULL
          AND c.status = 'active' AND c.model_id = $5`,
      [p.municipalityId, staff.id, [...policy.cappedRoles], BUDDY_ROLE, CITIZEN_CONSULTANT_ID],
    );
    const fte = Number(staff.fte);
    const cap = capFor(capPerFte, fte);
    const activeCourses = Number(row?.consultant ?? 0);
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

  async covers(p: Principal, courseId: string): Promise<CoverDto[]> {
    const rows = await this.ds.getRepository(CitizenConsultantCover).find({
      where: { municipalityId: p.municipalityId, courseId },
      order: { startsOn: 'ASC', createdAt: 'ASC' },
    });
    const today = danishDay(this.clock.now());
    return rows.map((r) => this.view(r, today));
  }

  /** Records that the course's buddy covers for the consultant from `startsOn` to `endsOn`. */
  async addCover(p: Principal, courseId: string, dto: CreateCoverDto): Promise<CoverDto> {
    const today = danishDay(this.clock.now());
    return this.ds.transaction(async (em) => {
      // Locked like the core's team changes lock it, so the buddy cannot leave the team meanwhile.
      const [course]: { model_id: string; status: string }[] = await em.query('SELECT model_id, status FROM course WHERE id = $1 AND municipality_id = $2 FOR UPDATE', [
        courseId,
        p.municipalityId,
      ]);
      if (!course) throw DomainError.notFound('course.not-found', 'The course');
      if (course.model_id !== CITIZEN_CONSULTANT_ID) {
        throw DomainError.field(CitizenConsultantCode.OtherModel, 'courseId', `The course follows the ${course.model_id} model, not the citizen-consultant model`);
      }
      if (ENDED_STATUSES.includes(course.status)) throw DomainError.field(CitizenConsultantCode.CourseEnded, 'courseId', `The course is ${course.status}: nobody covers on it`);
      if (dto.endsOn < dto.startsOn) throw DomainError.field(CitizenConsultantCode.CoverEndsBeforeStart, 'endsOn', 'The cover ends before it starts');
      if (dto.endsOn < today) throw DomainError.field(CitizenConsultantCode.CoverInThePast, 'endsOn', 'The cover would be over already');
      const [buddy]: unknown[] = await em.query(
        `SELECT 1 AS ok FROM team_assignment WHERE course_id = $1 AND municipality_id = $2 AND staff_member_id = $3 AND role::text = $4 AND ends_on IS NULL`,
        [courseId, p.municipalityId, dto.buddyStaffMemberId, BUDDY_ROLE],
      );
      if (!buddy) throw DomainError.field(CitizenConsultantCode.NotTheBuddy, 'buddyStaffMemberId', 'Only a current buddy on the course’s team covers for the consultant');
      const { identifiers } = await em.insert(CitizenConsultantCover, {
        municipalityId: p.municipalityId,
        courseId,
        buddyStaffMemberId: dto.buddyStaffMemberId,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        createdBy: p.userId,
        createdAt: this.clock.now(),
      });
      return this.view(await em.findOneByOrFail(CitizenConsultantCover, { id: identifiers[0].id as string }), today);
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

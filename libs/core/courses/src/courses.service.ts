import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { recordDomainEvent } from '@enplan/core/events';
import { scopeCondition, type CourseScope, type Principal } from '@enplan/core/auth';
import { page, type Page } from '@enplan/core/common';
import { Citizen, Household, HouseholdMember } from '@enplan/core/citizens';
import { EnplanConfig } from '@enplan/core/config';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { Course, CourseTransition } from './course.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import type { CourseStatus } from './vocabulary.js';
import type { CourseDto, CourseQuery, CourseSummaryDto, CreateCourseDto, CreateTransitionDto } from './course.dto.js';
import { assertTransition, isFinal, OPEN_STATUSES } from './course-status.js';
import { CourseModels } from './course-models.js';
import { CourseExtensions } from './course-extensions.js';
import { CourseClosingChecks } from './course-closing-checks.js';
import { courseError } from './courses.error.js';
import { courseSummaryView, loadCourseDetail, primaryContacts } from './course-views.js';
import { today } from './calendar.js';
import { retentionUntil } from './retention.js';
import { courseConcerns } from './disclosure.js';

const SORT_COLUMNS = { referredOn: 'c.referredOn', updatedAt: 'c.updatedAt' } as const;

@Injectable()
export class CoursesService {
  constructor(
    private readonly ds: DataSource,
    private readonly models: CourseModels,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly extensions: CourseExtensions,
    private readonly config: EnplanConfig,
    private readonly closingChecks: CourseClosingChecks,
  ) {}

  async refer(p: Principal, dto: CreateCourseDto): Promise<CourseDto> {
    const municipalityId = p.municipalityId;
    if (!this.models.isEnabled(p.municipalityCode, dto.modelId)) throw courseError.modelUnknown(dto.modelId);
    if (!dto.citizenId && !dto.householdId) throw courseError.subjectRequired();
    if (dto.referredOn > today(this.clock)) throw courseError.dateInFuture('referredOn');
    return this.ds.transaction(async (em) => {
      // Locking the subject row serialises two referrals of the same person, so "one open course" holds.
      if (dto.citizenId && !(await em.findOne(Citizen, { where: { id: dto.citizenId, municipalityId }, lock: { mode: 'pessimistic_write' } }))) {
        throw courseError.citizenUnknown();
      }
      if (dto.householdId) {
        if (!(await em.findOne(Household, { where: { id: dto.householdId, municipalityId }, lock: { mode: 'pessimistic_write' } }))) throw courseError.householdUnknown();
        if (dto.citizenId && !(await em.exists(HouseholdMember, { where: { householdId: dto.householdId, citizenId: dto.citizenId, municipalityId } }))) {
          throw courseError.citizenNotInHousehold();
        }
      }
      if (dto.referringUnitId && !(await em.exists(OrgUnit, { where: { id: dto.referringUnitId, municipalityId } }))) throw courseError.referringUnitUnknown();
      const open = await em.findOne(Course, {
        where: {
          municipalityId,
          status: In([...OPEN_STATUSES]),
          ...(dto.householdId ? { householdId: dto.householdId } : { citizenId: dto.citizenId, householdId: IsNull() }),
        },
        select: { id: true },
      });
      if (open) throw courseError.alreadyOpen(open.id);
      const course = await em.save(
        em.create(Course, {
          municipalityId,
          citizenId: dto.citizenId ?? null,
          householdId: dto.householdId ?? null,
          targetGroup: dto.targetGroup,
          modelId: dto.modelId,
          status: 'referred',
          referredBy: dto.referredBy,
          referringUnitId: dto.referringUnitId ?? null,
          referredOn: dto.referredOn,
          referralReasonCode: dto.referralReasonCode,
          referralReason: dto.referralReason,
        }),
      );
      await this.record(em, course, null, 'referred', p.userId, dto.referralReason);
      // The referring caseworker is the course's first team member, so the course they created stays theirs
      // to work on until the team is formed (an integration referring on someone's behalf is not staff).
      if (await em.exists(StaffMember, { where: { id: p.userId, municipalityId, active: true } })) {
        await em.insert(TeamAssignment, {
          municipalityId,
          courseId: course.id,
          staffMemberId: p.userId,
          role: 'caseworker',
          startsOn: today(this.clock),
          endsOn: null,
          handoverNote: null,
          assignedBy: p.userId,
        });
      }
      await this.extensions.referred(em, p, course);
      return loadCourseDetail(em, municipalityId, course.id);
    });
  }

  async list(municipalityId: string, q: CourseQuery, scope: CourseScope): Promise<Page<CourseSummaryDto>> {
    const visible = scopeCondition(scope, 'c.id');
    const qb = this.ds
      .getRepository(Course)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.citizen', 'citizen')
      .leftJoinAndSelect('c.household', 'household')
      .where('c.municipalityId = :municipalityId', { municipalityId })
      .andWhere(visible.sql, visible.params);
    if (q.status?.length) qb.andWhere('c.status IN (:...status)', { status: q.status });
    if (q.modelId) qb.andWhere('c.modelId = :modelId', { modelId: q.modelId });
    if (q.targetGroup) qb.andWhere('c.targetGroup = :targetGroup', { targetGroup: q.targetGroup });
    if (q.citizenId) qb.andWhere('c.citizenId = :citizenId', { citizenId: q.citizenId });
    if (q.householdId) qb.andWhere('c.householdId = :householdId', { householdId: q.householdId });
    if (q.primaryContactId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM team_assignment pc WHERE pc.course_id = c.id AND pc.role = 'primary-contact' AND pc.ends_on IS NULL AND pc.staff_member_id = :primaryContactId)`,
        { primaryContactId: q.primaryContactId },
      );
    }
    const sort = q.sort ?? '-referredOn';
    const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
    qb.orderBy(SORT_COLUMNS[sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS], direction).addOrderBy('c.id', direction);
    // The joins are many-to-one, so plain LIMIT/OFFSET pages correctly without TypeORM's two-query paging.
    const [rows, total] = await qb.limit(q.limit).offset(q.offset).getManyAndCount();
    const contacts = await primaryContacts(this.ds.manager, municipalityId, rows.map((c) => c.id));
    return page(rows.map((c) => courseSummaryView(c, contacts.get(c.id))), total, q);
  }

  async get(municipalityId: string, id: string): Promise<CourseDto> {
    if (!isUUID(id)) throw courseError.notFound();
    return loadCourseDetail(this.ds.manager, municipalityId, id);
  }

  async transition(p: Principal, id: string, dto: CreateTransitionDto): Promise<CourseDto> {
    if (!isUUID(id)) throw courseError.notFound();
    const municipalityId = p.municipalityId;
    return this.ds.transaction(async (em) => {
      const course = await em.findOne(Course, { where: { id, municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!course) throw courseError.notFound();
      const from = course.status;
      assertTransition(from, dto.to);
      const date = today(this.clock);
      if (dto.to === 'closed' || dto.to === 'declined') {
        this.applyEnding(course, dto, date);
        if (dto.to === 'closed') await this.closingChecks.run(em, course);
      } else {
        if (dto.outcomeCode !== undefined) throw courseError.outcomeNotAllowed('outcomeCode', dto.to);
        if (dto.outcomeText !== undefined) throw courseError.outcomeNotAllowed('outcomeText', dto.to);
        if (dto.endDate !== undefined) throw courseError.endDateNotAllowed(dto.to);
      }
      if (dto.to === 'active') {
        await this.checkCapacity(em, p, course.modelId);
        // A resumed course keeps the date it first became active.
        course.activatedOn ??= date;
      }
      course.status = dto.to;
      await em.save(course);
      if (isFinal(dto.to)) await this.endTeam(em, course);
      const concerns = await courseConcerns(em, course, dto.concerns);
      await this.record(em, course, from, dto.to, p.userId, dto.reason, concerns);
      await this.extensions.transitioned(em, p, course, from);
      if (dto.to === 'active' || dto.to === 'closed') {
        await recordDomainEvent(em, {
          municipalityId,
          type: dto.to === 'active' ? 'course.activated' : 'course.closed',
          data: { courseId: course.id, modelId: course.modelId, ...(dto.to === 'closed' ? { status: from } : {}) },
          actorId: p.userId,
          occurredAt: this.clock.now(),
        });
      }
      return loadCourseDetail(em, municipalityId, id);
    });
  }

  /** Ending a course also starts its retention period (ENPLAN_RETENTION_YEARS after the end date). */
  private applyEnding(course: Course, dto: CreateTransitionDto, date: string): void {
    const closing = dto.to === 'closed';
    if (closing && !dto.outcomeCode) throw courseError.outcomeRequired();
    if (dto.outcomeCode === 'other' && !dto.outcomeText) throw courseError.outcomeTextRequired();
    if (closing && !dto.endDate) throw courseError.endDateRequired();
    const endDate = dto.endDate ?? date;
    if (endDate < course.referredOn) throw courseError.endDateBeforeReferral(course.referredOn);
    if (endDate > date) throw courseError.dateInFuture('endDate');
    course.endDate = endDate;
    course.retentionUntil = retentionUntil(endDate, this.config.retentionYears);
    course.outcomeCode = dto.outcomeCode ?? null;
    course.outcomeText = dto.outcomeText ?? null;
  }

  /**
   * Refuses an activation beyond the model's cap. The advisory lock makes concurrent activations of the
   * same model in the same municipality take turns, so two of them cannot both see room for one more.
   */
  private async checkCapacity(em: EntityManager, p: Principal, modelId: string): Promise<void> {
    const max = this.models.maxActiveCourses(p.municipalityCode, modelId);
    if (max === undefined) return;
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`enplan:course-capacity:${p.municipalityId}:${modelId}`]);
    const active = await em.count(Course, { where: { municipalityId: p.municipalityId, modelId, status: 'active' } });
    if (active >= max) throw courseError.capacityReached(modelId, max, active);
  }

  /** A course that has ended has no current team; the assignments stay as its history. */
  private async endTeam(em: EntityManager, course: Course): Promise<void> {
    const open = await em.find(TeamAssignment, { where: { courseId: course.id, municipalityId: course.municipalityId, endsOn: IsNull() } });
    for (const a of open) {
      const endDate = course.endDate ?? a.startsOn;
      await em.update(TeamAssignment, { id: a.id }, { endsOn: endDate < a.startsOn ? a.startsOn : endDate });
    }
  }

  private async record(em: EntityManager, course: Course, from: CourseStatus | null, to: CourseStatus, actorId: string, reason: string, concerns: string[] = []): Promise<void> {
    // The history is ordered by time; when the clock has not moved (same millisecond, a test's fixed clock)
    // the new step is placed just after the previous one so the order stays the order of events.
    const last = await em.findOne(CourseTransition, { where: { courseId: course.id, municipalityId: course.municipalityId }, order: { at: 'DESC' }, select: { at: true } });
    const now = this.clock.now().getTime();
    const at = new Date(last && last.at.getTime() >= now ? last.at.getTime() + 1 : now);
    await em.insert(CourseTransition, { municipalityId: course.municipalityId, courseId: course.id, fromStatus: from, toStatus: to, actorId, at, reason, concerns });
  }
}

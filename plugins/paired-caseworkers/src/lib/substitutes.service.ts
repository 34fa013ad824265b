import { Inject, Injectable } from '@nestjs/common';
import { LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { CLOCK, danishDay, DomainError, isCourseEnded, PluginHost, type Clock, type PluginDb, type Principal } from '@enplan/plugin-api';
import { pairedError } from './errors.js';
import { authorityHolders, inForce, missingAreas, type Substitution } from './rules.js';
import { PAIRED_CASEWORKERS_ID } from './settings.js';
import type { CreateSubstituteDto, SubstituteDto, SubstituteListDto } from './substitute.dto.js';
import { PairedCaseworkersSubstitute } from './substitute.entity.js';

/** The course's substitutions, as the rules need them (any period), read through the caller's transaction. */
export async function loadSubstitutions(db: PluginDb, municipalityId: string, courseId: string): Promise<Substitution[]> {
  return db.find(PairedCaseworkersSubstitute, {
    where: { municipalityId, courseId },
    select: { id: true, coveredStaffMemberId: true, substituteStaffMemberId: true, fromDate: true, toDate: true },
    order: { fromDate: 'ASC', id: 'ASC' },
  });
}

/** Names substitutes for one of a pair, and lists them. */
@Injectable()
export class SubstitutesService {
  constructor(
    private readonly host: PluginHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async name(p: Principal, courseId: string, dto: CreateSubstituteDto): Promise<SubstituteDto> {
    const today = danishDay(this.clock.now());
    if (dto.toDate < dto.fromDate) throw pairedError.periodInvalid('toDate', 'The cover ends before it starts');
    if (dto.toDate < today) throw pairedError.periodInvalid('toDate', 'The cover is already over: its last day must be today or later');
    return this.host.transaction(PAIRED_CASEWORKERS_ID, p, async ({ db, core }) => {
      // Locked: two namings for the same course take turns (so both cannot pass the overlap check), and the
      // team cannot change under the naming. The access check has found the course; null guards a deletion in between.
      const course = await core.courses.lockCourse(courseId);
      if (!course) throw new DomainError('course.not-found', 'not-found', 'The course does not exist');
      if (course.modelId !== PAIRED_CASEWORKERS_ID) throw pairedError.notAPairedCourse();
      if (isCourseEnded(course.status)) throw pairedError.courseEnded(course.status);
      const pair = authorityHolders(await core.team.current(courseId));
      const covered = pair.find((s) => s.id === dto.coveredStaffMemberId);
      if (!covered) throw pairedError.coveredNotInPair();
      if (dto.substituteStaffMemberId === covered.id) throw pairedError.substituteIsCovered();
      const substitute = await core.staff.get(dto.substituteStaffMemberId);
      if (!substitute?.active) throw pairedError.substituteUnknown();
      const missing = missingAreas(covered.authorityAreas, substitute.authorityAreas);
      if (missing.length) throw pairedError.substituteAreas(missing);
      const clash = await db.findOne(PairedCaseworkersSubstitute, {
        where: { municipalityId: p.municipalityId, courseId, coveredStaffMemberId: covered.id, fromDate: LessThanOrEqual(dto.toDate), toDate: MoreThanOrEqual(dto.fromDate) },
      });
      if (clash) throw pairedError.overlaps(clash.fromDate, clash.toDate);
      const row = await db.save(
        PairedCaseworkersSubstitute,
        {
          municipalityId: p.municipalityId,
          courseId,
          coveredStaffMemberId: covered.id,
          substituteStaffMemberId: substitute.id,
          fromDate: dto.fromDate,
          toDate: dto.toDate,
          coveredAreas: [...covered.authorityAreas].sort(),
          createdBy: p.userId,
        },
      );
      return this.view(row, today);
    });
  }

  async list(p: Principal, courseId: string): Promise<SubstituteListDto> {
    const rows = await this.host.scope(PAIRED_CASEWORKERS_ID, p).db.find(PairedCaseworkersSubstitute, {
      where: { municipalityId: p.municipalityId, courseId },
      order: { fromDate: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const today = danishDay(this.clock.now());
    return { items: rows.map((r) => this.view(r, today)) };
  }

  private view(r: PairedCaseworkersSubstitute, today: string): SubstituteDto {
    return {
      id: r.id,
      courseId: r.courseId,
      coveredStaffMemberId: r.coveredStaffMemberId,
      substituteStaffMemberId: r.substituteStaffMemberId,
      fromDate: r.fromDate,
      toDate: r.toDate,
      coveredAreas: [...r.coveredAreas],
      inForce: inForce(r, today),
      createdBy: r.createdBy,
      createdAt: new Date(r.createdAt).toISOString(),
    };
  }
}

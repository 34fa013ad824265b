import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { page, type Page, type PageQuery } from '@enplan/core/common';
import { Course, courseConcerns, danishToday } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { addDays, CLOCK, type Clock } from '@enplan/shared/util';
import { AccessGrant } from './access-grant.entity.js';
import type { AccessGrantDto, CreateAccessGrantDto } from './access-grant.dto.js';
import { accessError } from './access.error.js';

/** A grant is for cover, not a standing back door: it expires within this many days. */
export const MAX_GRANT_DAYS = 30;

@Injectable()
export class AccessGrantsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async grant(p: Principal, courseId: string, dto: CreateAccessGrantDto): Promise<AccessGrantDto> {
    const today = danishToday(this.clock);
    if (Number.isNaN(Date.parse(dto.validUntil))) throw accessError.grantInPast();
    if (dto.validUntil < today) throw accessError.grantInPast();
    if (dto.validUntil > addDays(today, MAX_GRANT_DAYS)) throw accessError.grantTooLong(MAX_GRANT_DAYS);
    return this.ds.transaction(async (em) => {
      if (!(await em.exists(StaffMember, { where: { id: dto.staffMemberId, municipalityId: p.municipalityId, active: true } }))) throw accessError.grantStaffUnknown();
      const course = await em.findOneOrFail(Course, { where: { id: courseId, municipalityId: p.municipalityId }, select: { municipalityId: true, citizenId: true, householdId: true } });
      const concerns = await courseConcerns(em, course, dto.concerns);
      const saved = await em.save(
        em.create(AccessGrant, {
          municipalityId: p.municipalityId,
          courseId,
          staffMemberId: dto.staffMemberId,
          reason: dto.reason,
          concerns,
          validUntil: dto.validUntil,
          grantedBy: p.userId,
          revokedAt: null,
        }),
      );
      return this.view(saved);
    });
  }

  async list(municipalityId: string, courseId: string, q: PageQuery): Promise<Page<AccessGrantDto>> {
    const [rows, total] = await this.ds.getRepository(AccessGrant).findAndCount({ where: { municipalityId, courseId }, order: { grantedAt: 'ASC', id: 'ASC' }, take: q.limit, skip: q.offset });
    return page(rows.map((g) => this.view(g)), total, q);
  }

  async revoke(p: Principal, id: string): Promise<AccessGrantDto> {
    return this.ds.transaction(async (em) => {
      const g = await em.findOne(AccessGrant, { where: { id, municipalityId: p.municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!g) throw accessError.grantNotFound();
      if (g.revokedAt) throw accessError.grantRevoked();
      g.revokedAt = this.clock.now();
      return this.view(await em.save(g));
    });
  }

  private view(g: AccessGrant): AccessGrantDto {
    return {
      id: g.id,
      courseId: g.courseId,
      staffMemberId: g.staffMemberId,
      reason: g.reason,
      concerns: g.concerns,
      validUntil: g.validUntil,
      grantedBy: g.grantedBy,
      grantedAt: g.grantedAt.toISOString(),
      revokedAt: g.revokedAt ? g.revokedAt.toISOString() : null,
      inForce: g.revokedAt === null && g.validUntil >= danishToday(this.clock),
    };
  }
}

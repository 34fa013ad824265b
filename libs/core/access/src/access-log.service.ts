import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { page, type Page } from '@enplan/core/common';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { AccessLogEntry, type AccessOperation, type AccessOutcome } from './access-log.entity.js';
import type { AccessLogEntryDto, AccessLogQuery } from './access-log.dto.js';

export interface AccessEvent {
  municipalityId: string;
  actorId: string;
  actorRoles: readonly string[];
  operation: AccessOperation;
  outcome: AccessOutcome;
  recordType: string;
  recordId?: string | null;
  courseIds?: readonly string[];
  citizenIds?: readonly string[];
  route: string;
  basis: string;
  reason?: string | null;
  requestId?: string | null;
}

/** Appends to and reads the access log. There is deliberately no update or delete here (nor in the database). */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async append(e: AccessEvent, em: EntityManager = this.ds.manager): Promise<void> {
    await em.insert(AccessLogEntry, {
      municipalityId: e.municipalityId,
      at: this.clock.now(),
      actorId: e.actorId,
      actorRoles: [...e.actorRoles],
      operation: e.operation,
      outcome: e.outcome,
      recordType: e.recordType,
      recordId: e.recordId ?? null,
      courseIds: [...new Set(e.courseIds ?? [])],
      citizenIds: [...new Set(e.citizenIds ?? [])],
      route: e.route.slice(0, 300),
      basis: e.basis,
      reason: e.reason ?? null,
      requestId: e.requestId ?? null,
    });
  }

  /** Who has looked at (or changed) this citizen's data, newest first. */
  async forCitizen(municipalityId: string, citizenId: string, q: AccessLogQuery): Promise<Page<AccessLogEntryDto>> {
    return this.query(municipalityId, 'l.citizenIds @> ARRAY[:id]::uuid[]', citizenId, q);
  }

  async forCourse(municipalityId: string, courseId: string, q: AccessLogQuery): Promise<Page<AccessLogEntryDto>> {
    return this.query(municipalityId, 'l.courseIds @> ARRAY[:id]::uuid[]', courseId, q);
  }

  private async query(municipalityId: string, condition: string, id: string, q: AccessLogQuery): Promise<Page<AccessLogEntryDto>> {
    const qb = this.ds
      .getRepository(AccessLogEntry)
      .createQueryBuilder('l')
      .where('l.municipalityId = :municipalityId', { municipalityId })
      .andWhere(condition, { id });
    if (q.from) qb.andWhere('l.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('l.at < :to', { to: q.to });
    if (q.actorId) qb.andWhere('l.actorId = :actorId', { actorId: q.actorId });
    const [rows, total] = await qb.orderBy('l.at', 'DESC').addOrderBy('l.id', 'DESC').limit(q.limit).offset(q.offset).getManyAndCount();
    return page(rows.map(view), total, q);
  }
}

export function view(l: AccessLogEntry): AccessLogEntryDto {
  return {
    id: l.id,
    at: l.at.toISOString(),
    actorId: l.actorId,
    actorRoles: l.actorRoles,
    operation: l.operation,
    outcome: l.outcome,
    recordType: l.recordType,
    recordId: l.recordId,
    courseIds: l.courseIds,
    citizenIds: l.citizenIds,
    route: l.route,
    basis: l.basis,
    reason: l.reason,
    requestId: l.requestId,
  };
}

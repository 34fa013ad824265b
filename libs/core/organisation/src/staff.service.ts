import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { page, type Page } from '@enplan/core/common';
import { OrgUnit } from './org-unit.entity.js';
import { StaffMember } from './staff-member.entity.js';
import { StaffDto, type CreateStaffDto, type StaffQuery, type UpdateStaffDto } from './staff.dto.js';
import { organisationError } from './organisation.error.js';

@Injectable()
export class StaffService {
  constructor(
    private readonly ds: DataSource,
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
  ) {}

  async create(municipalityId: string, dto: CreateStaffDto): Promise<StaffDto> {
    const saved = await this.ds.transaction(async (em) => {
      await this.requireUnit(em, municipalityId, dto.unitId);
      // Ids are global primary keys, so a clash may be with another municipality: say only that it is taken.
      if (dto.id && (await em.exists(StaffMember, { where: { id: dto.id } }))) throw organisationError.staffIdExists();
      const member = em.create(StaffMember, {
        ...(dto.id ? { id: dto.id } : {}),
        municipalityId,
        name: dto.name,
        unitId: dto.unitId,
        function: dto.function,
        authorityAreas: dto.authorityAreas ?? [],
        isProvider: dto.isProvider ?? false,
        fte: dto.fte ?? 1,
        active: true,
      });
      return em.save(member);
    });
    return this.get(municipalityId, saved.id);
  }

  async list(municipalityId: string, q: StaffQuery): Promise<Page<StaffDto>> {
    const where: FindOptionsWhere<StaffMember> = { municipalityId };
    if (q.unitId) where.unitId = q.unitId;
    if (q.function) where.function = q.function;
    if (q.active !== undefined) where.active = q.active;
    const [rows, total] = await this.staff.findAndCount({ where, order: { name: 'ASC', id: 'ASC' }, take: q.limit, skip: q.offset });
    return page(rows.map((s) => StaffDto.from(s)), total, q);
  }

  async get(municipalityId: string, id: string): Promise<StaffDto> {
    const member = isUUID(id) ? await this.staff.findOne({ where: { id, municipalityId } }) : null;
    if (!member) throw organisationError.staffNotFound();
    return StaffDto.from(member);
  }

  async update(municipalityId: string, id: string, dto: UpdateStaffDto): Promise<StaffDto> {
    if (!isUUID(id)) throw organisationError.staffNotFound();
    const updated = await this.ds.transaction(async (em) => {
      const member = await em.findOne(StaffMember, { where: { id, municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw organisationError.staffNotFound();
      if (dto.unitId !== undefined) await this.requireUnit(em, municipalityId, dto.unitId);
      for (const key of ['name', 'unitId', 'function', 'authorityAreas', 'isProvider', 'active', 'fte'] as const) {
        if (dto[key] !== undefined) (member as unknown as Record<string, unknown>)[key] = dto[key];
      }
      return em.save(member);
    });
    return StaffDto.from(updated);
  }

  private async requireUnit(em: EntityManager, municipalityId: string, unitId: string): Promise<void> {
    if (!(await em.exists(OrgUnit, { where: { id: unitId, municipalityId } }))) throw organisationError.unitUnknown();
  }
}

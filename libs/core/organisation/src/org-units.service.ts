import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type Repository } from 'typeorm';
import { page, type Page } from '@enplan/core/common';
import { OrgUnit } from './org-unit.entity.js';
import { OrgUnitDto, type CreateOrgUnitDto, type OrgUnitQuery } from './org-unit.dto.js';
import { organisationError } from './organisation.error.js';

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly ds: DataSource,
    @InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>,
  ) {}

  async create(municipalityId: string, dto: CreateOrgUnitDto): Promise<OrgUnitDto> {
    const unit = await this.ds.transaction((em) => em.save(em.create(OrgUnit, { municipalityId, kind: dto.kind, name: dto.name })));
    return OrgUnitDto.from(unit);
  }

  async list(municipalityId: string, q: OrgUnitQuery): Promise<Page<OrgUnitDto>> {
    const [rows, total] = await this.units.findAndCount({
      where: { municipalityId, ...(q.kind ? { kind: q.kind } : {}) },
      order: { name: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return page(rows.map((u) => OrgUnitDto.from(u)), total, q);
  }

  async get(municipalityId: string, id: string): Promise<OrgUnitDto> {
    const unit = isUUID(id) ? await this.units.findOne({ where: { id, municipalityId } }) : null;
    if (!unit) throw organisationError.unitNotFound();
    return OrgUnitDto.from(unit);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, QueryFailedError, type Repository } from 'typeorm';
import { page, type Page } from '@enplan/core/common';
import { CLOCK, danishToday, parseCpr, type Clock } from '@enplan/shared/util';
import { Citizen } from './citizen.entity.js';
import { CitizenDto, CitizenSummaryDto, type CitizenQuery, type CreateCitizenDto, type UpdateCitizenDto } from './citizen.dto.js';
import { citizenError } from './citizens.error.js';

/** Escapes LIKE wildcards so a name filter matches the text literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const driverError = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && (driverError.constraint === undefined || driverError.constraint === constraint);
}

@Injectable()
export class CitizensService {
  constructor(
    private readonly ds: DataSource,
    @InjectRepository(Citizen) private readonly citizens: Repository<Citizen>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(municipalityId: string, dto: CreateCitizenDto): Promise<CitizenDto> {
    const cpr = this.parse(dto.cpr);
    try {
      const saved = await this.ds.transaction(async (em) => {
        if (await em.exists(Citizen, { where: { municipalityId, cpr: cpr.digits } })) throw citizenError.cprExists();
        return em.save(
          em.create(Citizen, {
            municipalityId,
            cpr: cpr.digits,
            birthDate: cpr.birthDate,
            name: dto.name,
            contactChannel: dto.contactChannel ?? 'digital-post',
            languageNeeds: dto.languageNeeds ?? null,
          }),
        );
      });
      return this.get(municipalityId, saved.id);
    } catch (e) {
      // Two registrations of the same person racing each other: the unique constraint decides.
      if (isUniqueViolation(e, 'uq_citizen_municipality_cpr')) throw citizenError.cprExists();
      throw e;
    }
  }

  async list(municipalityId: string, q: CitizenQuery): Promise<Page<CitizenSummaryDto>> {
    const qb = this.citizens.createQueryBuilder('c').where('c.municipalityId = :municipalityId', { municipalityId });
    if (q.name) qb.andWhere('c.name ILIKE :name', { name: likeContains(q.name) });
    const [rows, total] = await qb.orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC').take(q.limit).skip(q.offset).getManyAndCount();
    return page(rows.map((c) => CitizenSummaryDto.from(c)), total, q);
  }

  async get(municipalityId: string, id: string): Promise<CitizenDto> {
    const citizen = isUUID(id) ? await this.citizens.findOne({ where: { id, municipalityId } }) : null;
    if (!citizen) throw citizenError.notFound();
    return CitizenDto.from(citizen);
  }

  async lookup(municipalityId: string, rawCpr: string): Promise<CitizenDto> {
    const cpr = this.parse(rawCpr);
    const citizen = await this.citizens.findOne({ where: { municipalityId, cpr: cpr.digits } });
    if (!citizen) throw citizenError.notFound();
    return CitizenDto.from(citizen);
  }

  async update(municipalityId: string, id: string, dto: UpdateCitizenDto): Promise<CitizenDto> {
    if (!isUUID(id)) throw citizenError.notFound();
    const saved = await this.ds.transaction(async (em) => {
      const citizen = await em.findOne(Citizen, { where: { id, municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!citizen) throw citizenError.notFound();
      if (dto.name !== undefined) citizen.name = dto.name;
      if (dto.contactChannel !== undefined) citizen.contactChannel = dto.contactChannel;
      if (dto.languageNeeds !== undefined) citizen.languageNeeds = dto.languageNeeds;
      return em.save(citizen);
    });
    return CitizenDto.from(saved);
  }

  private parse(raw: string) {
    // A century digit that puts the birth date in the future is a typo, not a citizen.
    const r = parseCpr(raw, danishToday(this.clock));
    if (!r.ok) throw citizenError.cprInvalid();
    return r.value;
  }
}

import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import { maskCpr } from '@enplan/shared/util';
import { Citizen } from './citizen.entity.js';
import { Household, HouseholdMember } from './household.entity.js';
import type { AddHouseholdMemberDto, CreateHouseholdDto, HouseholdDto, HouseholdMemberInputDto } from './household.dto.js';
import { citizenError } from './citizens.error.js';

@Injectable()
export class HouseholdsService {
  constructor(private readonly ds: DataSource) {}

  async create(municipalityId: string, dto: CreateHouseholdDto): Promise<HouseholdDto> {
    return this.ds.transaction(async (em) => {
      await this.requireCitizens(em, municipalityId, dto.members, (i) => `members[${i}].citizenId`);
      const household = await em.save(em.create(Household, { municipalityId, label: dto.label }));
      if (dto.members.length) {
        await em.insert(
          HouseholdMember,
          dto.members.map((m) => ({ municipalityId, householdId: household.id, citizenId: m.citizenId, relation: m.relation })),
        );
      }
      return this.load(em, municipalityId, household.id);
    });
  }

  async get(municipalityId: string, id: string): Promise<HouseholdDto> {
    return this.load(this.ds.manager, municipalityId, id);
  }

  async addMember(municipalityId: string, householdId: string, dto: AddHouseholdMemberDto): Promise<HouseholdDto> {
    if (!isUUID(householdId)) throw citizenError.householdNotFound();
    return this.ds.transaction(async (em) => {
      const household = await em.findOne(Household, { where: { id: householdId, municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!household) throw citizenError.householdNotFound();
      await this.requireCitizens(em, municipalityId, [dto], () => 'citizenId');
      if (await em.exists(HouseholdMember, { where: { householdId, citizenId: dto.citizenId } })) throw citizenError.memberExists();
      await em.insert(HouseholdMember, { municipalityId, householdId, citizenId: dto.citizenId, relation: dto.relation });
      return this.load(em, municipalityId, householdId);
    });
  }

  /** Members must be citizens of the caller's municipality; another municipality's citizen is simply unknown. */
  private async requireCitizens(em: EntityManager, municipalityId: string, members: HouseholdMemberInputDto[], field: (i: number) => string): Promise<void> {
    const seen = new Set<string>();
    members.forEach((m, i) => {
      if (seen.has(m.citizenId)) throw citizenError.memberDuplicate(field(i));
      seen.add(m.citizenId);
    });
    if (!members.length) return;
    const found = await em.find(Citizen, { where: { municipalityId, id: In([...seen]) }, select: { id: true } });
    const known = new Set(found.map((c) => c.id));
    const unknown = members.findIndex((m) => !known.has(m.citizenId));
    if (unknown >= 0) throw citizenError.memberUnknown(field(unknown));
  }

  private async load(em: EntityManager, municipalityId: string, id: string): Promise<HouseholdDto> {
    const household = isUUID(id) ? await em.findOne(Household, { where: { id, municipalityId } }) : null;
    if (!household) throw citizenError.householdNotFound();
    const rows = await em.find(HouseholdMember, { where: { householdId: id, municipalityId }, relations: { citizen: true } });
    const members = rows.flatMap((m) => (m.citizen ? [{ m, c: m.citizen }] : []));
    members.sort((a, b) => a.c.birthDate.localeCompare(b.c.birthDate) || a.m.id.localeCompare(b.m.id));
    return {
      id: household.id,
      label: household.label,
      createdAt: household.createdAt.toISOString(),
      members: members.map(({ m, c }) => ({
        id: m.id,
        citizenId: m.citizenId,
        name: c.name,
        cprMasked: maskCpr(c.cpr),
        birthDate: c.birthDate,
        relation: m.relation,
      })),
    };
  }
}

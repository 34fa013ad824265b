import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import { maskCpr } from '@enplan/shared/util';
import { Citizen } from './citizen.entity.js';
import { Household, HouseholdMember } from './household.entity.js';
import type { AddHouseholdMemberDto, CreateHouseholdDto, HouseholdDto, HouseholdMemberInputDto } from './household.dto.js';
import type { HouseholdRelation } from './vocabulary.js';
import { citizenError } from './citizens.error.js';

@Injectable()
export class HouseholdsService {
  constructor(private readonly ds: DataSource) {}

  async create(municipalityId: string, dto: CreateHouseholdDto): Promise<HouseholdDto> {
    return this.ds.transaction(async (em) => {
      await this.requireCitizens(em, municipalityId, dto.members, (i) => `members[${i}].citizenId`);
      dto.members.forEach((m, i) => custodyOf(m, `members[${i}].custody`));
      const household = await em.save(em.create(Household, { municipalityId, label: dto.label }));
      if (dto.members.length) {
        await em.insert(
          HouseholdMember,
          dto.members.map((m, i) => ({ municipalityId, householdId: household.id, citizenId: m.citizenId, relation: m.relation, custody: custodyOf(m, `members[${i}].custody`) })),
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
      const custody = custodyOf(dto, 'custody');
      if (await em.exists(HouseholdMember, { where: { householdId, citizenId: dto.citizenId } })) throw citizenError.memberExists();
      await em.insert(HouseholdMember, { municipalityId, householdId, citizenId: dto.citizenId, relation: dto.relation, custody });
      return this.load(em, municipalityId, householdId);
    });
  }

  /** Records a parent's custody (e.g. after a court decision); what each member is told follows from it at once. */
  async setCustody(municipalityId: string, householdId: string, citizenId: string, custody: boolean): Promise<HouseholdDto> {
    if (!isUUID(householdId)) throw citizenError.householdNotFound();
    return this.ds.transaction(async (em) => {
      if (!(await em.exists(Household, { where: { id: householdId, municipalityId } }))) throw citizenError.householdNotFound();
      const member = isUUID(citizenId) ? await em.findOne(HouseholdMember, { where: { householdId, citizenId, municipalityId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!member) throw citizenError.memberNotFound();
      if (member.relation !== 'parent') throw citizenError.custodyNotParent('custody');
      await em.update(HouseholdMember, { id: member.id, municipalityId }, { custody });
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
        custody: m.relation === 'parent' ? m.custody !== false : null,
      })),
    };
  }
}

/** A parent's custody as stored: given, or true (joint custody, the Danish default); null for anyone else. */
function custodyOf(m: { relation: HouseholdRelation; custody?: boolean }, field: string): boolean | null {
  if (m.relation !== 'parent') {
    if (m.custody !== undefined) throw citizenError.custodyNotParent(field);
    return null;
  }
  return m.custody ?? true;
}

import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import { recordDomainEvent } from '@enplan/core/events';
import type { Principal } from '@enplan/core/auth';
import { DomainError, page, type Page, type PageQuery } from '@enplan/core/common';
import { HouseholdMember } from '@enplan/core/citizens';
import { OrgUnit } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { Course } from './course.entity.js';
import { Consent } from './consent.entity.js';
import type { ConsentDto, CreateConsentDto, RevokeConsentDto } from './consent.dto.js';
import { courseError } from './courses.error.js';
import { today } from './calendar.js';
import type { InformationCategory } from './vocabulary.js';

export enum ConsentErrorCode {
  NotFound = 'consent.not-found',
  CitizenNotOnCourse = 'consent.citizen-not-on-course',
  PartyUnknown = 'consent.party-unknown',
  PartiesRequired = 'consent.parties-required',
  CategoriesRequired = 'consent.categories-required',
  NotForParticipation = 'consent.not-for-participation',
  WitnessRequired = 'consent.witness-required',
  PeriodInvalid = 'consent.period-invalid',
  AlreadyRevoked = 'consent.already-revoked',
  Missing = 'consent.missing',
}

export const consentError = {
  notFound: () => DomainError.notFound(ConsentErrorCode.NotFound, 'Consent'),
  citizenNotOnCourse: () =>
    DomainError.field(ConsentErrorCode.CitizenNotOnCourse, 'citizenId', "citizenId must be the course's citizen or a member of its household"),
  partyUnknown: (i: number) => DomainError.field(ConsentErrorCode.PartyUnknown, `partyUnitIds[${i}]`, 'Not an organisational unit of your municipality'),
  partiesRequired: () => DomainError.field(ConsentErrorCode.PartiesRequired, 'partyUnitIds', 'An information-sharing consent names at least one party'),
  categoriesRequired: () => DomainError.field(ConsentErrorCode.CategoriesRequired, 'categories', 'An information-sharing consent names at least one category of information'),
  notForParticipation: (field: string) =>
    DomainError.field(ConsentErrorCode.NotForParticipation, field, 'A consent to take part names no parties or categories; record a separate information-sharing consent'),
  witnessRequired: () => DomainError.field(ConsentErrorCode.WitnessRequired, 'witness', 'An oral consent needs the name of its witness'),
  periodInvalid: () => DomainError.field(ConsentErrorCode.PeriodInvalid, 'validTo', 'validTo must not be before validFrom'),
  alreadyRevoked: () => new DomainError(ConsentErrorCode.AlreadyRevoked, 'conflict', 'The consent is already revoked'),
  /** Names the unit and what is missing, never the citizen: the message may reach people outside the team. */
  missing: (unit: { id: string; name: string }, field: string, category?: InformationCategory) =>
    new DomainError(
      ConsentErrorCode.Missing,
      'unprocessable',
      `No information-sharing consent in force covers ${unit.name}${category ? ` for ${category} information` : ''}; record the citizen's consent naming this unit first`,
      { unitId: unit.id, ...(category ? { category } : {}), errors: [{ field, code: ConsentErrorCode.Missing, message: `No consent in force covers ${unit.name}` }] },
    ),
};

/** For each unit, the categories of information the information-sharing consents in force let it see. */
export function sharedCategoriesByUnit(
  consents: readonly Pick<Consent, 'kind' | 'validFrom' | 'validTo' | 'revokedAt' | 'partyUnitIds' | 'categories'>[],
  day: string,
  now: Date,
): Record<string, InformationCategory[]> {
  const byUnit: Record<string, InformationCategory[]> = {};
  for (const c of consents) {
    if (c.kind !== 'information-sharing' || !inForce(c, day, now)) continue;
    for (const unit of c.partyUnitIds) byUnit[unit] = [...new Set([...(byUnit[unit] ?? []), ...c.categories])];
  }
  return byUnit;
}

/** Whether a consent applies on a day: inside its period and not revoked by then. */
export function inForce(c: Pick<Consent, 'validFrom' | 'validTo' | 'revokedAt'>, day: string, now: Date): boolean {
  return c.validFrom <= day && (c.validTo === null || c.validTo >= day) && (c.revokedAt === null || c.revokedAt > now);
}

@Injectable()
export class ConsentsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(p: Principal, courseId: string, dto: CreateConsentDto): Promise<ConsentDto> {
    const municipalityId = p.municipalityId;
    const sharing = dto.kind === 'information-sharing';
    if (sharing && !dto.partyUnitIds?.length) throw consentError.partiesRequired();
    if (sharing && !dto.categories?.length) throw consentError.categoriesRequired();
    if (!sharing && dto.partyUnitIds?.length) throw consentError.notForParticipation('partyUnitIds');
    if (!sharing && dto.categories?.length) throw consentError.notForParticipation('categories');
    if (dto.form === 'oral-witnessed' && !dto.witness) throw consentError.witnessRequired();
    if (dto.validTo && dto.validTo < dto.validFrom) throw consentError.periodInvalid();
    return this.ds.transaction(async (em) => {
      const course = await em.findOne(Course, { where: { id: courseId, municipalityId } });
      if (!course) throw courseError.notFound();
      if (!(await courseCitizenIds(em, course)).includes(dto.citizenId)) throw consentError.citizenNotOnCourse();
      const parties = dto.partyUnitIds ?? [];
      if (parties.length) {
        const known = new Set((await em.find(OrgUnit, { where: { id: In(parties), municipalityId }, select: { id: true } })).map((u) => u.id));
        const i = parties.findIndex((id) => !known.has(id));
        if (i >= 0) throw consentError.partyUnknown(i);
      }
      const saved = await em.save(
        em.create(Consent, {
          municipalityId,
          courseId,
          citizenId: dto.citizenId,
          kind: dto.kind,
          partyUnitIds: parties,
          purpose: dto.purpose,
          categories: dto.categories ?? [],
          validFrom: dto.validFrom,
          validTo: dto.validTo ?? null,
          form: dto.form,
          witness: dto.witness ?? null,
          recordedBy: p.userId,
          revokedAt: null,
          revokedBy: null,
          revocationNote: null,
        }),
      );
      await recordDomainEvent(em, { municipalityId, type: 'consent.given', data: { consentId: saved.id, courseId, kind: dto.kind }, actorId: p.userId, occurredAt: this.clock.now() });
      return this.view(saved);
    });
  }

  async list(municipalityId: string, courseId: string, q: PageQuery): Promise<Page<ConsentDto>> {
    const [rows, total] = await this.ds.getRepository(Consent).findAndCount({ where: { municipalityId, courseId }, order: { recordedAt: 'ASC', id: 'ASC' }, take: q.limit, skip: q.offset });
    return page(rows.map((c) => this.view(c)), total, q);
  }

  /** Revocation is effective immediately: every read after this commit is filtered without the consent. */
  async revoke(p: Principal, id: string, dto: RevokeConsentDto): Promise<ConsentDto> {
    if (!isUUID(id)) throw consentError.notFound();
    return this.ds.transaction(async (em) => {
      const c = await em.findOne(Consent, { where: { id, municipalityId: p.municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw consentError.notFound();
      if (c.revokedAt) throw consentError.alreadyRevoked();
      c.revokedAt = this.clock.now();
      c.revokedBy = p.userId;
      c.revocationNote = dto.note ?? null;
      const saved = await em.save(c);
      await recordDomainEvent(em, { municipalityId: p.municipalityId, type: 'consent.revoked', data: { consentId: c.id, courseId: c.courseId, kind: c.kind }, actorId: p.userId, occurredAt: c.revokedAt });
      return this.view(saved);
    });
  }

  /**
   * The categories a unit may see on a course today, from the information-sharing consents in force
   * (empty: nothing may be shared with it).
   */
  async sharedCategories(em: EntityManager, municipalityId: string, courseId: string, unitId: string): Promise<InformationCategory[]> {
    const rows = await em
      .getRepository(Consent)
      .createQueryBuilder('c')
      .where('c.municipalityId = :municipalityId AND c.courseId = :courseId AND c.kind = :kind', { municipalityId, courseId, kind: 'information-sharing' })
      .andWhere(':unitId = ANY(c.partyUnitIds)', { unitId })
      .getMany();
    return sharedCategoriesByUnit(rows, today(this.clock), this.clock.now())[unitId] ?? [];
  }

  /** Refuses to bring a unit into a course (meeting, team) unless a consent in force covers it. */
  async requireSharing(em: EntityManager, municipalityId: string, courseId: string, unit: { id: string; name: string }, field: string): Promise<void> {
    if (!(await this.sharedCategories(em, municipalityId, courseId, unit.id)).length) throw consentError.missing(unit, field);
  }

  private view(c: Consent): ConsentDto {
    return {
      id: c.id,
      courseId: c.courseId,
      citizenId: c.citizenId,
      kind: c.kind,
      partyUnitIds: c.partyUnitIds,
      purpose: c.purpose,
      categories: c.categories,
      validFrom: c.validFrom,
      validTo: c.validTo,
      form: c.form,
      witness: c.witness,
      recordedBy: c.recordedBy,
      recordedAt: c.recordedAt.toISOString(),
      revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
      revocationNote: c.revocationNote,
      inForce: inForce(c, today(this.clock), this.clock.now()),
    };
  }
}

/** The citizens a course concerns: its citizen and, for a family course, every household member. */
export async function courseCitizenIds(em: EntityManager, course: Pick<Course, 'municipalityId' | 'citizenId' | 'householdId'>): Promise<string[]> {
  const ids = new Set<string>(course.citizenId ? [course.citizenId] : []);
  if (course.householdId) {
    const members = await em.find(HouseholdMember, { where: { municipalityId: course.municipalityId, householdId: course.householdId }, select: { citizenId: true } });
    for (const m of members) ids.add(m.citizenId);
  }
  return [...ids];
}

import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { page, type Page, type PageQuery } from '@enplan/core/common';
import { Citizen, holdsCustody, HouseholdMember } from '@enplan/core/citizens';
import { Course, courseError } from '@enplan/core/courses';
import {
  checkAnswers,
  respondentAllowed,
  scoreMeasurement,
  type InstrumentDefinition,
  type ItemAnswer,
} from '@enplan/core/progression-instruments';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { InstrumentRegistry } from './instrument-registry.service.js';
import { Measurement } from './measurement.entity.js';
import type { CompleteMeasurementDto, ItemAnswerDto, MeasurementDto, SaveAnswersDto, SkipMeasurementDto, StartedMeasurementDto, StartMeasurementDto } from './progression.dto.js';
import { progressionError } from './progression.error.js';

const OPEN = new Set(['active', 'paused']);

/** Whole years from `birthDate` to `on` (YYYY-MM-DD both). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The DTO view of a stored measurement. */
export function measurementView(m: Measurement): MeasurementDto {
  return {
    id: m.id,
    courseId: m.courseId,
    instrumentId: m.instrumentId,
    instrumentVersion: m.instrumentVersion,
    aboutCitizenId: m.aboutCitizenId,
    respondentType: m.respondentType,
    respondentCitizenId: m.respondentCitizenId,
    occasion: m.occasion,
    status: m.status,
    startedBy: m.startedBy,
    startedAt: m.startedAt.toISOString(),
    completedAt: m.completedAt?.toISOString() ?? null,
    answers: m.answers,
    comment: m.comment,
    scores: m.scores,
    skipReason: m.skipReason,
  };
}

/** Answers as stored: only the fields that apply, nulls dropped. */
function normalise(a: ItemAnswerDto): ItemAnswer {
  const out: ItemAnswer = { itemId: a.itemId, status: a.status };
  if (a.value != null) out.value = a.value;
  if (a.text != null) out.text = a.text;
  if (a.comment != null && a.comment !== '') out.comment = a.comment;
  return out;
}

/** `current` with `incoming` laid over it, item by item, in the definition's item order. */
function merge(def: InstrumentDefinition, current: ItemAnswer[], incoming: ItemAnswer[]): ItemAnswer[] {
  const by = new Map(current.map((a) => [a.itemId, a]));
  for (const a of incoming) by.set(a.itemId, a);
  return def.items.flatMap((i) => (by.has(i.id) ? [by.get(i.id) as ItemAnswer] : []));
}

/**
 * Recording progression: start (with answers already, if the screen has them), save answers (partial saves,
 * as often as needed), complete (scores computed from the version the answers used). Every refusal happens
 * before anything is written, and each call is one transaction with its access-log entry (the access
 * interceptor's unit of work).
 */
@Injectable()
export class MeasurementsService {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: InstrumentRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(p: Principal, courseId: string, dto: StartMeasurementDto): Promise<StartedMeasurementDto> {
    return this.ds.transaction(async (em) => {
      const { course, def, aboutCitizenId, respondentCitizenId } = await this.checkStart(em, p, courseId, dto);
      const saved = await em.save(
        em.create(Measurement, {
          municipalityId: course.municipalityId,
          courseId: course.id,
          instrumentId: def.id,
          instrumentVersion: def.version,
          aboutCitizenId,
          respondentType: dto.respondentType,
          respondentCitizenId,
          occasion: dto.occasion,
          status: 'in-progress',
          startedBy: p.userId,
          startedAt: this.clock.now(),
          completedAt: null,
          answers: [],
          comment: null,
          scores: null,
          skipReason: null,
        }),
      );
      return { ...measurementView(saved), definition: def };
    });
  }

  /** A scheduled measurement not taken, with the reason (e.g. the citizen declined the end measurement). */
  async skip(p: Principal, courseId: string, dto: SkipMeasurementDto): Promise<MeasurementDto> {
    return this.ds.transaction(async (em) => {
      const { course, def, aboutCitizenId, respondentCitizenId } = await this.checkStart(em, p, courseId, dto);
      const now = this.clock.now();
      const saved = await em.save(
        em.create(Measurement, {
          municipalityId: course.municipalityId,
          courseId: course.id,
          instrumentId: def.id,
          instrumentVersion: def.version,
          aboutCitizenId,
          respondentType: dto.respondentType,
          respondentCitizenId,
          occasion: dto.occasion,
          status: 'skipped',
          startedBy: p.userId,
          startedAt: now,
          completedAt: now,
          answers: [],
          comment: null,
          scores: null,
          skipReason: dto.reason,
        }),
      );
      return measurementView(saved);
    });
  }

  async save(p: Principal, measurementId: string, dto: SaveAnswersDto): Promise<MeasurementDto> {
    return this.ds.transaction(async (em) => {
      const { m, def } = await this.open(em, p, measurementId);
      this.apply(m, def, dto.answers, dto.comment);
      return measurementView(await em.save(m));
    });
  }

  async complete(p: Principal, measurementId: string, dto: CompleteMeasurementDto): Promise<MeasurementDto> {
    return this.ds.transaction(async (em) => {
      const { m, def } = await this.open(em, p, measurementId);
      this.apply(m, def, dto.answers ?? [], dto.comment);
      m.status = 'completed';
      m.completedAt = this.clock.now();
      m.scores = scoreMeasurement(def, m.answers);
      return measurementView(await em.save(m));
    });
  }

  async list(p: Principal, courseId: string, q: PageQuery): Promise<Page<MeasurementDto>> {
    const [rows, total] = await this.ds.manager.findAndCount(Measurement, { where: { municipalityId: p.municipalityId, courseId }, order: { startedAt: 'ASC', id: 'ASC' }, take: q.limit, skip: q.offset });
    return page(rows.map(measurementView), total, q);
  }

  async get(p: Principal, measurementId: string): Promise<MeasurementDto> {
    if (!isUUID(measurementId)) throw progressionError.measurementNotFound();
    const m = await this.ds.manager.findOne(Measurement, { where: { id: measurementId, municipalityId: p.municipalityId } });
    if (!m) throw progressionError.measurementNotFound();
    return measurementView(m);
  }

  private apply(m: Measurement, def: InstrumentDefinition, incoming: ItemAnswerDto[], comment: string | null | undefined): void {
    const answers = incoming.map(normalise);
    const issues = checkAnswers(def, answers);
    if (issues.length) throw progressionError.answersInvalid(issues);
    m.answers = merge(def, m.answers, answers);
    if (comment !== undefined) m.comment = comment || null;
  }

  private async open(em: EntityManager, p: Principal, measurementId: string): Promise<{ m: Measurement; def: InstrumentDefinition }> {
    if (!isUUID(measurementId)) throw progressionError.measurementNotFound();
    // Locked: two people saving the same measurement at once take turns, and neither's answers are lost.
    const m = await em.findOne(Measurement, { where: { id: measurementId, municipalityId: p.municipalityId }, lock: { mode: 'pessimistic_write' } });
    if (!m) throw progressionError.measurementNotFound();
    if (m.status !== 'in-progress') throw progressionError.notInProgress(m.status);
    const def = await this.registry.get(p.municipalityId, m.instrumentId, m.instrumentVersion);
    return { m, def };
  }

  /** Every rule of starting (or skipping) a measurement, checked before anything is written. */
  private async checkStart(em: EntityManager, p: Principal, courseId: string, dto: StartMeasurementDto) {
    const municipalityId = p.municipalityId;
    const course = await em.findOne(Course, { where: { id: courseId, municipalityId } });
    if (!course) throw courseError.notFound();
    if (!OPEN.has(course.status) && !(dto.occasion === 'end' && course.status === 'closed')) throw progressionError.courseNotOpen(course.status);
    const def = await this.registry.get(municipalityId, dto.instrumentId, dto.instrumentVersion, dto.instrumentVersion === undefined ? 'instrumentId' : 'instrumentVersion');
    if (!def.respondents.some((r) => r.type === dto.respondentType)) throw progressionError.respondent('measurement.respondent-not-allowed');

    const members = course.householdId
      ? await em.find(HouseholdMember, { where: { municipalityId, householdId: course.householdId }, select: { citizenId: true, relation: true, custody: true } })
      : [];
    let aboutCitizenId: string;
    if (def.subject === 'child') {
      if (!dto.aboutCitizenId) throw progressionError.aboutRequired();
      if (!members.some((m) => m.citizenId === dto.aboutCitizenId && m.relation === 'child')) throw progressionError.childNotInHousehold();
      aboutCitizenId = dto.aboutCitizenId;
    } else {
      const about = dto.aboutCitizenId ?? course.citizenId;
      if (!about) throw progressionError.aboutRequired();
      const adult = about === course.citizenId || members.some((m) => m.citizenId === about && m.relation !== 'child');
      if (!adult) throw progressionError.citizenNotInCourse();
      aboutCitizenId = about;
    }

    let respondentCitizenId: string | null = null;
    let age: number | null = null;
    if (dto.respondentType === 'youth') {
      const child = await em.findOne(Citizen, { where: { id: aboutCitizenId, municipalityId }, select: { id: true, birthDate: true } });
      age = child?.birthDate ? ageOn(child.birthDate, this.clock.now().toISOString().slice(0, 10)) : null;
      respondentCitizenId = aboutCitizenId;
    } else if (dto.respondentType === 'parent') {
      const parent = members.find((m) => m.citizenId === dto.respondentCitizenId);
      if (!dto.respondentCitizenId || !parent || !holdsCustody(parent)) throw progressionError.respondentNotInHousehold();
      respondentCitizenId = parent.citizenId;
    } else if (dto.respondentType === 'citizen') {
      respondentCitizenId = aboutCitizenId;
    }
    if (dto.respondentCitizenId && dto.respondentType !== 'parent' && dto.respondentCitizenId !== respondentCitizenId)
      throw progressionError.respondentNotInHousehold();
    const allowed = respondentAllowed(def, dto.respondentType, age);
    if (!allowed.ok) throw progressionError.respondent(allowed.code);
    return { course, def, aboutCitizenId, respondentCitizenId };
  }
}

/** The course of a measurement, for the access declaration of `/measurements/{measurementId}`. */
export async function measurementCourses(em: EntityManager, municipalityId: string, measurementId: string): Promise<string[]> {
  if (!isUUID(measurementId)) return [];
  const m = await em.findOne(Measurement, { where: { id: measurementId, municipalityId }, select: { id: true, courseId: true } });
  return m ? [m.courseId] : [];
}

/** Completed measurements of some courses (for views and figures), oldest first. */
export async function completedMeasurements(em: EntityManager, municipalityId: string, courseIds: string[]): Promise<Measurement[]> {
  if (!courseIds.length) return [];
  return em.find(Measurement, { where: { municipalityId, courseId: In(courseIds), status: 'completed' }, order: { completedAt: 'ASC', id: 'ASC' } });
}

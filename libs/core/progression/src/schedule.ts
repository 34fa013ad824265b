import { In, type EntityManager } from 'typeorm';
import { HouseholdMember } from '@enplan/core/citizens';
import type { ProgressionScheduleSetting } from '@enplan/core/config';
import { TARGET_GROUPS, type Course, type TargetGroup } from '@enplan/core/courses';
import { shippedInstruments, type InstrumentDefinition, type RespondentType } from '@enplan/core/progression-instruments';
import { addMonths } from '@enplan/shared/util';
import { Measurement } from './measurement.entity.js';
import { RegisteredInstrument } from './registered-instrument.entity.js';
import { DEFAULT_FOLLOW_UP_MONTHS, type MeasurementOccasion } from './vocabulary.js';

/** One scheduled measurement: an instrument answered by a respondent type, at activation and every N months. */
export interface ScheduleRule {
  instrumentId: string;
  respondentType: RespondentType;
  everyMonths: number;
}

/**
 * The schedule per target group (any model), and per model where one differs: the trial's rhythm (baseline at
 * activation, every 6 months, and the end measurement that closing asks for). Child instruments are due once
 * per child of the household.
 */
export const DEFAULT_SCHEDULES: Record<TargetGroup, ScheduleRule[]> = {
  adults: [
    { instrumentId: 'employment-readiness', respondentType: 'citizen', everyMonths: DEFAULT_FOLLOW_UP_MONTHS },
    { instrumentId: 'employment-readiness', respondentType: 'caseworker', everyMonths: DEFAULT_FOLLOW_UP_MONTHS },
  ],
  youth: [
    { instrumentId: 'employment-readiness', respondentType: 'citizen', everyMonths: DEFAULT_FOLLOW_UP_MONTHS },
    { instrumentId: 'employment-readiness', respondentType: 'caseworker', everyMonths: DEFAULT_FOLLOW_UP_MONTHS },
  ],
  families: [
    { instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', everyMonths: DEFAULT_FOLLOW_UP_MONTHS },
    { instrumentId: 'wellbeing-ruler-child', respondentType: 'parent', everyMonths: DEFAULT_FOLLOW_UP_MONTHS },
  ],
};
/** Per model and target group, where a model's schedule differs from the default (`model|targetGroup`). */
export const MODEL_SCHEDULES: Record<string, ScheduleRule[]> = {};

/**
 * The rules for a course: the municipality's own schedule for its model and target group, else its own for the target
 * group, else the model's, else the default. A municipality's empty list means no scheduled measurement there.
 */
export function scheduleFor(modelId: string, targetGroup: TargetGroup, own: readonly ProgressionScheduleSetting[] = []): ScheduleRule[] {
  const mine = own.find((s) => s.model === modelId && s.targetGroup === targetGroup) ?? own.find((s) => s.model === undefined && s.targetGroup === targetGroup);
  if (mine) return mine.rules.map((r) => ({ instrumentId: r.instrumentId, respondentType: r.respondentType as RespondentType, everyMonths: r.everyMonths ?? DEFAULT_FOLLOW_UP_MONTHS }));
  return MODEL_SCHEDULES[`${modelId}|${targetGroup}`] ?? DEFAULT_SCHEDULES[targetGroup] ?? [];
}

/**
 * What is wrong with a municipality's schedules (`municipalities[i].progressionSchedules` of the deployment file),
 * checked at start against what runs: the target groups, the municipality's models, the instruments it may use and
 * the respondent types each allows. One line per problem, naming the setting; empty when all is well.
 */
export function scheduleProblems(
  path: string,
  own: readonly ProgressionScheduleSetting[],
  models: readonly string[],
  instruments: readonly Pick<InstrumentDefinition, 'id' | 'respondents'>[],
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  own.forEach((s, i) => {
    const at = `${path}.progressionSchedules[${i}]`;
    if (!(TARGET_GROUPS as readonly string[]).includes(s.targetGroup)) out.push(`${at}.targetGroup: "${s.targetGroup}" is not a target group (${TARGET_GROUPS.join(', ')})`);
    if (s.model !== undefined && !models.includes(s.model)) out.push(`${at}.model: "${s.model}" is not a model of this municipality (${models.join(', ')})`);
    const key = `${s.model ?? '*'}|${s.targetGroup}`;
    if (seen.has(key)) out.push(`${at}: a second schedule for ${s.model ? `model ${s.model} and ` : ''}target group ${s.targetGroup}`);
    seen.add(key);
    s.rules.forEach((r, j) => {
      const def = instruments.filter((d) => d.id === r.instrumentId).at(-1);
      if (!def) out.push(`${at}.rules[${j}].instrumentId: no instrument "${r.instrumentId}" in this municipality`);
      else if (!def.respondents.some((x) => x.type === r.respondentType))
        out.push(`${at}.rules[${j}].respondentType: ${r.instrumentId} is answered by ${def.respondents.map((x) => x.type).join(', ')}, not "${r.respondentType}"`);
    });
  });
  return out;
}

export interface DueMeasurement {
  courseId: string;
  instrumentId: string;
  respondentType: RespondentType;
  aboutCitizenId: string;
  occasion: MeasurementOccasion;
  dueOn: string;
}

type CourseRow = Pick<Course, 'id' | 'municipalityId' | 'status' | 'citizenId' | 'householdId' | 'modelId' | 'targetGroup' | 'activatedOn'>;
type Taken = Pick<Measurement, 'courseId' | 'instrumentId' | 'respondentType' | 'aboutCitizenId' | 'occasion' | 'completedAt'>;

const SHIPPED_SUBJECTS = () => new Map(shippedInstruments().map((d) => [d.id, d.subject]));

/**
 * The next measurement due per rule and person on an active (or paused) course: the baseline on the day of
 * activation until one is taken (or skipped), then a follow-up `everyMonths` after the latest one. Pure;
 * `subjects` says which instruments are about a child (due once per child of the household).
 */
export function nextDue(
  course: CourseRow,
  rules: readonly ScheduleRule[],
  children: readonly string[],
  taken: readonly Taken[],
  subjects: ReadonlyMap<string, InstrumentDefinition['subject']> = SHIPPED_SUBJECTS(),
): DueMeasurement[] {
  if (!course.activatedOn || (course.status !== 'active' && course.status !== 'paused')) return [];
  const out: DueMeasurement[] = [];
  for (const rule of rules) {
    const about = subjects.get(rule.instrumentId) === 'child' ? children : course.citizenId ? [course.citizenId] : [];
    for (const person of about) {
      const mine = taken
        .filter((m) => m.courseId === course.id && m.instrumentId === rule.instrumentId && m.respondentType === rule.respondentType && m.aboutCitizenId === person && m.completedAt)
        .map((m) => (m.completedAt as Date).toISOString().slice(0, 10))
        .sort();
      const last = mine.at(-1);
      out.push({
        courseId: course.id,
        instrumentId: rule.instrumentId,
        respondentType: rule.respondentType,
        aboutCitizenId: person,
        occasion: last ? 'follow-up' : 'baseline',
        dueOn: last ? addMonths(last, rule.everyMonths) : course.activatedOn,
      });
    }
  }
  return out;
}

/** `nextDue` for many courses of one municipality in two queries (the work list asks for whole caseloads). */
export async function dueMeasurements(em: EntityManager, municipalityId: string, courses: readonly CourseRow[], own: readonly ProgressionScheduleSetting[] = []): Promise<DueMeasurement[]> {
  const live = courses.filter((c) => c.activatedOn && (c.status === 'active' || c.status === 'paused'));
  if (!live.length) return [];
  const taken = await em.find(Measurement, {
    where: { municipalityId, courseId: In(live.map((c) => c.id)), status: In(['completed', 'skipped']) },
    select: { id: true, courseId: true, instrumentId: true, respondentType: true, aboutCitizenId: true, occasion: true, completedAt: true },
  });
  // What each scheduled instrument is about (a child instrument is due once per child): the shipped ones from code,
  // a plugin's or the municipality's own (a municipality schedule may name them) from their newest published version.
  const subjects = SHIPPED_SUBJECTS();
  const named = [...new Set(own.flatMap((s) => s.rules.map((r) => r.instrumentId)))].filter((id) => !subjects.has(id));
  if (named.length)
    for (const r of await em.find(RegisteredInstrument, { where: { municipalityId, instrumentId: In(named) }, order: { version: 'ASC' }, select: { id: true, instrumentId: true, definition: true } }))
      subjects.set(r.instrumentId, r.definition.subject);
  const households = [...new Set(live.flatMap((c) => (c.householdId ? [c.householdId] : [])))];
  const kids = households.length ? await em.find(HouseholdMember, { where: { municipalityId, householdId: In(households), relation: 'child' }, select: { id: true, householdId: true, citizenId: true } }) : [];
  return live.flatMap((c) => nextDue(c, scheduleFor(c.modelId, c.targetGroup, own), kids.filter((k) => k.householdId === c.householdId).map((k) => k.citizenId), taken, subjects));
}

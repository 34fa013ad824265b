import { legalAreaOfBasis, type LegalBasisEntry, type PlanContent, type PlanGoal, type Responsible } from '@enplan/core/plans';
import type { LegalArea } from '@enplan/core/organisation';

/**
 * The employment-plan extract for the job-centre system: the goals, offers and agreements of the one plan that
 * fall under the employment laws, in the sections of the citizen's job plan ("Min Plan", LAB §§ 27–30): the
 * job goal, the offers with their paragraph, period and who is responsible, and the agreements. Derived from the
 * plan by legal area, so nothing is typed twice. Schema: `employment-plan.schema.json` (README).
 */
export const EMPLOYMENT_PLAN_SCHEMA = 'https://enplan.dk/schemas/employment-plan/v1';

/** The employment laws: LAB (active employment efforts) and LAS (active social policy, cash benefit). */
export const EMPLOYMENT_AREAS: readonly LegalArea[] = ['employment', 'active-social-policy'];

export interface EmploymentPlanInput {
  municipalityCode: string;
  courseId: string;
  /** The citizen the job plan is about (the job-centre system files it on their CPR). */
  citizen: { cpr: string } | null;
  version: number;
  publishedAt: string;
  content: PlanContent;
  legalBases: readonly LegalBasisEntry[];
  /** Names of the staff members and units a plan item names as responsible. */
  names: ReadonlyMap<string, string>;
}

export interface EmploymentPlanResponsible {
  kind: Responsible['kind'];
  name: string | null;
}

export interface EmploymentPlanExtract {
  $schema: string;
  municipalityCode: string;
  courseId: string;
  planVersion: number;
  publishedAt: string;
  citizen: { cpr: string } | null;
  /** "Mit mål": the plan's overall goal in the citizen's words, as agreed with them. */
  jobGoal: { text: string; citizenAgreed: boolean; agreedOn: string | null } | null;
  goals: { id: string; parentId: string | null; title: string; targetDate: string | null; status: PlanGoal['status'] }[];
  offers: {
    id: string;
    goalId: string | null;
    title: string;
    legalBasis: { code: string; law: string | null; paragraph: string | null; title: string | null };
    startDate: string;
    endDate: string | null;
    status: string;
    responsible: EmploymentPlanResponsible;
  }[];
  agreements: { id: string; text: string; due: string | null; done: boolean; responsible: EmploymentPlanResponsible }[];
}

const isEmployment = (area: LegalArea | null | undefined) => !!area && EMPLOYMENT_AREAS.includes(area);

export function employmentPlanExtract(input: EmploymentPlanInput): EmploymentPlanExtract {
  const { content } = input;
  const basis = new Map(input.legalBases.map((b) => [b.code.toUpperCase(), b]));
  const responsible = (r: Responsible): EmploymentPlanResponsible => ({ kind: r.kind, name: r.id ? (input.names.get(r.id) ?? null) : null });
  const offers = content.actions.filter((a) => isEmployment(legalAreaOfBasis(a.legalBasis)));
  const byId = new Map(content.goals.map((g) => [g.id, g]));
  // A goal's area is its own, or else its parent's (an untagged sub-goal of an employment goal is one too).
  const areaOf = (g: PlanGoal, depth = 0): LegalArea | null => {
    if (g.legalArea) return g.legalArea;
    const parent = g.parentId ? byId.get(g.parentId) : undefined;
    return parent && depth < 100 ? areaOf(parent, depth + 1) : null;
  };
  // On the job plan: the employment goals, and the shared (untagged) goals an employment offer serves, with the
  // shared goals above them so the tree stays whole. Goals of other areas never are.
  const kept = new Set(content.goals.filter((g) => isEmployment(areaOf(g))).map((g) => g.id));
  for (const a of offers) {
    for (let at = byId.get(a.goalId), depth = 0; at && !kept.has(at.id) && areaOf(at) === null && depth < 100; at = at.parentId ? byId.get(at.parentId) : undefined, depth++) {
      kept.add(at.id);
    }
  }
  return {
    $schema: EMPLOYMENT_PLAN_SCHEMA,
    municipalityCode: input.municipalityCode,
    courseId: input.courseId,
    planVersion: input.version,
    publishedAt: input.publishedAt,
    citizen: input.citizen,
    jobGoal: content.overallGoal.text
      ? { text: content.overallGoal.text, citizenAgreed: content.overallGoal.citizenAgreed, agreedOn: content.overallGoal.agreedOn ?? null }
      : null,
    goals: content.goals
      .filter((g) => kept.has(g.id))
      .map((g) => ({ id: g.id, parentId: g.parentId && kept.has(g.parentId) ? g.parentId : null, title: g.title, targetDate: g.targetDate ?? null, status: g.status })),
    offers: offers.map((a) => {
      const b = basis.get(a.legalBasis.toUpperCase());
      return {
        id: a.id,
        goalId: kept.has(a.goalId) ? a.goalId : null,
        title: a.title,
        legalBasis: { code: a.legalBasis, law: b?.law ?? null, paragraph: b?.paragraph ?? null, title: b?.title ?? null },
        startDate: a.startDate,
        endDate: a.deadline ?? null,
        status: a.status,
        responsible: responsible(a.responsible),
      };
    }),
    agreements: content.agreements
      .filter((a) => isEmployment(a.legalArea))
      .map((a) => ({ id: a.id, text: a.text, due: a.due ?? null, done: a.done, responsible: responsible(a.responsible) })),
  };
}

import type { FieldProblem } from '@enplan/core/common';
import type { PlanContent, Responsible } from './plan-content.js';
import { PlansErrorCode as C } from './plans.error.js';

/** What the content may refer to, as loaded for the course's municipality. */
export interface PlanReferences {
  legalBases: ReadonlySet<string>;
  staffIds: ReadonlySet<string>;
  unitIds: ReadonlySet<string>;
  /** The course's citizen and the members of its household. */
  citizenIds: ReadonlySet<string>;
}

/** Staff and unit ids the content names, so only those need looking up. */
export function referencedResponsibles(content: PlanContent): { staffIds: Set<string>; unitIds: Set<string> } {
  const staffIds = new Set<string>();
  const unitIds = new Set<string>();
  for (const r of [...content.actions.map((a) => a.responsible), ...content.agreements.map((a) => a.responsible)]) {
    if (r.id && r.kind === 'staff') staffIds.add(r.id);
    if (r.id && r.kind === 'unit') unitIds.add(r.id);
  }
  return { staffIds, unitIds };
}

/**
 * The rules the shape alone cannot express: references inside the content and out to the catalogue, the
 * municipality's staff and the course's citizens. A draft may be unfinished, so the overall goal and the
 * citizen's yes are checked only when publishing. `today` (Danish date, from the clock) bounds agreedOn;
 * `root` prefixes every field path.
 */
export function validatePlanContent(content: PlanContent, refs: PlanReferences, opts: { publishing: boolean; today: string; root?: string }): FieldProblem[] {
  const root = opts.root ?? 'content';
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field: `${root}.${field}`, code, message });

  const seen = new Set<string>();
  const uniqueId = (id: string, field: string) => {
    if (seen.has(id)) add(field, C.DuplicateId, `The id "${id}" is used more than once; ids are unique across goals, actions and agreements`);
    seen.add(id);
  };
  content.goals.forEach((g, i) => uniqueId(g.id, `goals[${i}].id`));
  content.actions.forEach((a, i) => uniqueId(a.id, `actions[${i}].id`));
  content.agreements.forEach((a, i) => uniqueId(a.id, `agreements[${i}].id`));

  const parentOf = new Map(content.goals.map((g) => [g.id, g.parentId]));
  content.goals.forEach((g, i) => {
    if (g.parentId === undefined) return;
    if (!parentOf.has(g.parentId)) {
      add(`goals[${i}].parentId`, C.GoalParentUnknown, 'parentId must name a goal of the same plan');
      return;
    }
    // Walk up at most as many steps as there are goals: getting back to this goal means a cycle.
    let at: string | undefined = g.parentId;
    for (let steps = 0; at !== undefined && steps <= content.goals.length; steps++) {
      if (at === g.id) {
        add(`goals[${i}].parentId`, C.GoalCycle, 'The goal is (indirectly) its own parent');
        return;
      }
      at = parentOf.get(at);
    }
  });
  const tagged = (list: 'goals' | 'actions' | 'agreements', items: readonly { concerns?: string[]; visibility?: string; legalArea?: string; legalBasis?: string }[]) =>
    items.forEach((item, i) => {
      (item.concerns ?? []).forEach((c, j) => {
        if (!refs.citizenIds.has(c)) add(`${list}[${i}].concerns[${j}]`, C.ConcernsUnknown, 'concerns must name the course’s citizen or a member of its household');
      });
      // An action's area comes from its legal basis; other items must name theirs to be authority-only.
      if (item.visibility === 'authority' && !item.legalArea && !item.legalBasis) {
        add(`${list}[${i}].legalArea`, C.VisibilityNeedsArea, 'An item visible to authority holders only must name its legal area');
      }
      if (item.visibility === 'member' && !(item.concerns ?? []).length) {
        add(`${list}[${i}].concerns`, C.VisibilityNeedsConcerns, 'An item visible to the members concerned must name them in concerns');
      }
    });
  tagged('goals', content.goals);
  tagged('actions', content.actions);
  tagged('agreements', content.agreements);

  const responsible = (r: Responsible, field: string) => {
    if (r.kind === 'citizen') {
      if (r.id !== undefined) add(`${field}.id`, C.ResponsibleIdUnexpected, 'Leave id out when the citizen is responsible');
      return;
    }
    if (r.id === undefined) {
      add(`${field}.id`, C.ResponsibleIdMissing, `id is required when a ${r.kind === 'staff' ? 'staff member' : 'unit'} is responsible`);
      return;
    }
    const known = r.kind === 'staff' ? refs.staffIds : refs.unitIds;
    if (!known.has(r.id)) add(`${field}.id`, C.ResponsibleUnknown, `id does not name a ${r.kind === 'staff' ? 'staff member' : 'unit'} of your municipality`);
  };

  content.actions.forEach((a, i) => {
    if (!parentOf.has(a.goalId)) add(`actions[${i}].goalId`, C.ActionGoalUnknown, 'goalId must name a goal of the same plan');
    if (!refs.legalBases.has(a.legalBasis)) add(`actions[${i}].legalBasis`, C.LegalBasisUnknown, 'legalBasis must be a code of the legal-basis catalogue');
    responsible(a.responsible, `actions[${i}].responsible`);
    // ISO dates compare correctly as strings.
    if (a.deadline !== undefined && a.deadline < a.startDate) add(`actions[${i}].deadline`, C.DatesOutOfOrder, 'deadline must not be before startDate');
  });
  content.agreements.forEach((a, i) => responsible(a.responsible, `agreements[${i}].responsible`));

  // The citizen said yes on a day that has been: a future date is a typo (ISO dates compare as strings).
  if (content.overallGoal.agreedOn !== undefined && content.overallGoal.agreedOn > opts.today) {
    add('overallGoal.agreedOn', C.AgreedInFuture, 'agreedOn must not be in the future');
  }
  if (opts.publishing) {
    if (!content.overallGoal.text.trim()) add('overallGoal.text', C.OverallGoalMissing, 'A plan is published with an overall goal, in the citizen’s words');
    if (!content.overallGoal.citizenAgreed) {
      add('overallGoal.citizenAgreed', C.CitizenAgreementMissing, 'The citizen must actively say yes to the overall goal before the plan is published');
    }
  }
  return problems;
}

import type { PlanAction, PlanAgreement, PlanContent, PlanGoal } from '@enplan/core/plans';

export const REDACTION_REASONS = ['concerns-another-household-member', 'covers-several-courses', 'review-required'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];

/** What is left of an item the requesting citizen may not see: that it exists, what kind it is and when. */
export interface Redacted {
  id: string;
  kind: string;
  date: string | null;
  redacted: true;
  reason: RedactionReason;
}

export function redacted(id: string, kind: string, date: string | null, reason: RedactionReason = 'concerns-another-household-member'): Redacted {
  return { id, kind, date, redacted: true, reason };
}

/**
 * The access-request rule: an item that names the household members it concerns, and not the requesting
 * citizen, concerns only others. An item with no `concerns` belongs to the whole family (or, outside a
 * family, to the course's citizen) and is shown.
 */
/**
 * Free texts of a family course that carry no `concerns` (meeting minutes and outcomes, handover notes, the
 * referral reason) may mention another household member ("the mother is referred to a psychiatric
 * examination"); no rule can tell, so they are withheld from a member's access request for a caseworker to
 * review and release by hand. Outside a family, or when the requester is the only member, they are shown.
 */
export const REVIEWED_FREE_TEXTS = ['meeting-minutes', 'meeting-outcomes', 'handover-notes', 'referral-reason'] as const;

export function concernsOnlyOthers(citizenId: string, concerns: readonly string[] | null | undefined): boolean {
  return !!concerns && concerns.length > 0 && !concerns.includes(citizenId);
}

export type ExportGoal = (PlanGoal & { kind: 'plan-goal'; redacted: false }) | Redacted;
export type ExportAction = (PlanAction & { kind: 'plan-action'; redacted: false }) | Redacted;
export type ExportAgreement = (PlanAgreement & { kind: 'plan-agreement'; redacted: false }) | Redacted;

export interface ExportPlanContent {
  citizenWords: PlanContent['citizenWords'];
  overallGoal: PlanContent['overallGoal'];
  goals: ExportGoal[];
  actions: ExportAction[];
  agreements: ExportAgreement[];
}

/**
 * A plan version as one household member's access request shows it. Concerns are inherited: a sub-goal or
 * an action that names nobody belongs to its goal, so it is withheld with a goal that concerns only others
 * (unless it names the citizen themself).
 */
export function redactPlan(citizenId: string, content: PlanContent): { content: ExportPlanContent; hiddenActionIds: Set<string>; redactions: number } {
  const byId = new Map(content.goals.map((g) => [g.id, g]));
  const memo = new Map<string, boolean>();
  const goalHidden = (g: PlanGoal, seen: Set<string> = new Set()): boolean => {
    const known = memo.get(g.id);
    if (known !== undefined) return known;
    let hidden: boolean;
    if (g.concerns?.length) hidden = concernsOnlyOthers(citizenId, g.concerns);
    else {
      const parent = g.parentId ? byId.get(g.parentId) : undefined;
      hidden = !!parent && !seen.has(parent.id) && goalHidden(parent, new Set([...seen, g.id]));
    }
    memo.set(g.id, hidden);
    return hidden;
  };
  const actionHidden = (a: PlanAction): boolean => {
    if (a.concerns?.length) return concernsOnlyOthers(citizenId, a.concerns);
    const goal = byId.get(a.goalId);
    return !!goal && goalHidden(goal);
  };
  let redactions = 0;
  const hiddenActionIds = new Set<string>();
  const goals = content.goals.map((g): ExportGoal => {
    if (goalHidden(g)) {
      redactions++;
      return redacted(g.id, 'plan-goal', g.targetDate ?? null);
    }
    return { ...g, kind: 'plan-goal', redacted: false };
  });
  const actions = content.actions.map((a): ExportAction => {
    if (actionHidden(a)) {
      redactions++;
      hiddenActionIds.add(a.id);
      return redacted(a.id, 'plan-action', a.startDate ?? null);
    }
    return { ...a, kind: 'plan-action', redacted: false };
  });
  const agreements = content.agreements.map((a): ExportAgreement => {
    if (concernsOnlyOthers(citizenId, a.concerns)) {
      redactions++;
      return redacted(a.id, 'plan-agreement', a.due ?? null);
    }
    return { ...a, kind: 'plan-agreement', redacted: false };
  });
  return { content: { citizenWords: content.citizenWords, overallGoal: content.overallGoal, goals, actions, agreements }, hiddenActionIds, redactions };
}

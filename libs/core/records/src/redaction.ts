import { disclosedTo } from '@enplan/core/citizens';
import { memberHidden, type PlanAction, type PlanAgreement, type PlanContent, type PlanGoal } from '@enplan/core/plans';

export const REDACTION_REASONS = ['concerns-another-household-member', 'covers-several-courses', 'review-required'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];

/**
 * What is left of an item the requesting citizen may not see: that it exists, what kind it is and when. `ref`
 * is opaque and numbers the export's withheld items; the item's own id never appears, since a client-chosen
 * id ("mor-psykiatri-henvisning") can say what the item says.
 */
export interface Redacted {
  ref: string;
  kind: string;
  date: string | null;
  redacted: true;
  reason: RedactionReason;
}

/**
 * One export's opaque references: a per-export sequence, the same for one item wherever it recurs (a plan
 * goal in every version, a withheld goal that a shown action serves), never derived from the item's id.
 */
export class StubRefs {
  private readonly refs = new Map<string, string>();

  /** `key` identifies the item inside this export only (e.g. course id + kind + item id). */
  ref(key: string): string {
    let ref = this.refs.get(key);
    if (!ref) {
      ref = `udeladt-${this.refs.size + 1}`;
      this.refs.set(key, ref);
    }
    return ref;
  }

  stub(key: string, kind: string, date: string | null, reason: RedactionReason = 'concerns-another-household-member'): Redacted {
    return { ref: this.ref(key), kind, date, redacted: true, reason };
  }
}

/**
 * Free texts of a family course that carry no `concerns` may mention another household member ("the mother
 * is referred to a psychiatric examination"); no rule can tell, so they are withheld from a member's access
 * request until a caseworker reviews one and releases it to them (`POST /courses/{id}/disclosure-releases`;
 * the referral reason, handover notes and outcomes have no release yet). Outside a family, or when the
 * requester is the only member, they are shown. An export lists the kinds still holding a withheld text
 * (the citizen's words when the course has no main citizen to whom they belong).
 */
export const REVIEWED_FREE_TEXTS = [
  'meeting-minutes',
  'meeting-outcomes',
  'meeting-agenda',
  'participant-organisations',
  'handover-notes',
  'referral-reason',
  'transition-reasons',
  'plan-change-summaries',
  'contact-notes',
  'follow-up-texts',
  'access-grant-reasons',
] as const;
export type ReviewedFreeText = (typeof REVIEWED_FREE_TEXTS)[number] | 'citizen-words';

/** The access-request face of the household's disclosure rule (`disclosedTo`): an item naming only others is withheld. */
export function concernsOnlyOthers(circle: ReadonlySet<string>, concerns: readonly string[] | null | undefined): boolean {
  return !disclosedTo(circle, concerns);
}

export type ExportGoal = (Omit<PlanGoal, 'parentId'> & { parentId?: string; kind: 'plan-goal'; redacted: false }) | Redacted;
export type ExportAction = (PlanAction & { kind: 'plan-action'; redacted: false }) | Redacted;
export type ExportAgreement = (PlanAgreement & { kind: 'plan-agreement'; redacted: false }) | Redacted;

export interface ExportPlanContent {
  goals: ExportGoal[];
  actions: ExportAction[];
  agreements: ExportAgreement[];
}

/**
 * A plan version as one household member's access request shows it: the same decisions as their citizen view
 * (`memberHidden`), except that `authority` items stay in (an access request is the whole record). A shown
 * item under a withheld goal points at the goal's stub reference instead of its id.
 */
export function redactPlan(
  circle: ReadonlySet<string>,
  content: PlanContent,
  refs: StubRefs,
  keyPrefix: string,
): { content: ExportPlanContent; hiddenActionIds: Set<string>; redactions: number } {
  const hidden = memberHidden(circle, content, false);
  const key = (kind: string, id: string) => `${keyPrefix}:${kind}:${id}`;
  const goalRef = (id: string) => (hidden.goals.has(id) ? refs.ref(key('plan-goal', id)) : id);
  let redactions = 0;
  const goals = content.goals.map((g): ExportGoal => {
    if (hidden.goals.has(g.id)) {
      redactions++;
      return refs.stub(key('plan-goal', g.id), 'plan-goal', g.targetDate ?? null);
    }
    return { ...g, ...(g.parentId ? { parentId: goalRef(g.parentId) } : {}), concerns: g.concerns ?? [], kind: 'plan-goal', redacted: false };
  });
  const actions = content.actions.map((a): ExportAction => {
    if (hidden.actions.has(a.id)) {
      redactions++;
      return refs.stub(key('plan-action', a.id), 'plan-action', a.startDate ?? null);
    }
    return { ...a, goalId: goalRef(a.goalId), concerns: a.concerns ?? [], kind: 'plan-action', redacted: false };
  });
  const agreements = content.agreements.map((a): ExportAgreement => {
    if (hidden.agreements.has(a.id)) {
      redactions++;
      return refs.stub(key('plan-agreement', a.id), 'plan-agreement', a.due ?? null);
    }
    return { ...a, concerns: a.concerns ?? [], kind: 'plan-agreement', redacted: false };
  });
  return { content: { goals, actions, agreements }, hiddenActionIds: new Set(hidden.actions), redactions };
}

/**
 * Cadence policies as extension data. The shapes are those of the meetings lib's cadence engine
 * (`@enplan/core/meetings`, cadence.ts), which the host feeds in as the core default: the registry resolves
 * a policy per (municipality, model), the engine computes deadlines from it.
 */
export type CadenceRule =
  /** Every `everyDays`, counted from the last meeting of the type that took place, else from activation. */
  | { id: string; meetingType: string; everyDays: number; description: string }
  /** Within `withinDays` of activation, until one takes place. */
  | { id: string; meetingType: string; withinDays: number; of: 'activation'; description: string }
  /** `afterDays` after the last held meeting of type `after` (e.g. a re-review 182 days after the step-up meeting); nothing before one is held. */
  | { id: string; meetingType: string; afterDays: number; after: string; description: string }
  /**
   * When the course's citizen reaches each age in `atAgeYears` (fractions allowed: 17.5 is 17 years and 6 months),
   * for courses of `targetGroups` (all when absent). A threshold is met by a meeting of the type on or after the
   * previous threshold (each meeting meets one threshold); thresholds reached before activation are not required.
   */
  | { id: string; meetingType: string; atAgeYears: number[]; targetGroups?: string[]; description: string };

/** A rule the model is exempt from, with the legal reason recorded (e.g. a free-municipality exemption). */
export interface CadenceSuppression {
  rule: string;
  legalReason: string;
}

export interface CadencePolicy {
  id: string;
  rules: CadenceRule[];
  suppressions: CadenceSuppression[];
}

/** What a plugin adds: rules (replacing a core rule with the same id) and suppressions of core rules. */
export interface CadencePolicyContribution {
  rules?: CadenceRule[];
  suppressions?: CadenceSuppression[];
}

/** Rules by id, later contributions winning; suppressions accumulate. */
export function mergeCadence(id: string, base: CadencePolicy, ...contributions: CadencePolicyContribution[]): CadencePolicy {
  const rules = new Map<string, CadenceRule>();
  for (const r of base.rules) rules.set(r.id, r);
  for (const c of contributions) for (const r of c.rules ?? []) rules.set(r.id, r);
  return { id, rules: [...rules.values()], suppressions: [...base.suppressions, ...contributions.flatMap((c) => c.suppressions ?? [])] };
}

const isCount = (v: unknown, min: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

/** What is wrong with a contributed rule (empty when it is one of the kinds above and its numbers make sense). */
export function cadenceRuleProblems(rule: unknown): string[] {
  const r = (rule ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  if (!isText(r.id)) out.push('needs an id');
  if (!isText(r.meetingType)) out.push('needs a meetingType');
  if (!isText(r.description)) out.push('needs a description');
  const kinds = ['everyDays', 'withinDays', 'afterDays', 'atAgeYears'].filter((k) => k in r);
  if (kinds.length !== 1) {
    out.push('must have exactly one of everyDays, withinDays (of activation), afterDays (after a meeting type) or atAgeYears');
    return out;
  }
  if ('everyDays' in r && !isCount(r.everyDays, 1)) out.push('everyDays must be a whole number of days, at least 1');
  if ('withinDays' in r) {
    if (!isCount(r.withinDays, 0)) out.push('withinDays must be a whole number of days');
    if (r.of !== 'activation') out.push("withinDays needs of: 'activation'");
  }
  if ('afterDays' in r) {
    if (!isCount(r.afterDays, 0)) out.push('afterDays must be a whole number of days');
    if (!isText(r.after)) out.push('afterDays needs after: the meeting type it counts from');
  }
  if ('atAgeYears' in r) {
    const ages = r.atAgeYears;
    if (!Array.isArray(ages) || !ages.length || ages.some((a) => typeof a !== 'number' || !Number.isFinite(a) || a < 0 || a > 130)) {
      out.push('atAgeYears must be a non-empty list of ages in years');
    }
    if (r.targetGroups !== undefined && (!Array.isArray(r.targetGroups) || r.targetGroups.some((g) => !isText(g)))) out.push('targetGroups must be a list of target groups');
  }
  return out;
}

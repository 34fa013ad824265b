/**
 * The cadence engine: which meetings a course needs and when, computed from its facts. Pure: the work list
 * calls it with data it has read, so deadlines are computed, never stored.
 */
export type CadenceRule =
  | { id: string; meetingType: string; everyDays: number; description: string }
  | { id: string; meetingType: string; withinDays: number; of: 'activation'; description: string };

/** A rule the model is exempt from, with the legal reason recorded. */
export interface CadenceSuppression {
  rule: string;
  legalReason: string;
}

export interface CadencePolicy {
  id: string;
  rules: CadenceRule[];
  suppressions: CadenceSuppression[];
}

export interface CadenceFacts {
  /** YYYY-MM-DD; a course that is not activated needs no cadence meetings yet. */
  activatedOn: string | null;
  meetings: { id: string; type: string; startsAt: Date; status: 'planned' | 'held' | 'cancelled' }[];
}

export interface CadenceDue {
  rule: string;
  meetingType: string;
  description: string;
  /** YYYY-MM-DD by which the meeting must have been held. */
  dueOn: string;
  /** A planned meeting of the type on or before dueOn, if one is booked. */
  scheduledMeetingId: string | null;
}

/** The core's default policy. */
export const DEFAULT_CADENCE_POLICY: CadencePolicy = {
  id: 'core-default',
  rules: [
    { id: 'plan-every-60-days', meetingType: 'plan', everyDays: 60, description: 'A plan meeting with the citizen at least every 60 days' },
    { id: 'start-up-within-14-days', meetingType: 'start-up', withinDays: 14, of: 'activation', description: 'A start-up meeting within 14 days of activation' },
  ],
  suppressions: [],
};

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Merges policies: rules by id (later wins), suppressions accumulate. */
export function mergePolicies(id: string, ...policies: CadencePolicy[]): CadencePolicy {
  const rules = new Map<string, CadenceRule>();
  for (const p of policies) for (const r of p.rules) rules.set(r.id, r);
  return { id, rules: [...rules.values()], suppressions: policies.flatMap((p) => p.suppressions) };
}

/** Suppressed rules, for showing why a familiar deadline is not on the list. */
export function suppressedRules(policy: CadencePolicy): (CadenceSuppression & { meetingType: string | null })[] {
  return policy.suppressions.map((s) => ({ ...s, meetingType: policy.rules.find((r) => r.id === s.rule)?.meetingType ?? null }));
}

/** The next required meeting per (unsuppressed) rule; nothing for a course that has not been activated. */
export function cadenceDue(policy: CadencePolicy, facts: CadenceFacts, now: Date): CadenceDue[] {
  const activatedOn = facts.activatedOn;
  if (!activatedOn) return [];
  const suppressed = new Set(policy.suppressions.map((s) => s.rule));
  const live = facts.meetings.filter((m) => m.status !== 'cancelled');
  const out: CadenceDue[] = [];
  for (const rule of policy.rules) {
    if (suppressed.has(rule.id)) continue;
    const ofType = live.filter((m) => m.type === rule.meetingType).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    let dueOn: string;
    if ('everyDays' in rule) {
      // Counted from the last meeting that has taken place (held, or planned and already started), else from activation.
      const past = ofType.filter((m) => m.status === 'held' || m.startsAt.getTime() <= now.getTime());
      const last = past.at(-1);
      dueOn = addDays(last ? isoDay(last.startsAt) : activatedOn, rule.everyDays);
      const next = ofType.find((m) => m.status === 'planned' && m.startsAt.getTime() > now.getTime() && isoDay(m.startsAt) <= dueOn);
      out.push({ rule: rule.id, meetingType: rule.meetingType, description: rule.description, dueOn, scheduledMeetingId: next?.id ?? null });
    } else {
      const afterActivation = ofType.filter((m) => isoDay(m.startsAt) >= activatedOn);
      if (afterActivation.some((m) => m.status === 'held' || m.startsAt.getTime() <= now.getTime())) continue;
      dueOn = addDays(activatedOn, rule.withinDays);
      const next = afterActivation.find((m) => isoDay(m.startsAt) <= dueOn);
      out.push({ rule: rule.id, meetingType: rule.meetingType, description: rule.description, dueOn, scheduledMeetingId: next?.id ?? null });
    }
  }
  return out;
}

export type DueState = 'overdue' | 'due' | 'upcoming';

/** overdue: past its date; due: within `dueWithinDays`; upcoming: later, within the horizon; else null. */
export function dueState(dueOn: string, today: string, dueWithinDays = 7, horizonDays = 60): DueState | null {
  if (dueOn < today) return 'overdue';
  if (dueOn <= addDays(today, dueWithinDays)) return 'due';
  if (dueOn <= addDays(today, horizonDays)) return 'upcoming';
  return null;
}

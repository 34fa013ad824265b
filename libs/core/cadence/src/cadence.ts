import type { CadencePolicy, CadenceRule, CadenceSuppression } from '@enplan/core/extensions';
import { addDays } from '@enplan/shared/util';

export { addDays, danishDay } from '@enplan/shared/util';

/**
 * The cadence engine: which meetings a course needs and when, computed from its facts. Pure: the work list
 * calls it with data it has read, so deadlines are computed, never stored. The rule shapes are the plugin
 * API's (`@enplan/core/extensions`, cadence.ts): one definition, so plugins and the engine cannot drift apart.
 */
export type { CadencePolicy, CadenceRule, CadenceSuppression } from '@enplan/core/extensions';

export interface CadenceFacts {
  /** YYYY-MM-DD; a course that is not activated needs no cadence meetings yet. */
  activatedOn: string | null;
  meetings: { id: string; type: string; startsAt: Date; status: 'planned' | 'held' | 'cancelled' }[];
  /** The course's citizen's birth date (YYYY-MM-DD), for age rules; null for a course without one citizen (a family course). */
  birthDate?: string | null;
  /** adults, youth, families: age rules may apply to some target groups only. */
  targetGroup?: string;
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
    {
      id: 'transition-at-16-and-17-5',
      meetingType: 'transition',
      atAgeYears: [16, 17.5],
      targetGroups: ['youth'],
      description: 'A transition meeting when the young citizen turns 16 and again at 17½, to prepare the move to adult services at 18',
    },
  ],
  suppressions: [],
};

/** The date `years` after `date` (YYYY-MM-DD); a fraction counts in whole months (17.5 = 17 years 6 months), the day clamped to the month's end. */
export function addYears(date: string, years: number): string {
  const months = Math.round(years * 12);
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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

type CadenceMeeting = CadenceFacts['meetings'][number];

/** The next required meeting per (unsuppressed) rule; nothing for a course that has not been activated. */
export function cadenceDue(policy: CadencePolicy, facts: CadenceFacts, now: Date): CadenceDue[] {
  const activatedOn = facts.activatedOn;
  if (!activatedOn) return [];
  const suppressed = new Set(policy.suppressions.map((s) => s.rule));
  const live = facts.meetings.filter((m) => m.status !== 'cancelled').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  // A meeting has taken place when it is held, or planned and already started (its minutes may come later).
  const tookPlace = (m: CadenceMeeting) => m.status === 'held' || m.startsAt.getTime() <= now.getTime();
  const booked = (m: CadenceMeeting) => m.status === 'planned' && m.startsAt.getTime() > now.getTime();
  const out: CadenceDue[] = [];
  const due = (rule: CadenceRule, dueOn: string, next: CadenceMeeting | undefined) =>
    out.push({ rule: rule.id, meetingType: rule.meetingType, description: rule.description, dueOn, scheduledMeetingId: next?.id ?? null });
  for (const rule of policy.rules) {
    if (suppressed.has(rule.id)) continue;
    const ofType = live.filter((m) => m.type === rule.meetingType);
    if ('everyDays' in rule) {
      // Counted from the last meeting that has taken place, else from activation.
      const last = ofType.filter(tookPlace).at(-1);
      const dueOn = addDays(last ? isoDay(last.startsAt) : activatedOn, rule.everyDays);
      due(rule, dueOn, ofType.find((m) => booked(m) && isoDay(m.startsAt) <= dueOn));
    } else if ('withinDays' in rule) {
      const afterActivation = ofType.filter((m) => isoDay(m.startsAt) >= activatedOn);
      if (afterActivation.some(tookPlace)) continue;
      const dueOn = addDays(activatedOn, rule.withinDays);
      due(rule, dueOn, afterActivation.find((m) => isoDay(m.startsAt) <= dueOn));
    } else if ('afterDays' in rule) {
      // Only once a meeting of the `after` type is held (minutes recorded); met by a meeting of the type after it.
      const anchor = live.filter((m) => m.type === rule.after && m.status === 'held').at(-1);
      if (!anchor) continue;
      const since = ofType.filter((m) => m.id !== anchor.id && m.startsAt.getTime() > anchor.startsAt.getTime());
      if (since.some(tookPlace)) continue;
      const dueOn = addDays(isoDay(anchor.startsAt), rule.afterDays);
      due(rule, dueOn, since.find((m) => booked(m) && isoDay(m.startsAt) <= dueOn));
    } else if ('atAgeYears' in rule) {
      const birthDate = facts.birthDate;
      if (!birthDate || (rule.targetGroups && !rule.targetGroups.includes(facts.targetGroup ?? ''))) continue;
      const thresholds = [...new Set(rule.atAgeYears)].sort((a, b) => a - b).map((age) => addYears(birthDate, age));
      // Each threshold is met by a meeting on or after the previous threshold; one meeting meets one threshold.
      const used = new Set<string>();
      const taken = ofType.filter(tookPlace);
      for (const [i, dueOn] of thresholds.entries()) {
        if (dueOn < activatedOn) continue; // reached before the course began: not required, the team prepares the next one
        const from = i > 0 ? thresholds[i - 1] : '0000-01-01';
        const met = taken.find((m) => !used.has(m.id) && isoDay(m.startsAt) >= from);
        if (met) {
          used.add(met.id);
          continue;
        }
        due(rule, dueOn, ofType.find((m) => booked(m) && isoDay(m.startsAt) >= from && isoDay(m.startsAt) <= dueOn));
        break;
      }
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

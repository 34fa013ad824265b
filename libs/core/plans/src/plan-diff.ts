import type { CitizenWords, OverallGoal, PlanAction, PlanAgreement, PlanContent, PlanGoal } from './plan-content.js';

/** One field that differs; an absent optional field is `null` on its side. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  id: string;
  changes: FieldChange[];
}

export interface CollectionDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange[];
}

export interface PlanDiff {
  citizenWords: FieldChange[];
  overallGoal: FieldChange[];
  goals: CollectionDiff<PlanGoal>;
  actions: CollectionDiff<PlanAction>;
  agreements: CollectionDiff<PlanAgreement>;
  /** True when the two contents say the same thing. */
  identical: boolean;
}

const CITIZEN_WORDS_FIELDS: readonly (keyof CitizenWords)[] = ['worries', 'whatWorks', 'dreamsAndWishes'];
const OVERALL_GOAL_FIELDS: readonly (keyof OverallGoal)[] = ['text', 'citizenAgreed', 'agreedOn'];
const GOAL_FIELDS: readonly (keyof PlanGoal)[] = ['parentId', 'title', 'targetDate', 'status', 'concerns'];
const ACTION_FIELDS: readonly (keyof PlanAction)[] = ['goalId', 'title', 'legalBasis', 'responsible', 'startDate', 'deadline', 'status'];
const AGREEMENT_FIELDS: readonly (keyof PlanAgreement)[] = ['text', 'responsible', 'due', 'done'];

/** Fields whose value is a set: the order the client happened to send is not a change. */
const SET_FIELDS = new Set(['concerns']);

function canonical(field: string, v: unknown): unknown {
  if (v === undefined) return null;
  if (SET_FIELDS.has(field) && Array.isArray(v)) return [...v].sort();
  return v;
}

/** Deep equality over JSON values, with object keys in any order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.flatMap((field) => {
    const b = canonical(field, before[field]);
    const a = canonical(field, after[field]);
    return same(b, a) ? [] : [{ field, before: b, after: a }];
  });
}

function collectionDiff<T extends { id: string }>(before: readonly T[], after: readonly T[], fields: readonly (keyof T & string)[]): CollectionDiff<T> {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    changed: after.flatMap((x) => {
      const prev = old.get(x.id);
      const changes = prev ? fieldChanges(prev, x, fields) : [];
      return changes.length ? [{ id: x.id, changes }] : [];
    }),
  };
}

/** What changed from one plan content to another, item by item (items are matched by their stable ids). */
export function diffPlans(from: PlanContent, to: PlanContent): PlanDiff {
  const goals = collectionDiff(from.goals, to.goals, GOAL_FIELDS);
  const actions = collectionDiff(from.actions, to.actions, ACTION_FIELDS);
  const agreements = collectionDiff(from.agreements, to.agreements, AGREEMENT_FIELDS);
  const citizenWords = fieldChanges(from.citizenWords, to.citizenWords, CITIZEN_WORDS_FIELDS);
  const overallGoal = fieldChanges(from.overallGoal, to.overallGoal, OVERALL_GOAL_FIELDS);
  const empty = (d: CollectionDiff<unknown>) => !d.added.length && !d.removed.length && !d.changed.length;
  return {
    citizenWords,
    overallGoal,
    goals,
    actions,
    agreements,
    identical: !citizenWords.length && !overallGoal.length && empty(goals) && empty(actions) && empty(agreements),
  };
}

/** The content before anything was written: diffing version 1 against it lists everything as added. */
export const EMPTY_PLAN_CONTENT: PlanContent = {
  citizenWords: { worries: '', whatWorks: '', dreamsAndWishes: '' },
  overallGoal: { text: '', citizenAgreed: false },
  goals: [],
  actions: [],
  agreements: [],
};

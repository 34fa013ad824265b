import type { Direction, InstrumentDefinition, InstrumentItem, ItemAnswer } from './definition.js';

/** One score of one measurement. */
export interface ScoreResult {
  id: string;
  kind: 'subscale' | 'total';
  /** Null when nothing was answered (or, for a total, when one of its sub-scales has no value). */
  value: number | null;
  /** Whether enough was answered to trust it (see `minimumAnsweredShare`); an incomplete score is shown, marked. */
  complete: boolean;
  better: Direction;
  /** Item counts (for a total: summed over its sub-scales). */
  items: number;
  answered: number;
  skipped: number;
  notRelevant: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The lowest and highest value an item can take; null for text items. */
export function itemRange(def: InstrumentDefinition, item: InstrumentItem): { min: number; max: number } | null {
  if (item.kind === 'ruler') return { min: item.min, max: item.max };
  if (item.kind === 'text') return null;
  const values = def.scales.find((s) => s.id === item.scale)?.options.map((o) => o.value) ?? [];
  return values.length ? { min: Math.min(...values), max: Math.max(...values) } : null;
}

/** The value as scored: a reversed item counts (lowest + highest) − value. */
export function scoredValue(def: InstrumentDefinition, item: InstrumentItem, value: number): number {
  const range = itemRange(def, item);
  if (!range || item.kind === 'text' || !item.reversed) return value;
  return range.min + range.max - value;
}

/**
 * Scores a measurement.
 *
 * - Skipped items (and items with no answer yet) are missing; "not relevant" items are left out of the score
 *   and out of the share that decides completeness (they do not apply, so they are not a gap).
 * - `mean` is the mean of the answered items. `sum` is prorated to the sub-scale's full item count (mean of the
 *   answered × number of items, two decimals), so a sum with a gap stays on the same range as a full one and
 *   two measurements remain comparable; the common convention for SDQ-style scales.
 * - A sub-scale is complete when answered / relevant ≥ its minimum share (and something is relevant).
 * - A total is the sum of its sub-scales' values: null if one of them is null, complete only if all are.
 */
export function scoreMeasurement(def: InstrumentDefinition, answers: readonly ItemAnswer[]): ScoreResult[] {
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  const items = new Map(def.items.map((i) => [i.id, i]));
  const subs = def.subscales.map((s): ScoreResult => {
    const values: number[] = [];
    let skipped = 0;
    let notRelevant = 0;
    for (const ref of s.items) {
      const item = items.get(ref);
      const a = byItem.get(ref);
      if (!item) continue; // a validated definition has none
      if (a?.status === 'not-relevant') notRelevant++;
      else if (a?.status === 'answered' && typeof a.value === 'number') values.push(scoredValue(def, item, a.value));
      else skipped++;
    }
    const relevant = s.items.length - notRelevant;
    const share = s.minimumAnsweredShare ?? def.minimumAnsweredShare;
    const mean = values.length ? values.reduce((x, y) => x + y, 0) / values.length : null;
    const value = mean === null ? null : round2(s.method === 'mean' ? mean : mean * s.items.length);
    return {
      id: s.id,
      kind: 'subscale',
      value,
      complete: relevant > 0 && values.length / relevant >= share - 1e-9,
      better: s.better ?? def.better,
      items: s.items.length,
      answered: values.length,
      skipped,
      notRelevant,
    };
  });
  const byId = new Map(subs.map((s) => [s.id, s]));
  const totals = (def.totals ?? []).map((t): ScoreResult => {
    const parts = t.subscales.map((id) => byId.get(id)).filter((s): s is ScoreResult => !!s);
    const sum = (f: (s: ScoreResult) => number) => parts.reduce((x, s) => x + f(s), 0);
    const anyNull = parts.some((p) => p.value === null);
    return {
      id: t.id,
      kind: 'total',
      value: anyNull ? null : round2(sum((p) => p.value ?? 0)),
      complete: parts.every((p) => p.complete),
      better: t.better ?? def.better,
      items: sum((p) => p.items),
      answered: sum((p) => p.answered),
      skipped: sum((p) => p.skipped),
      notRelevant: sum((p) => p.notRelevant),
    };
  });
  return [...subs, ...totals];
}

/** Whether a change from `from` to `to` is an improvement, a decline or neither, by the score's direction. */
export function changeDirection(better: Direction, from: number, to: number): 'better' | 'worse' | 'same' {
  if (from === to) return 'same';
  return (to > from) === (better === 'higher') ? 'better' : 'worse';
}

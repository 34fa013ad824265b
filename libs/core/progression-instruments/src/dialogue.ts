import type { AnswerStatus, Direction, InstrumentDefinition, ItemAnswer, ItemKind, LocalisedText } from './definition.js';
import { changeDirection, itemRange, type ScoreResult } from './scoring.js';

/** A completed measurement as the dialogue view needs it. */
export interface DialogueMeasurement {
  id: string;
  occasion: string;
  completedAt: string;
  instrumentVersion: number;
  answers: readonly ItemAnswer[];
  scores: readonly ScoreResult[];
  comment: string | null;
}

export type Change = 'better' | 'worse' | 'same';

export interface DialogueItemRow {
  itemId: string;
  kind: ItemKind;
  text: LocalisedText;
  better: Direction | null;
  /** Per measurement, oldest first: the answered value (as given, not reversed), or null. */
  values: (number | null)[];
  statuses: (AnswerStatus | null)[];
  comments: (string | null)[];
  /** The latest value minus the one before / the first (baseline); null when either is missing. */
  changeSincePrevious: number | null;
  changeSinceBaseline: number | null;
  directionSincePrevious: Change | null;
  directionSinceBaseline: Change | null;
}

export interface DialogueScoreRow {
  id: string;
  kind: 'subscale' | 'total';
  title: LocalisedText;
  better: Direction;
  values: (number | null)[];
  complete: boolean[];
  changeSincePrevious: number | null;
  changeSinceBaseline: number | null;
  directionSincePrevious: Change | null;
  directionSinceBaseline: Change | null;
}

export interface DialogueSeries {
  items: DialogueItemRow[];
  scores: DialogueScoreRow[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const opposite = (d: Direction): Direction => (d === 'higher' ? 'lower' : 'higher');

function changes(values: (number | null)[], better: Direction | null) {
  const last = values.at(-1) ?? null;
  const prev = values.length >= 2 ? values[values.length - 2] : null;
  const first = values.length >= 2 ? values[0] : null;
  const diff = (a: number | null) => (a === null || last === null ? null : round2(last - a));
  const dir = (a: number | null) => (a === null || last === null || !better ? null : changeDirection(better, a, last));
  return { changeSincePrevious: diff(prev), changeSinceBaseline: diff(first), directionSincePrevious: dir(prev), directionSinceBaseline: dir(first) };
}

/**
 * Every measurement of one instrument, respondent and person side by side, per item and per score, with the
 * change since the previous measurement and since the first (the baseline). Texts come from `def` (the newest
 * version used); an item a version did not have is null there.
 */
export function dialogueSeries(def: InstrumentDefinition, measurements: readonly DialogueMeasurement[]): DialogueSeries {
  const items = def.items.map((item): DialogueItemRow => {
    const answers = measurements.map((m) => m.answers.find((a) => a.itemId === item.id));
    const values = answers.map((a) => (a?.status === 'answered' && typeof a.value === 'number' ? a.value : null));
    const range = itemRange(def, item);
    const better = range && item.kind !== 'text' ? (item.reversed ? opposite(def.better) : def.better) : null;
    return {
      itemId: item.id,
      kind: item.kind,
      text: item.text,
      better,
      values,
      statuses: answers.map((a) => a?.status ?? null),
      comments: answers.map((a) => a?.comment ?? (item.kind === 'text' ? (a?.text ?? null) : null)),
      ...changes(values, better),
    };
  });
  const titles = new Map<string, LocalisedText>([...def.subscales.map((s) => [s.id, s.title] as const), ...(def.totals ?? []).map((t) => [t.id, t.title] as const)]);
  const scoreIds = [...def.subscales.map((s) => s.id), ...(def.totals ?? []).map((t) => t.id)];
  const scores = scoreIds.map((id): DialogueScoreRow => {
    const results = measurements.map((m) => m.scores.find((s) => s.id === id));
    const values = results.map((r) => r?.value ?? null);
    const first = results.find(Boolean);
    const better = first?.better ?? def.subscales.find((s) => s.id === id)?.better ?? def.better;
    return {
      id,
      kind: def.subscales.some((s) => s.id === id) ? 'subscale' : 'total',
      title: titles.get(id) as LocalisedText,
      better,
      values,
      complete: results.map((r) => r?.complete ?? false),
      ...changes(values, better),
    };
  });
  return { items, scores };
}

/** The lowest and highest value a score can take (for chart axes). */
export function scoreRange(def: InstrumentDefinition, scoreId: string): { min: number; max: number } | null {
  const sub = def.subscales.find((s) => s.id === scoreId);
  if (sub) {
    const ranges = sub.items.map((id) => def.items.find((i) => i.id === id)).flatMap((i) => (i ? [itemRange(def, i)] : [])).filter((r): r is { min: number; max: number } => !!r);
    if (!ranges.length) return null;
    if (sub.method === 'mean') return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
    return { min: ranges.reduce((x, r) => x + r.min, 0), max: ranges.reduce((x, r) => x + r.max, 0) };
  }
  const total = def.totals?.find((t) => t.id === scoreId);
  if (!total) return null;
  const parts = total.subscales.map((s) => scoreRange(def, s));
  if (parts.some((p) => !p)) return null;
  return { min: parts.reduce((x, r) => x + (r?.min ?? 0), 0), max: parts.reduce((x, r) => x + (r?.max ?? 0), 0) };
}

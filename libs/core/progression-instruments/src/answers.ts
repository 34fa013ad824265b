import type { InstrumentDefinition, ItemAnswer, RespondentType } from './definition.js';
import { itemRange } from './scoring.js';

/** Every code an answer check can give (the problem codes of the answer routes, by this list). */
export const ANSWER_ISSUE_CODES = [
  'measurement.item-unknown',
  'measurement.item-twice',
  'measurement.not-relevant-not-allowed',
  'measurement.value-without-answer',
  'measurement.text-missing',
  'measurement.value-not-allowed',
  'measurement.text-not-allowed',
  'measurement.value-missing',
  'measurement.value-outside-scale',
] as const;
export type AnswerIssueCode = (typeof ANSWER_ISSUE_CODES)[number];

/** Why a respondent may not answer (`respondentAllowed`). */
export const RESPONDENT_REFUSAL_CODES = ['measurement.respondent-not-allowed', 'measurement.respondent-too-young'] as const;

/** One fault in submitted answers: a stable code and the field (`answers[2].value`). */
export interface AnswerIssue {
  code: AnswerIssueCode;
  field: string;
  message: string;
}

export const MAX_COMMENT_LENGTH = 2000;

/**
 * Checks answers against the instrument version they claim: the item exists in that version, the status
 * fits (not relevant only where allowed), a value is on the item's scale (an option value, or a whole number
 * within a ruler), text only for text items. Returns every issue; an empty list means all may be saved.
 */
export function checkAnswers(def: InstrumentDefinition, answers: readonly ItemAnswer[], path = 'answers'): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const items = new Map(def.items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const at = `${path}[${i}]`;
    const item = items.get(a.itemId);
    if (!item) return issues.push({ code: 'measurement.item-unknown', field: `${at}.itemId`, message: `no item "${a.itemId}" in ${def.id} version ${def.version}` });
    if (seen.has(a.itemId)) return issues.push({ code: 'measurement.item-twice', field: `${at}.itemId`, message: 'the item is answered twice' });
    seen.add(a.itemId);
    if (a.status === 'not-relevant' && item.allowNotRelevant === false)
      issues.push({ code: 'measurement.not-relevant-not-allowed', field: `${at}.status`, message: 'this item cannot be marked not relevant' });
    if (a.status !== 'answered') {
      if (a.value != null || a.text != null) issues.push({ code: 'measurement.value-without-answer', field: `${at}.value`, message: 'only an answered item has a value' });
      return;
    }
    if (item.kind === 'text') {
      if (typeof a.text !== 'string' || !a.text.trim()) issues.push({ code: 'measurement.text-missing', field: `${at}.text`, message: 'a text item is answered with text' });
      if (a.value != null) issues.push({ code: 'measurement.value-not-allowed', field: `${at}.value`, message: 'a text item has no value' });
      return;
    }
    if (a.text != null) issues.push({ code: 'measurement.text-not-allowed', field: `${at}.text`, message: 'only text items take text' });
    const v = a.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) return issues.push({ code: 'measurement.value-missing', field: `${at}.value`, message: 'an answered item needs a value' });
    if (item.kind === 'choice') {
      const options = def.scales.find((s) => s.id === item.scale)?.options.map((o) => o.value) ?? [];
      if (!options.includes(v)) issues.push({ code: 'measurement.value-outside-scale', field: `${at}.value`, message: `allowed: ${options.join(', ')}` });
    } else {
      const r = itemRange(def, item);
      if (!r || !Number.isInteger(v) || v < r.min || v > r.max)
        issues.push({ code: 'measurement.value-outside-scale', field: `${at}.value`, message: `a whole number from ${r?.min} to ${r?.max}` });
    }
    return;
  });
  return issues;
}

/**
 * Whether a respondent may answer: the instrument lists the type, and a youth self-report's child has reached
 * the minimum age (`ageInYears` of the child the measurement concerns, on the measurement day).
 */
export function respondentAllowed(def: InstrumentDefinition, type: RespondentType, ageInYears: number | null): { ok: true } | { ok: false; code: (typeof RESPONDENT_REFUSAL_CODES)[number] } {
  const rule = def.respondents.find((r) => r.type === type);
  if (!rule) return { ok: false, code: 'measurement.respondent-not-allowed' };
  if (rule.minimumAge !== undefined && (ageInYears === null || ageInYears < rule.minimumAge)) return { ok: false, code: 'measurement.respondent-too-young' };
  return { ok: true };
}

/**
 * The instrument definition format, version 1: an instrument is data (a JSON document), not code, so a
 * municipality or a plugin can bring its own without a release. The JSON Schema (`definition.schema.ts`) checks
 * the shape; `validateDefinition` (`validate.ts`) also checks what a schema cannot: that every reference resolves.
 */

/** A text in Danish (what citizens read) and English (for evaluators and non-Danish-speaking staff). */
export interface LocalisedText {
  da: string;
  en: string;
}

/** Who may answer. `parent` and `teacher` answer about a named child; `youth` is the child's own answer. */
export const RESPONDENT_TYPES = ['citizen', 'caseworker', 'parent', 'teacher', 'youth'] as const;
export type RespondentType = (typeof RESPONDENT_TYPES)[number];

export interface RespondentRule {
  type: RespondentType;
  /** For `youth`: the child's minimum age in whole years on the measurement day. */
  minimumAge?: number;
}

/** Whom the answers concern: the course's citizen, or one child of the household (one measurement per child). */
export const INSTRUMENT_SUBJECTS = ['citizen', 'child'] as const;
export type InstrumentSubject = (typeof INSTRUMENT_SUBJECTS)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
/** Which way is "better" for a score. */
export type Direction = (typeof DIRECTIONS)[number];

export interface ScaleOption {
  value: number;
  label: LocalisedText;
}

/** An answer scale shared by items: a few labelled options with numeric values. */
export interface AnswerScale {
  id: string;
  options: ScaleOption[];
}

interface ItemBase {
  id: string;
  text: LocalisedText;
  help?: LocalisedText;
  /** Whether "not relevant for me" may be chosen (default true: staff asked to skip what does not apply). */
  allowNotRelevant?: boolean;
}

/** An item answered with one option of a named scale. */
export interface ChoiceItem extends ItemBase {
  kind: 'choice';
  scale: string;
  /** Scored as (highest + lowest option value) − value, so "more" means the same on every item of a sub-scale. */
  reversed?: boolean;
}

/** A 0–10 style ruler: any whole number from `min` to `max`, with labels for the ends. */
export interface RulerItem extends ItemBase {
  kind: 'ruler';
  min: number;
  max: number;
  minLabel: LocalisedText;
  maxLabel: LocalisedText;
  reversed?: boolean;
}

/** Free text in the citizen's words; never scored. */
export interface TextItem extends ItemBase {
  kind: 'text';
}

export type InstrumentItem = ChoiceItem | RulerItem | TextItem;
export const ITEM_KINDS = ['choice', 'ruler', 'text'] as const;
export type ItemKind = InstrumentItem['kind'];

export const SCORE_METHODS = ['sum', 'mean'] as const;
export type ScoreMethod = (typeof SCORE_METHODS)[number];

/** A sub-scale: a score over some scored items. */
export interface SubscaleDefinition {
  id: string;
  title: LocalisedText;
  items: string[];
  method: ScoreMethod;
  better?: Direction;
  /** Overrides the instrument's `minimumAnsweredShare` for this sub-scale. */
  minimumAnsweredShare?: number;
}

/** A total: the sum of some sub-scales (e.g. SDQ's total difficulties = four of its five sub-scales). */
export interface TotalDefinition {
  id: string;
  title: LocalisedText;
  method: 'sum-of-subscales';
  subscales: string[];
  better?: Direction;
}

export interface InstrumentDefinition {
  /** The definition format's version (this file describes 1). */
  format: 1;
  /** Kebab-case, stable across versions. */
  id: string;
  /** Whole number; a published version never changes: a change is a new version. */
  version: number;
  title: LocalisedText;
  description?: LocalisedText;
  /** Who may distribute it (shown to administrators; licensed instruments are not shipped). */
  licence?: string;
  subject: InstrumentSubject;
  respondents: RespondentRule[];
  /** Direction of "better" for every score unless a score says otherwise. */
  better: Direction;
  /** Share (0–1) of a score's relevant items that must be answered for the score to count as complete. */
  minimumAnsweredShare: number;
  scales: AnswerScale[];
  items: InstrumentItem[];
  subscales: SubscaleDefinition[];
  totals?: TotalDefinition[];
}

/** The answer to one item: answered (a value, or text for a text item), skipped, or not relevant. */
export const ANSWER_STATUSES = ['answered', 'skipped', 'not-relevant'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface ItemAnswer {
  itemId: string;
  status: AnswerStatus;
  value?: number | null;
  text?: string | null;
  comment?: string | null;
}

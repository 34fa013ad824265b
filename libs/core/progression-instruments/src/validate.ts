import { Ajv, type ErrorObject } from 'ajv';
import type { InstrumentDefinition, InstrumentItem } from './definition.js';
import { INSTRUMENT_DEFINITION_SCHEMA } from './definition.schema.js';

/** One fault in a definition: a stable code and the JSON path of the field at fault (e.g. `subscales[1].items[2]`). */
/** Every code a definition check can give (the problem codes of registering an instrument, by this list). */
export const DEFINITION_ISSUE_CODES = [
  'instrument.schema',
  'instrument.duplicate-id',
  'instrument.scale-values-not-unique',
  'instrument.scale-unknown',
  'instrument.ruler-range',
  'instrument.youth-needs-age',
  'instrument.age-only-for-youth',
  'instrument.respondent-needs-child',
  'instrument.respondent-not-for-child',
  'instrument.item-unknown',
  'instrument.item-not-scored',
  'instrument.subscale-unknown',
] as const;
export type DefinitionIssueCode = (typeof DEFINITION_ISSUE_CODES)[number];

export interface DefinitionIssue {
  code: DefinitionIssueCode;
  field: string;
  message: string;
}

export type DefinitionCheck = { ok: true; definition: InstrumentDefinition } | { ok: false; issues: DefinitionIssue[] };

// One compiled validator per process: compiling is the slow part of ajv.
const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
const checkShape = ajv.compile(INSTRUMENT_DEFINITION_SCHEMA);

/** `/items/3/text` -> `items[3].text` (the path style of the API's problem answers). */
function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  const params = e.params as { missingProperty?: string; additionalProperty?: string; tag?: string };
  const extra = params.missingProperty ?? params.additionalProperty ?? params.tag;
  if (extra) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || '$';
}

/**
 * Checks a definition: its shape against the JSON Schema, then what a schema cannot say: unique ids, items
 * naming existing scales, sub-scales naming existing scored items, totals naming existing sub-scales, a ruler's
 * ends in order, a youth respondent with a minimum age. All faults are reported, not just the first.
 */
export function validateDefinition(input: unknown): DefinitionCheck {
  if (!checkShape(input)) {
    const seen = new Set<string>();
    const issues: DefinitionIssue[] = [];
    for (const e of checkShape.errors ?? []) {
      const field = fieldOf(e);
      if (seen.has(field)) continue;
      seen.add(field);
      issues.push({ code: 'instrument.schema', field, message: e.message ?? 'invalid' });
    }
    return { ok: false, issues };
  }
  const def = input as unknown as InstrumentDefinition;
  const issues: DefinitionIssue[] = [];
  const add = (code: DefinitionIssueCode, field: string, message: string) => issues.push({ code, field, message });

  const dupes = (ids: string[], path: string) =>
    ids.forEach((v, i) => {
      if (ids.indexOf(v) !== i) add('instrument.duplicate-id', `${path}[${i}].id`, `"${v}" is used twice`);
    });
  dupes(def.scales.map((s) => s.id), 'scales');
  dupes(def.items.map((s) => s.id), 'items');
  dupes([...def.subscales.map((s) => s.id), ...(def.totals ?? []).map((t) => t.id)], 'subscales');

  def.scales.forEach((s, i) => {
    const values = s.options.map((o) => o.value);
    if (new Set(values).size !== values.length) add('instrument.scale-values-not-unique', `scales[${i}].options`, 'option values must differ');
  });
  const scales = new Set(def.scales.map((s) => s.id));
  def.items.forEach((item, i) => {
    if (item.kind === 'choice' && !scales.has(item.scale)) add('instrument.scale-unknown', `items[${i}].scale`, `no scale "${item.scale}"`);
    if (item.kind === 'ruler' && item.min >= item.max) add('instrument.ruler-range', `items[${i}].max`, 'max must be above min');
  });
  def.respondents.forEach((r, i) => {
    if (r.type === 'youth' && r.minimumAge === undefined) add('instrument.youth-needs-age', `respondents[${i}].minimumAge`, 'youth self-report needs a minimum age');
    if (r.type !== 'youth' && r.minimumAge !== undefined) add('instrument.age-only-for-youth', `respondents[${i}].minimumAge`, 'only youth self-report has a minimum age');
    if (def.subject === 'citizen' && (r.type === 'parent' || r.type === 'teacher' || r.type === 'youth'))
      add('instrument.respondent-needs-child', `respondents[${i}].type`, `"${r.type}" answers about a child; set subject "child"`);
    if (def.subject === 'child' && r.type === 'citizen') add('instrument.respondent-not-for-child', `respondents[${i}].type`, 'a child instrument is answered by parent, teacher, youth or caseworker');
  });

  const items = new Map<string, InstrumentItem>(def.items.map((it) => [it.id, it]));
  def.subscales.forEach((s, i) =>
    s.items.forEach((ref, j) => {
      const item = items.get(ref);
      if (!item) add('instrument.item-unknown', `subscales[${i}].items[${j}]`, `no item "${ref}"`);
      else if (item.kind === 'text') add('instrument.item-not-scored', `subscales[${i}].items[${j}]`, `"${ref}" is a text item and cannot be scored`);
    }),
  );
  const subscales = new Set(def.subscales.map((s) => s.id));
  (def.totals ?? []).forEach((t, i) =>
    t.subscales.forEach((ref, j) => {
      if (!subscales.has(ref)) add('instrument.subscale-unknown', `totals[${i}].subscales[${j}]`, `no sub-scale "${ref}"`);
    }),
  );
  return issues.length ? { ok: false, issues } : { ok: true, definition: def };
}

/** The definition, or an error listing every issue (for loading shipped files, where a fault is a bug). */
export function parseDefinition(input: unknown): InstrumentDefinition {
  const r = validateDefinition(input);
  if (!r.ok) throw new Error(`invalid instrument definition: ${r.issues.map((i) => `${i.field}: ${i.code}`).join('; ')}`);
  return r.definition;
}

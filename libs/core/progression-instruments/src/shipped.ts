import { readFileSync } from 'node:fs';
import type { InstrumentDefinition } from './definition.js';
import { parseDefinition } from './validate.js';

/** The instruments this build ships, free to distribute (licensed ones such as SDQ and BIP are not). */
export const SHIPPED_INSTRUMENT_IDS = ['employment-readiness', 'wellbeing-ruler-adult', 'wellbeing-ruler-child', 'fidelity-checklist'] as const;
export type ShippedInstrumentId = (typeof SHIPPED_INSTRUMENT_IDS)[number];

/** Reads and validates one definition file (JSON); a shipped file that fails validation is a build fault. */
export function loadDefinitionFile(url: URL): InstrumentDefinition {
  return parseDefinition(JSON.parse(readFileSync(url, 'utf8')));
}

let shipped: InstrumentDefinition[] | undefined;

/**
 * The shipped definitions, read once from `instruments/*.json` next to this file (tools/scripts/build.mjs copies
 * them to dist/). Kept as JSON files rather than TypeScript so they are the same data a municipality registers.
 */
export function shippedInstruments(): InstrumentDefinition[] {
  shipped ??= SHIPPED_INSTRUMENT_IDS.map((id) => loadDefinitionFile(new URL(`./instruments/${id}.json`, import.meta.url)));
  return shipped;
}

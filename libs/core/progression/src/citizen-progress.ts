import type { EntityManager } from 'typeorm';
import { disclosedTo } from '@enplan/core/citizens';
import { shippedInstruments, type InstrumentDefinition, type ItemAnswer } from '@enplan/core/progression-instruments';
import { Measurement } from './measurement.entity.js';
import { RegisteredInstrument } from './registered-instrument.entity.js';

/** The reader's own latest answers to one instrument, in plain Danish, for the citizen view of the plan. */
export interface CitizenProgress {
  instrument: string;
  /** e.g. "Dine svar fra 2. september 2026" is built by the caller; this is the ISO date. */
  answeredOn: string;
  answers: { question: string; answer: string; comment: string | null }[];
}

/** An answer in plain Danish: the option's label, "7 ud af 10", the words, or that it was skipped / did not apply. */
export function answerText(def: InstrumentDefinition, itemId: string, a: ItemAnswer): string {
  if (a.status === 'skipped') return 'Sprunget over';
  if (a.status === 'not-relevant') return 'Passer ikke på mig';
  const item = def.items.find((i) => i.id === itemId);
  if (!item) return '–';
  if (item.kind === 'text') return a.text ?? '–';
  if (item.kind === 'ruler') return `${a.value} ud af ${item.max}`;
  return def.scales.find((s) => s.id === item.scale)?.options.find((o) => o.value === a.value)?.label.da ?? String(a.value);
}

/** The definition a measurement used: shipped, or the municipality's (or a plugin's) registered version. */
export async function instrumentVersionOf(em: EntityManager, municipalityId: string, instrumentId: string, version: number): Promise<InstrumentDefinition | undefined> {
  return (
    shippedInstruments().find((d) => d.id === instrumentId && d.version === version) ??
    (await em.findOne(RegisteredInstrument, { where: { municipalityId, instrumentId, version } }))?.definition
  );
}

/**
 * The latest completed measurement per instrument that the reader answered themself (as citizen, youth or
 * parent), shown only when it is disclosed to them by the family rule (`disclosedTo`: about them, or about a
 * child in their custody). Staff's own assessments are not shown here: this is the citizen's words in numbers.
 */
export async function citizenProgress(em: EntityManager, municipalityId: string, courseId: string, readerId: string, circle: ReadonlySet<string>): Promise<CitizenProgress[]> {
  const rows = await em.find(Measurement, { where: { municipalityId, courseId, status: 'completed', respondentCitizenId: readerId }, order: { completedAt: 'DESC', id: 'DESC' } });
  const latest = new Map<string, Measurement>();
  for (const m of rows) if (disclosedTo(circle, [m.aboutCitizenId]) && !latest.has(`${m.instrumentId}|${m.aboutCitizenId}`)) latest.set(`${m.instrumentId}|${m.aboutCitizenId}`, m);
  const out: CitizenProgress[] = [];
  for (const m of latest.values()) {
    const def = await instrumentVersionOf(em, municipalityId, m.instrumentId, m.instrumentVersion);
    if (!def) continue;
    out.push({
      instrument: def.title.da,
      answeredOn: (m.completedAt as Date).toISOString().slice(0, 10),
      answers: m.answers.map((a) => ({ question: def.items.find((i) => i.id === a.itemId)?.text.da ?? a.itemId, answer: answerText(def, a.itemId, a), comment: a.comment ?? null })),
    });
  }
  return out;
}

import type { DocumentBlock, Letterhead, LetterDocument } from '@enplan/core/documents';
import type { LegalBasisFacts } from '@enplan/core/extensions';
import { copenhagenParts, DANISH_MONTHS } from '@enplan/shared/util';
import type { DecidedAction } from './decision.entity.js';

/** What a decision letter is made of; the citizen's name is the only personal datum, and never the CPR number. */
export interface DecisionLetterInput {
  letterhead: Letterhead;
  decisionId: string;
  recipientName: string | null;
  decidedAt: Date;
  basis: LegalBasisFacts;
  actions: readonly (DecidedAction & { title: string | null })[];
  summary: string;
  text: string;
  reasoning: string;
  complaintGuidance: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  committee: { name: string; approvedOn: string; reference: string } | null;
  supersedesDecidedAt: Date | null;
}

/** "1. februar 2026" for a calendar date (YYYY-MM-DD). */
export function danishDateOnly(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}. ${DANISH_MONTHS[m - 1]} ${y}`;
}

function danishDateOf(at: Date): string {
  const { year, month, day } = copenhagenParts(at);
  return `${day}. ${DANISH_MONTHS[month - 1]} ${year}`;
}

/**
 * The decision letter: the plain-language part first (what was decided, for what, from when), then the legal
 * part (provision, the decision in its wording, the reasoning, the complaint guidance), so the citizen reads
 * what it means for them before the text the law requires. One document, rendered as HTML and as PDF.
 */
export function decisionLetter(i: DecisionLetterInput): LetterDocument {
  const granted = i.actions.filter((a) => a.outcome === 'granted').map((a) => a.title ?? a.actionId);
  const refused = i.actions.filter((a) => a.outcome === 'refused').map((a) => a.title ?? a.actionId);
  const period = i.effectiveFrom ? (i.effectiveTo ? `${danishDateOnly(i.effectiveFrom)} – ${danishDateOnly(i.effectiveTo)}` : `fra ${danishDateOnly(i.effectiveFrom)}`) : null;
  const plain: DocumentBlock[] = [
    ...(i.recipientName ? [{ kind: 'paragraph' as const, text: `Til ${i.recipientName}` }] : []),
    { kind: 'heading', text: 'Kort fortalt' },
    { kind: 'paragraph', text: i.summary },
    ...(granted.length ? [{ kind: 'heading' as const, text: 'Det får du', level: 2 as const }, { kind: 'list' as const, items: granted }] : []),
    ...(refused.length ? [{ kind: 'heading' as const, text: 'Det får du ikke', level: 2 as const }, { kind: 'list' as const, items: refused }] : []),
    ...(period ? [{ kind: 'paragraph' as const, text: `Afgørelsen gælder ${period}.` }] : []),
    ...(i.supersedesDecidedAt ? [{ kind: 'paragraph' as const, text: `Afgørelsen erstatter afgørelsen af ${danishDateOf(i.supersedesDecidedAt)}.` }] : []),
  ];
  const legal: DocumentBlock[] = [
    { kind: 'separator' },
    { kind: 'heading', text: 'Afgørelsen' },
    {
      kind: 'fields',
      rows: [
        ['Lovgrundlag', `${i.basis.law} ${i.basis.paragraph} (${i.basis.title})`],
        ...(period ? [['Gyldighed', period] as const] : []),
        ...(i.committee ? [['Godkendt af', `${i.committee.name} den ${danishDateOnly(i.committee.approvedOn)} (${i.committee.reference})`] as const] : []),
      ],
    },
    { kind: 'paragraph', text: i.text },
    { kind: 'heading', text: 'Begrundelse' },
    { kind: 'paragraph', text: i.reasoning },
    { kind: 'heading', text: 'Klagevejledning' },
    { kind: 'paragraph', text: i.complaintGuidance },
  ];
  return {
    letterhead: i.letterhead,
    title: `Afgørelse om ${i.basis.title.charAt(0).toLocaleLowerCase('da')}${i.basis.title.slice(1)}`,
    dateLine: danishDateOf(i.decidedAt),
    reference: `Afgørelse ${i.decisionId}`,
    blocks: [...plain, ...legal],
    footer: `${i.letterhead.name} · Afgørelse ${i.decisionId}`,
    lang: 'da',
  };
}

import PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { LegalBasisEntry, PlanContent, PlanGoal } from '@enplan/core/plans';

/**
 * A plan version as a PDF for the document archive, rendered with pdfmake 0.2 on the PDF standard fonts (no
 * font files to ship; Helvetica's WinAnsi encoding covers æ, ø and å). One small module on purpose: when the
 * shared PDF module (issue 15, decisions) lands it moves there, and this keeps only the document definition.
 */

const FONTS = { Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } };

const GOAL_STATUS_DA: Record<PlanGoal['status'], string> = { 'not-started': 'ikke startet', 'in-progress': 'i gang', achieved: 'nået', dropped: 'opgivet' };
const ACTION_STATUS_DA: Record<string, string> = { planned: 'planlagt', active: 'i gang', changed: 'ændret', stopped: 'stoppet', done: 'afsluttet' };

export interface PlanVersionDocument {
  municipalityName: string;
  citizens: { name: string; cpr: string }[];
  version: number;
  /** YYYY-MM-DD, Danish time. */
  publishedOn: string;
  publishedAt: Date;
  authorName: string | null;
  changeSummary: string;
  content: PlanContent;
  legalBases: readonly LegalBasisEntry[];
  names: ReadonlyMap<string, string>;
}

/** The document definition (exported for tests of the layout without a PDF parser). */
export function planVersionDefinition(d: PlanVersionDocument): TDocumentDefinitions {
  const c = d.content;
  const basis = new Map(d.legalBases.map((b) => [b.code.toUpperCase(), b]));
  const who = (r: { kind: string; id?: string }) => (r.kind === 'citizen' ? 'Borgeren' : (r.id && d.names.get(r.id)) || '–');
  const children = new Map<string, PlanGoal[]>();
  const roots: PlanGoal[] = [];
  const ids = new Set(c.goals.map((g) => g.id));
  for (const g of c.goals) {
    if (g.parentId && ids.has(g.parentId)) children.set(g.parentId, [...(children.get(g.parentId) ?? []), g]);
    else roots.push(g);
  }
  const goalLines: Content[] = [];
  const walk = (g: PlanGoal, depth: number, seen: Set<string>) => {
    if (seen.has(g.id)) return;
    seen.add(g.id);
    goalLines.push({ text: `${g.title} (${GOAL_STATUS_DA[g.status]}${g.targetDate ? `, senest ${g.targetDate}` : ''})`, margin: [depth * 14, 2, 0, 2] });
    for (const k of children.get(g.id) ?? []) walk(k, depth + 1, seen);
  };
  const seen = new Set<string>();
  for (const g of roots) walk(g, 0, seen);
  const h = (text: string): Content => ({ text, style: 'h2' });
  return {
    info: { title: `Én plan, version ${d.version}`, creator: 'enplan', producer: 'enplan', creationDate: d.publishedAt },
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] }, muted: { color: '#555555' } },
    content: [
      { text: d.municipalityName, style: 'muted' },
      { text: `Én plan – version ${d.version}`, style: 'h1' },
      { text: `Offentliggjort ${d.publishedOn}${d.authorName ? ` af ${d.authorName}` : ''}`, style: 'muted' },
      ...d.citizens.map((p): Content => ({ text: `${p.name}, cpr-nr. ${p.cpr.slice(0, 6)}-${p.cpr.slice(6)}` })),
      h('Ændringer i denne version'),
      { text: d.changeSummary || '–' },
      h('Borgerens egne ord'),
      { text: [{ text: 'Det bekymrer mig: ', bold: true }, c.citizenWords.worries || '–'] },
      { text: [{ text: 'Det virker for mig: ', bold: true }, c.citizenWords.whatWorks || '–'] },
      { text: [{ text: 'Drømme og ønsker: ', bold: true }, c.citizenWords.dreamsAndWishes || '–'] },
      h('Overordnet mål'),
      { text: `${c.overallGoal.text || '–'}${c.overallGoal.citizenAgreed ? ` (aftalt med borgeren${c.overallGoal.agreedOn ? ` ${c.overallGoal.agreedOn}` : ''})` : ''}` },
      h('Mål'),
      ...(goalLines.length ? goalLines : [{ text: '–' }]),
      h('Indsatser'),
      c.actions.length
        ? {
            table: {
              headerRows: 1,
              widths: ['*', 110, 70, 90, 50],
              body: [
                [{ text: 'Indsats', bold: true }, { text: 'Hjemmel', bold: true }, { text: 'Periode', bold: true }, { text: 'Ansvarlig', bold: true }, { text: 'Status', bold: true }],
                ...c.actions.map((a) => {
                  const b = basis.get(a.legalBasis.toUpperCase());
                  return [a.title, b ? `${b.law} ${b.paragraph}` : a.legalBasis, `${a.startDate}${a.deadline ? ` – ${a.deadline}` : ''}`, who(a.responsible), ACTION_STATUS_DA[a.status] ?? a.status];
                }),
              ],
            },
          }
        : { text: '–' },
      h('Aftaler'),
      ...(c.agreements.length
        ? c.agreements.map((a): Content => ({ text: `${a.done ? '[x]' : '[ ]'} ${a.text} – ${who(a.responsible)}${a.due ? `, senest ${a.due}` : ''}` }))
        : [{ text: '–' } as Content]),
    ],
  };
}

export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const printer = new PdfPrinter(FONTS);
  const doc = printer.createPdfKitDocument(definition);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function planVersionPdf(d: PlanVersionDocument): Promise<Buffer> {
  return renderPdf(planVersionDefinition(d));
}

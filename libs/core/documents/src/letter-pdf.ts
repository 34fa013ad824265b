import PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { paragraphsOf, type DocumentBlock, type LetterDocument } from './letter.js';

/**
 * The 14 standard PDF fonts need no font files: Helvetica's WinAnsi encoding covers æ, ø, å and §, which is all
 * Danish letters need. (pdfmake's bundled Roboto would add 1 MB of base64 to the server for nothing.)
 */
const FONTS = {
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
};

let printer: PdfPrinter | undefined;

function block(b: DocumentBlock): Content[] {
  switch (b.kind) {
    case 'heading':
      return [{ text: b.text, style: (b.level ?? 1) === 1 ? 'h2' : 'h3' }];
    case 'paragraph':
      return paragraphsOf(b.text).map((p) => ({ text: p, margin: [0, 0, 0, 6] }));
    case 'fields':
      return [
        {
          table: { widths: ['auto', '*'], body: b.rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
          layout: 'noBorders',
          margin: [0, 0, 0, 8],
        },
      ];
    case 'list':
      return [{ ul: [...b.items], margin: [0, 0, 0, 8] }];
    case 'separator':
      return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 8, 0, 8] }];
  }
}

/** The pdfmake definition of a letter (exported for tests and for callers that add to it). */
export function letterDefinition(doc: LetterDocument): TDocumentDefinitions {
  const lh = doc.letterhead;
  const address: Content = { stack: [{ text: lh.name, bold: true }, ...lh.addressLines.map((l) => ({ text: l }))], alignment: 'right', fontSize: 9 };
  const head: Content = lh.logo
    ? { columns: [{ image: `data:${lh.logo.mime};base64,${lh.logo.data.toString('base64')}`, fit: [140, 50] }, address] }
    : address;
  const meta = [doc.dateLine, doc.reference].filter(Boolean).join('  ·  ');
  return {
    info: { title: doc.title, author: lh.name, creator: 'enplan', producer: 'enplan' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 12, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      meta: { fontSize: 9, color: '#444444' },
    },
    content: [
      head,
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 6, 0, 10] },
      ...(meta ? [{ text: meta, style: 'meta' } as Content] : []),
      { text: doc.title, style: 'h1' },
      ...doc.blocks.flatMap(block),
    ],
    footer: (page: number, pages: number): Content => ({
      columns: [{ text: doc.footer ?? lh.name, fontSize: 8, color: '#555555' }, { text: `Side ${page} af ${pages}`, alignment: 'right', fontSize: 8, color: '#555555' }],
      margin: [40, 10, 40, 0],
    }),
  };
}

/** The letter as a PDF (A4). */
export function renderLetterPdf(doc: LetterDocument): Promise<Buffer> {
  printer ??= new PdfPrinter(FONTS);
  const pdf = printer.createPdfKitDocument(letterDefinition(doc));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

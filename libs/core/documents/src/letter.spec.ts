import { extractText, getDocumentProxy } from 'unpdf';
import { renderLetterHtml, renderLetterPdf, type LetterDocument } from './index.js';

const doc: LetterDocument = {
  letterhead: { name: 'Halsnæs Kommune', addressLines: ['Rådhuspladsen 1', '3300 Frederiksværk'] },
  title: 'Afgørelse om mentorstøtte',
  dateLine: '2. december 2026',
  blocks: [
    { kind: 'heading', text: 'Kort fortalt' },
    { kind: 'paragraph', text: 'Du får en mentor <i>to</i> timer om ugen.\n\nAnden del.' },
    { kind: 'fields', rows: [['Lovgrundlag', 'LAB § 167']] },
    { kind: 'list', items: ['Mentor'] },
    { kind: 'separator' },
  ],
};

describe('letters from blocks', () => {
  it('renders HTML in block order, escaping the text', () => {
    const html = renderLetterHtml(doc);
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Du får en mentor &lt;i&gt;to&lt;/i&gt; timer om ugen.');
    expect(html).not.toContain('<i>to</i>');
    expect(html.indexOf('Kort fortalt')).toBeLessThan(html.indexOf('Lovgrundlag'));
    expect(html).toContain('<p>Anden del.</p>');
  });

  it('renders a PDF whose text a parser reads back, Danish letters and § included', async () => {
    const pdf = await renderLetterPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['Halsnæs Kommune', 'Afgørelse om mentorstøtte', 'Du får en mentor <i>to</i> timer om ugen.', 'LAB § 167', 'Side 1 af 1']) expect(flat).toContain(s);
  });
});

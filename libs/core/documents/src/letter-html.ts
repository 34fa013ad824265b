import { paragraphsOf, type DocumentBlock, type LetterDocument } from './letter.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}
header.letterhead{display:flex;justify-content:space-between;align-items:flex-start;border-bottom:1px solid #999;padding-bottom:.75rem;margin-bottom:1.5rem}
header.letterhead img{max-height:4rem;max-width:12rem}
header.letterhead address{font-style:normal;text-align:right;font-size:.9rem}
.meta{font-size:.9rem;color:#444}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
hr{border:0;border-top:1px solid #ccc;margin:2rem 0}footer{font-size:.8rem;color:#555;margin-top:2rem}`;

function paragraph(text: string): string {
  return paragraphsOf(text)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function block(b: DocumentBlock): string {
  switch (b.kind) {
    case 'heading':
      return (b.level ?? 1) === 1 ? `<h2>${escapeHtml(b.text)}</h2>` : `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return paragraph(b.text);
    case 'fields':
      return `<dl>${b.rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'separator':
      return '<hr>';
  }
}

/** The letter as a self-contained HTML page (inline style, the logo as a data URL, no external requests). */
export function renderLetterHtml(doc: LetterDocument): string {
  const lh = doc.letterhead;
  const logo = lh.logo ? `<img src="data:${lh.logo.mime};base64,${lh.logo.data.toString('base64')}" alt="${escapeHtml(lh.name)}">` : '';
  const address = [`<strong>${escapeHtml(lh.name)}</strong>`, ...lh.addressLines.map(escapeHtml)].join('<br>');
  const meta = [doc.dateLine ? escapeHtml(doc.dateLine) : '', doc.reference ? escapeHtml(doc.reference) : ''].filter(Boolean).join(' · ');
  return [
    `<!doctype html><html lang="${escapeHtml(doc.lang ?? 'da')}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<header class="letterhead"><div>${logo}</div><address>${address}</address></header>`,
    meta ? `<p class="meta">${meta}</p>` : '',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.blocks.map(block),
    doc.footer ? `<footer>${escapeHtml(doc.footer)}</footer>` : '',
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
}

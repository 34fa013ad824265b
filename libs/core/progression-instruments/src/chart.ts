import type { InstrumentDefinition } from './definition.js';
import { scoreRange, type DialogueMeasurement, type DialogueSeries } from './dialogue.js';

const W = 720;
const H = 360;
const M = { left: 48, right: 200, top: 40, bottom: 64 };
// Colour-blind safe (Okabe–Ito); a line is also told apart by its legend label, not colour alone.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

const OCCASION_DA: Record<string, string> = { baseline: 'Start', 'follow-up': 'Opfølgning', end: 'Afslutning', extra: 'Ekstra' };

/** Text for XML character data and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0$/, '').replace('.', ','));
const danishDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The sub-scales of one series as a line chart, server-rendered SVG (no browser, no script): one line per
 * sub-scale over the measurements, an open circle marking an incomplete score, Danish labels. Made for the
 * citizen's plan view and for board meetings; `<title>`/`<desc>` and per-point titles serve screen readers.
 */
export function renderProgressionChart(def: InstrumentDefinition, measurements: readonly DialogueMeasurement[], series: DialogueSeries, heading?: string): string {
  const subs = series.scores.filter((s) => s.kind === 'subscale');
  const ranges = subs.map((s) => scoreRange(def, s.id)).filter((r): r is { min: number; max: number } => !!r);
  const yMin = ranges.length ? Math.min(...ranges.map((r) => r.min)) : 0;
  const yMax = ranges.length ? Math.max(...ranges.map((r) => r.max)) : 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const n = measurements.length;
  const x = (i: number) => M.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => M.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const title = heading ?? def.title.da;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="12">`);
  out.push(`<title id="chart-title">${escapeXml(title)}</title>`);
  out.push(`<desc id="chart-desc">${escapeXml(`${n} målinger. ${def.better === 'higher' ? 'Højere er bedre.' : 'Lavere er bedre.'}`)}</desc>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`);
  // Axes and three y ticks (lowest, middle, highest possible score).
  out.push(`<g class="axes" stroke="#666666" stroke-width="1">`);
  out.push(`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + plotH}"/>`);
  out.push(`<line x1="${M.left}" y1="${M.top + plotH}" x2="${M.left + plotW}" y2="${M.top + plotH}"/>`);
  out.push(`</g>`);
  for (const v of [yMin, (yMin + yMax) / 2, yMax]) {
    out.push(`<line class="grid" x1="${M.left}" y1="${y(v).toFixed(1)}" x2="${M.left + plotW}" y2="${y(v).toFixed(1)}" stroke="#dddddd"/>`);
    out.push(`<text class="y-tick" x="${M.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${fmt(v)}</text>`);
  }
  measurements.forEach((m, i) => {
    out.push(`<text class="x-tick" x="${x(i).toFixed(1)}" y="${M.top + plotH + 18}" text-anchor="middle">${escapeXml(danishDate(m.completedAt))}</text>`);
    out.push(`<text class="x-occasion" x="${x(i).toFixed(1)}" y="${M.top + plotH + 34}" text-anchor="middle">${escapeXml(OCCASION_DA[m.occasion] ?? m.occasion)}</text>`);
  });
  subs.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length];
    out.push(`<g class="series" data-score="${escapeXml(s.id)}" stroke="${colour}" fill="${colour}">`);
    // A missing value breaks the line rather than bridging it.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline fill="none" stroke-width="2" points="${run.join(' ')}"/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) return flush();
      run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    flush();
    s.values.forEach((v, i) => {
      if (v === null) return;
      const label = `${s.title.da}: ${fmt(v)}${s.complete[i] ? '' : ' (ufuldstændig)'}`;
      out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="4" stroke-width="2"${s.complete[i] ? '' : ' fill="#ffffff"'}><title>${escapeXml(label)}</title></circle>`);
    });
    out.push(`</g>`);
    const ly = M.top + 8 + k * 20;
    out.push(`<g class="legend"><rect x="${W - M.right + 16}" y="${ly - 8}" width="12" height="12" fill="${colour}"/><text x="${W - M.right + 34}" y="${ly + 2}">${escapeXml(s.title.da)}</text></g>`);
  });
  out.push(`<text class="note" x="${W - M.right + 16}" y="${M.top + 16 + subs.length * 20}" fill="#444444">Åben cirkel: for få svar</text>`);
  out.push(`</svg>`);
  return out.join('\n') + '\n';
}

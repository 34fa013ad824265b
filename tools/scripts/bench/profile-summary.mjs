// Summarises a V8 CPU profile (`npm run bench -- --cpu-prof` writes them to bench/profiles/): self time by
// package or area, and the top functions.   node tools/scripts/bench/profile-summary.mjs bench/profiles/<file>.cpuprofile
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url) {
  if (!url) return '(native / idle / gc)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const d = /dist\/(libs\/[^/]+\/[^/]+|apps\/[^/]+|plugins\/[^/]+)/.exec(url);
  if (d) return `enplan ${d[1]}`;
  if (url.startsWith('node:')) return 'node core';
  return url.replace(/^file:\/\//, '');
}
const areas = new Map();
const fns = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const a = area(n.callFrame.url);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const f = `${n.callFrame.functionName || '(anonymous)'} ${area(n.callFrame.url)}`;
  fns.set(f, (fns.get(f) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n\nself time by area:`);
for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`${pct(us)}  ${a}`);
console.log('\ntop functions (self):');
for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`${pct(us)}  ${f}`);

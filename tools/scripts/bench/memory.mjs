// node tools/scripts/bench/memory.mjs [--database-url postgres://…] [--rounds 3] [--connections 10] [--only plan,board]
//                                     [--requests 1] [--snapshots] [--idle 30] [--node-args "--max-old-space-size=512"]
//
// Where the API's memory goes during a bench run (issue 17): is something retained per request, or is it V8's heap
// growing? Starts the built API on the bench data (as `npm run bench` does) with --expose-gc and memory-probe.mjs,
// drives rounds of the bench scenarios (a fixed number of requests each, at --connections), and after boot and each
// round asks the API for its figures before and after a forced full GC: the resident size, the heap in use (live
// objects plus garbage not yet collected) and what survives the GC (the live heap). A live heap that grows round by
// round is a retention; a flat one with a growing RSS is V8's sizing. --snapshots writes a heap snapshot at each of
// those points into a private temporary folder and compares the first round's with the last one's by constructor
// (self size and count, like DevTools' comparison view), then deletes them (they hold the data the API read).
// --idle N then watches the RSS for N seconds without load. Run `node tools/scripts/build.mjs` first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchScenarios, benchUsers, ensureSeeded, rootPath, rssSampler, startServer, TARGET_OPTIONS, targetOf } from './harness.mjs';

const { values } = parseArgs({
  options: {
    ...TARGET_OPTIONS,
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: 'plan,publish,workList,board,citizenView,accessLog,courses' },
    requests: { type: 'string', default: '1' },
    snapshots: { type: 'boolean', default: false },
    idle: { type: 'string', default: '0' },
    'node-args': { type: 'string', default: '' },
  },
});
const target = targetOf(values);
const { seeded, deploymentFile } = await ensureSeeded(target);
const subject = seeded.subjects[0];
const { caseworker, manager } = await benchUsers(target.dataDir, subject);
const { SCENARIOS, syncPlans } = benchScenarios({ subject, caseworker, manager });
/** Requests per scenario and round (× --requests): a few seconds each on this machine. */
const AMOUNT = { plan: 1000, publish: 200, workList: 150, board: 40, citizenView: 1000, accessLog: 600, courses: 600 };
const connections = Number(values.connections);

const work = mkdtempSync(join(tmpdir(), 'enplan-memory-'));
const probeOut = join(work, 'probe.jsonl');
const server = await startServer('api', {
  target,
  deploymentFile,
  nodeArgs: ['--expose-gc', '--import', join(rootPath, 'tools/scripts/bench/memory-probe.mjs'), ...values['node-args'].split(' ').filter(Boolean)],
  env: { MEMORY_PROBE_OUT: probeOut, ...(values.snapshots ? { MEMORY_PROBE_SNAPSHOT_DIR: work } : {}) },
});
const rss = rssSampler(server.pid);
const rows = [];

/** The API's figures before and after a forced full GC (and a snapshot with --snapshots). */
async function probe(phase, extra = {}) {
  const lines = () => (existsSync(probeOut) ? readFileSync(probeOut, 'utf8').trim().split('\n').filter(Boolean) : []);
  const n = lines().length;
  process.kill(server.pid, 'SIGUSR2');
  for (let i = 0; i < 1200 && lines().length === n; i++) await new Promise((r) => setTimeout(r, 100));
  const m = JSON.parse(lines().at(-1));
  rows.push({ phase, ...extra, ...m });
  console.log(`${phase.padEnd(16)} ${extra.requests !== undefined ? `${String(extra.requests).padStart(6)} req, peak RSS ${String(extra.peakRss).padStart(4)} MB; ` : ''}RSS ${m.rssBefore} MB, heap used ${m.heapUsedBefore} MB; after GC: RSS ${m.rss} MB, live heap ${m.heapUsed} MB (heap total ${m.heapTotal} MB)`);
  return m;
}

const mb = (x) => Math.round(x / 1048576);
try {
  await probe('boot');
  for (let round = 1; round <= Number(values.rounds); round++) {
    rss.reset();
    let requests = 0;
    for (const name of values.only.split(',')) {
      if (name === 'publish') await syncPlans(server, 'api');
      const amount = Math.max(connections, Math.round(AMOUNT[name] * Number(values.requests)));
      const r = await new Promise((resolve, reject) => autocannon({ url: server.base, connections, amount, requests: [SCENARIOS[name].request()], initialContext: {} }, (e, x) => (e ? reject(e) : resolve(x))));
      requests += r.requests.total;
      if (r.non2xx || r.errors || r.timeouts) console.log(`  ${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    await probe(`after round ${round}`, { requests, peakRss: mb(rss.max()) });
  }
  if (Number(values.idle)) {
    for (let t = 5; t <= Number(values.idle); t += 5) {
      await new Promise((r) => setTimeout(r, 5000));
      rss.reset(); // from now: the current RSS
      console.log(`idle ${String(t).padStart(3)} s: RSS ${mb(rss.max())} MB`);
    }
    await probe('after idle');
  }
} finally {
  rss.stop();
  await server.stop();
}

if (values.snapshots) {
  const snaps = rows.map((r) => r.snapshot).filter(Boolean);
  // Round 1 against the last round: what boot-time warm-up (JIT code, the pool's connections) leaves out.
  if (snaps.length >= 3) compare(snaps[1], snaps.at(-1));
}
rmSync(work, { recursive: true, force: true });

/** Self size and count by constructor (strings, code and V8-internal objects grouped), last minus first. */
function compare(first, last) {
  const byConstructor = (file) => {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    const fields = s.snapshot.meta.node_fields;
    const types = s.snapshot.meta.node_types[0];
    const [ti, ni, si] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
    const out = new Map();
    for (let i = 0; i < s.nodes.length; i += fields.length) {
      const type = types[s.nodes[i + ti]];
      const key = type === 'object' || type === 'closure' ? `${type === 'closure' ? 'function ' : ''}${s.strings[s.nodes[i + ni]].slice(0, 60)}` : type === 'hidden' || type === 'object shape' ? `(${type}) ${s.strings[s.nodes[i + ni]].slice(0, 50)}` : `(${type})`;
      const a = out.get(key) ?? { count: 0, size: 0 };
      a.count++;
      a.size += s.nodes[i + si];
      out.set(key, a);
    }
    return out;
  };
  const a = byConstructor(first);
  const b = byConstructor(last);
  const total = (m) => [...m.values()].reduce((t, x) => t + x.size, 0);
  console.log(`\nheap snapshots, after round 1 → after round ${values.rounds}: ${(total(a) / 1048576).toFixed(1)} → ${(total(b) / 1048576).toFixed(1)} MB`);
  const diff = [...new Set([...a.keys(), ...b.keys()])].map((k) => ({ k, size: (b.get(k)?.size ?? 0) - (a.get(k)?.size ?? 0), count: (b.get(k)?.count ?? 0) - (a.get(k)?.count ?? 0), now: b.get(k)?.count ?? 0 }));
  for (const d of diff.sort((x, y) => y.size - x.size).slice(0, 12)) console.log(`${String(Math.round(d.size / 1024)).padStart(8)} kB ${String(d.count).padStart(7)} objects (now ${d.now})  ${d.k}`);
}

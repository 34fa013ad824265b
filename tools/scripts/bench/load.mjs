// npm run bench [-- --database-url postgres://… --scale large --factor N --duration S --connections 1,10,50 --only plan,publish --cpu-prof]
//
// The load benchmark of issue 17. Seeds the bench data once (tools/scripts/bench/seed-cli.mjs: PostgreSQL at
// `large` when DATABASE_URL/--database-url is given, else PGlite at `small`), starts the built API in its own
// process (loopback, statement-count header on), and drives it from this process with autocannon at each
// connection count for a fixed time per scenario; then does the same against the floor (floor-server.mjs: the
// same answers from hand-written SQL through `pg` behind a bare node:http server). Writes
// bench/results/<date>-<engine>.json and .md (the table) and prints the table.
//
// The servers run one after the other (never at once), on the same data; the bench writes (plan versions,
// access-log rows), so a second run on the same database starts from slightly more data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchScenarios, benchUsers, drain, ensureSeeded, rootPath, rssSampler, startServer as start, TARGET_OPTIONS, targetOf } from './harness.mjs';

const { values } = parseArgs({
  options: {
    ...TARGET_OPTIONS,
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,10,50' },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
  },
});
const target = targetOf(values);
const { engine, scaleName, factor } = target;
const duration = Number(values.duration);
const connectionCounts = values.connections.split(',').map(Number);

// 1. The data: seeded once per data directory (and database).
const { seeded, deploymentFile } = await ensureSeeded(target);
const subject = seeded.subjects[0];

const startServer = (kind) =>
  start(kind, { target, deploymentFile, nodeArgs: values['cpu-prof'] && kind === 'api' ? ['--cpu-prof', '--cpu-prof-dir', join(rootPath, 'bench/profiles')] : [] });

// 2. Tokens, signed with the data directory's local key (created when the seed booted the host).
const { caseworker, manager } = await benchUsers(target.dataDir, subject);
const { SCENARIOS, syncPlans } = benchScenarios({ subject, caseworker, manager });
const only = values.only ? values.only.split(',') : Object.keys(SCENARIOS);

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);

async function load(server, rss, name, connections, seconds = duration) {
  // What the previous line's abandoned requests still cost: the time until the server answers promptly again.
  const drainMs = await drain(server);
  const latencies = [];
  const statements = [];
  const req = SCENARIOS[name].request();
  const onResponse = req.onResponse;
  req.onResponse = (status, body, context, headers) => {
    onResponse?.(status, body, context, headers);
    const h = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'enplan-sql-statements')?.[1];
    if (h !== undefined) statements.push(Number(h));
  };
  rss.reset();
  const result = await new Promise((resolve, reject) => {
    const inst = autocannon({ url: server.base, connections, duration: seconds, requests: [req], initialContext: {} }, (err, r) => (err ? reject(err) : resolve(r)));
    inst.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const r2 = (x) => (x === null ? null : Math.round(x * 100) / 100);
  return {
    requests: result.requests.total,
    rps: r2(result.requests.total / seconds),
    p50: r2(quantile(latencies, 0.5)),
    p95: r2(quantile(latencies, 0.95)),
    p99: r2(quantile(latencies, 0.99)),
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    rssMB: Math.round(rss.max() / 1024 / 1024),
    statements: statements.length ? r2(statements.reduce((a, b) => a + b, 0) / statements.length) : null,
    drainMs,
  };
}

async function measureAll(kind) {
  const server = await startServer(kind);
  const rss = rssSampler(server.pid);
  const out = {};
  try {
    for (const name of only) {
      out[name] = {};
      // Warm-up (not counted): the first requests of a route pay for lazy initialisation and cold caches.
      if (name === 'publish') await syncPlans(server, kind);
      await load(server, rss, name, 1, Math.min(2, duration));
      for (const n of connectionCounts) {
        // A publish still in flight when a run ended moved a version on unseen: start each run from the real ones.
        if (name === 'publish') await syncPlans(server, kind);
        out[name][n] = await load(server, rss, name, n);
        const x = out[name][n];
        console.log(`${kind.padEnd(5)} ${name.padEnd(12)} ${String(n).padStart(3)} conns: ${String(x.rps).padStart(8)} req/s  p50 ${x.p50} ms  p95 ${x.p95} ms  p99 ${x.p99} ms  errors ${x.errors}  rss ${x.rssMB} MB${x.statements !== null ? `  sql ${x.statements}/req` : ''}${x.drainMs > 1000 ? `  (started after ${(x.drainMs / 1000).toFixed(1)} s working off the previous line)` : ''}`);
      }
    }
  } finally {
    rss.stop();
    await server.stop();
  }
  return out;
}

const started = new Date();
const api = await measureAll('api');
const floor = values['no-floor'] ? {} : await measureAll('floor');

const fmt = (x) => (x === null || x === undefined ? '–' : String(x));
const rows = [];
for (const name of only) {
  for (const n of connectionCounts) {
    const a = api[name]?.[n];
    const f = floor[name]?.[n];
    if (!a) continue;
    const ratio = f && a.rps ? Math.round((f.rps / a.rps) * 100) / 100 : null;
    const lat = (x) => (x.requests ? `${x.p50} / ${x.p95} / ${x.p99}` : `none finished in ${duration} s`);
    rows.push(`| ${SCENARIOS[name].label} | ${n} | ${a.rps} | ${lat(a)} | ${a.errors} | ${a.rssMB} | ${fmt(a.statements)} | ${f ? f.rps : '–'} | ${f ? lat(f) : '–'} | ${f ? f.errors : '–'} | ${fmt(ratio)} |`);
  }
}
const header = `| scenario | conns | API req/s | API p50 / p95 / p99 ms | API errors | API RSS MB | SQL / req | floor req/s | floor p50 / p95 / p99 ms | floor errors | × floor |\n|---|---|---|---|---|---|---|---|---|---|---|`;
const sizes = `${seeded.counts.course} courses, ${seeded.counts.plan_version} plan versions, ${seeded.counts.meeting} meetings, ${seeded.counts.access_log} access-log rows; database ${(seeded.databaseBytes / 1024 / 1024).toFixed(0)} MB, seeded in ${seeded.loadSeconds} s`;
const table = `Bench ${started.toISOString()} on ${engine} at \`${scaleName}\`${factor !== 1 ? ` / ${factor}` : ''} (${sizes}); ${duration} s per line, Node ${process.version}.\n× floor = floor req/s ÷ API req/s at the same connections (1 = as fast as hand-written SQL).\n\n${header}\n${rows.join('\n')}\n`;
console.log(`\n${table}`);
mkdirSync(join(rootPath, 'bench/results'), { recursive: true });
// A run of some scenarios (--only) is kept beside the day's full run, not over it.
const stem = join(rootPath, 'bench/results', `${started.toISOString().slice(0, 10)}-${engine}${values.only ? `-${only.join('-')}` : ''}`);
writeFileSync(`${stem}.json`, JSON.stringify({ started: started.toISOString(), engine, scale: scaleName, factor, duration, connections: connectionCounts, node: process.version, seed: { counts: seeded.counts, databaseBytes: seeded.databaseBytes, loadSeconds: seeded.loadSeconds, workListCourses: subject.workListCourses, boardCourses: subject.boardCourses }, api, floor }, null, 2));
writeFileSync(`${stem}.md`, table);
console.log(`written ${stem}.json and .md`);

// Benchmark: what record-level access checks and the access log cost per request, and how the "who has
// looked at my case?" query holds up as the log grows. Prints figures; asserts nothing (tests never time).
//
//   npm run bench                         # embedded PGlite
//   DATABASE_URL=postgres://... npm run bench   # a PostgreSQL database (it must be empty: migrations run)
//
// Requests go over real HTTP to the built API (npm run bench builds first), one at a time, so the figures
// are latencies, not throughput under load.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('../../', import.meta.url);
const { createApp, DEMO } = await import(new URL('dist/libs/core/host/src/index.js', root).href);
const { loadOrCreateLocalKey, mintToken } = await import(new URL('dist/libs/core/auth/src/index.js', root).href);
const { EnplanConfig } = await import(new URL('dist/libs/core/config/src/index.js', root).href);
const { DataSource } = await import('typeorm');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const LOG_ROWS = Number(process.env.BENCH_LOG_ROWS ?? 100_000);
const dataDir = await mkdtemp(join(tmpdir(), 'enplan-bench-'));
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const app = await createApp({
  env: { ENPLAN_DATA_DIR: dataDir, ENPLAN_SEED_DEMO: 'true', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL ?? '', AUTH_JWKS_URL: '' },
  plugins: [],
});
await app.listen(0, '127.0.0.1');
// fetch reuses connections; the pause while the log is filled must not outlast the server's keep-alive.
app.getHttpServer().keepAliveTimeout = 120_000;
const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api/v1`;
const { issuer, audience } = app.get(EnplanConfig).auth;
const key = await loadOrCreateLocalKey(dataDir);
const token = (userId, roles) => mintToken(key, { userId, municipality: DEMO.municipalityCode, roles, issuer, audience, ttlSeconds: 3600 });
const caseworker = `Bearer ${await token(DEMO.caseworkerId, ['caseworker'])}`;

async function get(path, auth) {
  const res = await fetch(`${base}${path}`, { headers: { Authorization: auth } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function measure(label, path, auth, rounds = ROUNDS) {
  for (let i = 0; i < 10; i++) await get(path, auth); // warm-up
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await get(path, auth);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  const mean = (times.reduce((a, b) => a + b, 0) / times.length).toFixed(2);
  console.log(`${label.padEnd(58)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   mean ${mean.padStart(7)} ms`);
}

try {
  const courses = await get('/courses?status=active', caseworker);
  const course = courses.items[0];
  const ds = app.get(DataSource);
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(`enplan access benchmark on ${engine}, ${ROUNDS} sequential requests per line (Node ${process.version})`);
  console.log(`rss at start ${mb(process.memoryUsage().rss)}\n`);

  await measure('GET /me (token check only, no record, no log)', '/me', caseworker);
  await measure('GET /courses/:id (access check + access-log append)', `/courses/${course.id}`, caseworker);
  await measure('GET /courses/:id/plan (access check, filtered plan, log)', `/courses/${course.id}/plan`, caseworker);
  await measure('GET /courses (list scoped to the caller, log per citizen)', '/courses', caseworker);
  await measure('GET /courses (as an integration: no scope computed)', '/courses', `Bearer ${await token('00000000-0000-4000-8000-0000000000aa', ['integrator'])}`);

  // A citizen the requests above did not read, so that, as in real life, the log holds few entries about them.
  const integration = `Bearer ${await token('00000000-0000-4000-8000-0000000000aa', ['integrator'])}`;
  const created = await fetch(`${base}/citizens`, {
    method: 'POST',
    headers: { Authorization: integration, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cpr: '0101701234', name: 'Bench Borger' }),
  });
  if (created.status !== 201) throw new Error(`create citizen: ${created.status}`);
  const rare = (await created.json()).id;
  const before = await get(`/citizens/${rare}/access-log?limit=25`, integration);
  console.log(`\naccess log: ${before.total} entries about the citizen; adding ${LOG_ROWS} entries by other readers about other citizens, 1 in 10 000 about them…`);
  const [{ id: municipalityId }] = await ds.query(`SELECT id FROM municipality WHERE code = $1`, [DEMO.municipalityCode]);
  const t0 = performance.now();
  await ds.query(
    `INSERT INTO access_log (municipality_id, at, actor_id, actor_roles, operation, outcome, record_type, course_ids, citizen_ids, route, basis)
     SELECT $1, now() - (g || ' seconds')::interval, $2, ARRAY['caseworker'], 'read', 'allowed', 'course', ARRAY[gen_random_uuid()],
            ARRAY[CASE WHEN g % 10000 = 0 THEN $3::uuid ELSE gen_random_uuid() END], 'GET /api/v1/courses/:id', 'team'
       FROM generate_series(1, $4::int) AS g`,
    [municipalityId, DEMO.caseworkerId, rare, LOG_ROWS],
  );
  console.log(`inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  await ds.query('ANALYZE access_log');
  await measure(`GET /citizens/:id/access-log (log of ${LOG_ROWS}+ rows)`, `/citizens/${rare}/access-log?limit=25`, integration, Math.min(ROUNDS, 100));
  const plan = await ds.query(
    `EXPLAIN SELECT * FROM access_log l WHERE l.municipality_id = $1 AND l.citizen_ids @> ARRAY[$2::uuid] ORDER BY l.at DESC LIMIT 25`,
    [municipalityId, rare],
  );
  const usesIndex = plan.some((r) => /ix_access_log_citizens/.test(r['QUERY PLAN']));
  console.log(`query plan uses the GIN index ix_access_log_citizens: ${usesIndex ? 'yes' : 'no (the planner prefers the time index: the citizen is not rare enough)'}`);
  console.log(`\nrss at end ${mb(process.memoryUsage().rss)}, heap used ${mb(process.memoryUsage().heapUsed)}`);
} finally {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}

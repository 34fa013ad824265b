// npm run bench:explain -- --database-url postgres://… [--scale large] [--factor N] [--data-dir DIR] [--only <path fragment,…>]
//
// Issue 17's index evidence: EXPLAIN (ANALYZE, BUFFERS) for every list and filter the API offers, on the bench data.
// Seeds the database once (as `npm run bench` does, same data directory), starts the built API with a statement
// capture (ENPLAN_SQL_CAPTURE_FILE: every statement of a request with its parameters, CPR-like values masked, as JSON
// lines in a private temporary file that is removed at the end), and calls each list operation of
// docs/openapi.json (a GET whose 200 is an array, or a page: an object with one array of objects, no `id` and at
// most four other fields; or a feed: iCalendar, CSV) once plainly and once per filter parameter, with ids and values from the seeded data, as
// the bench users (the caseworker on its courses, the team's manager for unit-wide lists; lists across the
// municipality as both). Then, with the API
// stopped, runs every captured read under EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) with its parameters on the same
// database (inside a transaction that is rolled back; the second of two runs, so caches are warm) and writes
// bench/results/<date>-explain.md and .json: per operation and filter its statements, the index each scan uses or
// a Seq Scan on a table over 10 000 rows, execution time and rows. Flags every such seq scan and every statement
// over 50 ms. Prints only the summary (no parameters) to stdout.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchUsers, ensureSeeded, rootPath, startServer, TARGET_OPTIONS, targetOf } from './harness.mjs';

const LARGE_TABLE_ROWS = 10_000;
const SLOW_MS = 50;
const PAGING = new Set(['limit', 'offset', 'after']);

const { values } = parseArgs({
  options: {
    ...TARGET_OPTIONS,
    only: { type: 'string' },
    out: { type: 'string' },
  },
});
const target = targetOf(values);
const { databaseUrl } = target;
if (!databaseUrl) {
  console.error('bench:explain needs PostgreSQL: --database-url postgres://… (the API and EXPLAIN share the database)');
  process.exit(2);
}
const { seeded, deploymentFile } = await ensureSeeded(target);
const subject = seeded.subjects[0];

// ---------------------------------------------------------------------------------------------------------------
// 1. The list operations of the OpenAPI document.
const doc = JSON.parse(readFileSync(join(rootPath, 'docs/openapi.json'), 'utf8'));
const resolve = (s) => (s?.$ref ? doc.components[s.$ref.split('/')[2]][s.$ref.split('/').pop()] : s);
function isList(op) {
  const content = op.responses?.['200']?.content ?? {};
  // Feeds are lists too: a staff member's meetings as iCalendar, an instrument's measurements as CSV.
  if (content['text/calendar'] || content['text/csv']) return true;
  const s = resolve(content['application/json']?.schema);
  if (!s) return false;
  if (s.type === 'array') return true;
  const props = Object.entries(s.properties ?? {});
  const arrays = props.filter(([, v]) => resolve(v).type === 'array');
  if (arrays.length !== 1 || s.properties.id) return false;
  const item = resolve(arrays[0][1]).items;
  return !!(item?.$ref || resolve(item)?.type === 'object') && props.length <= 5;
}
const operations = [];
for (const [path, ops] of Object.entries(doc.paths)) {
  const op = ops.get;
  if (!op || !isList(op)) continue;
  if (values.only && !values.only.split(',').some((f) => path.includes(f))) continue;
  const params = (op.parameters ?? []).map((p) => (p.$ref ? resolve(p) : p));
  operations.push({ path, operationId: op.operationId, access: op['x-enplan-access'], pathParams: params.filter((p) => p.in === 'path'), query: params.filter((p) => p.in === 'query') });
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Ids and filter values from the seeded data.
const db = new pg.Client({ connectionString: databaseUrl, application_name: 'enplan-bench-explain' });
await db.connect();
const one = async (sql, params) => (await db.query(sql, params)).rows[0] ?? {};
const mid = subject.municipalityId;
// The caseworker's course with the most plan versions (course j of the seed has 1 + j mod 19 of them).
const course = subject.courses[Math.min(18, subject.courses.length - 1)];
const ids = {
  courseId: course.courseId,
  instrumentId: 'wellbeing-ruler-adult',
  citizenId: course.citizenId,
  unitId: subject.unitId,
  staffId: subject.caseworkerId,
  meetingId: (await one(`SELECT id FROM meeting WHERE municipality_id = $1 AND course_id = $2 ORDER BY starts_at DESC LIMIT 1`, [mid, course.courseId])).id,
  orderId: (await one(`SELECT id FROM provider_order WHERE municipality_id = $1 LIMIT 1`, [mid])).id,
  householdId: (await one(`SELECT id FROM household WHERE municipality_id = $1 LIMIT 1`, [mid])).id,
  eventId: (await one(`SELECT id FROM domain_event WHERE municipality_id = $1 ORDER BY id DESC LIMIT 1`, [mid])).id,
};
// Kept in memory only: sent in the lookup's body, and put back for the EXPLAIN of the statement the capture masked.
const secretCpr = (await one(`SELECT cpr FROM citizen WHERE id = $1`, [course.citizenId])).cpr;
const surname = (await one(`SELECT split_part(name, ' ', 2) AS s FROM citizen WHERE id = $1`, [course.citizenId])).s;
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The path parameter's value: `{id}` is the citizen under /citizens, else the id named by the parameter. */
function pathValue(path, name) {
  if (name === 'id' && path.startsWith('/api/v1/citizens/')) return ids.citizenId;
  if (name === 'id' && path.startsWith('/api/v1/staff/')) return ids.staffId;
  return ids[name];
}
/** A value of a filter that matches seeded data (or, where the bench seeds none, `none` says so). */
const FILTER_VALUES = {
  status: (path) => (path === '/api/v1/courses' ? 'active' : path.endsWith('/meetings') ? 'held' : path.endsWith('/follow-ups') ? 'open' : undefined),
  modelId: () => 'generic',
  primaryContactId: () => subject.caseworkerId,
  targetGroup: () => 'adults',
  citizenId: () => course.citizenId,
  householdId: () => ids.householdId ?? { none: 'no household in the bench data', value: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' },
  sort: () => '-updatedAt',
  from: () => daysAgo(30),
  to: () => today,
  actorId: () => subject.caseworkerId,
  name: () => surname.toLowerCase(),
  kind: () => 'job-centre',
  unitId: () => subject.unitId,
  function: () => 'caseworker',
  active: () => 'true',
  concerns: () => course.citizenId,
  meetingId: () => ids.meetingId,
  eventId: () => ids.eventId ?? { none: 'no domain event in the bench data', value: '00000000-0000-4000-8000-000000000000' },
  instrumentId: () => 'wellbeing-ruler-adult',
  pastDays: () => '90',
};
function filterValue(path, p) {
  const given = FILTER_VALUES[p.name]?.(path);
  if (given !== undefined) return typeof given === 'object' ? given : { value: String(given) };
  const s = resolve(p.schema ?? {});
  const item = s.type === 'array' ? resolve(s.items) : s;
  const v = s.example ?? item.example ?? item.enum?.[0] ?? s.default;
  return v === undefined ? { none: 'no value known', value: '' } : { value: String(v) };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The calls, against the API with the statement capture on.
const privateDir = mkdtempSync(join(tmpdir(), 'enplan-explain-'));
const captureFile = join(privateDir, 'statements.jsonl');
const { token, caseworker, manager } = await benchUsers(target.dataDir, subject);
const principals = {
  caseworker: { who: 'bench caseworker', auth: caseworker },
  manager: { who: 'bench team manager', auth: manager },
  admin: { who: 'bench team manager as admin', auth: await token(subject.managerId, ['admin']) },
  integrator: { who: 'bench team manager as integrator', auth: await token(subject.managerId, ['integrator']) },
};
/**
 * Who calls: the caseworker on its own course; the manager for the team's and a citizen's unit-wide lists; a
 * list across the municipality (courses, citizens, staff) as both, since what the caller may read sets its cost;
 * else the first role allowed.
 */
function principalsFor(op) {
  const roles = op.access?.roles ?? ['caseworker'];
  const unitWide = op.path.startsWith('/api/v1/org-units/{unitId}/') || op.path === '/api/v1/citizens/{id}/access-log';
  const scoped = !op.path.includes('{') && roles.includes('caseworker') && roles.includes('manager');
  const chosen = scoped ? ['caseworker', 'manager'] : unitWide && roles.includes('manager') ? ['manager'] : [['caseworker', 'manager', 'admin', 'integrator'].find((r) => roles.includes(r))];
  return chosen.map((role) => ({ role, ...principals[role] }));
}

const calls = [];
const server = await startServer('api', { target, deploymentFile, env: { ENPLAN_SQL_CAPTURE_FILE: captureFile } });
let n = 0;
try {
  for (const op of operations) {
    let path = op.path;
    const missing = [];
    for (const p of op.pathParams) {
      const v = pathValue(op.path, p.name);
      if (!v) missing.push(p.name);
      path = path.replace(`{${p.name}}`, v ?? '00000000-0000-4000-8000-000000000000');
    }
    const variants = [{ filter: null, query: '', missing }];
    for (const p of op.query) {
      if (PAGING.has(p.name)) continue;
      const v = filterValue(op.path, p);
      variants.push({ filter: p.name, value: v.value, none: v.none, missing, query: `?${new URLSearchParams({ [p.name]: v.value })}` });
    }
    for (const principal of principalsFor(op)) for (const v of variants) await call(op, principal, path, v);
  }
  // The one search that is not a GET: a citizen by CPR number (a POST, so the number stays out of URLs).
  const lookup = { operationId: 'lookUpCitizen', path: '/api/v1/citizens/lookup', method: 'POST', pathParams: [] };
  await call(lookup, { role: 'caseworker', ...principals.caseworker }, lookup.path, { filter: 'cpr', value: '[cpr]', query: '', body: { cpr: secretCpr } });
  await new Promise((r) => setTimeout(r, 300)); // statements after the response (none expected) land too
} finally {
  await server.stop();
}

async function call(op, principal, path, v) {
  const requestId = `bench-explain-${++n}`;
  const t0 = performance.now();
  const r = await fetch(`${server.base}${path}${v.query}`, {
    method: op.method ?? 'GET',
    headers: { authorization: principal.auth, 'x-request-id': requestId, ...(v.body ? { 'content-type': 'application/json' } : {}) },
    body: v.body ? JSON.stringify(v.body) : undefined,
  });
  const body = await r.text();
  const ms = performance.now() - t0;
  let items = null;
  try {
    const json = JSON.parse(body);
    items = Array.isArray(json) ? json.length : (Object.values(json).find(Array.isArray)?.length ?? null);
  } catch {
    // A feed: its events, or its CSV rows under the header.
    items = body.includes('BEGIN:VCALENDAR') ? body.split('BEGIN:VEVENT').length - 1 : r.status === 200 ? Math.max(0, body.trim().split('\n').length - 1) : null;
  }
  calls.push({ operationId: op.operationId, method: op.method ?? 'GET', path: op.path, filter: v.filter, value: v.value, none: v.none, missing: v.missing ?? [], role: principal.role, who: principal.who, requestId, status: r.status, items, ms: Math.round(ms), problem: r.status >= 400 ? safeProblem(body) : undefined });
}
function safeProblem(body) {
  try {
    return JSON.parse(body).code ?? JSON.parse(body).title;
  } catch {
    return undefined;
  }
}

const captured = existsSync(captureFile) ? readFileSync(captureFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(privateDir, { recursive: true, force: true });
const byRequest = new Map();
for (const s of captured) {
  if (!byRequest.has(s.label)) byRequest.set(s.label, []);
  byRequest.get(s.label).push(s);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. EXPLAIN (ANALYZE, BUFFERS) of every read, twice (the second is reported: warm caches, as a served API runs).
const tableRows = new Map((await db.query(`SELECT c.relname, greatest(c.reltuples, 0)::bigint AS n FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')`)).rows.map((r) => [r.relname, Number(r.n)]));
const isRead = (sql) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(sql);
const explained = new Map(); // sql + parameters → result
// CPR-like numbers masked wherever they could show (parameters, and the values a plan's conditions quote); a uuid
// is matched whole first, so a digit run inside one is left alone.
const CPR_OR_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<!\d)[0-3]\d[01]\d{3}-?\d{4}(?!\d)/gi;
const maskText = (t) => t.replace(CPR_OR_UUID, (m) => (m.length === 36 ? m : '[cpr]'));
const mask = (x) => JSON.parse(maskText(JSON.stringify(x)));

function walk(node, out) {
  const type = node['Node Type'];
  if (/Scan$/.test(type) && type !== 'Function Scan' && type !== 'Values Scan' && type !== 'CTE Scan' && type !== 'Subquery Scan') {
    const relation = node['Relation Name'] ?? null;
    const rows = relation ? (tableRows.get(relation) ?? null) : null;
    out.push({ node: type, relation, index: node['Index Name'] ?? null, tableRows: rows, actualRows: (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1), removedByFilter: (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1), loops: node['Actual Loops'] ?? 1 });
  }
  for (const child of node.Plans ?? []) walk(child, out);
  return out;
}

async function explain(sql, parameters) {
  const key = JSON.stringify([sql, parameters]);
  if (explained.has(key)) return explained.get(key);
  let result;
  try {
    let plan;
    let firstMs;
    for (let i = 0; i < 2; i++) {
      await db.query('BEGIN');
      try {
        plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, parameters.map((p) => (p === '[cpr]' ? secretCpr : p)))).rows[0]['QUERY PLAN'][0];
        firstMs ??= plan['Execution Time'];
      } finally {
        await db.query('ROLLBACK');
      }
    }
    const scans = walk(plan.Plan, []);
    const seqScans = scans.filter((s) => s.node === 'Seq Scan' && (s.tableRows ?? 0) > LARGE_TABLE_ROWS);
    result = { executionMs: plan['Execution Time'], firstRunMs: firstMs, planningMs: plan['Planning Time'], rows: plan.Plan['Actual Rows'], scans, seqScans: seqScans.map((s) => s.relation), slow: plan['Execution Time'] > SLOW_MS, plan: mask(plan) };
  } catch (e) {
    result = { error: maskText(String(e.message)) };
  }
  result.id = explained.size + 1;
  explained.set(key, { ...result, sql: maskText(sql), parameters: mask(parameters) });
  return result;
}

const report = [];
for (const c of calls) {
  const statements = [];
  for (const s of byRequest.get(c.requestId) ?? []) {
    const read = isRead(s.query);
    statements.push({ sql: maskText(s.query), read, ...(read ? await explain(s.query, s.parameters) : {}) });
  }
  report.push({ ...c, statements });
}
const [{ bytes }] = (await db.query(`SELECT pg_database_size(current_database())::bigint AS bytes`)).rows;
const indexes = (await db.query(`SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexname`)).rows;
await db.end();

// ---------------------------------------------------------------------------------------------------------------
// 5. The report.
const label = (c) => `\`${c.operationId}\`${c.filter ? ` ?${c.filter}=${c.none ? '…' : c.value}` : ''} (${c.role})`;
const oneLine = (sql) => sql.replace(/\s+/g, ' ').trim();
const short = (sql, n = 160) => (oneLine(sql).length > n ? `${oneLine(sql).slice(0, n)}…` : oneLine(sql));
const scanText = (s) => (s.index ? `${s.node === 'Index Only Scan' ? 'index-only ' : ''}${s.node === 'Bitmap Index Scan' ? 'bitmap ' : ''}${s.index}` : s.node === 'Seq Scan' ? `**Seq Scan ${s.relation}**${s.tableRows !== null ? ` (${s.tableRows} rows)` : ''}` : `${s.node} ${s.relation ?? ''}`.trim());
const scansOf = (st) => (st.error ? `error: ${st.error}` : st.scans.filter((s) => s.node !== 'Bitmap Heap Scan').map((s) => (s.node === 'Seq Scan' && (s.tableRows ?? 0) <= LARGE_TABLE_ROWS ? `seq ${s.relation} (${s.tableRows ?? '?'} rows)` : scanText(s))).join(', ') || 'no table');
const flagged = [];
for (const c of report) {
  for (const [i, st] of c.statements.entries()) {
    if (!st.read || st.error) continue;
    if (st.seqScans.length || st.slow) flagged.push({ call: c, i: i + 1, st });
  }
}
const fmtMs = (x) => (x === undefined ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const started = new Date();
const sizes = `${seeded.counts.course} courses, ${seeded.counts.plan_version} plan versions, ${seeded.counts.meeting} meetings, ${seeded.counts.access_log} access-log rows (at seeding); database ${(Number(bytes) / 1024 / 1024).toFixed(0)} MB`;
const lines = [];
lines.push(`# EXPLAIN (ANALYZE, BUFFERS) of every list and filter, ${started.toISOString().slice(0, 10)}`);
lines.push('');
lines.push(`PostgreSQL at \`${target.scaleName}\`${target.factor !== 1 ? ` / ${target.factor}` : ''} (${sizes}). Written by \`npm run bench:explain\` (tools/scripts/bench/explain.mjs): each list operation of docs/openapi.json called once plainly and once per filter parameter as a bench user, every read it ran re-run under EXPLAIN (ANALYZE, BUFFERS); the second of two runs is reported. A table counts as large above ${LARGE_TABLE_ROWS} rows; a statement as slow above ${SLOW_MS} ms. Full plans: the .json next to this file.`);
lines.push('');
lines.push(`${report.length} calls over ${operations.length} list operations, ${report.reduce((a, c) => a + c.statements.filter((s) => s.read).length, 0)} reads explained (${explained.size} distinct). **Flagged: ${flagged.length}** (${flagged.filter((f) => f.st.seqScans.length).length} with a seq scan on a large table, ${flagged.filter((f) => f.st.slow).length} over ${SLOW_MS} ms).`);
lines.push('');
lines.push('## Flagged');
lines.push('');
if (!flagged.length) lines.push('Nothing: every read uses an index on the large tables and runs under 50 ms.');
else {
  lines.push('| operation / filter (caller) | # | statement | scans | ms (1st run) | rows |');
  lines.push('|---|---|---|---|---|---|');
  for (const f of flagged) lines.push(`| ${label(f.call)} | ${f.i} | \`${short(f.st.sql, 120).replace(/\|/g, '\\|')}\` | ${scansOf(f.st)} | ${fmtMs(f.st.executionMs)} (${fmtMs(f.st.firstRunMs)}) | ${f.st.rows} |`);
}
lines.push('');
// What the bench seeds nothing into: a plan over an empty table proves nothing, so those lists rest on their indexes' design.
const emptyTables = new Map();
for (const c of report) {
  for (const st of c.statements) {
    for (const sc of st.scans ?? []) {
      if (sc.relation && tableRows.get(sc.relation) === 0) {
        if (!emptyTables.has(sc.relation)) emptyTables.set(sc.relation, new Set());
        emptyTables.get(sc.relation).add(c.operationId);
      }
    }
  }
}
lines.push('## Tables the bench data leaves empty');
lines.push('');
lines.push('The seed fills the course, plan, meeting, team and access-log tables; these lists also read tables it leaves empty, where a plan shows nothing about scale. Their indexes (each led by `municipality_id` or by a foreign key, which `apps/api-e2e/src/host/schema-indexes.e2e-spec.ts` requires):');
lines.push('');
lines.push('| table | read by | indexes |');
lines.push('|---|---|---|');
for (const [t, ops] of [...emptyTables].sort(([a], [b]) => a.localeCompare(b))) {
  const idx = indexes.filter((i) => i.tablename === t).map((i) => `${i.indexname.startsWith('PK_') ? 'pk' : i.indexname} (${/\((.*)\)[^)]*$/.exec(i.indexdef)?.[1] ?? ''})`);
  lines.push(`| ${t} | ${ops.size > 6 ? `${ops.size} lists (every course-bound one: the access check reads it)` : [...ops].map((o) => `\`${o}\``).join(', ')} | ${idx.join('; ')} |`);
}
lines.push('');
lines.push('## Every operation and filter');
lines.push('');
lines.push('Per call: the answer (status, items), then each read with the scans of its plan (index name, or the seq scan and the table\'s size), execution time in ms and rows returned. Statements that are not reads (the access-log row, transaction control) are listed, not explained.');
lines.push('');
for (const c of report) {
  const note = [c.none ? `value matches nothing: ${c.none}` : null, c.missing.length ? `no seeded ${c.missing.join(', ')}` : null, c.problem ? `\`${c.problem}\`` : null].filter(Boolean).join('; ');
  lines.push(`### ${label(c)}`);
  lines.push('');
  lines.push(`\`${c.method} ${c.path}${c.filter ? (c.method === 'GET' ? `?${c.filter}=${c.none ? '…' : c.value}` : ` {"${c.filter}": "${c.value}"}`) : ''}\` as the ${c.who}: ${c.status}${c.items !== null ? `, ${c.items} items` : ''}${note ? ` (${note})` : ''}; ${c.statements.length} statements.`);
  lines.push('');
  if (c.statements.length) {
    lines.push('| # | statement | scans | ms (1st run) | rows |');
    lines.push('|---|---|---|---|---|');
    for (const [i, st] of c.statements.entries()) {
      const flag = st.read && !st.error && (st.seqScans.length || st.slow) ? ' ⚑' : '';
      lines.push(`| ${i + 1}${flag} | \`${short(st.sql).replace(/\|/g, '\\|')}\` | ${st.read ? scansOf(st) : 'not a read'} | ${st.read ? `${fmtMs(st.executionMs)} (${fmtMs(st.firstRunMs)})` : '–'} | ${st.read ? (st.rows ?? '–') : '–'} |`);
    }
    lines.push('');
  }
}
const md = `${lines.join('\n')}\n`;
mkdirSync(join(rootPath, 'bench/results'), { recursive: true });
const stem = values.out ?? join(rootPath, 'bench/results', `${started.toISOString().slice(0, 10)}-explain`);
writeFileSync(`${stem}.md`, md);
/** Keeps the file readable: long id lists in parameters and in a plan's conditions are cut, with what was cut said. */
function trimmed(x) {
  if (typeof x === 'string') return x.length > 300 ? `${x.slice(0, 300)}… (${x.length} characters)` : x;
  if (Array.isArray(x)) return x.length > 10 ? [...x.slice(0, 10).map(trimmed), `… ${x.length - 10} more`] : x.map(trimmed);
  // Plan nodes: the zero block counters and false flags say nothing.
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k, v]) => !(/Blocks|I\/O|Parallel Aware|Async Capable/.test(k) && !v)).map(([k, v]) => [k, trimmed(v)]));
  return x;
}
// The JSON: every call with its statements (a read refers to its plan by `explain`), and each distinct read once
// with its (masked) parameters and full plan.
const json = {
  started: started.toISOString(),
  scale: target.scaleName,
  factor: target.factor,
  largeTableRows: LARGE_TABLE_ROWS,
  slowMs: SLOW_MS,
  databaseBytes: Number(bytes),
  seed: seeded.counts,
  tableRows: Object.fromEntries(tableRows),
  indexes,
  calls: report.map((c) => ({ ...c, statements: c.statements.map((s) => (s.read ? { explain: s.id, executionMs: s.executionMs, rows: s.rows, seqScans: s.seqScans, slow: s.slow } : { notRead: short(s.sql, 80) })) })),
  explained: [...explained.values()].map(({ plan, parameters, ...x }) => ({ ...x, parameters: trimmed(parameters), plan: trimmed(plan) })),
};
writeFileSync(`${stem}.json`, `${JSON.stringify(json)}\n`);

// stdout: the summary only (no parameters, no values from the data).
console.log(`bench:explain on ${target.dbName} (${target.scaleName}): ${report.length} calls over ${operations.length} list operations, ${explained.size} distinct reads explained`);
for (const c of report.filter((x) => x.status >= 400)) console.log(`  ${c.status} ${c.operationId}${c.filter ? ` ?${c.filter}` : ''}${c.problem ? ` (${c.problem})` : ''}`);
console.log(`flagged ${flagged.length}:`);
for (const f of flagged) console.log(`  ${f.call.operationId}${f.call.filter ? ` ?${f.call.filter}` : ''} #${f.i}: ${f.st.seqScans.length ? `seq scan ${f.st.seqScans.join(', ')}` : ''}${f.st.slow ? ` ${f.st.executionMs.toFixed(1)} ms` : ''}`);
console.log(`written ${stem}.md and .json`);

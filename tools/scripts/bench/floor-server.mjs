// The floor of the load benchmark (issue 17): what each benchmarked request costs with nothing but hand-written
// SQL through `pg` and a bare node:http server. Each read is ONE statement that checks the caller's footing,
// appends the access-log row and builds the JSON in the database (returned as text, sent as is); the publish is
// one hand-written transaction doing the API's writes (plan_version, plan, domain_event, access_log).
//
// It answers the API's own paths, so the driver sends the same requests to both. The bearer token's claims are
// read, not verified (the floor measures the data work, not the signature check).
//
//   FLOOR_DATABASE_URL=postgres://…  node floor-server.mjs     # PostgreSQL (a pool of FLOOR_POOL_SIZE, default 10)
//   FLOOR_PGLITE_DIR=dir             node floor-server.mjs     # the embedded database, through the repo's pg pool over PGlite
// Prints {"port":N} on stdout once listening.
import { createServer } from 'node:http';
import pg from 'pg';

const root = new URL('../../../', import.meta.url);

async function pool() {
  if (process.env.FLOOR_DATABASE_URL) return new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_SIZE ?? 10) });
  const { openPglite, pglitePool } = await import(new URL('dist/libs/core/database/src/index.js', root).href);
  const { driver } = pglitePool(await openPglite(process.env.FLOOR_PGLITE_DIR));
  return new driver.Pool();
}

const db = await pool();
const municipalities = new Map((await db.query('SELECT code, id FROM municipality')).rows.map((r) => [r.code, r.id]));

function claims(req) {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}');
  return { staffId: payload.sub, municipalityId: municipalities.get(payload.municipality), roles: payload.roles ?? [] };
}

const LOG = `INSERT INTO access_log (municipality_id, at, actor_id, actor_roles, operation, outcome, record_type, record_id, course_ids, citizen_ids, route, basis)`;
const ON_TEAM = `EXISTS (SELECT 1 FROM team_assignment t WHERE t.municipality_id = $1 AND t.course_id = c.id AND t.staff_member_id = $2 AND (t.ends_on IS NULL OR t.ends_on >= current_date))`;

const PLAN = `
WITH ok AS (SELECT c.id, c.citizen_id FROM course c WHERE c.municipality_id = $1 AND c.id = $3 AND ${ON_TEAM}),
v AS (SELECT pv.*, p.draft IS NOT NULL AS has_draft FROM ok JOIN plan p ON p.municipality_id = $1 AND p.course_id = ok.id
      JOIN plan_version pv ON pv.municipality_id = $1 AND pv.plan_id = p.id AND pv.version = p.current_version),
l AS (${LOG} SELECT $1, now(), $2, ARRAY['caseworker'], 'read', 'allowed', 'plan', ok.id, ARRAY[ok.id], ARRAY[ok.citizen_id], 'GET /api/v1/courses/:courseId/plan', 'team' FROM ok)
SELECT json_build_object('id', v.id, 'courseId', $3::uuid, 'version', v.version, 'content', v.content, 'author', json_build_object('id', v.author_id, 'name', s.name),
       'publishedAt', v.published_at, 'changeSummary', v.change_summary, 'sourceMeetingId', v.source_meeting_id, 'hasDraft', v.has_draft)::text AS body
  FROM v LEFT JOIN staff_member s ON s.municipality_id = $1 AND s.id = v.author_id`;

const CITIZEN_VIEW = `
WITH ok AS (SELECT c.id, c.citizen_id FROM course c WHERE c.municipality_id = $1 AND c.id = $3 AND c.citizen_id = $4 AND ${ON_TEAM}),
v AS (SELECT pv.content, pv.version, pv.published_at FROM ok JOIN plan p ON p.municipality_id = $1 AND p.course_id = ok.id
      JOIN plan_version pv ON pv.municipality_id = $1 AND pv.plan_id = p.id AND pv.version = p.current_version),
l AS (${LOG} SELECT $1, now(), $2, ARRAY['caseworker'], 'read', 'allowed', 'plan', ok.id, ARRAY[ok.id], ARRAY[ok.citizen_id], 'GET /api/v1/courses/:courseId/plan/citizen-view.html', 'team' FROM ok)
SELECT v.content::text AS content, v.version, v.published_at, ci.name FROM v, ok JOIN citizen ci ON ci.municipality_id = $1 AND ci.id = ok.citizen_id`;

const WORK_LIST = `
WITH mine AS (SELECT c.id, c.citizen_id FROM team_assignment t JOIN course c ON c.municipality_id = $1 AND c.id = t.course_id
              WHERE t.municipality_id = $1 AND t.staff_member_id = $2 AND t.ends_on IS NULL AND c.status = 'active'),
items AS (
  SELECT m.course_id, 'meeting' AS kind, m.starts_at::date AS due, m.type AS title FROM mine JOIN meeting m ON m.municipality_id = $1 AND m.course_id = mine.id
   WHERE m.status = 'planned' AND m.starts_at >= now()
  UNION ALL
  SELECT mine.id, 'cadence', (max(m.starts_at) + interval '42 days')::date, 'network-meeting' FROM mine JOIN meeting m ON m.municipality_id = $1 AND m.course_id = mine.id AND m.status = 'held' GROUP BY mine.id
  UNION ALL
  SELECT mine.id, 'plan-action', (a->>'deadline')::date, a->>'title' FROM mine JOIN plan p ON p.municipality_id = $1 AND p.course_id = mine.id
    JOIN plan_version pv ON pv.municipality_id = $1 AND pv.plan_id = p.id AND pv.version = p.current_version
    CROSS JOIN jsonb_array_elements(pv.content->'actions') a WHERE (a->>'deadline')::date <= current_date + 30),
l AS (${LOG} SELECT $1, now(), $2, ARRAY['caseworker'], 'read', 'allowed', 'work-list', NULL, coalesce(array_agg(id), '{}'), coalesce(array_agg(citizen_id), '{}'), 'GET /api/v1/work-list', 'self' FROM mine)
SELECT json_build_object('staffMemberId', $2::uuid, 'items', coalesce(json_agg(json_build_object('courseId', course_id, 'kind', kind, 'dueOn', due, 'title', title,
       'state', CASE WHEN due < current_date THEN 'overdue' WHEN due <= current_date + 7 THEN 'due' ELSE 'upcoming' END) ORDER BY due), '[]'))::text AS body FROM items`;

const BOARD = `
WITH c AS (SELECT DISTINCT c.id, c.citizen_id, c.status FROM team_assignment t JOIN staff_member s ON s.municipality_id = $1 AND s.id = t.staff_member_id AND s.unit_id = $3
           JOIN course c ON c.municipality_id = $1 AND c.id = t.course_id WHERE t.municipality_id = $1 AND t.ends_on IS NULL AND c.status IN ('referred', 'assessed', 'active', 'paused')),
r AS (SELECT c.id, c.status, c.citizen_id,
        (SELECT min(m.starts_at) FROM meeting m WHERE m.municipality_id = $1 AND m.course_id = c.id AND m.status = 'planned' AND m.starts_at >= now()) AS next_meeting,
        (SELECT max(m.starts_at) FROM meeting m WHERE m.municipality_id = $1 AND m.course_id = c.id AND m.status = 'held') AS last_held,
        (SELECT json_build_object('version', pv.version, 'publishedAt', pv.published_at) FROM plan p JOIN plan_version pv ON pv.municipality_id = $1 AND pv.plan_id = p.id AND pv.version = p.current_version
          WHERE p.municipality_id = $1 AND p.course_id = c.id) AS last_plan
      FROM c),
l AS (${LOG} SELECT $1, now(), $2, ARRAY['manager'], 'read', 'allowed', 'board', NULL, coalesce(array_agg(id), '{}'), coalesce(array_agg(citizen_id), '{}'), 'GET /api/v1/org-units/:unitId/board', 'unit' FROM c)
SELECT json_build_object('unitId', $3::uuid, 'today', current_date, 'courses', coalesce(json_agg(json_build_object('courseId', id, 'status', status, 'citizenId', citizen_id, 'modelId', 'generic',
       'nextPlannedMeeting', next_meeting, 'nextDue', (last_held + interval '42 days')::date, 'overdue', CASE WHEN last_held + interval '42 days' < now() THEN 1 ELSE 0 END, 'lastPlanRevision', last_plan)), '[]'))::text AS body FROM r`;

const ACCESS_LOG = `
WITH l AS (${LOG} VALUES ($1::uuid, now(), $2::uuid, ARRAY['manager']::varchar[], 'read'::access_operation, 'allowed'::access_outcome, 'access-log', $3::uuid, '{}'::uuid[], ARRAY[$3::uuid], 'GET /api/v1/citizens/:id/access-log', 'unit')),
page AS (SELECT a.id, a.at, a.actor_id, s.name AS actor_name, a.actor_roles, a.operation, a.outcome, a.record_type, a.course_ids, a.route, a.basis
           FROM access_log a LEFT JOIN staff_member s ON s.municipality_id = $1 AND s.id = a.actor_id
          WHERE a.municipality_id = $1 AND a.citizen_ids @> ARRAY[$3::uuid] ORDER BY a.at DESC LIMIT 25)
SELECT json_build_object('items', (SELECT coalesce(json_agg(json_build_object('id', id, 'at', at, 'actor', json_build_object('id', actor_id, 'name', actor_name, 'roles', actor_roles),
       'operation', operation, 'outcome', outcome, 'recordType', record_type, 'courseIds', course_ids, 'route', route, 'basis', basis) ORDER BY at DESC), '[]') FROM page),
       'total', (SELECT count(*) FROM access_log a WHERE a.municipality_id = $1 AND a.citizen_ids @> ARRAY[$3::uuid]), 'limit', 25, 'offset', 0)::text AS body`;

const COURSES = `
WITH mine AS (SELECT DISTINCT c.* FROM team_assignment t JOIN course c ON c.municipality_id = $1 AND c.id = t.course_id
              WHERE t.municipality_id = $1 AND t.staff_member_id = $2 AND (t.ends_on IS NULL OR t.ends_on >= current_date)),
page AS (SELECT mine.*, ci.name, ci.cpr FROM mine JOIN citizen ci ON ci.municipality_id = $1 AND ci.id = mine.citizen_id ORDER BY mine.referred_on DESC, mine.id LIMIT 25),
l AS (${LOG} SELECT $1, now(), $2, ARRAY['caseworker'], 'read', 'allowed', 'course', NULL, coalesce(array_agg(id), '{}'), coalesce(array_agg(citizen_id), '{}'), 'GET /api/v1/courses', 'team' FROM page)
SELECT json_build_object('items', (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status, 'modelId', model_id, 'targetGroup', target_group, 'referredOn', referred_on,
       'activatedOn', activated_on, 'citizen', json_build_object('id', citizen_id, 'name', name, 'cpr', substr(cpr, 1, 6) || '-xxxx'))), '[]') FROM page),
       'total', (SELECT count(*) FROM mine), 'limit', 25, 'offset', 0)::text AS body`;

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function citizenHtml(row) {
  const c = JSON.parse(row.content);
  const li = (xs, f) => `<ul>${xs.map((x) => `<li>${f(x)}</li>`).join('')}</ul>`;
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Min plan</title></head><body><h1>${esc(row.name)}s plan</h1>`
    + `<p>Version ${row.version}</p><h2>Mit mål</h2><p>${esc(c.overallGoal?.text)}</p><h2>Delmål</h2>${li(c.goals ?? [], (g) => esc(g.title))}`
    + `<h2>Det gør vi</h2>${li(c.actions ?? [], (a) => `${esc(a.title)} (til ${esc(a.deadline)})`)}<h2>Aftaler</h2>${li(c.agreements ?? [], (a) => esc(a.text))}</body></html>`;
}

async function publish(mid, staffId, courseId, body) {
  const dto = JSON.parse(body);
  if (!dto.content || typeof dto.changeSummary !== 'string' || !Number.isInteger(dto.baseVersion)) return [400, '{"code":"validation.failed"}'];
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const course = await client.query(`SELECT c.id, c.citizen_id, c.status FROM course c WHERE c.municipality_id = $1 AND c.id = $3 AND ${ON_TEAM} FOR UPDATE`, [mid, staffId, courseId]);
    if (!course.rows.length) { await client.query('ROLLBACK'); return [404, '{"code":"course.not-found"}']; }
    const plan = await client.query(`SELECT id, current_version, draft_revision FROM plan WHERE municipality_id = $1 AND course_id = $2 FOR UPDATE`, [mid, courseId]);
    const p = plan.rows[0];
    if (p.current_version !== dto.baseVersion) { await client.query('ROLLBACK'); return [409, JSON.stringify({ code: 'plan.version-conflict', currentVersion: p.current_version })]; }
    const v = await client.query(
      `INSERT INTO plan_version (municipality_id, plan_id, version, content, author_id, published_at, change_summary) VALUES ($1, $2, $3, $4, $5, now(), $6) RETURNING id, published_at`,
      [mid, p.id, p.current_version + 1, JSON.stringify(dto.content), staffId, dto.changeSummary],
    );
    await client.query(`UPDATE plan SET current_version = $3, draft = NULL, draft_base_version = NULL, draft_revision = draft_revision + 1, draft_updated_by = NULL, draft_updated_at = NULL WHERE municipality_id = $1 AND id = $2`, [mid, p.id, p.current_version + 1]);
    await client.query(
      `INSERT INTO domain_event (municipality_id, type, data, course_id, occurred_at, actor_id, tx_id) VALUES ($1, 'plan.version-published', $2, $3, now(), $4, pg_current_xact_id()::text::bigint)`,
      [mid, JSON.stringify({ courseId, planId: p.id, planVersionId: v.rows[0].id, version: p.current_version + 1 }), courseId, staffId],
    );
    await client.query(`${LOG} VALUES ($1, now(), $2, ARRAY['caseworker'], 'write', 'allowed', 'plan', $3, ARRAY[$3::uuid], ARRAY[$4::uuid], 'POST /api/v1/courses/:courseId/plan/versions', 'team')`, [mid, staffId, courseId, course.rows[0].citizen_id]);
    await client.query('COMMIT');
    return [201, JSON.stringify({ id: v.rows[0].id, courseId, version: p.current_version + 1, content: dto.content, author: { id: staffId }, publishedAt: v.rows[0].published_at, changeSummary: dto.changeSummary })];
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

const json = (res, status, body, type = 'application/json') => {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
};
const one = async (res, sql, params) => {
  const r = await db.query(sql, params);
  if (!r.rows.length || r.rows[0].body == null) return json(res, 404, '{"code":"not-found"}');
  json(res, 200, r.rows[0].body);
};

const server = createServer(async (req, res) => {
  try {
    // Readiness, as the API's: the database answers (the bench waits on it for a server to work off a line).
    if (req.url === '/health/ready') return json(res, (await db.query('SELECT 1')).rows.length ? 200 : 503, '{"status":"ok"}');
    const { staffId, municipalityId: mid } = claims(req);
    if (!mid) return json(res, 401, '{"code":"auth.token-invalid"}');
    const url = new URL(req.url, 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).slice(2); // after /api/v1
    if (req.method === 'POST' && parts[0] === 'courses' && parts[2] === 'plan' && parts[3] === 'versions') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const [status, out] = await publish(mid, staffId, parts[1], body);
      return json(res, status, out);
    }
    if (parts[0] === 'courses' && parts.length === 3 && parts[2] === 'plan') return one(res, PLAN, [mid, staffId, parts[1]]);
    if (parts[0] === 'courses' && parts[3] === 'citizen-view.html') {
      const r = await db.query(CITIZEN_VIEW, [mid, staffId, parts[1], url.searchParams.get('citizenId')]);
      if (!r.rows.length) return json(res, 404, '{"code":"not-found"}');
      return json(res, 200, citizenHtml(r.rows[0]), 'text/html; charset=utf-8');
    }
    if (parts[0] === 'work-list') return one(res, WORK_LIST, [mid, staffId]);
    if (parts[0] === 'org-units' && parts[2] === 'board') return one(res, BOARD, [mid, staffId, parts[1]]);
    if (parts[0] === 'citizens' && parts[2] === 'access-log') return one(res, ACCESS_LOG, [mid, staffId, parts[1]]);
    if (parts[0] === 'courses' && parts.length === 1) return one(res, COURSES, [mid, staffId]);
    json(res, 404, '{"code":"route-unknown"}');
  } catch (e) {
    process.stderr.write(`floor: ${e.message}\n`);
    if (!res.headersSent) json(res, 500, '{"code":"internal"}');
  }
});
server.keepAliveTimeout = 75_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
const stop = () => server.close(() => db.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// What the bench scripts share (load.mjs, explain.mjs, memory.mjs, backlog.mjs): where a run's data lives, seeding it
// once, starting the built API (or the floor) on it in its own process, sampling its memory, minting the bench users'
// tokens, the scenarios and the drain between lines.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { benchDeployment, scaleOf } from './seed.mjs';

export const root = new URL('../../../', import.meta.url);
export const rootPath = root.pathname;

/**
 * The data a run drives: PostgreSQL at `large` when a database URL is given, else PGlite at `small`. The data
 * directory (the seed's report, the local signing key, PGlite's files) is one per database and scale, so a
 * second run on the same database reuses the seed: `bench/.data/pg-<database>-<scale>[-<factor>]`.
 */
export function benchTarget({ databaseUrl = '', scale, factor = 1, dataDir }) {
  const engine = databaseUrl ? 'postgresql' : 'pglite';
  const scaleName = scale ?? (databaseUrl ? 'large' : 'small');
  const dbName = databaseUrl ? new URL(databaseUrl).pathname.slice(1) : '';
  const suffix = factor !== 1 ? `-${factor}` : '';
  const dir = dataDir ?? join(rootPath, 'bench/.data', databaseUrl ? `pg-${dbName}-${scaleName}${suffix}` : `${scaleName}${suffix}`);
  return { databaseUrl, engine, scaleName, factor, dbName, dataDir: dir };
}

/** The command-line options every bench script takes to name its data (parseArgs form), and the target they name. */
export const TARGET_OPTIONS = { 'database-url': { type: 'string' }, scale: { type: 'string' }, factor: { type: 'string', default: '1' }, 'data-dir': { type: 'string' } };
export const targetOf = (values) => benchTarget({ databaseUrl: values['database-url'] ?? process.env.DATABASE_URL ?? '', scale: values.scale, factor: Number(values.factor), dataDir: values['data-dir'] });

export function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd: rootPath });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/**
 * Seeds the target once (when its data directory holds no seed report yet) and writes the bench deployment file
 * next to it. Returns the seed's report (`bench-subjects.json`) and the deployment file's path.
 */
export async function ensureSeeded(target) {
  const { databaseUrl, scaleName, factor, dataDir } = target;
  if (!existsSync(join(dataDir, 'bench-subjects.json'))) {
    await run(process.execPath, [join(rootPath, 'tools/scripts/bench/seed-cli.mjs'), '--scale', scaleName, '--factor', String(factor), '--data-dir', dataDir, ...(databaseUrl ? ['--database-url', databaseUrl] : [])]);
  }
  const seeded = JSON.parse(readFileSync(join(dataDir, 'bench-subjects.json'), 'utf8'));
  const deploymentFile = join(dataDir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify(benchDeployment(scaleOf(scaleName, factor))));
  return { seeded, deploymentFile };
}

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Samples a process's resident memory (VmRSS) twice a second; `max()` since the last `reset()`. */
export function rssSampler(pid) {
  let max = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]) * 1024);
    } catch {
      /* gone */
    }
  };
  const timer = setInterval(read, 500);
  return { reset: () => { max = 0; read(); }, max: () => (read(), max), stop: () => clearInterval(timer) };
}

// A bench stopped from outside (SIGTERM, Ctrl-C) takes its server with it.
const children = new Set();
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    for (const c of children) c.kill('SIGTERM');
    process.exit(1);
  });
}

/**
 * Starts the built API (`kind` 'api', dist/apps/api/src/main.js, statement-count header on) or the floor server
 * on a free loopback port and waits until it answers. `env` adds variables; `nodeArgs` go before the script.
 */
export async function startServer(kind, { target, deploymentFile, env: extra = {}, nodeArgs = [] }) {
  const port = await freePort();
  const script = kind === 'api' ? join(rootPath, 'dist/apps/api/src/main.js') : join(rootPath, 'tools/scripts/bench/floor-server.mjs');
  const env = kind === 'api'
    ? { PORT: String(port), HOST: '127.0.0.1', ENPLAN_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl, ENPLAN_SEED_DEMO: 'false', ENPLAN_DEPLOYMENT_FILE: deploymentFile, ENPLAN_SQL_STATEMENT_HEADER: '1', LOG_LEVEL: 'warn', NODE_ENV: 'production', AUTH_JWKS_URL: '' }
    : { PORT: String(port), FLOOR_DATABASE_URL: target.databaseUrl, FLOOR_PGLITE_DIR: target.databaseUrl ? '' : join(target.dataDir, 'pglite') };
  const child = spawn(process.execPath, [...nodeArgs, script], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env, ...extra }, cwd: rootPath });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited ${child.exitCode}`);
    const ok = await fetch(kind === 'api' ? `${base}/health/ready` : `${base}/api/v1/none`).then((r) => r.status < 500, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    pid: child.pid,
    child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

/** The bench caseworker's and the bench team manager's tokens, and `token(userId, roles)` for any other. */
export async function benchUsers(dataDir, subject) {
  const token = await tokenMinter(dataDir, subject.municipalityCode);
  return { token, caseworker: await token(subject.caseworkerId, ['caseworker']), manager: await token(subject.managerId, ['manager']) };
}

/** `token(userId, roles)`: a bearer token of the bench municipality, signed with the data directory's local key. */
export async function tokenMinter(dataDir, municipalityCode) {
  const { loadOrCreateLocalKey, mintToken } = await import(new URL('dist/libs/core/auth/src/index.js', root).href);
  const key = await loadOrCreateLocalKey(dataDir);
  return async (userId, roles) => `Bearer ${await mintToken(key, { userId, municipality: municipalityCode, roles, issuer: 'enplan-local', audience: 'enplan-api', ttlSeconds: 6 * 3600 })}`;
}

/** CPU time (user + system, in clock ticks) the process has used so far; null once it is gone. */
function cpuTicks(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

/**
 * Waits until the server has worked off what the previous line left: autocannon gives up the requests still in
 * flight when a line ends, but the server finishes them (on PGlite, one session, they queue before everything
 * else). A prompt readiness answer alone does not show that (it slips in between the abandoned requests' work), so
 * the server must also have been idle: under a tenth of a core over half a second. Returns how long that took.
 */
export async function drain(server) {
  const t0 = Date.now();
  while (Date.now() - t0 < 180_000) {
    const s = Date.now();
    const before = cpuTicks(server.pid);
    const ok = await fetch(`${server.base}/health/ready`).then((r) => r.ok, () => false);
    const prompt = Date.now() - s < 250;
    await new Promise((r) => setTimeout(r, 500));
    const after = cpuTicks(server.pid);
    // 100 ticks a second: at most 5 ticks in half a second (and the readiness check's own) is idle.
    if (ok && prompt && (before === null || after === null || after - before <= 5)) return Date.now() - t0;
  }
  return Date.now() - t0;
}

/**
 * The bench's scenarios for one municipality's subjects: each a request shape autocannon cycles through (paths
 * rotate over the caseworker's courses). `syncPlans(server, kind)` reads the version each plan is at (and, from the
 * API, the content each publish sends) before a publish line.
 */
export function benchScenarios({ subject, caseworker, manager }) {
  const courses = subject.courses;
  function rotating(auth, pathOf) {
    let i = 0;
    return { method: 'GET', headers: { authorization: auth }, setupRequest: (req) => ({ ...req, path: pathOf(courses[i++ % courses.length]) }) };
  }
  const versions = new Map(); // courseId → current version, carried across the API's and the floor's publish runs
  const contents = new Map(); // courseId → the plan content to publish (as the API returned it)
  /**
   * Publishes: each request takes a course no other request is publishing to (autocannon's per-request context
   * carries it to the response), from the version it is at, so concurrent connections never collide.
   */
  function publishing() {
    const free = courses.map((c) => c.courseId);
    let n = 0;
    return {
      method: 'POST',
      headers: { authorization: caseworker, 'content-type': 'application/json' },
      setupRequest: (req, context) => {
        const c = free.shift() ?? courses[n % courses.length].courseId;
        context.course = c;
        return { ...req, path: `/api/v1/courses/${c}/plan/versions`, body: JSON.stringify({ baseVersion: versions.get(c), changeSummary: `Bench publish ${++n}`, content: contents.get(c) }) };
      },
      onResponse: (status, body, context) => {
        if (status === 201) versions.set(context.course, JSON.parse(body).version);
        else if (status === 409) versions.set(context.course, JSON.parse(body).currentVersion);
        free.push(context.course);
      },
    };
  }
  const SCENARIOS = {
    plan: { label: 'current plan read', request: () => rotating(caseworker, (c) => `/api/v1/courses/${c.courseId}/plan`) },
    publish: { label: 'publish a new version', request: publishing },
    workList: { label: `work list (${subject.workListCourses} courses)`, request: () => ({ method: 'GET', path: '/api/v1/work-list', headers: { authorization: caseworker } }) },
    board: { label: `team board (${subject.boardCourses} courses)`, request: () => ({ method: 'GET', path: `/api/v1/org-units/${subject.unitId}/board`, headers: { authorization: manager } }) },
    citizenView: { label: 'citizen view HTML', request: () => rotating(caseworker, (c) => `/api/v1/courses/${c.courseId}/plan/citizen-view.html?citizenId=${c.citizenId}`) },
    accessLog: { label: "a citizen's access log", request: () => ({ method: 'GET', path: `/api/v1/citizens/${subject.citizenId}/access-log`, headers: { authorization: manager } }) },
    courses: { label: 'scoped course list', request: () => ({ method: 'GET', path: '/api/v1/courses', headers: { authorization: caseworker } }) },
  };
  async function syncPlans(server, kind) {
    for (const c of courses) {
      const r = await fetch(`${server.base}/api/v1/courses/${c.courseId}/plan`, { headers: { authorization: caseworker } });
      if (r.status !== 200) throw new Error(`plan read ${r.status}: ${await r.text()}`);
      const plan = await r.json();
      versions.set(c.courseId, plan.version);
      if (kind === 'api' && !contents.has(c.courseId)) contents.set(c.courseId, plan.content);
    }
  }
  return { SCENARIOS, syncPlans };
}

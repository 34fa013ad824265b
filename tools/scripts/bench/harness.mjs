// What the bench scripts share (load.mjs, explain.mjs): where a run's data lives, seeding it once, starting the
// built API (or the floor) on it in its own process, sampling its memory, and minting the bench users' tokens.
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

/** `token(userId, roles)`: a bearer token of the bench municipality, signed with the data directory's local key. */
export async function tokenMinter(dataDir, municipalityCode) {
  const { loadOrCreateLocalKey, mintToken } = await import(new URL('dist/libs/core/auth/src/index.js', root).href);
  const key = await loadOrCreateLocalKey(dataDir);
  return async (userId, roles) => `Bearer ${await mintToken(key, { userId, municipality: municipalityCode, roles, issuer: 'enplan-local', audience: 'enplan-api', ttlSeconds: 6 * 3600 })}`;
}

#!/usr/bin/env node
// The README's test command. Builds (process-level tests start dist/), then runs Jest twice:
//   1. every test, database tests on the embedded PGlite;
//   2. the database-backed tests (*.int-spec.ts, *.e2e-spec.ts) again on the real PostgreSQL server
//      at ENPLAN_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// If no PostgreSQL answers, run 2 is skipped with a warning, unless ENPLAN_TEST_REQUIRE_POSTGRES=1 (CI).
//      Its streaming-replica spec needs a standby at ENPLAN_TEST_REPLICA_PG_URL (tools/scripts/pg-replica.sh): skipped
//      without one, failed instead with ENPLAN_TEST_REQUIRE_REPLICA=1 (CI).
//   3. the web app's browser tests (apps/web-e2e, Playwright driving Debian's Chromium at /usr/bin/chromium or
//      CHROMIUM_PATH) against the built API; skipped when paths are given (a targeted run), with a warning when
//      no Chromium is installed, unless ENPLAN_TEST_REQUIRE_BROWSER=1 (CI).
// Jest's JSON results go to dist/test-results/ and a one-line summary closes the output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { workspaceRoot } from './swc-options.mjs';
import { summaryLine } from './test-summary.mjs';

const extra = process.argv.slice(2);
const resultsDir = join(workspaceRoot, 'dist', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
// The contract harness appends what it sees here (mismatches, coverage): each run starts empty.
rmSync(join(workspaceRoot, 'dist', 'contract-coverage'), { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const node = process.execPath;
const run = (args, env = {}) => spawnSync(node, args, { stdio: 'inherit', cwd: workspaceRoot, env: { ...process.env, ...env } });

const build = run([join(workspaceRoot, 'tools/scripts/build.mjs')]);
if (build.status !== 0) process.exit(build.status ?? 1);

const jest = join(workspaceRoot, 'node_modules/jest/bin/jest.js');
const jestEnv = {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
  // A full run records which documented answers the e2e tests exercised (tools/scripts/contract-coverage.mjs).
  ...(extra.length === 0 ? { ENPLAN_CONTRACT_COVERAGE: '1' } : {}),
};
const runs = [];

function jestRun(name, args, env) {
  const out = join(resultsDir, `${name}.json`);
  // The caller's paths go first: Jest intersects them with --testMatch (a --testPathPatterns would add to them).
  const r = run([jest, '--json', `--outputFile=${out}`, ...extra, ...args], { ...jestEnv, ...env });
  runs.push({ name, out, status: r.status });
}

jestRun('pglite', [], { ENPLAN_TEST_DB: 'pglite' });

const pgUrl = process.env.ENPLAN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let pgUp = false;
try {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  await c.end();
  pgUp = true;
} catch (e) {
  const msg = `PostgreSQL not reachable at ${pgUrl.replace(/:[^:@/]*@/, ':***@')}: ${e.message}`;
  if (process.env.ENPLAN_TEST_REQUIRE_POSTGRES === '1') {
    console.error(`${msg} (required by ENPLAN_TEST_REQUIRE_POSTGRES=1)`);
    runs.push({ name: 'postgres', status: 1 });
  } else console.warn(`${msg}: the PostgreSQL run is skipped`);
}
if (pgUp) jestRun('postgres', ['--passWithNoTests', '--testMatch', '**/*.int-spec.ts', '**/*.e2e-spec.ts'], { ENPLAN_TEST_DB: 'postgres', ENPLAN_TEST_PG_URL: pgUrl });

// The browser tests: a whole-app walk, so only in a full run (no paths given).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (extra.length === 0) {
  if (existsSync(chromium)) {
    const out = join(resultsDir, 'browser.pw.json');
    const r = run([join(workspaceRoot, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'apps/web-e2e/playwright.config.ts'], { ENPLAN_WEB_E2E_RESULTS: out });
    runs.push({ name: 'browser', out, status: r.status });
  } else if (process.env.ENPLAN_TEST_REQUIRE_BROWSER === '1') {
    console.error(`no Chromium at ${chromium} (required by ENPLAN_TEST_REQUIRE_BROWSER=1)`);
    runs.push({ name: 'browser', status: 1 });
  } else console.warn(`no Chromium at ${chromium}: the browser tests are skipped`);
}

// Every e2e answer was checked against the OpenAPI document (a mismatch has failed its test; this lists them
// all), and every documented success answer must be exercised by some test, but those on the committed list.
if (extra.length === 0) {
  const r = run([join(workspaceRoot, 'tools/scripts/contract-mismatches.mjs')]);
  if (r.status !== 0) runs.push({ name: 'contract', status: r.status });
  const c = run([join(workspaceRoot, 'tools/scripts/contract-coverage.mjs')]);
  if (c.status !== 0) runs.push({ name: 'contract-coverage', status: c.status });
}

// A Jest run that died before writing results still has to show up as a failure in the summary.
for (const r of runs) if (!r.out || !existsSync(r.out)) writeFileSync(join(resultsDir, `${r.name}.missing`), String(r.status));
const ok = runs.every((r) => r.status === 0);
console.log(summaryLine());
process.exit(ok ? 0 : 1);

// npm run bench:seed -- --scale <tiny|small|large> [--factor N] [--database-url postgres://…] [--data-dir DIR] [--today YYYY-MM-DD]
//
// Boots the built API host once on the target database (migrations run, the bench municipalities created from
// the bench deployment), plants the deterministic bench data (tools/scripts/bench/seed.mjs), runs ANALYZE, and
// reports load time and database size. Without --database-url the data goes into an embedded PGlite under
// --data-dir (default bench/.data/<scale>). The subjects the load benchmark drives are written to
// <data-dir>/bench-subjects.json. The database must hold no bench data yet.
import 'reflect-metadata';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { benchDeployment, databaseFacts, scaleOf, seedBench } from './seed.mjs';

const root = new URL('../../../', import.meta.url);

export async function runSeed({ scale: scaleName, factor = 1, databaseUrl = '', dataDir, today = new Date().toISOString().slice(0, 10), quiet = false }) {
  const scale = scaleOf(scaleName, factor);
  const { createApp } = await import(new URL('dist/libs/core/host/src/index.js', root).href);
  const { DataSource } = await import('typeorm');
  mkdirSync(dataDir, { recursive: true });
  const deployment = benchDeployment(scale);
  const app = await createApp({
    env: { ENPLAN_DATA_DIR: dataDir, ENPLAN_SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, AUTH_JWKS_URL: '', ENPLAN_DEPLOYMENT_FILE: '' },
    deployment,
    plugins: [],
  });
  try {
    const ds = app.get(DataSource);
    const query = (sql, params) => ds.query(sql, params);
    const municipalities = await query(`SELECT id, code FROM municipality WHERE code = ANY($1) ORDER BY code`, [deployment.municipalities.map((m) => m.code)]);
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM org_unit WHERE municipality_id = ANY($1)`, [municipalities.map((m) => m.id)]);
    if (n > 0) throw new Error('the bench municipalities have data already: seed into an empty database (or data directory)');
    const t0 = performance.now();
    const { subjects, counts } = await seedBench(query, { scale, today, municipalities });
    await query('ANALYZE');
    const seconds = (performance.now() - t0) / 1000;
    const [{ bytes }] = await query(`SELECT pg_database_size(current_database())::bigint AS bytes`);
    const report = { scale: scaleName, factor, engine: databaseUrl ? 'postgresql' : 'pglite', today, loadSeconds: Number(seconds.toFixed(1)), databaseBytes: Number(bytes), counts, subjects };
    writeFileSync(join(dataDir, 'bench-subjects.json'), JSON.stringify(report, null, 2));
    if (!quiet) {
      console.log(`bench seed (${scaleName}${factor !== 1 ? ` / ${factor}` : ''}) on ${report.engine}: ${Object.entries(counts).map(([t, c]) => `${t} ${c}`).join(', ')}`);
      console.log(`loaded in ${report.loadSeconds} s; database size ${(report.databaseBytes / 1024 / 1024).toFixed(0)} MB`);
    }
    return { report, facts: await databaseFacts(query) };
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'small' }, factor: { type: 'string', default: '1' }, 'database-url': { type: 'string' }, 'data-dir': { type: 'string' }, today: { type: 'string' } },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? '';
  const dataDir = values['data-dir'] ?? new URL(`bench/.data/${values.scale}${databaseUrl ? '-pg' : ''}`, root).pathname;
  if (!databaseUrl && existsSync(join(dataDir, 'pglite'))) {
    console.error(`${dataDir} holds a database already; remove it or give another --data-dir`);
    process.exit(1);
  }
  await runSeed({ scale: values.scale, factor: Number(values.factor), databaseUrl, dataDir, today: values.today });
  process.exit(0);
}

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessLogEntry } from '@enplan/core/access';
import { Citizen } from '@enplan/core/citizens';
import { DEMO_DEPLOYMENT, type DatabaseSettings } from '@enplan/core/config';
import { Course } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { createApp } from '@enplan/core/host';
import { createTestDatabase, testEngine, type TestDatabase } from '@enplan/core/testing';
import { FixedClock } from '@enplan/shared/util';

/**
 * `enplan retention` as an operator runs it: the built CLI in its own process, on a database a host filled
 * and closed first (the embedded database admits one process at a time). The rules themselves are tested
 * through RetentionService in retention.e2e-spec.ts; this proves the wiring, the output and the exit code.
 */
const root = join(import.meta.dirname, '../../../..');
const cliMain = join(root, 'dist/apps/cli/src/main.js');

describe(`the retention command (${testEngine()})`, () => {
  let dataDir: string;
  let db: TestDatabase;
  let settings: DatabaseSettings;
  const ids = { old: '', open: '', oldCitizen: '' };

  const host = () =>
    createApp({
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', ENPLAN_DATA_DIR: dataDir, ENPLAN_SEED_DEMO: 'false', AUTH_JWKS_URL: '', DATABASE_URL: '' },
      deployment: DEMO_DEPLOYMENT,
      database: settings,
      clock: new FixedClock('2026-01-05T09:00:00Z'),
    });

  const cli = (...args: string[]) => {
    const { NODE_OPTIONS: _n, ...rest } = process.env;
    return spawnSync(process.execPath, [cliMain, 'retention', ...args], {
      env: { ...rest, ENPLAN_DATA_DIR: dataDir, DATABASE_URL: db.settings.kind === 'postgres' ? db.settings.url : '', ENPLAN_SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'enplan-retention-'));
    db = await createTestDatabase();
    settings = db.settings.kind === 'postgres' ? db.settings : { kind: 'pglite', dataDir: join(dataDir, 'pglite') };
    const app = await host();
    try {
      const ds = app.get(DataSource);
      const { id: municipalityId } = await ds.getRepository(Municipality).findOneByOrFail({ code: '999' });
      const citizen = async (cpr: string, name: string) => (await ds.getRepository(Citizen).save({ municipalityId, cpr, name, birthDate: '1980-01-01' })).id;
      const course = async (citizenId: string, o: Partial<Course>) =>
        (
          await ds.getRepository(Course).save({
            municipalityId,
            citizenId,
            targetGroup: 'adults',
            modelId: 'generic',
            referredBy: 'Jobcenter',
            referredOn: '2014-01-01',
            referralReasonCode: 'long-term-benefit',
            referralReason: 'Lang tid på ydelse',
            ...o,
          })
        ).id;
      ids.oldCitizen = await citizen('0101801111', 'Gammel Sag');
      // Closed in 2015 and kept five years: long past retention on any real clock.
      ids.old = await course(ids.oldCitizen, { status: 'closed', endDate: '2015-01-01', retentionUntil: '2020-01-01', outcomeCode: 'ordinary-job' });
      ids.open = await course(await citizen('0101802222', 'Aktiv Sag'), { status: 'active' });
    } finally {
      await app.close();
    }
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the courses past retention per municipality, by id only', () => {
    const r = cli();
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`999 Demo Kommune: 1 (${ids.old})`);
    expect(r.stdout).toContain('run with --purge');
    expect(r.stdout).not.toContain(ids.open);
    expect(r.stdout).not.toMatch(/Gammel|0101801111/);

    const json = cli('--json');
    const listed = JSON.parse(json.stdout) as { years: number; municipalities: { code: string; courseIds: string[] }[] };
    expect(listed.years).toBe(5);
    // Every municipality of the (default demo) deployment is listed; only 999 has a course past retention.
    expect(listed.municipalities.filter((m) => m.courseIds.length)).toEqual([expect.objectContaining({ code: '999', courseIds: [ids.old] })]);
  });

  it('purges them with --purge, logging each purge', async () => {
    const r = cli('--purge', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { courseId: string; outcome: string; citizensErased: number }[] };
    expect(out.results).toEqual([expect.objectContaining({ courseId: ids.old, outcome: 'purged', citizensErased: 1, retentionUntil: '2020-01-01' })]);

    const again = cli('--purge');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 of 0 course(s) erased');

    const app = await host();
    try {
      const ds = app.get(DataSource);
      expect(await ds.getRepository(Course).countBy({ id: ids.old })).toBe(0);
      expect(await ds.getRepository(Course).countBy({ id: ids.open })).toBe(1);
      expect(await ds.getRepository(Citizen).countBy({ id: ids.oldCitizen })).toBe(0);
      const log = await ds.getRepository(AccessLogEntry).findBy({ operation: 'purge' });
      expect(log).toEqual([expect.objectContaining({ recordId: ids.old, basis: 'retention', citizenIds: [ids.oldCitizen], route: 'CLI enplan retention --purge' })]);
    } finally {
      await app.close();
    }
  });
});

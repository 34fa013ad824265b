import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseSettings } from '@enplan/core/config';

export type TestEngine = 'pglite' | 'postgres';

/** Which engine this run's database tests use: `ENPLAN_TEST_DB=postgres` switches to the real server. */
export function testEngine(): TestEngine {
  return process.env.ENPLAN_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function adminUrl(): string {
  return process.env.ENPLAN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  readonly engine: TestEngine;
  readonly settings: DatabaseSettings;
  /** Removes the database (PostgreSQL); PGlite's in-memory one disappears with its instance. */
  drop(): Promise<void>;
}

/** Runs `fn` on a connection of its own to `url` (by default the test server's admin database), closed afterwards. */
export async function onConnection<T>(fn: (c: pg.Client) => Promise<T>, url: string = adminUrl()): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const admin = <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => onConnection(fn);

/**
 * A fresh, empty database for one test file (or one host inside it), so tests never see each other's rows
 * and files can run in parallel. On PostgreSQL it is a new database on the test server, dropped afterwards.
 */
export async function createTestDatabase(engine: TestEngine = testEngine(), o: { persistent?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    if (!o.persistent) return { engine, settings: { kind: 'pglite', dataDir: 'memory' }, drop: async () => undefined };
    // On disk, so that one test can stop a host and boot another on the same data (e.g. with a plugin disabled).
    const dir = await mkdtemp(join(tmpdir(), 'enplan-pglite-'));
    return { engine, settings: { kind: 'pglite', dataDir: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `enplan_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    engine,
    settings: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

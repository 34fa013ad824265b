import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, onConnection, startTestApp, testEngine, type TestApp, type TestDatabase } from '@enplan/core/testing';
import type { AccessWorld } from '../access/access-world.js';
import { arrangeReplicaWorld, boardVersion, dbName, dbUrl, planVersion, publishNext, withDatabase } from './replica-world.js';

/**
 * DATABASE_REPLICA_URL on a real PostgreSQL streaming replica: the standby at ENPLAN_TEST_REPLICA_PG_URL, which
 * `tools/scripts/pg-replica.sh` sets up on 127.0.0.1:5433 (`.ci/run` runs it). The test database is made on the
 * primary and reaches the standby by replication. With replay on the standby paused after the world is arranged,
 * the standby stands still, so an answer shows which database gave it (a stale board came from the replica):
 * a writer reads their own write, a caller who did not write gets the replica's board but the primary's plan, and
 * once the read-your-writes window has passed the writer gets the replica's board too; replay resumed, everyone
 * sees the write. (A write routed to the standby would fail outright: it is read-only.)
 * Skipped without ENPLAN_TEST_REPLICA_PG_URL, but failed when ENPLAN_TEST_REQUIRE_REPLICA=1 (CI). PostgreSQL only.
 * Locally: `bash tools/scripts/pg-replica.sh` (as root), then
 * `ENPLAN_TEST_DB=postgres ENPLAN_TEST_REPLICA_PG_URL=postgres://postgres@127.0.0.1:5433/postgres npx jest <this file>`.
 */
const onPostgres = testEngine() === 'postgres';
const standbyUrl = process.env.ENPLAN_TEST_REPLICA_PG_URL;
const required = process.env.ENPLAN_TEST_REQUIRE_REPLICA === '1';
/** DATABASE_REPLICA_STICKY_MS: how long a writer's reads stay on the primary. */
const STICKY_MS = 10_000;

/** Asks `check` until it holds, every 100 ms, at most `attempts` times. */
async function until(what: string, check: () => Promise<boolean>, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`gave up waiting (${attempts} × 100 ms) for ${what}`);
}

if (onPostgres && !standbyUrl && required) {
  describe('reads from a streaming replica', () => {
    it('has a standby (ENPLAN_TEST_REQUIRE_REPLICA=1)', () => {
      throw new Error('ENPLAN_TEST_REPLICA_PG_URL is not set: run `bash tools/scripts/pg-replica.sh` (as root) and set it to the URL it prints');
    });
  });
}

(onPostgres && standbyUrl ? describe : describe.skip)(`reads from a streaming replica (${testEngine()})`, () => {
  let t: TestApp;
  let w: AccessWorld;
  let db: TestDatabase;
  let version: number;
  const standby = <T>(sql: string, params: unknown[] = []) => onConnection(async (c) => (await c.query(sql, params)).rows[0] as T, standbyUrl);

  /** Until the standby has replayed everything the primary has written so far. */
  const caughtUp = async () => {
    const { lsn } = await onConnection(async (c) => (await c.query(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0] as { lsn: string });
    await until(`the standby to replay up to ${lsn}`, async () => (await standby<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [lsn])).ok);
  };
  const resume = () => standby(`SELECT pg_wal_replay_resume()`);

  beforeAll(async () => {
    expect((await standby<{ r: boolean }>(`SELECT pg_is_in_recovery() AS r`)).r).toBe(true);
    // A standby left paused by an aborted run would never show the test database.
    await resume();
    db = await createTestDatabase();
    const name = dbName(dbUrl(db));
    await until(`database ${name} on the standby`, async () => (await standby<{ n: number }>(`SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`, [name])).n === 1);
    t = await startTestApp({
      database: db,
      now: '2026-02-02T09:00:00Z',
      env: { DATABASE_REPLICA_URL: withDatabase(standbyUrl ?? '', name), DATABASE_REPLICA_STICKY_MS: String(STICKY_MS) },
    });
    ({ w, version } = await arrangeReplicaWorld(t));
    // Whoever wrote while the world was arranged did so long before the read-your-writes window.
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await caughtUp();
  }, 600_000);
  afterAll(async () => {
    // Never leave the standby paused, whatever failed.
    try {
      await resume();
    } finally {
      await t?.close();
      await db?.drop();
    }
  });

  const board = (as: string) => boardVersion(t, w, as);

  it('serves the board from the standby, the plan and a writer’s own reads from the primary', async () => {
    // Before any write both agree.
    expect(await board(w.as.manager)).toBe(version);
    await standby(`SELECT pg_wal_replay_pause()`);
    await until('replay on the standby to pause', async () => (await standby<{ s: string }>(`SELECT pg_get_wal_replay_pause_state() AS s`)).s === 'paused');

    // (a) The team member publishes on the primary and reads their own write: their board comes from the primary.
    await publishNext(t, w, w.as.team, version, 'Mens standbyen holder pause');
    expect(await board(w.as.team)).toBe(version + 1);
    // (b) The manager did not write: their board comes from the standby, one version behind.
    expect(await board(w.as.manager)).toBe(version);
    // (c) The plan itself is never read from the replica.
    expect(await planVersion(t, w, w.as.manager)).toBe(version + 1);
    // (d) Past the read-your-writes window the writer's board comes from the standby too.
    t.clock.set(new Date(t.clock.now().getTime() + STICKY_MS + 1));
    expect(await board(w.as.team)).toBe(version);

    // (e) Replay resumed and caught up, the standby shows the write to everyone.
    await resume();
    await caughtUp();
    expect(await board(w.as.manager)).toBe(version + 1);
    expect(await board(w.as.team)).toBe(version + 1);
  });
});

import { createTestDatabase, onConnection, startTestApp, testEngine, type TestApp, type TestDatabase } from '@enplan/core/testing';
import type { AccessWorld } from '../access/access-world.js';
import { arrangeReplicaWorld, boardVersion, dbName, dbUrl, planVersion, publishNext } from './replica-world.js';

/**
 * DATABASE_REPLICA_URL (issue 17): the read-only heavy routes read from the replica, never the plan a caller has
 * just written. The "replica" here is a copy of the primary taken after the world was arranged, which no later
 * write reaches, so an answer shows which database gave it: a stale board came from the replica. This proves the
 * routing on any PostgreSQL; streaming-replica.e2e-spec.ts proves it again on a real streaming standby (the one
 * `tools/scripts/pg-replica.sh` sets up, which `.ci/run` runs). PostgreSQL only (PGlite has no replicas).
 */
const onPostgres = testEngine() === 'postgres';

(onPostgres ? describe : describe.skip)(`reads from a replica (${testEngine()})`, () => {
  let t: TestApp;
  let w: AccessWorld;
  let primary: TestDatabase;
  let replica: TestDatabase;
  let version: number;

  beforeAll(async () => {
    primary = await createTestDatabase();
    // Empty at boot (the host connects to it, migrations run on the primary only); replaced by a copy below.
    replica = await createTestDatabase();
    t = await startTestApp({ database: primary, now: '2026-02-02T09:00:00Z', env: { DATABASE_REPLICA_URL: dbUrl(replica) } });
    ({ w, version } = await arrangeReplicaWorld(t));
    // The replica becomes the primary as it stands now (a template copy needs both without sessions; the
    // host's pools open new connections on their next use).
    await onConnection(async (c) => {
      await c.query(`DROP DATABASE ${dbName(dbUrl(replica))} WITH (FORCE)`);
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName(dbUrl(primary))]);
      await c.query(`CREATE DATABASE ${dbName(dbUrl(replica))} TEMPLATE ${dbName(dbUrl(primary))}`);
    });
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await primary?.drop();
    await replica?.drop();
  });

  const board = (as: string) => boardVersion(t, w, as);
  const logged = async (db: TestDatabase, actorId: string) =>
    onConnection(
      async (c) => ((await c.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND record_type = 'board'`, [actorId])).rows[0] as { n: number }).n,
      dbUrl(db),
    );

  it('serves the board from the replica, the plan from the primary, and a writer its own write', async () => {
    // Whoever wrote while the world was arranged did so more than the read-your-writes window (10 s) ago.
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    // Before any write both databases agree.
    expect(await board(w.as.manager)).toBe(version);
    const before = { primary: await logged(primary, w.ids.manager), replica: await logged(replica, w.ids.manager) };

    // The team member publishes on the primary; the copy never sees it.
    await publishNext(t, w, w.as.team, version, 'Efter kopien');

    // The manager did not write: the board comes from the replica, one version behind.
    expect(await board(w.as.manager)).toBe(version);
    // The plan itself is never read from the replica.
    expect(await planVersion(t, w, w.as.manager)).toBe(version + 1);
    // The writer reads their own write: their board comes from the primary.
    expect(await board(w.as.team)).toBe(version + 1);

    // The access check and the log entry of a replica read stay on the primary.
    expect(await logged(primary, w.ids.manager)).toBe(before.primary + 1);
    expect(await logged(replica, w.ids.manager)).toBe(before.replica);
  });
});

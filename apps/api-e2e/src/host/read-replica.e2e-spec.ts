import pg from 'pg';
import { adminUrl, createTestDatabase, startTestApp, testEngine, type TestApp, type TestDatabase } from '@enplan/core/testing';
import { arrangeAccessWorld, arrangeCaseRecords, type AccessWorld } from '../access/access-world.js';

/**
 * DATABASE_REPLICA_URL (issue 17): the read-only heavy routes read from the replica, never the plan a caller has
 * just written. The "replica" here is a copy of the primary taken after the world was arranged, which no later
 * write reaches, so an answer shows which database gave it: a stale board came from the replica. `.ci/run` sets
 * up a real streaming replica; this test proves the routing on any PostgreSQL. PostgreSQL only (PGlite has no replicas).
 */
const onPostgres = testEngine() === 'postgres';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const dbName = (url: string) => new URL(url).pathname.slice(1);

(onPostgres ? describe : describe.skip)(`reads from a replica (${testEngine()})`, () => {
  let t: TestApp;
  let w: AccessWorld;
  let primary: TestDatabase;
  let replica: TestDatabase;
  let version: number;
  const url = (db: TestDatabase) => (db.settings.kind === 'postgres' ? db.settings.url : '');

  beforeAll(async () => {
    primary = await createTestDatabase();
    // Empty at boot (the host connects to it, migrations run on the primary only); replaced by a copy below.
    replica = await createTestDatabase();
    t = await startTestApp({ database: primary, now: '2026-02-02T09:00:00Z', env: { DATABASE_REPLICA_URL: url(replica) } });
    w = await arrangeAccessWorld(t);
    await arrangeCaseRecords(t, w);
    version = (await t.http().get(`/api/v1/courses/${w.courseId}/plan`).set('Authorization', w.as.team)).body.version;
    // The replica becomes the primary as it stands now (a template copy needs both without sessions; the
    // host's pools open new connections on their next use).
    await admin(async (c) => {
      await c.query(`DROP DATABASE ${dbName(url(replica))} WITH (FORCE)`);
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName(url(primary))]);
      await c.query(`CREATE DATABASE ${dbName(url(replica))} TEMPLATE ${dbName(url(primary))}`);
    });
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await primary?.drop();
    await replica?.drop();
  });

  const board = async (as: string) => {
    const res = await t.http().get(`/api/v1/org-units/${w.jobCentre}/board`).set('Authorization', as);
    expect(res.status).toBe(200);
    return (res.body as { courses: { courseId: string; lastPlanRevision: { version: number } | null }[] }).courses.find((c) => c.courseId === w.courseId)?.lastPlanRevision?.version;
  };
  const logged = async (db: TestDatabase, actorId: string) =>
    admin(async () => {
      const c = new pg.Client({ connectionString: url(db) });
      await c.connect();
      try {
        return ((await c.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND record_type = 'board'`, [actorId])).rows[0] as { n: number }).n;
      } finally {
        await c.end();
      }
    });

  it('serves the board from the replica, the plan from the primary, and a writer its own write', async () => {
    // Whoever wrote while the world was arranged did so more than the read-your-writes window (10 s) ago.
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    // Before any write both databases agree.
    expect(await board(w.as.manager)).toBe(version);
    const before = { primary: await logged(primary, w.ids.manager), replica: await logged(replica, w.ids.manager) };

    // The team member publishes on the primary; the copy never sees it.
    const plan = await t.http().get(`/api/v1/courses/${w.courseId}/plan`).set('Authorization', w.as.team);
    const published = await t
      .http()
      .post(`/api/v1/courses/${w.courseId}/plan/versions`)
      .set('Authorization', w.as.team)
      .send({ baseVersion: version, changeSummary: 'Efter kopien', content: plan.body.content });
    expect(published.status).toBe(201);

    // The manager did not write: the board comes from the replica, one version behind.
    expect(await board(w.as.manager)).toBe(version);
    // The plan itself is never read from the replica.
    const current = await t.http().get(`/api/v1/courses/${w.courseId}/plan`).set('Authorization', w.as.manager);
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(version + 1);
    // The writer reads their own write: their board comes from the primary.
    expect(await board(w.as.team)).toBe(version + 1);

    // The access check and the log entry of a replica read stay on the primary.
    expect(await logged(primary, w.ids.manager)).toBe(before.primary + 1);
    expect(await logged(replica, w.ids.manager)).toBe(before.replica);
  });
});

import { DataSource } from 'typeorm';
import { parseCpr } from '@enplan/shared/util';
import { startTestApp } from '@enplan/core/testing';
import { benchDeployment, databaseFacts, fakeCpr, scaleOf, seedBench, type Query } from './seed.mjs';

/**
 * The load benchmark's data generator (tools/scripts/bench/seed.mjs, `npm run bench:seed`) at its `tiny` scale:
 * the same seed gives the same rows (counts and a hash of every id, read back from the database), another seed
 * does not, every CPR number is well-formed, and the API serves what it planted to a token of a seeded staff
 * member: the plan, the scoped course list and the work list.
 */
const scale = scaleOf('tiny');
const deployment = benchDeployment(scale);
const TODAY = '2026-01-05';

async function seeded(seed?: number) {
  const t = await startTestApp({ deployment, now: `${TODAY}T09:00:00Z` });
  const ds = t.app.get(DataSource);
  const query: Query = (sql, params) => ds.query(sql, params);
  const municipalities = await query('SELECT id, code FROM municipality WHERE code = ANY($1) ORDER BY code', [deployment.municipalities.map((m) => m.code)]);
  const result = await seedBench(query, { scale, today: TODAY, municipalities, seed });
  return { t, query, ...result };
}

describe('bench seed (tiny)', () => {
  let a: Awaited<ReturnType<typeof seeded>>;
  afterAll(async () => a?.t.close());

  it('is deterministic: two seeds give the same counts and ids; another seed other ids', async () => {
    a = await seeded();
    const b = await seeded();
    const c = await seeded(18);
    try {
      const [fa, fb, fc] = await Promise.all([databaseFacts(a.query), databaseFacts(b.query), databaseFacts(c.query)]);
      expect(fa.counts['course']).toBe(scale.courses);
      expect(fa.counts['staff_member']).toBe(scale.staff);
      expect(fa.counts['access_log']).toBe(scale.accessLog);
      expect(fa.counts['meeting']).toBe(scale.meetings);
      expect(fa.counts['plan_version']).toBeGreaterThan(fa.counts['plan']!);
      expect(fa.counts).toEqual(a.counts);
      expect(fb).toEqual(fa);
      // The municipalities themselves are made by the host at boot (their ids are not the seed's); all the rest is.
      const planted = (x: typeof a) => x.subjects.map(({ municipalityId: _m, ...rest }) => rest);
      expect(planted(b)).toEqual(planted(a));
      expect(fc.counts).toEqual(fa.counts);
      expect(fc.hash).not.toBe(fa.hash);
      // Every tenant row carries its municipality.
      for (const table of Object.keys(fa.counts)) {
        const [{ n }] = await a.query(`SELECT count(*)::int AS n FROM "${table}" WHERE municipality_id IS NULL OR municipality_id <> ALL($1)`, [a.subjects.map((s) => s.municipalityId)]);
        expect([table, n]).toEqual([table, 0]);
      }
    } finally {
      await b.t.close();
      await c.t.close();
    }
    // Three hosts started and three databases seeded, one after another: on a loaded two-core machine (the suite's
    // other worker, a mutation run) that passed the suite's 120 s default.
  }, 360_000);

  it('plants well-formed, distinct CPR numbers', async () => {
    const rows: { cpr: string }[] = await a.query('SELECT cpr FROM citizen');
    expect(new Set(rows.map((r) => r.cpr)).size).toBe(rows.length);
    for (const { cpr } of rows) expect(parseCpr(cpr, TODAY).ok).toBe(true);
    expect(fakeCpr(0)).toEqual(fakeCpr(0));
    expect(fakeCpr(1).cpr).not.toBe(fakeCpr(0).cpr);
  });

  it('is served by the API to a seeded staff member', async () => {
    const s = a.subjects[0]!;
    const auth = `Bearer ${await a.t.token({ userId: s.caseworkerId, municipality: s.municipalityCode, roles: ['caseworker'] })}`;
    const course = s.courses[0]!;
    const plan = await a.t.http().get(`/api/v1/courses/${course.courseId}/plan`).set('Authorization', auth);
    expect(plan.status).toBe(200);
    expect(plan.body.courseId).toBe(course.courseId);
    expect(plan.body.content.goals.length).toBe(scale.items / 3);
    const list = await a.t.http().get('/api/v1/courses?limit=100').set('Authorization', auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual(s.courses.map((c) => c.courseId).sort());
    const work = await a.t.http().get('/api/v1/work-list').set('Authorization', auth);
    expect(work.status).toBe(200);
    const manager = `Bearer ${await a.t.token({ userId: s.managerId, municipality: s.municipalityCode, roles: ['manager'] })}`;
    const board = await a.t.http().get(`/api/v1/org-units/${s.unitId}/board`).set('Authorization', manager);
    expect(board.status).toBe(200);
    expect(board.body.courses.length).toBe(s.boardCourses);
    const log = await a.t.http().get(`/api/v1/citizens/${s.citizenId}/access-log`).set('Authorization', manager);
    expect(log.status).toBe(200);
    expect(log.body.total).toBeGreaterThan(0);
  });
});

import { DataSource } from 'typeorm';
import { definePlugin } from '@enplan/plugin-api';
import { Citizen } from '@enplan/core/citizens';
import { Course, TeamAssignment } from '@enplan/core/courses';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { arrangeWorld, CASEWORKER_ID, planContent, type PlanWorld } from '../plans/plan-test-fixtures.js';

/**
 * A write and its access-log entry are one unit of work: a log entry that cannot be written undoes the change,
 * and the access check is made inside the write's transaction with the course row locked, so a concurrent
 * close or team change is either seen by the write or waits for it.
 */

/**
 * Holds a request inside its transaction until the test opens it: a publish after its access check and before
 * it writes (validatePlanPublish), a close after its change (onClosing).
 */
interface Gate {
  reached: Promise<void>;
  open(): void;
  pass(): Promise<void>;
}
function gate(): Gate {
  let open!: () => void;
  let arrived!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const reached = new Promise<void>((r) => (arrived = r));
  return {
    reached,
    open,
    pass: async () => {
      arrived();
      await opened;
    },
  };
}
const gates: { publish?: Gate; close?: Gate } = {};

const gatePlugin = definePlugin({
  id: 'test-gate',
  displayName: 'Port (test)',
  version: '0.1.0',
  pluginApi: '*',
  extensions: {
    validatePlanPublish: async () => {
      await gates.publish?.pass();
      return [];
    },
    hooks: { onClosing: () => gates.close?.pass() },
  },
});

const INTEGRATION = ['integrator'];

describe(`the access log is part of the write (${testEngine()})`, () => {
  let t: TestApp;
  let ds: DataSource;
  let w: PlanWorld;
  let integrator: string;
  let caseworker: string;
  let cprSerial = 10;

  beforeAll(async () => {
    t = await startTestApp({ plugins: [gatePlugin], deployment: { municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [{ id: 'test-gate' }] }] } });
    ds = t.app.get(DataSource);
    w = await arrangeWorld(t);
    integrator = `Bearer ${await t.token({ roles: INTEGRATION })}`;
    caseworker = `Bearer ${await t.token({ userId: CASEWORKER_ID, roles: ['caseworker'] })}`;
  });
  afterAll(() => t?.close());
  afterEach(() => {
    // A failed expectation must not leave a request (and its transaction) held for the rest of the file.
    gates.publish?.open();
    gates.close?.open();
    gates.publish = undefined;
    gates.close = undefined;
  });

  /** A fresh active course of a fresh citizen, so each scenario starts from nothing published. */
  const contentOf = new Map<string, ReturnType<typeof planContent>>();
  async function newCourse(): Promise<string> {
    const citizen = await ds.getRepository(Citizen).save({ municipalityId: w.municipalityId, cpr: `0101${70 + cprSerial++}1234`, name: 'Bo Hansen', birthDate: '1975-01-01' });
    const course = await ds.getRepository(Course).save({
      municipalityId: w.municipalityId,
      citizenId: citizen.id,
      targetGroup: 'adults',
      modelId: 'generic',
      status: 'active',
      referredBy: 'Jobcenter, team 3',
      referredOn: '2025-12-01',
      referralReasonCode: 'multiple-complex-problems',
      referralReason: 'Flere samtidige problemer',
    });
    // The plan's goals concern the course's own citizen.
    contentOf.set(course.id, planContent({ ...w, courseId: course.id, citizenId: citizen.id }));
    return course.id;
  }

  const publish = (courseId: string, as = integrator, base = 0) =>
    t.http().post(`/api/v1/courses/${courseId}/plan/versions`).set('Authorization', as).set('If-Match', `"${base}"`).send({ changeSummary: 'Planen', content: contentOf.get(courseId) });
  const close = (courseId: string) =>
    t.http().post(`/api/v1/courses/${courseId}/transitions`).set('Authorization', integrator).send({ to: 'closed', reason: 'Mål nået', outcomeCode: 'ordinary-job', endDate: '2026-01-05' });

  const versionsOf = async (courseId: string): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE p.course_id = $1`, [courseId]))[0].n;
  const statusOf = async (courseId: string): Promise<string> => (await ds.getRepository(Course).findOneByOrFail({ id: courseId })).status;
  const logOf = async (courseId: string): Promise<{ operation: string; outcome: string; route: string }[]> =>
    ds.query(`SELECT operation, outcome, route FROM access_log WHERE course_ids @> ARRAY[$1]::uuid[] ORDER BY outcome, route`, [courseId]);

  /**
   * Until the second request waits for a row lock (PostgreSQL), or has answered (which the test then reports).
   * On PGlite the held transaction holds the one session: the second request queues for it, and a query from
   * here would queue too, so there is nothing to poll.
   */
  async function blockedBehind(answered: () => boolean): Promise<boolean> {
    if (testEngine() !== 'postgres') return true;
    for (let i = 0; i < 5000 && !answered(); i++) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (n > 0) return true;
    }
    return false;
  }

  /** Starts a request and notes when it has answered. */
  interface Started {
    answered: boolean;
    response: Promise<{ status: number; body: { code?: string } }>;
  }
  function started(r: PromiseLike<{ status: number; body: { code?: string } }>): Started {
    const s: Started = { answered: false, response: Promise.resolve(r) };
    s.response = s.response.then((res) => {
      s.answered = true;
      return res;
    });
    return s;
  }

  /** Until the gated request is inside its transaction; fails at once if it answered without getting there. */
  async function inside(g: Gate, r: Started): Promise<void> {
    await Promise.race([
      g.reached,
      r.response.then((res) => {
        throw new Error(`answered ${res.status} ${res.body.code ?? ''} before reaching its gate`);
      }),
    ]);
  }

  describe('a log entry that cannot be written', () => {
    const refuse = async (condition: string) => {
      await ds.query(`CREATE FUNCTION test_refuse_access_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF ${condition} THEN RAISE EXCEPTION 'access log refused (test)'; END IF; RETURN NEW; END $$`);
      await ds.query(`CREATE TRIGGER test_refuse_access_log BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION test_refuse_access_log()`);
    };
    afterEach(async () => {
      await ds.query(`DROP TRIGGER IF EXISTS test_refuse_access_log ON access_log`);
      await ds.query(`DROP FUNCTION IF EXISTS test_refuse_access_log()`);
    });

    it('undoes the write it would have recorded, and the failed attempt is logged', async () => {
      const courseId = await newCourse();
      await refuse(`NEW.outcome = 'allowed' AND NEW.course_ids @> ARRAY['${courseId}']::uuid[]`);

      const res = await publish(courseId).expect(500);
      expect(res.body).toMatchObject({ code: 'internal.unexpected' });
      expect(JSON.stringify(res.body)).not.toContain('access log refused');
      expect(await versionsOf(courseId)).toBe(0);
      // Not even the plan row the publish created on its way.
      expect((await ds.query(`SELECT count(*)::int AS n FROM plan WHERE course_id = $1`, [courseId]))[0].n).toBe(0);
      expect(await logOf(courseId)).toEqual([{ operation: 'write', outcome: 'failed', route: 'POST /api/v1/courses/:courseId/plan/versions' }]);

      const closing = await close(courseId).expect(500);
      expect(closing.body.code).toBe('internal.unexpected');
      expect(await statusOf(courseId)).toBe('active');
    });

    it('fails a read rather than serve it unlogged', async () => {
      const courseId = await newCourse();
      await refuse(`NEW.outcome = 'allowed' AND NEW.course_ids @> ARRAY['${courseId}']::uuid[]`);
      const res = await t.http().get(`/api/v1/courses/${courseId}`).set('Authorization', integrator).expect(500);
      expect(res.body.code).toBe('internal.unexpected');
    });

    it('undoes a staff route write whose citizens are known only from its answer', async () => {
      await refuse(`NEW.operation = 'write' AND NEW.record_type = 'citizen' AND NEW.outcome = 'allowed'`);
      const before = await ds.getRepository(Citizen).count();
      await t.http().post('/api/v1/citizens').set('Authorization', integrator).send({ cpr: '0505801234', name: 'Lise Holm' }).expect(500);
      expect(await ds.getRepository(Citizen).count()).toBe(before);
    });

    it('writes again once the log takes entries', async () => {
      const courseId = await newCourse();
      await publish(courseId).expect(201);
      expect(await versionsOf(courseId)).toBe(1);
      expect(await logOf(courseId)).toEqual([{ operation: 'write', outcome: 'allowed', route: 'POST /api/v1/courses/:courseId/plan/versions' }]);
    });
  });

  describe('a close and a publish racing', () => {
    it('a close arriving during a publish waits for it: published, then closed', async () => {
      const courseId = await newCourse();
      // A second version: the plan row exists, so nothing but the course lock can make the close wait.
      await publish(courseId).expect(201);
      gates.publish = gate();
      const publishing = started(publish(courseId, integrator, 1));
      await inside(gates.publish, publishing);
      const closing = started(close(courseId));
      const waited = await blockedBehind(() => closing.answered);
      expect({ waited, closeAnsweredFirst: closing.answered }).toEqual({ waited: true, closeAnsweredFirst: false });
      gates.publish.open();

      expect((await publishing.response).status).toBe(201);
      expect((await closing.response).status).toBe(201);
      expect(await statusOf(courseId)).toBe('closed');
      expect(await versionsOf(courseId)).toBe(2);
    });

    it('a publish arriving during a close waits for it and is refused: closed, nothing published', async () => {
      const courseId = await newCourse();
      gates.close = gate();
      const closing = started(close(courseId));
      await inside(gates.close, closing);
      const publishing = started(publish(courseId));
      const waited = await blockedBehind(() => publishing.answered);
      expect({ waited, publishAnsweredFirst: publishing.answered }).toEqual({ waited: true, publishAnsweredFirst: false });
      gates.close.open();

      expect((await closing.response).status).toBe(201);
      const refused = await publishing.response;
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'plan.course-closed' });
      expect(await statusOf(courseId)).toBe('closed');
      expect(await versionsOf(courseId)).toBe(0);
      expect((await logOf(courseId)).map((l) => l.outcome)).toEqual(['allowed', 'failed']);
    });
  });

  it('a team change waits for a write decided on the team as it was, and the next write sees the change', async () => {
    const courseId = await newCourse();
    const assignment = await ds.getRepository(TeamAssignment).save({
      municipalityId: w.municipalityId,
      courseId,
      staffMemberId: CASEWORKER_ID,
      role: 'caseworker',
      startsOn: '2025-12-01',
      endsOn: null,
      handoverNote: null,
      assignedBy: CASEWORKER_ID,
    });
    await publish(courseId, caseworker).expect(201);
    gates.publish = gate();
    const publishing = started(publish(courseId, caseworker, 1));
    await inside(gates.publish, publishing);
    const ending = started(t.http().post(`/api/v1/courses/${courseId}/team/${assignment.id}/end`).set('Authorization', integrator).send({ endsOn: '2026-01-04' }));
    const waited = await blockedBehind(() => ending.answered);
    expect({ waited, teamChangeAnsweredFirst: ending.answered }).toEqual({ waited: true, teamChangeAnsweredFirst: false });
    gates.publish.open();

    expect((await publishing.response).status).toBe(201);
    expect((await ending.response).status).toBe(201);
    const after = await t.http().post(`/api/v1/courses/${courseId}/plan/versions`).set('Authorization', caseworker).set('If-Match', '"2"').send({ changeSummary: 'Ny plan', content: contentOf.get(courseId) });
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 403, code: 'access.denied' });
    expect(await versionsOf(courseId)).toBe(2);
  });
});

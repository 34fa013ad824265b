import type { TestApp, TestDatabase } from '@enplan/core/testing';
import { arrangeAccessWorld, arrangeCaseRecords, type AccessWorld } from '../access/access-world.js';

/**
 * What the read-replica specs share (read-replica.e2e-spec.ts with a frozen copy as the replica,
 * streaming-replica.e2e-spec.ts with a real standby): the access world with its case records, the board that
 * shows which database answered (a stale plan version came from the replica), the plan written and read.
 */

export const dbUrl = (db: TestDatabase): string => (db.settings.kind === 'postgres' ? db.settings.url : '');
export const dbName = (url: string): string => new URL(url).pathname.slice(1);
/** The database `name` on the server of `url`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The access world and its case records; `version` is the course plan's version after them. */
export async function arrangeReplicaWorld(t: TestApp): Promise<{ w: AccessWorld; version: number }> {
  const w = await arrangeAccessWorld(t);
  await arrangeCaseRecords(t, w);
  return { w, version: await planVersion(t, w, w.as.team) };
}

/** The course plan's version as `as` reads it (plan reads are never routed to the replica). */
export async function planVersion(t: TestApp, w: AccessWorld, as: string): Promise<number> {
  const res = await t.http().get(`/api/v1/courses/${w.courseId}/plan`).set('Authorization', as);
  expect(res.status).toBe(200);
  return (res.body as { version: number }).version;
}

/** `as` publishes the plan's next version on `baseVersion`, its content unchanged: a write on the primary. */
export async function publishNext(t: TestApp, w: AccessWorld, as: string, baseVersion: number, changeSummary: string): Promise<void> {
  const plan = await t.http().get(`/api/v1/courses/${w.courseId}/plan`).set('Authorization', as);
  expect(plan.status).toBe(200);
  const published = await t.http().post(`/api/v1/courses/${w.courseId}/plan/versions`).set('Authorization', as).send({ baseVersion, changeSummary, content: plan.body.content });
  expect(published.status).toBe(201);
}

/** The course's last plan revision on the job centre's board (a route that reads from the replica) as `as` sees it. */
export async function boardVersion(t: TestApp, w: AccessWorld, as: string): Promise<number | undefined> {
  const res = await t.http().get(`/api/v1/org-units/${w.jobCentre}/board`).set('Authorization', as);
  expect(res.status).toBe(200);
  return (res.body as { courses: { courseId: string; lastPlanRevision: { version: number } | null }[] }).courses.find((c) => c.courseId === w.courseId)?.lastPlanRevision?.version;
}

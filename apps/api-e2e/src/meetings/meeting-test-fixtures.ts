import { DataSource } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { Course } from '@enplan/core/courses';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import type { TestApp } from '@enplan/core/testing';
import { arrangeWorld, type PlanWorld } from '../plans/plan-test-fixtures.js';

export { CASEWORKER_ID, CPR, planContent, type PlanWorld } from '../plans/plan-test-fixtures.js';

/**
 * Puts a staff member on a course's team through the API, as an integration would (an integration may
 * touch every course of its municipality; a caseworker only the courses whose team they are on).
 */
export async function joinTeam(t: TestApp, courseId: string, staffMemberId: string, role = 'caseworker', startsOn = '2025-12-01'): Promise<void> {
  const integrator = await t.token({ roles: ['integrator'] });
  const res = await t
    .http()
    .post(`/api/v1/courses/${courseId}/team`)
    .set('Authorization', `Bearer ${integrator}`)
    .send({ staffMemberId, role, startsOn });
  if (res.status !== 201) throw new Error(`joining the team failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * The plans world (a unit, the default token's user as staff member, a citizen, an active course) with the
 * course activated on `activatedOn` and the default token's user as its primary contact.
 */
export async function meetingWorld(t: TestApp, o: { code?: string; activatedOn?: string } = {}): Promise<PlanWorld> {
  const w = await arrangeWorld(t, { code: o.code });
  await t.app.get(DataSource).getRepository(Course).update({ id: w.courseId }, { activatedOn: o.activatedOn ?? '2026-01-02' });
  await joinTeam(t, w.courseId, w.staffId, 'primary-contact');
  return w;
}

/** Another staff member (in `unitId`, or a new unit) for a test to put on a team or leave off it. */
export async function addStaff(t: TestApp, municipalityId: string, name: string, unitId?: string): Promise<{ staffId: string; unitId: string }> {
  const ds = t.app.get(DataSource);
  const unit = unitId ?? (await ds.getRepository(OrgUnit).save({ municipalityId, kind: 'job-centre', name: `Team ${name}` })).id;
  const s = await ds.getRepository(StaffMember).save({ municipalityId, name, unitId: unit, function: 'caseworker' });
  return { staffId: s.id, unitId: unit };
}

/** A second citizen with an active course, in the same municipality. */
export async function addCourse(
  t: TestApp,
  municipalityId: string,
  o: { cpr: string; name: string; birthDate?: string; activatedOn?: string | null },
): Promise<{ citizenId: string; courseId: string }> {
  const ds = t.app.get(DataSource);
  const citizen = await ds.getRepository(Citizen).save({ municipalityId, cpr: o.cpr, name: o.name, birthDate: o.birthDate ?? '1985-05-05' });
  const course = await ds.getRepository(Course).save({
    municipalityId,
    citizenId: citizen.id,
    targetGroup: 'adults',
    modelId: 'generic',
    status: 'active',
    referredBy: 'Jobcenter, team 3',
    referredOn: '2025-12-01',
    referralReasonCode: 'multiple-complex-problems',
    referralReason: 'Flere samtidige problemer',
    activatedOn: o.activatedOn === undefined ? '2026-01-02' : o.activatedOn,
  });
  return { citizenId: citizen.id, courseId: course.id };
}

/**
 * An external unit (default: a psychiatry unit) and the citizen's information-sharing consent covering it on
 * the course, both through the API as an integration would record them: external meeting participants (and
 * staff of external units) take part under such a consent only.
 */
export async function consentedUnit(
  t: TestApp,
  c: { courseId: string; citizenId: string },
  o: { kind?: string; name?: string; validFrom?: string; code?: string } = {},
): Promise<string> {
  const integrator = `Bearer ${await t.token({ roles: ['integrator'], ...(o.code ? { municipality: o.code } : {}) })}`;
  const unit = await t
    .http()
    .post('/api/v1/org-units')
    .set('Authorization', integrator)
    .send({ kind: o.kind ?? 'psychiatry', name: o.name ?? 'Psykiatrien Nord' });
  if (unit.status !== 201) throw new Error(`creating the unit failed: ${unit.status} ${JSON.stringify(unit.body)}`);
  const consent = await t
    .http()
    .post(`/api/v1/courses/${c.courseId}/consents`)
    .set('Authorization', integrator)
    .send({
      kind: 'information-sharing',
      citizenId: c.citizenId,
      partyUnitIds: [unit.body.id],
      categories: ['general'],
      purpose: 'Samarbejde om planen og møderne i forløbet',
      validFrom: o.validFrom ?? '2026-01-01',
      form: 'written',
    });
  if (consent.status !== 201) throw new Error(`recording the consent failed: ${consent.status} ${JSON.stringify(consent.body)}`);
  return unit.body.id;
}

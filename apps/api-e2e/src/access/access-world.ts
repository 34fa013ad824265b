import { DataSource } from 'typeorm';
import { Citizen, Household, HouseholdMember } from '@enplan/core/citizens';
import { Course, TeamAssignment } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { OrgUnit, StaffMember, type LegalArea, type UnitKind } from '@enplan/core/organisation';
import type { TestApp } from '@enplan/core/testing';

/** Every kind of caller the access rules tell apart. */
export interface Actors {
  team: string;
  outsider: string;
  manager: string;
  external: string;
  externalNoConsent: string;
  otherMunicipality: string;
  integration: string;
}

export interface AccessWorld {
  municipalityId: string;
  jobCentre: string;
  familyUnit: string;
  psychiatry: string;
  school: string;
  ids: {
    teamMember: string;
    outsider: string;
    manager: string;
    externalPsychiatrist: string;
    externalTeacher: string;
    familyWorker: string;
  };
  citizenId: string;
  courseId: string;
  /** Bearer headers per actor. */
  as: Actors;
}

const YEAR = 365 * 86_400;

/**
 * One municipality with a job centre, a family unit and two external units (psychiatry, a school); an active
 * course whose team has a job-centre caseworker (primary contact), a family worker, a psychiatrist under a
 * consent in force and a teacher whose consent has been revoked; plus a colleague off the team, the
 * job centre's manager, and a user of another municipality.
 */
export async function arrangeAccessWorld(t: TestApp, o: { jobCentreId?: string } = {}): Promise<AccessWorld> {
  const ds = t.app.get(DataSource);
  const { id: municipalityId } = await ds.getRepository(Municipality).findOneByOrFail({ code: '999' });
  const unit = async (kind: UnitKind, name: string, id?: string) => (await ds.getRepository(OrgUnit).save({ id, municipalityId, kind, name })).id;
  const jobCentre = await unit('job-centre', 'Jobcenter Nord', o.jobCentreId);
  const familyUnit = await unit('children-family', 'Familiecentret');
  const psychiatry = await unit('psychiatry', 'Psykiatrien Nord');
  const school = await unit('school', 'Nordskolen');
  const staff = async (name: string, unitId: string, authorityAreas: LegalArea[], fn: StaffMember['function'] = 'caseworker') =>
    (await ds.getRepository(StaffMember).save({ municipalityId, name, unitId, function: fn, authorityAreas })).id;
  const ids = {
    teamMember: await staff('Mette Holm', jobCentre, ['employment']),
    outsider: await staff('Jens Lund', jobCentre, ['employment']),
    manager: await staff('Karin Berg', jobCentre, [], 'manager'),
    externalPsychiatrist: await staff('Lars Berg', psychiatry, [], 'health-professional'),
    externalTeacher: await staff('Sofie Dam', school, [], 'teacher'),
    familyWorker: await staff('Ole Friis', familyUnit, ['children'], 'family-counsellor'),
  };
  const citizen = await ds.getRepository(Citizen).save({ municipalityId, cpr: '0101901234', name: 'Anna Jensen', birthDate: '1990-01-01' });
  const household = await ds.getRepository(Household).save({ municipalityId, label: 'Familien Jensen' });
  await ds.getRepository(HouseholdMember).save({ municipalityId, householdId: household.id, citizenId: citizen.id, relation: 'parent' });
  const course = await ds.getRepository(Course).save({
    municipalityId,
    citizenId: citizen.id,
    householdId: household.id,
    targetGroup: 'families',
    modelId: 'generic',
    status: 'active',
    referredBy: 'Jobcenter, team 3',
    referredOn: '2025-12-01',
    activatedOn: '2025-12-10',
    referralReasonCode: 'multiple-complex-problems',
    referralReason: 'Flere samtidige problemer',
  });
  const assign = (staffMemberId: string, role: TeamAssignment['role']) =>
    ds.getRepository(TeamAssignment).save({ municipalityId, courseId: course.id, staffMemberId, role, startsOn: '2025-12-10', assignedBy: ids.teamMember });
  await assign(ids.teamMember, 'primary-contact');
  await assign(ids.familyWorker, 'caseworker');

  const token = (userId: string, roles: string[], municipality = '999') => t.token({ userId, roles, municipality, ttlSeconds: YEAR }).then((x) => `Bearer ${x}`);
  const as: Actors = {
    team: await token(ids.teamMember, ['caseworker']),
    outsider: await token(ids.outsider, ['caseworker']),
    manager: await token(ids.manager, ['manager']),
    external: await token(ids.externalPsychiatrist, ['external']),
    externalNoConsent: await token(ids.externalTeacher, ['external']),
    otherMunicipality: await token('00000000-0000-4000-8000-000000000101', ['caseworker', 'manager', 'integrator'], '101'),
    integration: await token('00000000-0000-4000-8000-0000000000aa', ['integrator']),
  };

  // External members join through the API, which demands a consent covering their unit first.
  const post = (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', as.team).send(body);
  const consent = async (unitId: string, categories: string[]) => {
    const res = await post(`/courses/${course.id}/consents`, {
      kind: 'information-sharing',
      citizenId: citizen.id,
      partyUnitIds: [unitId],
      purpose: 'Koordinering af forløbet',
      categories,
      validFrom: '2025-12-01',
      form: 'written',
    });
    if (res.status !== 201) throw new Error(`consent: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  await consent(psychiatry, ['general', 'health']);
  const schoolConsent = await consent(school, ['general']);
  for (const [staffMemberId] of [[ids.externalPsychiatrist], [ids.externalTeacher]]) {
    const res = await post(`/courses/${course.id}/team`, { staffMemberId, role: 'external-participant', startsOn: '2025-12-10' });
    if (res.status !== 201) throw new Error(`team: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const revoked = await post(`/consents/${schoolConsent}/revoke`, { note: 'Trukket tilbage telefonisk' });
  if (revoked.status !== 201) throw new Error(`revoke: ${revoked.status}`);

  return { municipalityId, jobCentre, familyUnit, psychiatry, school, ids, citizenId: citizen.id, courseId: course.id, as };
}

import { DataSource } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { Course } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import type { TestApp } from '@enplan/core/testing';

const YEAR = 365 * 86_400;

/** Bearer headers of the family tests' callers. */
export interface FamilyActors {
  /** The course's caseworker (job centre; employment, social-adults, health and children). */
  team: string;
  /** The job centre's manager. */
  manager: string;
  /** An integration of the municipality. */
  integration: string;
  /** A family-unit caseworker off the team, for an access grant to cover. */
  covering: string;
}

export interface FamilyWorld {
  ds: DataSource;
  municipalityId: string;
  jobCentre: string;
  familyUnit: string;
  caseworker: string;
  cover: string;
  mother: string;
  father: string;
  emil: string;
  sofie: string;
  /** A citizen outside the household. */
  stranger: string;
  /** The household as POST /households answered it. */
  household: { id: string; members: { citizenId: string; relation: string; custody: boolean | null }[] };
  as: FamilyActors;
}

/**
 * The divorced couple with two children of the family disclosure tests, in municipality 999: Maria (mother, custody
 * stated) and Peter (father, custody not stated: joint custody by default), Emil and Sofie, one household made
 * through the API; a caseworker, a manager and a covering caseworker, plus a stranger. No course: each test
 * makes the courses it needs (see `saveFamilyCourse`).
 */
export async function arrangeFamilyWorld(t: TestApp): Promise<FamilyWorld> {
  const ds = t.app.get(DataSource);
  const { id: municipalityId } = await ds.getRepository(Municipality).findOneByOrFail({ code: '999' });
  const unit = async (kind: OrgUnit['kind'], name: string) => (await ds.getRepository(OrgUnit).save({ municipalityId, kind, name })).id;
  const jobCentre = await unit('job-centre', 'Jobcenter Nord');
  const familyUnit = await unit('children-family', 'Familiecentret');
  const staff = async (name: string, unitId: string, authorityAreas: StaffMember['authorityAreas'], fn: StaffMember['function']) =>
    (await ds.getRepository(StaffMember).save({ municipalityId, name, unitId, function: fn, authorityAreas })).id;
  const caseworker = await staff('Mette Holm', jobCentre, ['employment', 'social-adults', 'health', 'children'], 'caseworker');
  const manager = await staff('Karin Berg', jobCentre, [], 'manager');
  const cover = await staff('Jonas Lund', familyUnit, ['children'], 'caseworker');
  const token = (userId: string, roles: string[]) => t.token({ userId, roles, municipality: '999', ttlSeconds: YEAR }).then((x) => `Bearer ${x}`);
  const as: FamilyActors = {
    team: await token(caseworker, ['caseworker']),
    manager: await token(manager, ['manager']),
    integration: await token('00000000-0000-4000-8000-0000000000aa', ['integrator']),
    covering: await token(cover, ['caseworker']),
  };

  const citizen = async (cpr: string, name: string, birthDate: string) => (await ds.getRepository(Citizen).save({ municipalityId, cpr, name, birthDate })).id;
  const mother = await citizen('1505851234', 'Maria Hansen', '1985-05-15');
  const father = await citizen('0203824321', 'Peter Hansen', '1982-03-02');
  const emil = await citizen('1010151111', 'Emil Hansen', '2015-10-10');
  const sofie = await citizen('0404182222', 'Sofie Hansen', '2018-04-04');
  const stranger = await citizen('0101703333', 'Lone Ibsen', '1970-01-01');

  // The household through the API: the father's custody is not stated, so it is joint custody (the default).
  const res = await t
    .http()
    .post('/api/v1/households')
    .set('Authorization', as.team)
    .send({
      label: 'Familien Hansen',
      members: [
        { citizenId: mother, relation: 'parent', custody: true },
        { citizenId: father, relation: 'parent' },
        { citizenId: emil, relation: 'child' },
        { citizenId: sofie, relation: 'child' },
      ],
    });
  if (res.status !== 201) throw new Error(`/households: ${res.status} ${JSON.stringify(res.body)}`);
  return { ds, municipalityId, jobCentre, familyUnit, caseworker, cover, mother, father, emil, sofie, stranger, household: res.body, as };
}

/** An active family course straight through the DataSource, referred by the family department; `o` overrides. */
export function saveFamilyCourse(ds: DataSource, municipalityId: string, o: Partial<Course>): Promise<Course> {
  return ds.getRepository(Course).save({
    municipalityId,
    targetGroup: 'families',
    modelId: 'generic',
    status: 'active',
    referredBy: 'Familieafdelingen',
    referredOn: '2026-01-05',
    activatedOn: '2026-01-12',
    referralReasonCode: 'family-at-risk',
    referralReason: 'Familien har brug for en samlet indsats',
    ...o,
  });
}

/**
 * POST /courses/:id/meetings: a network meeting whose free text concerns the mother and names no one it
 * concerns (an agenda item, a network participant's organisation), so a parent's export must withhold it.
 */
export const untaggedMeeting = (caseworker: string) => ({
  type: 'network',
  startsAt: '2026-02-20T13:00:00Z',
  endsAt: '2026-02-20T14:00:00Z',
  placeKind: 'town-hall',
  agenda: ['Mors udredning'],
  participants: [
    { kind: 'staff', staffMemberId: caseworker, roles: ['chair'] },
    { kind: 'network', name: 'Moster Anne', organisation: 'Pårørende i psykiatrien' },
  ],
});

/** POST /courses/:id/contacts: a call about the mother, note and follow-up untagged, as untaggedMeeting. */
export const untaggedContact = (caseworker: string) => ({
  kind: 'call',
  at: '2026-02-25T10:00:00Z',
  note: 'Talt med Maria om udredningen',
  staffMemberIds: [caseworker],
  legalArea: 'health',
  followUps: [{ text: 'Ring til psykiatrien om Marias tid', ownerId: caseworker, dueOn: '2026-03-04' }],
});

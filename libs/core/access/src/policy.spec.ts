import type { Principal } from '@enplan/core/auth';
import type { CourseFacts } from './course-facts.js';
import { basisOf, courseSubject, defineCourseAbility, externalSubject, type AccessRuleContributor, type StaffProfile } from './policy.js';

const who = (userId: string, ...roles: string[]): Principal => ({ userId, municipalityCode: '999', municipalityId: 'm1', roles });
const staffOf = (id: string, unitId = 'unit-a'): StaffProfile => ({ id, unitId, authorityAreas: ['employment'] });

function course(o: Partial<CourseFacts> = {}): CourseFacts {
  return {
    id: 'c1',
    status: 'active',
    modelId: 'generic',
    team: ['kim'],
    former: ['ole'],
    teamUnits: ['unit-a'],
    grantees: ['gry'],
    grantReasons: { gry: 'Sygdom' },
    sharingUnits: ['unit-x'],
    sharedCategories: { 'unit-x': ['employment'] },
    citizenIds: ['z1'],
    ...o,
  };
}

const ACTIONS = ['read', 'update', 'manage-team', 'grant-access', 'read-access-log'] as const;
/** The actions a caller may take on the course, in COURSE_ACTIONS order. */
async function allowed(p: Principal, staff: StaffProfile | null, f: CourseFacts, contributors: AccessRuleContributor[] = []) {
  const ability = await defineCourseAbility(p, staff, contributors);
  return ACTIONS.filter((a) => ability.can(a, courseSubject(f)));
}

describe('defineCourseAbility: who may act on a course', () => {
  it('lets a team member read, update and manage the team, not grant access or read the access log', async () => {
    expect(await allowed(who('kim', 'caseworker'), staffOf('kim', 'unit-b'), course())).toEqual(['read', 'update', 'manage-team']);
    expect(await allowed(who('kim', 'caseworker'), null, course())).toEqual(['read', 'update', 'manage-team']);
  });

  it('lets a former team member only read, and only once the course is closed or declined', async () => {
    expect(await allowed(who('ole', 'caseworker'), null, course())).toEqual([]);
    expect(await allowed(who('ole', 'caseworker'), null, course({ status: 'closed' }))).toEqual(['read']);
    expect(await allowed(who('ole', 'caseworker'), null, course({ status: 'declined' }))).toEqual(['read']);
  });

  it('lets a grantee read and update while the grant is in force', async () => {
    expect(await allowed(who('gry', 'caseworker'), null, course())).toEqual(['read', 'update']);
    expect(await allowed(who('gry', 'caseworker'), null, course({ grantees: [] }))).toEqual([]);
  });

  it('lets a manager oversee courses where their unit is on the team, and act as a team member where they are on it', async () => {
    expect(await allowed(who('mona', 'manager'), staffOf('mona', 'unit-a'), course())).toEqual(['read', 'manage-team', 'grant-access', 'read-access-log']);
    expect(await allowed(who('mona', 'manager'), staffOf('mona', 'unit-b'), course())).toEqual([]);
    expect(await allowed(who('mona', 'manager'), null, course())).toEqual([]);
    expect(await allowed(who('kim', 'manager'), staffOf('kim', 'unit-b'), course())).toEqual(['read', 'update', 'manage-team']);
    // A caseworker of the same unit is no manager.
    expect(await allowed(who('cai', 'caseworker'), staffOf('cai', 'unit-a'), course())).toEqual([]);
  });

  it('lets an integration do everything, and an admin or external nothing on the course itself', async () => {
    expect(await allowed(who('sys', 'integrator'), null, course())).toEqual([...ACTIONS]);
    expect(await allowed(who('kim', 'admin'), null, course())).toEqual([]);
    expect(await allowed(who('kim', 'external'), staffOf('kim', 'unit-x'), course())).toEqual([]);
  });

  it('lets an external team member read the consent-filtered view only while a consent covers their unit', async () => {
    const ext = await defineCourseAbility(who('kim', 'external'), staffOf('kim', 'unit-x'), []);
    expect(ext.can('read', externalSubject(course()))).toBe(true);
    expect(ext.can('update', externalSubject(course()))).toBe(false);
    expect(ext.can('read', externalSubject(course({ sharingUnits: [] })))).toBe(false);
    expect(ext.can('read', externalSubject(course({ team: ['other'] })))).toBe(false);
    expect((await defineCourseAbility(who('kim', 'external'), null, [])).can('read', externalSubject(course()))).toBe(false);
    expect((await defineCourseAbility(who('kim', 'external'), staffOf('kim', 'unit-y'), [])).can('read', externalSubject(course()))).toBe(false);
    // Staff read the course, not the external view.
    expect((await defineCourseAbility(who('kim', 'caseworker'), staffOf('kim', 'unit-x'), [])).can('read', externalSubject(course()))).toBe(false);
  });

  it('runs the plugins’ rules after the core’s, in order, with the caller', async () => {
    const seen: string[] = [];
    const widen: AccessRuleContributor = async ({ can }, { principal, staff }) => {
      seen.push(`widen:${principal.userId}:${staff?.unitId}`);
      can('read', 'Course', { modelId: 'buddy-model' });
    };
    const narrow: AccessRuleContributor = ({ cannot }) => {
      seen.push('narrow');
      cannot('update', 'Course', { status: 'active' });
    };
    expect(await allowed(who('kim', 'caseworker'), staffOf('kim'), course(), [widen, narrow])).toEqual(['read', 'manage-team']);
    expect(await allowed(who('bo', 'caseworker'), staffOf('bo', 'unit-q'), course({ modelId: 'buddy-model' }), [widen])).toEqual(['read']);
    expect(seen).toEqual(['widen:kim:unit-a', 'narrow', 'widen:bo:unit-q']);
  });
});

describe('basisOf: the footing the access log records', () => {
  it('names the strongest footing that applies', () => {
    expect(basisOf(who('kim', 'caseworker'), null, course())).toBe('team');
    expect(basisOf(who('kim', 'external'), staffOf('kim', 'unit-x'), course())).toBe('external');
    expect(basisOf(who('gry', 'caseworker', 'manager'), staffOf('gry', 'unit-a'), course())).toBe('grant');
    expect(basisOf(who('mona', 'manager'), staffOf('mona', 'unit-a'), course())).toBe('manager');
    expect(basisOf(who('mona', 'caseworker'), staffOf('mona', 'unit-a'), course())).toBe('none');
    expect(basisOf(who('mona', 'manager'), null, course())).toBe('none');
    expect(basisOf(who('mona', 'manager'), staffOf('mona', 'unit-b'), course())).toBe('none');
    expect(basisOf(who('ole', 'manager'), staffOf('ole', 'unit-a'), course())).toBe('manager');
    expect(basisOf(who('ole', 'caseworker'), null, course())).toBe('former-team');
    expect(basisOf(who('ole', 'integrator'), null, course())).toBe('former-team');
    expect(basisOf(who('sys', 'integrator'), null, course())).toBe('integrator');
    expect(basisOf(who('sys', 'admin'), null, course())).toBe('none');
  });
});

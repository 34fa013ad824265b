import type { EntityManager } from 'typeorm';
import { bootDeployment, type LegalArea, type Principal, type StaffFacts, type TeamMemberFacts, type UnitKind } from '@enplan/plugin-api';
import { planCoordinatorPlugin } from '../index.js';
import {
  cadenceContribution,
  CATALOGUE_ROLES,
  CHAIR_ROLES,
  chairedByCoordinator,
  consentInForce,
  consentRequiredError,
  consentStatus,
  coordinatorAreas,
  danishDay,
  decisionAuthority,
  networkDue,
  PlanCoordinatorCode,
  startUpDue,
  teamProblems,
  type ConsentFacts,
  type MeetingFacts,
} from './rules.js';
import { PlanCoordinatorSettings } from './settings.js';

let n = 0;
function staff(unitId: string, unitKind: UnitKind, authorityAreas: LegalArea[], extra: Partial<StaffFacts> = {}): StaffFacts {
  n++;
  return { id: `s${n}`, name: `Staff ${n}`, unitId, unitKind, function: 'caseworker', authorityAreas, isProvider: false, fte: 1, active: true, ...extra };
}
const member = (role: string, s: StaffFacts): TeamMemberFacts => ({ assignmentId: `a-${s.id}-${role}`, role, startsOn: '2026-01-05', staff: s });

const jobCentre = () => staff('u-job', 'job-centre', ['employment']);
const jobCentreColleague = () => staff('u-job', 'job-centre', ['employment']);
const social = () => staff('u-social', 'adult-social', ['social-adults']);
const family = () => staff('u-family', 'children-family', ['children']);

const defaults = new PlanCoordinatorSettings();
const rules = (members: TeamMemberFacts[], targetGroup = 'adults', settings: Pick<PlanCoordinatorSettings, 'requireFamilyBuddy'> = defaults) =>
  teamProblems({ course: { targetGroup }, members }, settings).map((p) => `${p.rule}:${p.code}`);

describe('plan-coordinator team rules', () => {
  it('accept a coordinator with an authority holder from another unit', () => {
    expect(rules([member('coordinator', jobCentre()), member('caseworker', social())])).toEqual([]);
  });

  it('need a coordinator', () => {
    expect(rules([member('caseworker', jobCentre()), member('caseworker', social())])).toEqual(['coordinator-required:plan-coordinator.coordinator-required']);
  });

  it('do not count an inactive coordinator', () => {
    expect(rules([member('coordinator', staff('u-job', 'job-centre', ['employment'], { active: false })), member('caseworker', social())])).toEqual([
      'coordinator-required:plan-coordinator.coordinator-required',
    ]);
  });

  it("need an authority holder from another unit than the coordinator's", () => {
    // A colleague from the coordinator's own job centre does not bring another department's authority.
    expect(rules([member('coordinator', jobCentre()), member('caseworker', jobCentreColleague())])).toEqual([
      'authority-holder-from-other-unit:plan-coordinator.authority-holder-required',
    ]);
    // Nor does a provider or an external participant, nor a colleague in another unit without authority.
    const mentor = staff('u-social', 'adult-social', [], { isProvider: true, function: 'mentor' });
    const psychiatrist = staff('u-psych', 'psychiatry', ['health']);
    const noAuthority = staff('u-social', 'adult-social', []);
    expect(rules([member('coordinator', jobCentre()), member('provider', mentor), member('external-participant', psychiatrist), member('caseworker', noAuthority)])).toEqual([
      'authority-holder-from-other-unit:plan-coordinator.authority-holder-required',
    ]);
  });

  it('do not let the coordinator count as the other department, whatever their second role', () => {
    const anne = jobCentre();
    expect(rules([member('coordinator', anne), member('caseworker', anne)])).toEqual(['authority-holder-from-other-unit:plan-coordinator.authority-holder-required']);
  });

  it('name every broken rule of an empty team', () => {
    expect(rules([])).toEqual(['coordinator-required:plan-coordinator.coordinator-required', 'authority-holder-from-other-unit:plan-coordinator.authority-holder-required']);
  });

  it("keep the coordinator in the municipality's own units", () => {
    const school = staff('u-school', 'school', []);
    expect(rules([member('coordinator', school), member('caseworker', social())])).toEqual(['coordinator-in-municipality:plan-coordinator.coordinator-in-municipality']);
  });

  it('allow two coordinators while the baton passes, counting other units against both', () => {
    const next = social();
    expect(rules([member('coordinator', jobCentre()), member('coordinator', next), member('caseworker', family())])).toEqual([]);
    expect(rules([member('coordinator', jobCentre()), member('coordinator', next)])).toEqual(['authority-holder-from-other-unit:plan-coordinator.authority-holder-required']);
  });

  describe('with requireFamilyBuddy', () => {
    const on = { requireFamilyBuddy: true };
    const team = [member('coordinator', jobCentre()), member('caseworker', social())];

    it('need a buddy from the children-and-family area on a family course', () => {
      expect(rules(team, 'families', on)).toEqual(['family-buddy:plan-coordinator.family-buddy-required']);
      expect(rules([...team, member('buddy', social())], 'families', on)).toEqual(['family-buddy:plan-coordinator.family-buddy-required']);
      expect(rules([...team, member('buddy', family())], 'families', on)).toEqual([]);
    });

    it('ask no buddy of adult courses, nor of anything when the setting is off (the default)', () => {
      expect(rules(team, 'adults', on)).toEqual([]);
      expect(rules(team, 'families', defaults)).toEqual([]);
      expect(defaults.requireFamilyBuddy).toBe(false);
    });
  });
});

describe('plan-coordinator decision authority', () => {
  const gladsaxe = { extraCoordinatorAreas: ['employment', 'active-social-policy'] as LegalArea[] };

  it('lets a decision-maker decide in their own areas only', () => {
    const anne = jobCentre();
    expect(decisionAuthority({ staff: anne, legalArea: 'employment' }, defaults)).toEqual({ allowed: true });
    const refused = decisionAuthority({ staff: anne, legalArea: 'social-adults' }, defaults);
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.reason).toContain('decide-in-own-areas');
    expect(!refused.allowed && refused.reason).toContain('social-adults');
    // No personal data in the reason.
    expect(!refused.allowed && refused.reason).not.toContain(anne.name);
  });

  it('refuses a decision without a staff member', () => {
    expect(decisionAuthority({ staff: null, legalArea: 'employment' }, defaults).allowed).toBe(false);
  });

  it('opens the extra coordinator areas (Gladsaxe) and nothing more', () => {
    const anne = staff('u-youth', 'job-centre', ['employment']);
    expect(decisionAuthority({ staff: anne, legalArea: 'active-social-policy' }, gladsaxe)).toEqual({ allowed: true });
    expect(decisionAuthority({ staff: anne, legalArea: 'social-adults' }, gladsaxe).allowed).toBe(false);
    expect(coordinatorAreas(anne, gladsaxe)).toEqual(['employment', 'active-social-policy']);
    expect(coordinatorAreas(social(), defaults)).toEqual(['social-adults']);
  });

  describe('wherever a decision is recorded, the extra areas are the coordinator’s only', () => {
    const coordinator = jobCentre();
    const sofie = social();
    const team = [member('coordinator', coordinator), member('caseworker', sofie)];
    const youthBenefit = { extraCoordinatorAreas: ['active-social-policy'] as LegalArea[] };

    it('lets the coordinator decide there', () => {
      expect(decisionAuthority({ staff: coordinator, legalArea: 'active-social-policy', team }, gladsaxe)).toEqual({ allowed: true });
    });

    it('refuses another team member, with the rule’s code', () => {
      expect(decisionAuthority({ staff: sofie, legalArea: 'active-social-policy', team }, youthBenefit)).toEqual({
        allowed: false,
        code: PlanCoordinatorCode.ExtraAreaCoordinatorOnly,
        reason: expect.stringContaining('extra-areas-coordinator-only'),
      });
      expect(decisionAuthority({ staff: sofie, legalArea: 'employment', team }, gladsaxe)).toMatchObject({ allowed: false, code: PlanCoordinatorCode.ExtraAreaCoordinatorOnly });
    });

    it('leaves own areas and municipalities without extra areas alone', () => {
      expect(decisionAuthority({ staff: staff('u-x', 'job-centre', ['active-social-policy']), legalArea: 'active-social-policy', team }, youthBenefit)).toEqual({ allowed: true });
      expect(decisionAuthority({ staff: sofie, legalArea: 'active-social-policy', team }, defaults)).toMatchObject({ allowed: false, reason: expect.stringContaining('decide-in-own-areas') });
      expect(decisionAuthority({ staff: null, legalArea: 'active-social-policy', team }, youthBenefit).allowed).toBe(false);
    });
  });
});

describe('plan-coordinator consent', () => {
  const now = new Date('2026-01-10T09:00:00Z');
  const sharing = (extra: Partial<ConsentFacts> = {}): ConsentFacts => ({
    kind: 'information-sharing',
    partyUnitIds: ['u-job', 'u-social'],
    categories: ['general'],
    validFrom: '2026-01-05',
    validTo: null,
    revokedAt: null,
    ...extra,
  });

  it('is in force inside its period until revoked', () => {
    expect(consentInForce(sharing(), '2026-01-10', now)).toBe(true);
    expect(consentInForce(sharing({ validFrom: '2026-01-11' }), '2026-01-10', now)).toBe(false);
    expect(consentInForce(sharing({ validTo: '2026-01-09' }), '2026-01-10', now)).toBe(false);
    expect(consentInForce(sharing({ revokedAt: new Date('2026-01-10T08:00:00Z') }), '2026-01-10', now)).toBe(false);
    expect(consentInForce(sharing({ revokedAt: new Date('2026-01-10T10:00:00Z') }), '2026-01-10', now)).toBe(true);
  });

  it('needs an information-sharing consent in force, and tells which team units it does not name', () => {
    const participation = sharing({ kind: 'participation', partyUnitIds: [], categories: [] });
    expect(consentStatus([participation], ['u-job'], '2026-01-10', now)).toEqual({
      informationSharing: false,
      participation: true,
      inForce: 0,
      coveredUnitIds: [],
      uncoveredUnitIds: ['u-job'],
    });
    expect(consentStatus([participation, sharing(), sharing({ partyUnitIds: ['u-psych'], revokedAt: new Date('2026-01-09T00:00:00Z') })], ['u-social', 'u-family', 'u-job', 'u-family'], '2026-01-10', now)).toEqual({
      informationSharing: true,
      participation: true,
      inForce: 1,
      coveredUnitIds: ['u-job', 'u-social'],
      uncoveredUnitIds: ['u-family'],
    });
  });

  it('refuses activation with the plugin’s code, naming the rule and the field', () => {
    const e = consentRequiredError(false);
    expect(e.code).toBe('plan-coordinator.consent-required');
    expect(e.status).toBe(422);
    expect(e.extensions).toEqual({ rule: 'consent-before-activation', errors: [{ field: 'to', code: 'plan-coordinator.consent-required', message: e.message }] });
    expect(consentRequiredError(true).message).toContain('resumes');
  });

  it('counts days in Denmark', () => {
    expect(danishDay(new Date('2026-01-09T23:30:00Z'))).toBe('2026-01-10');
    expect(danishDay(new Date('2026-07-09T21:59:00Z'))).toBe('2026-07-09');
  });
});

describe('plan-coordinator meetings', () => {
  const now = new Date('2026-01-20T12:00:00Z');
  const meeting = (id: string, type: string, startsAt: string, status: MeetingFacts['status'] = 'planned', chairStaffIds: string[] = []): MeetingFacts => ({
    id,
    type,
    startsAt: new Date(startsAt),
    status,
    chairStaffIds,
  });

  it('adds a start-up rule from the settings in place of the core’s, and a network rule', () => {
    const c = cadenceContribution({ startUpWithinDays: 10, networkMeetingEveryDays: 60 });
    expect(c.rules).toEqual([
      expect.objectContaining({ id: 'plan-coordinator-start-up', meetingType: 'start-up', withinDays: 10, of: 'activation' }),
      expect.objectContaining({ id: 'plan-coordinator-network', meetingType: 'network', everyDays: 60 }),
    ]);
    expect(c.suppressions).toEqual([{ rule: 'start-up-within-14-days', legalReason: expect.stringContaining('startUpWithinDays') }]);
  });

  it('has the start-up meeting due within the set days of activation, until one takes place', () => {
    expect(startUpDue(null, [], 14, now)).toEqual({ dueOn: null, heldMeetingId: null, scheduledMeetingId: null });
    expect(startUpDue('2026-01-10', [], 14, now)).toEqual({ dueOn: '2026-01-24', heldMeetingId: null, scheduledMeetingId: null });
    // Planned in time; one before activation and a cancelled one do not count.
    const planned = [meeting('old', 'start-up', '2026-01-08T09:00:00Z', 'held'), meeting('x', 'start-up', '2026-01-21T09:00:00Z', 'cancelled'), meeting('m1', 'start-up', '2026-01-22T09:00:00Z')];
    expect(startUpDue('2026-01-10', planned, 14, now)).toEqual({ dueOn: '2026-01-24', heldMeetingId: null, scheduledMeetingId: 'm1' });
    // Planned too late: not "scheduled".
    expect(startUpDue('2026-01-10', [meeting('late', 'start-up', '2026-01-30T09:00:00Z')], 14, now).scheduledMeetingId).toBeNull();
    // Once it has started (or is held), nothing is due.
    expect(startUpDue('2026-01-10', [meeting('m1', 'start-up', '2026-01-20T09:00:00Z')], 14, now)).toEqual({ dueOn: null, heldMeetingId: 'm1', scheduledMeetingId: null });
  });

  it('has a network meeting due every set days from the last one that took place, else from activation', () => {
    expect(networkDue('2026-01-10', [], 90, now)).toEqual({ dueOn: '2026-04-10', lastMeetingId: null, scheduledMeetingId: null });
    const ms = [meeting('n1', 'network', '2026-01-15T09:00:00Z', 'held'), meeting('n2', 'network', '2026-03-01T09:00:00Z'), meeting('s', 'start-up', '2026-01-19T09:00:00Z', 'held')];
    expect(networkDue('2026-01-10', ms, 90, now)).toEqual({ dueOn: '2026-04-15', lastMeetingId: 'n1', scheduledMeetingId: 'n2' });
  });

  it('tells whether a coordinator chairs a meeting', () => {
    expect(chairedByCoordinator(meeting('m', 'start-up', '2026-01-22T09:00:00Z', 'planned', ['s-anne']), ['s-anne'])).toBe(true);
    expect(chairedByCoordinator(meeting('m', 'start-up', '2026-01-22T09:00:00Z', 'planned', ['s-sofie']), ['s-anne'])).toBe(false);
  });
});

describe('plan-coordinator settings', () => {
  const boot = (settings?: Record<string, unknown>) =>
    bootDeployment({ catalogue: [planCoordinatorPlugin], deployment: { municipalities: [{ code: '159', name: 'Gladsaxe Kommune', plugins: [{ id: 'plan-coordinator', settings }] }] } });

  it('has defaults', () => {
    expect(boot().settings('159', 'plan-coordinator')).toEqual({
      startUpWithinDays: 14,
      networkMeetingEveryDays: 90,
      extraCoordinatorAreas: [],
      requireFamilyBuddy: false,
      caseloadTarget: 40,
    });
    expect(boot().caseload('159', 'plan-coordinator')).toEqual({ targetPerFte: 40, capPerFte: null, cappedRoles: ['coordinator'], maxActiveCourses: null });
  });

  it('takes a municipality’s variant and feeds its rules', async () => {
    const r = boot({ extraCoordinatorAreas: ['employment', 'active-social-policy'], startUpWithinDays: 21, capPerFte: 45 });
    const staffFacts = staff('u', 'job-centre', ['employment']);
    const course = { id: 'c', modelId: 'plan-coordinator', status: 'active', targetGroup: 'youth', citizenId: 'x', householdId: null, referredOn: '2026-01-02', referralReasonCode: 'other', activatedOn: null, endDate: null, outcomeCode: null };
    const call = { em: {} as EntityManager, principal: { userId: 'u', municipalityCode: '159', municipalityId: 'm', roles: ['caseworker'] } as Principal };
    const site = { kind: 'meeting-outcome', meetingId: 'm1', meetingType: 'network' } as const;
    const decide = (team: TeamMemberFacts[]) => r.decisionAuthority(call, { staff: staffFacts, legalArea: 'active-social-policy', legalBasis: null, course, team, site, on: '2026-01-05' });
    expect(await decide([member('coordinator', staffFacts)])).toEqual({ allowed: true });
    expect(await decide([])).toMatchObject({ allowed: false, code: PlanCoordinatorCode.ExtraAreaCoordinatorOnly });
    expect(r.cadencePolicy('159', 'plan-coordinator').rules).toContainEqual(expect.objectContaining({ id: 'plan-coordinator-start-up', withinDays: 21 }));
    expect(r.caseload('159', 'plan-coordinator').capPerFte).toBe(45);
  });

  it('refuses invalid settings at boot, naming them', () => {
    expect(() => boot({ extraCoordinatorAreas: ['jobcentre'] })).toThrow(/plugin "plan-coordinator" in municipality 159.*extraCoordinatorAreas/);
    expect(() => boot({ startUpWithinDays: 0 })).toThrow(/startUpWithinDays/);
    expect(() => boot({ requireFamilyBuddy: 'yes' })).toThrow(/requireFamilyBuddy/);
    expect(() => boot({ buddyArea: 'children' })).toThrow(/setting "buddyArea" is not known/);
  });
});

// Issue 19: what the mutation run showed no test pinned down.
describe('plan-coordinator rules: what the caseworker reads and what counts', () => {
  const problems = (members: TeamMemberFacts[], settings = defaults, targetGroup: 'adults' | 'families' = 'adults') =>
    teamProblems({ course: { targetGroup }, members }, settings).map((p) => p.message);

  it('words the team refusals as the caseworker reads them', () => {
    expect(problems([])).toEqual([
      'A plan-coordinator course needs a coordinating caseworker (team role coordinator) who owns the course, gathers consent and chairs the start-up meeting',
      'The departments keep their authority: the team needs at least one member holding statutory authority besides the coordinator',
    ]);
    expect(problems([member('coordinator', staff('u-psych', 'psychiatry', ['health'])), member('caseworker', social())])).toEqual([
      "The coordinator must be one of the municipality's caseworkers, not a member of an external partner's unit (psychiatry, school, probation)",
    ]);
    expect(problems([member('coordinator', jobCentre())])).toEqual([
      "The departments keep their authority: the team needs at least one member holding statutory authority in another unit than the coordinator's",
    ]);
    const family = { ...defaults, requireFamilyBuddy: true };
    expect(problems([member('coordinator', jobCentre()), member('caseworker', social())], family, 'families')).toEqual([
      'A family course needs a buddy (team role buddy) from the children-and-family area, who also attends the cross-disciplinary meetings',
    ]);
  });

  it('counts only an active buddy from the children-and-family area as the family buddy', () => {
    const family = { ...defaults, requireFamilyBuddy: true };
    const base = [member('coordinator', jobCentre()), member('caseworker', social())];
    expect(problems([...base, member('buddy', staff('u-fam', 'children-family', []))], family, 'families')).toEqual([]);
    // A caseworker from the area is not a buddy; an inactive buddy is none.
    expect(problems([...base, member('caseworker', staff('u-fam', 'children-family', []))], family, 'families')).toHaveLength(1);
    expect(problems([...base, member('buddy', staff('u-fam', 'children-family', [], { active: false }))], family, 'families')).toHaveLength(1);
  });

  it('counts a primary contact or a buddy holding authority in another unit as the other department', () => {
    expect(problems([member('coordinator', jobCentre()), member('primary-contact', social())])).toEqual([]);
    expect(problems([member('coordinator', jobCentre()), member('buddy', social())])).toEqual([]);
  });

  it('words the decision refusals with the area, the extra areas and the rule', () => {
    expect(decisionAuthority({ staff: null, legalArea: 'employment' }, defaults)).toEqual({
      allowed: false,
      reason: 'Only a staff member holding authority in employment may decide under it (rule decide-in-own-areas)',
    });
    expect(decisionAuthority({ staff: jobCentre(), legalArea: 'social-adults' }, { extraCoordinatorAreas: ['active-social-policy', 'health'] })).toEqual({
      allowed: false,
      reason:
        'No authority in social-adults: under the plan-coordinator model each department keeps its authority and the coordinator decides only ' +
        'in their own legal areas plus active-social-policy, health for the coordinator; a team member holding authority in social-adults records this decision (rule decide-in-own-areas)',
    });
    expect(decisionAuthority({ staff: jobCentre(), legalArea: 'social-adults' }, defaults)).toMatchObject({
      reason: expect.stringContaining('only in their own legal areas; a team member holding authority in social-adults'),
    });
  });

  it('tells participation consent apart and lists units sorted', () => {
    const now = new Date('2026-01-10T09:00:00Z');
    const sharing: ConsentFacts = { kind: 'information-sharing', partyUnitIds: ['u-z', 'u-a'], categories: ['general'], validFrom: '2026-01-05', validTo: null, revokedAt: null };
    expect(consentStatus([sharing], ['u-y', 'u-b', 'u-a'], '2026-01-10', now)).toEqual({
      informationSharing: true,
      participation: false,
      inForce: 1,
      coveredUnitIds: ['u-a', 'u-z'],
      uncoveredUnitIds: ['u-b', 'u-y'],
    });
  });

  it('words the missing consent before a start and before a resumption', () => {
    expect(consentRequiredError(false).message).toBe(
      'No information-sharing consent is recorded on the course: the coordinator gathers the citizen’s consent to share information before the course starts',
    );
    expect(consentRequiredError(true).message).toBe(
      'No information-sharing consent is in force on the course: the coordinator gathers the citizen’s consent again before the course resumes',
    );
  });

  describe('meetings', () => {
    const now = new Date('2026-01-20T12:00:00Z');
    const at = (id: string, type: string, startsAt: string, status: MeetingFacts['status'] = 'planned', chairStaffIds: string[] = []): MeetingFacts => ({
      id,
      type,
      startsAt: new Date(startsAt),
      status,
      chairStaffIds,
    });

    it('counts the earliest start-up meeting since activation, a planned one as soon as it starts', () => {
      const ms = [at('late', 'start-up', '2026-01-19T09:00:00Z', 'held'), at('early', 'start-up', '2026-01-12T09:00:00Z', 'held')];
      expect(startUpDue('2026-01-10', ms, 14, now).heldMeetingId).toBe('early');
      expect(startUpDue('2026-01-10', [at('now', 'start-up', '2026-01-20T12:00:00Z')], 14, now)).toEqual({ dueOn: null, heldMeetingId: 'now', scheduledMeetingId: null });
      // Another kind of meeting is no start-up meeting.
      expect(startUpDue('2026-01-10', [at('n', 'network', '2026-01-12T09:00:00Z', 'held')], 14, now)).toEqual({ dueOn: '2026-01-24', heldMeetingId: null, scheduledMeetingId: null });
      // One on the day of activation counts.
      expect(startUpDue('2026-01-10', [at('same-day', 'start-up', '2026-01-10T13:00:00Z', 'held')], 14, now).heldMeetingId).toBe('same-day');
    });

    it('has a start-up meeting planned on the due day scheduled, and the earliest of several', () => {
      const ms = [at('b', 'start-up', '2026-01-24T09:00:00Z'), at('a', 'start-up', '2026-01-23T09:00:00Z')];
      expect(startUpDue('2026-01-10', ms, 14, now).scheduledMeetingId).toBe('a');
      expect(startUpDue('2026-01-10', [at('due', 'start-up', '2026-01-24T09:00:00Z')], 14, now).scheduledMeetingId).toBe('due');
    });

    it('counts network meetings from the latest that took place, not a cancelled one, and nothing before activation', () => {
      expect(networkDue(null, [at('n', 'network', '2026-01-15T09:00:00Z', 'held')], 90, now)).toEqual({ dueOn: null, lastMeetingId: null, scheduledMeetingId: null });
      const ms = [at('n2', 'network', '2026-01-18T09:00:00Z', 'held'), at('n1', 'network', '2026-01-11T09:00:00Z', 'held'), at('x', 'network', '2026-01-19T09:00:00Z', 'cancelled')];
      expect(networkDue('2026-01-10', ms, 90, now)).toEqual({ dueOn: '2026-04-18', lastMeetingId: 'n2', scheduledMeetingId: null });
    });

    it('has only a planned network meeting still to come by the due day scheduled, the earliest first', () => {
      // Started now: it took place, it is not still to come.
      expect(networkDue('2026-01-10', [at('now', 'network', '2026-01-20T12:00:00Z')], 90, now)).toEqual({ dueOn: '2026-04-20', lastMeetingId: 'now', scheduledMeetingId: null });
      // After the due day: not scheduled; on it: scheduled.
      expect(networkDue('2026-01-10', [at('late', 'network', '2026-04-11T09:00:00Z')], 90, now).scheduledMeetingId).toBeNull();
      expect(networkDue('2026-01-10', [at('due', 'network', '2026-04-10T09:00:00Z')], 90, now).scheduledMeetingId).toBe('due');
      const ms = [at('b', 'network', '2026-03-01T09:00:00Z'), at('a', 'network', '2026-02-01T09:00:00Z')];
      expect(networkDue('2026-01-10', ms, 90, now).scheduledMeetingId).toBe('a');
      // A meeting recorded as held ahead of its time counts as taken place, not as scheduled.
      expect(networkDue('2026-01-10', [at('h', 'network', '2026-02-01T09:00:00Z', 'held')], 90, now)).toEqual({ dueOn: '2026-05-02', lastMeetingId: 'h', scheduledMeetingId: null });
    });

    it('has a meeting chaired by a coordinator when any of its chairs is one', () => {
      expect(chairedByCoordinator(at('m', 'network', '2026-01-22T09:00:00Z', 'planned', ['s-sofie', 's-anne']), ['s-anne'])).toBe(true);
      expect(CHAIR_ROLES).toEqual(['chair', 'stafetholder']);
    });

    it('offers the baton holder as a meeting role of the catalogue', () => {
      expect(CATALOGUE_ROLES).toEqual([
        {
          id: 'stafetholder',
          kind: 'meeting',
          label: { da: 'Stafetholder', en: 'Baton holder' },
          description: 'The course’s coordinator convening and chairing the cross-disciplinary start-up meeting and the network meetings (Socialstyrelsen’s collaboration model)',
        },
      ]);
    });
  });
});

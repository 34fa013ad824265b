import { bootDeployment, type LegalArea, type PlanActionFacts, type PlanContentFacts, type StaffFacts, type TeamFacts, type TeamMemberFacts } from '@enplan/plugin-api';
import { citizenConsultantPlugin } from '../index.js';
import {
  areaCoverageProblems,
  cadencePolicy,
  capFor,
  caseloadPolicy,
  CitizenConsultantCode,
  danishDay,
  decisionAuthority,
  differentBackground,
  mayDecide,
  MEETING_TYPES,
  teamProblems,
} from './rules.js';
import { CitizenConsultantSettings } from './settings.js';

const defaults = new CitizenConsultantSettings();
const settings = (over: Partial<CitizenConsultantSettings> = {}): CitizenConsultantSettings => Object.assign(new CitizenConsultantSettings(), over);

function staff(id: string, over: Partial<StaffFacts> = {}): StaffFacts {
  return {
    id,
    name: `Staff ${id}`,
    unitId: `unit-${id}`,
    unitKind: 'job-centre',
    function: 'citizen-consultant',
    authorityAreas: ['employment', 'social-adults'],
    isProvider: true,
    fte: 1,
    active: true,
    ...over,
  };
}

const member = (role: string, s: StaffFacts): TeamMemberFacts => ({ assignmentId: `a-${role}-${s.id}`, role, startsOn: '2026-01-05', staff: s });

function team(members: TeamMemberFacts[]): TeamFacts {
  return {
    course: {
      id: 'c1',
      modelId: 'citizen-consultant',
      status: 'assessed',
      targetGroup: 'adults',
      citizenId: 'z1',
      householdId: null,
      referredOn: '2026-01-02',
      referralReasonCode: 'multiple-complex-problems',
      activatedOn: null,
      endDate: null,
      outcomeCode: null,
    },
    members,
    change: { kind: 'activation' },
  };
}

const CONSULTANT = staff('k1');
const BUDDY = staff('b1', { unitKind: 'adult-social' });
const rules = (t: TeamFacts, s = defaults) => teamProblems(t, s).map((p) => p.rule);

describe('team rules', () => {
  it('accept a qualified consultant with a buddy from another kind of unit, and other members besides', () => {
    const referrer = staff('r1', { function: 'caseworker', isProvider: false, authorityAreas: ['employment'] });
    expect(teamProblems(team([member('primary-contact', CONSULTANT), member('buddy', BUDDY), member('caseworker', referrer)]), defaults)).toEqual([]);
  });

  it('require the consultant as primary contact, and a buddy by default', () => {
    expect(rules(team([member('caseworker', CONSULTANT)]))).toEqual(['consultant-required', 'buddy-required']);
    expect(rules(team([member('primary-contact', CONSULTANT)]))).toEqual(['buddy-required']);
    expect(rules(team([member('primary-contact', CONSULTANT)]), settings({ requireBuddy: false }))).toEqual([]);
  });

  it('allow exactly one consultant', () => {
    expect(rules(team([member('primary-contact', CONSULTANT), member('primary-contact', staff('k2')), member('buddy', BUDDY)]))).toEqual(['one-consultant']);
  });

  it('require the consultant function (or one the settings allow), the provider role and authority in several areas', () => {
    const caseworker = staff('k3', { function: 'caseworker', isProvider: false, authorityAreas: ['employment'] });
    const problems = teamProblems(team([member('primary-contact', caseworker), member('buddy', BUDDY)]), defaults);
    expect(problems.map((p) => p.rule)).toEqual(['consultant-function', 'consultant-provider-role', 'consultant-authority']);
    expect(problems[0].message).toContain('citizen-consultant');
    expect(problems[2].message).toContain('at least 2 legal areas');
    // The cross-cutting caseworker variant: a caseworker with authority in two areas, no provider role.
    const crossCutting = settings({ consultantFunctions: ['citizen-consultant', 'caseworker'], requireProviderRole: false });
    expect(rules(team([member('primary-contact', { ...caseworker, authorityAreas: ['employment', 'social-adults'] }), member('buddy', BUDDY)]), crossCutting)).toEqual([]);
    expect(rules(team([member('primary-contact', staff('k4', { authorityAreas: ['employment'] })), member('buddy', BUDDY)]), settings({ minAuthorityAreas: 1 }))).toEqual([]);
  });

  it('require a buddy with another background: another function or another kind of unit', () => {
    const sameBackground = staff('b2', { unitId: 'another-job-centre-team' });
    expect(rules(team([member('primary-contact', CONSULTANT), member('buddy', sameBackground)]))).toEqual(['buddy-background']);
    expect(rules(team([member('primary-contact', CONSULTANT), member('buddy', staff('b3', { function: 'social-worker' }))]))).toEqual([]);
    expect(rules(team([member('primary-contact', CONSULTANT), member('buddy', CONSULTANT)]))).toEqual(['buddy-not-consultant']);
    expect(differentBackground(CONSULTANT, BUDDY)).toBe(true);
    expect(differentBackground(CONSULTANT, sameBackground)).toBe(false);
  });

  it('check every buddy, so a buddy can be replaced by adding the new one before ending the old', () => {
    expect(rules(team([member('primary-contact', CONSULTANT), member('buddy', BUDDY), member('buddy', staff('b4', { unitKind: 'children-family' }))]))).toEqual([]);
    expect(rules(team([member('primary-contact', CONSULTANT), member('buddy', BUDDY), member('buddy', staff('b5'))]))).toEqual(['buddy-background']);
  });

  it('word each problem as the caseworker reads it, naming what is wrong (the core compares the words before and after a change)', () => {
    const caseworker = staff('k3', { function: 'caseworker', isProvider: false, authorityAreas: ['employment'] });
    expect(teamProblems(team([member('primary-contact', caseworker), member('primary-contact', CONSULTANT), member('buddy', staff('b2', { function: 'caseworker' }))]), settings({ consultantFunctions: ['citizen-consultant', 'job-consultant'] }))).toEqual([
      { rule: 'one-consultant', message: 'A citizen-consultant course has exactly one consultant (primary contact)' },
      { rule: 'consultant-function', message: 'The primary contact must be a citizen consultant (staff function citizen-consultant or job-consultant), not caseworker' },
      { rule: 'consultant-provider-role', message: 'The citizen consultant also holds the provider role (mentor / support contact): the primary contact must be a provider' },
      { rule: 'consultant-authority', message: 'The citizen consultant must hold authority in at least 2 legal areas (the primary contact holds 1)' },
      { rule: 'buddy-background', message: 'The buddy must have another professional background than the consultant: a different staff function or a different kind of unit (both are caseworker in job-centre)' },
    ]);
    expect(teamProblems(team([member('buddy', BUDDY)]), defaults)).toEqual([
      { rule: 'consultant-required', message: 'A citizen-consultant course needs its consultant as the primary contact: the citizen’s only contact' },
    ]);
    expect(teamProblems(team([member('primary-contact', CONSULTANT)]), defaults)).toEqual([
      { rule: 'buddy-required', message: 'A citizen-consultant course needs a buddy consultant with another professional background, for cover and sparring' },
    ]);
    expect(teamProblems(team([member('primary-contact', CONSULTANT), member('buddy', CONSULTANT)]), defaults)).toEqual([
      { rule: 'buddy-not-consultant', message: 'The buddy must be someone other than the consultant' },
    ]);
  });

  it('do not care in which order the team lists the buddy and the consultant', () => {
    expect(teamProblems(team([member('buddy', BUDDY), member('primary-contact', CONSULTANT)]), defaults)).toEqual([]);
    expect(rules(team([member('buddy', staff('b2')), member('primary-contact', CONSULTANT)]))).toEqual(['buddy-background']);
    // Exactly the minimum of authority areas is enough; the provider role is not checked when not required.
    expect(rules(team([member('primary-contact', staff('k6', { isProvider: false })), member('buddy', BUDDY)]), settings({ requireProviderRole: false }))).toEqual([]);
    expect(rules(team([member('primary-contact', staff('k7', { authorityAreas: ['employment', 'health', 'social-adults'] })), member('buddy', BUDDY)]), settings({ minAuthorityAreas: 3 }))).toEqual([]);
  });
});

function action(id: string, legalBasis: string, legalArea: LegalArea | null, status = 'planned'): PlanActionFacts {
  return { id, goalId: 'g1', title: `Action ${id}`, legalBasis, legalArea, responsible: { kind: 'citizen' }, startDate: '2026-02-01', status };
}

function plan(actions: PlanActionFacts[]): PlanContentFacts {
  return {
    citizenWords: { worries: 'w', whatWorks: 'x', dreamsAndWishes: 'y' },
    overallGoal: { text: 'Job', citizenAgreed: true },
    goals: [{ id: 'g1', title: 'Goal', status: 'in-progress', concerns: [] }],
    actions,
    agreements: [],
  };
}

describe('plan publishing: the consultant covers every legal area of the plan', () => {
  it('passes when every live action is in one of the consultant’s areas', () => {
    expect(areaCoverageProblems(plan([action('a1', 'LAB-57', 'employment'), action('a2', 'SEL-85', 'social-adults')]), CONSULTANT)).toEqual([]);
  });

  it('names the area and the action field of each action outside them', () => {
    const problems = areaCoverageProblems(plan([action('a1', 'LAB-57', 'employment'), action('a2', 'SUL-141', 'health'), action('a3', 'BL-32', 'children')]), CONSULTANT);
    expect(problems).toEqual([
      { field: 'content.actions[1].legalBasis', code: CitizenConsultantCode.AreaNotCovered, message: expect.stringContaining('no authority in health (SUL-141)') },
      { field: 'content.actions[2].legalBasis', code: CitizenConsultantCode.AreaNotCovered, message: expect.stringContaining('no authority in children (BL-32)') },
    ]);
  });

  it('ignores stopped and done actions and those the catalogue cannot place', () => {
    expect(areaCoverageProblems(plan([action('a1', 'SUL-141', 'health', 'done'), action('a2', 'BL-32', 'children', 'stopped'), action('a3', 'LOCAL-1', null)]), CONSULTANT)).toEqual([]);
    expect(areaCoverageProblems(plan([action('a1', 'SUL-141', 'health', 'changed')]), CONSULTANT)).toHaveLength(1);
  });

  it('refuses actions under a legal area while the course has no consultant', () => {
    expect(areaCoverageProblems(plan([action('a1', 'LAB-57', 'employment')]), null)).toEqual([
      { field: 'content.actions[0].legalBasis', code: CitizenConsultantCode.ConsultantMissing, message: expect.stringContaining('employment') },
    ]);
    expect(areaCoverageProblems(plan([]), null)).toEqual([]);
  });
});

describe('decision authority: only the consultant, or the buddy while covering, decides, in their own areas', () => {
  const members = [member('primary-contact', CONSULTANT), member('buddy', BUDDY), member('caseworker', staff('r1', { function: 'caseworker' }))];
  const decide = (who: StaffFacts | null, covering: string[] = [], legalArea: LegalArea = 'social-adults') => decisionAuthority({ staff: who, legalArea, team: members }, new Set(covering));

  it('lets the consultant decide in her areas, not in others', () => {
    expect(decide(CONSULTANT)).toEqual({ allowed: true });
    expect(decide(CONSULTANT, [], 'health')).toEqual({ allowed: false, reason: expect.stringContaining('no authority in health') });
  });

  it('lets the buddy decide only while a cover runs', () => {
    expect(decide(BUDDY, ['b1'])).toEqual({ allowed: true });
    expect(decide(BUDDY)).toEqual({ allowed: false, code: CitizenConsultantCode.NotTheDecider, reason: expect.stringContaining('social-adults') });
    // A cover does not make someone off the team (or in another role) a decider.
    expect(mayDecide(staff('r1', { function: 'caseworker' }), members, new Set(['r1']))).toBe(false);
  });

  it('does not let a buddy decide without cover, whether the team lists them first or has no consultant', () => {
    const buddyFirst = [member('buddy', BUDDY), member('primary-contact', CONSULTANT)];
    expect(mayDecide(BUDDY, buddyFirst, new Set())).toBe(false);
    expect(mayDecide(CONSULTANT, buddyFirst, new Set())).toBe(true);
    expect(mayDecide(BUDDY, buddyFirst, new Set(['b1']))).toBe(true);
    const noConsultant = [member('buddy', BUDDY)];
    expect(mayDecide(BUDDY, noConsultant, new Set())).toBe(false);
    expect(decisionAuthority({ staff: BUDDY, legalArea: 'employment', team: noConsultant })).toEqual({
      allowed: false,
      code: CitizenConsultantCode.NotTheDecider,
      reason: "Only the course's citizen consultant, or their buddy while covering, decides in employment in this model",
    });
    // A consultant of another course (not on this team) may not decide here, cover or not.
    expect(mayDecide(staff('k9'), members, new Set(['k9']))).toBe(false);
    expect(mayDecide(null, members, new Set())).toBe(false);
  });

  it('says why, in words a caseworker reads', () => {
    expect(decide(null)).toEqual({ allowed: false, reason: 'In the citizen-consultant model only the consultant decides in social-adults; an integration cannot' });
    expect(decide(CONSULTANT, [], 'health')).toEqual({
      allowed: false,
      reason: 'The decision maker holds no authority in health: in the citizen-consultant model the consultant must hold authority in every legal area of the plan',
    });
    expect(areaCoverageProblems(plan([action('a1', 'SUL-141', 'health')]), CONSULTANT)[0].message).toBe(
      'The citizen consultant holds no authority in health (SUL-141): in this model the consultant holds authority in every legal area of the plan',
    );
    expect(areaCoverageProblems(plan([action('a1', 'LAB-57', 'employment'), action('a2', 'SEL-85', 'social-adults', 'active')]), null)).toEqual([
      { field: 'content.actions[0].legalBasis', code: CitizenConsultantCode.ConsultantMissing, message: 'The course has no citizen consultant (primary contact) to hold authority in employment (LAB-57)' },
      { field: 'content.actions[1].legalBasis', code: CitizenConsultantCode.ConsultantMissing, message: 'The course has no citizen consultant (primary contact) to hold authority in social-adults (SEL-85)' },
    ]);
  });

  it('refuses other team members and integrations', () => {
    expect(decide(staff('r1', { function: 'caseworker' }))).toMatchObject({ allowed: false, code: CitizenConsultantCode.NotTheDecider });
    expect(decide(null).allowed).toBe(false);
  });
});

describe('caseload and cadence', () => {
  it('caps 15 active courses per full-time consultant, counting the consultant role only', () => {
    expect(caseloadPolicy(defaults)).toEqual({ targetPerFte: 15, capPerFte: 15, cappedRoles: ['primary-contact'], maxActiveCourses: null });
    expect(caseloadPolicy(settings({ capPerFte: 12, maxActiveCourses: 120 }))).toMatchObject({ capPerFte: 12, maxActiveCourses: 120 });
  });

  it('adds the mini kick-off meeting type', () => {
    expect(MEETING_TYPES).toEqual([
      {
        id: 'mini-kick',
        label: { da: 'Mini-kick (opfølgning)', en: 'Mini kick-off (follow-up)' },
        description: 'Follow-up in the kick-off format with the consultant and the buddy: the plan, goals and dreams reviewed (Halsnæs: at 3, 6 and 9 months)',
      },
    ]);
  });

  it('scales the cap with FTE, rounding down', () => {
    expect(capFor(15, 1)).toBe(15);
    expect(capFor(15, 0.5)).toBe(7);
    expect(capFor(15, 0.2)).toBe(3);
    expect(capFor(15, 0.1)).toBe(1);
  });

  it('replaces the core’s plan-meeting rule with the configured interval and adds mini kick-offs', () => {
    expect(cadencePolicy(settings({ planMeetingEveryDays: 45 })).rules).toEqual([
      { id: 'plan-every-60-days', meetingType: 'plan', everyDays: 45, description: 'A plan meeting with the citizen at least every 45 days' },
      { id: 'citizen-consultant-mini-kick', meetingType: 'mini-kick', everyDays: 91, description: 'A mini kick-off with the buddy at least every 91 days' },
    ]);
  });

  it('dates covers by the Danish calendar', () => {
    expect(danishDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(danishDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});

describe('settings, validated when the host boots', () => {
  const boot = (pluginSettings?: Record<string, unknown>) =>
    bootDeployment({
      catalogue: [citizenConsultantPlugin],
      deployment: { municipalities: [{ code: '260', name: 'Halsnæs Kommune', plugins: [{ id: 'citizen-consultant', settings: pluginSettings }] }] },
    });

  it('fill in the defaults', () => {
    const r = boot();
    expect(r.settings('260', 'citizen-consultant')).toMatchObject({
      consultantFunctions: ['citizen-consultant'],
      requireProviderRole: true,
      minAuthorityAreas: 2,
      requireBuddy: true,
      capPerFte: 15,
      planMeetingEveryDays: 60,
      miniKickEveryDays: 91,
    });
    expect(r.caseload('260', 'citizen-consultant')).toEqual({ targetPerFte: 15, capPerFte: 15, cappedRoles: ['primary-contact'], maxActiveCourses: null });
    expect(r.models('260').map((m) => m.displayName)).toContain('Borgerkonsulent');
    expect(r.meetingTypes('260').some((t) => t.id === 'mini-kick')).toBe(true);
  });

  it('take a municipality’s values', () => {
    const r = boot({ capPerFte: 12, requireBuddy: false, consultantFunctions: ['citizen-consultant', 'job-consultant'] });
    expect(r.caseload('260', 'citizen-consultant').capPerFte).toBe(12);
    expect(r.settings<CitizenConsultantSettings>('260', 'citizen-consultant')?.requireBuddy).toBe(false);
  });

  it.each([
    [{ capPerFte: 0 }, 'capPerFte'],
    [{ planMeetingEveryDays: 'often' }, 'planMeetingEveryDays'],
    [{ consultantFunctions: ['wizard'] }, 'consultantFunctions'],
    [{ consultantFunctions: [] }, 'consultantFunctions'],
    [{ caseloadCapPerFte: 15 }, 'caseloadCapPerFte'],
  ])('refuse %j, naming the setting and the plugin', (bad, name) => {
    expect(() => boot(bad)).toThrow(new RegExp(`plugin "citizen-consultant" in municipality 260 .*setting "${name}"`));
  });
});

import type { LegalArea } from '@enplan/plugin-api';
import {
  authorityHolders,
  danishDay,
  jointMeetingProblems,
  missingAreas,
  pairDecision,
  pairTeamRules,
  type MeetingFacts,
  type PairStaff,
  type PairTeamMember,
  type Substitution,
} from './rules.js';

const staff = (id: string, ...authorityAreas: LegalArea[]): PairStaff => ({ id, authorityAreas });
const member = (role: string, s: PairStaff): PairTeamMember => ({ role, staff: s });

const ANNE = staff('anne', 'employment');
const SOFIE = staff('sofie', 'social-adults');
const KARL = staff('karl', 'employment');
const MIA = staff('mia', 'employment', 'active-social-policy');
const LINE = staff('line', 'social-adults', 'employment');
const MENTOR = staff('mentor');

const rules = (...members: PairTeamMember[]) => pairTeamRules(members).map((p) => `${p.rule}:${p.code}`);

describe('team rules', () => {
  it('accept two authority holders from different areas, with a provider and an external participant', () => {
    expect(rules(member('caseworker', ANNE), member('primary-contact', SOFIE))).toEqual([]);
    expect(rules(member('caseworker', ANNE), member('caseworker', SOFIE), member('provider', MENTOR), member('external-participant', staff('psych')))).toEqual([]);
    // Overlapping areas are fine as long as each holds one the other does not.
    expect(rules(member('caseworker', MIA), member('primary-contact', staff('x', 'employment', 'social-adults')))).toEqual([]);
  });

  it('need exactly two authority holders, counting a person once', () => {
    expect(rules(member('caseworker', ANNE))).toEqual(['two-authority-holders:paired-caseworkers.two-authority-holders']);
    expect(rules()).toEqual(['two-authority-holders:paired-caseworkers.two-authority-holders']);
    expect(rules(member('caseworker', ANNE), member('primary-contact', SOFIE), member('caseworker', staff('eva', 'children')))).toEqual([
      'two-authority-holders:paired-caseworkers.two-authority-holders',
    ]);
    // The referrer put on the team as caseworker, then made primary contact: still one person.
    expect(rules(member('caseworker', ANNE), member('primary-contact', ANNE))).toEqual(['two-authority-holders:paired-caseworkers.two-authority-holders']);
    expect(pairTeamRules([member('caseworker', ANNE)])[0].message).toContain('the team has 1');
  });

  it('refuse a pair from the same legal area, or where one only holds areas the other holds too', () => {
    expect(rules(member('caseworker', ANNE), member('primary-contact', KARL))).toEqual(['different-legal-areas:paired-caseworkers.different-legal-areas']);
    expect(rules(member('caseworker', ANNE), member('primary-contact', MIA))).toEqual(['different-legal-areas:paired-caseworkers.different-legal-areas']);
    expect(rules(member('caseworker', SOFIE), member('primary-contact', LINE))).toEqual(['different-legal-areas:paired-caseworkers.different-legal-areas']);
    const [p] = pairTeamRules([member('caseworker', ANNE), member('primary-contact', KARL)]);
    expect(p.message).toContain('employment and employment');
    expect(p.message).not.toMatch(/anne|karl/i);
  });

  it('refuse roles the model has no place for, and caseworkers without authority', () => {
    expect(rules(member('caseworker', ANNE), member('caseworker', SOFIE), member('coordinator', staff('c', 'children')))).toEqual(['team-roles:paired-caseworkers.team-roles']);
    expect(rules(member('caseworker', ANNE), member('caseworker', SOFIE), member('buddy', KARL), member('caseworker', MENTOR))).toEqual([
      'team-roles:paired-caseworkers.team-roles',
    ]);
    expect(pairTeamRules([member('caseworker', ANNE), member('caseworker', SOFIE), member('buddy', KARL), member('caseworker', MENTOR)])[0].message).toContain(
      'buddy, caseworker without authority',
    );
  });

  it('do not count providers or authority-less members as the pair', () => {
    expect(authorityHolders([member('provider', LINE), member('caseworker', MENTOR), member('caseworker', ANNE)]).map((s) => s.id)).toEqual(['anne']);
  });
});

describe('decision authority in a pair', () => {
  const pair = [ANNE, SOFIE];
  const cover: Substitution = { coveredStaffMemberId: 'anne', substituteStaffMemberId: 'karl', fromDate: '2026-07-06', toDate: '2026-07-24' };
  const decide = (publisher: PairStaff | null, legalArea: LegalArea, on = '2026-07-10', substitutions: Substitution[] = [cover]) =>
    pairDecision({ publisher, legalArea, pair, substitutions, on });

  it('lets each of the pair decide in their own areas', () => {
    expect(decide(ANNE, 'employment')).toEqual({ allowed: true, basis: 'own-area' });
    expect(decide(SOFIE, 'social-adults')).toEqual({ allowed: true, basis: 'own-area' });
  });

  it("refuses a decision in the partner's area", () => {
    expect(decide(ANNE, 'social-adults')).toMatchObject({ allowed: false, code: 'paired-caseworkers.partner-area' });
    expect(decide(SOFIE, 'employment')).toMatchObject({ allowed: false, code: 'paired-caseworkers.partner-area', reason: expect.stringContaining("employment is the partner's area") });
  });

  it('refuses an area neither of the pair holds', () => {
    expect(decide(ANNE, 'health')).toMatchObject({ allowed: false, code: 'paired-caseworkers.outside-pair-areas' });
  });

  it('lets a named substitute decide in the covered area while the substitution is in force, first and last day included', () => {
    expect(decide(KARL, 'employment', '2026-07-06')).toEqual({ allowed: true, basis: 'substitution' });
    expect(decide(KARL, 'employment', '2026-07-24')).toEqual({ allowed: true, basis: 'substitution' });
  });

  it('refuses the substitute outside the period, naming it', () => {
    expect(decide(KARL, 'employment', '2026-07-05')).toMatchObject({ allowed: false, code: 'paired-caseworkers.substitution-not-in-force', reason: expect.stringContaining('2026-07-06 – 2026-07-24') });
    expect(decide(KARL, 'employment', '2026-07-25')).toMatchObject({ allowed: false, code: 'paired-caseworkers.substitution-not-in-force' });
  });

  it("refuses the substitute in the covered person's partner's area", () => {
    expect(decide(KARL, 'social-adults')).toMatchObject({ allowed: false, code: 'paired-caseworkers.partner-area' });
  });

  it('refuses someone with authority in the area who is neither of the pair nor a substitute, and an integration', () => {
    expect(decide(staff('other', 'employment'), 'employment')).toMatchObject({ allowed: false, code: 'paired-caseworkers.not-in-pair' });
    expect(decide(KARL, 'employment', '2026-07-10', [])).toMatchObject({ allowed: false, code: 'paired-caseworkers.not-in-pair' });
    expect(decide(null, 'employment')).toMatchObject({ allowed: false, code: 'paired-caseworkers.not-in-pair' });
  });

  it('refuses a substitute who has since lost authority in the covered area', () => {
    expect(decide(staff('karl'), 'employment')).toMatchObject({ allowed: false, code: 'paired-caseworkers.not-in-pair', reason: expect.stringContaining('no longer holds') });
  });

  it('ignores substitutions for someone who is no longer one of the pair', () => {
    const old: Substitution = { ...cover, coveredStaffMemberId: 'gone' };
    expect(decide(KARL, 'employment', '2026-07-10', [old])).toMatchObject({ allowed: false, code: 'paired-caseworkers.not-in-pair' });
  });
});

describe('the plan is revised at joint meetings', () => {
  const pair = [ANNE, SOFIE];
  const held: MeetingFacts = {
    id: 'm1',
    courseId: 'c1',
    type: 'joint',
    status: 'held',
    day: '2026-02-02',
    staff: [
      { staffMemberId: 'anne', attendance: 'attended' },
      { staffMemberId: 'sofie', attendance: 'attended' },
    ],
  };
  const check = (over: Partial<Parameters<typeof jointMeetingProblems>[0]> = {}) =>
    jointMeetingProblems({ version: 2, courseId: 'c1', sourceMeetingId: 'm1', meeting: held, pair, substitutions: [], ...over }).map((p) => `${p.field}:${p.code}`);

  it('does not apply to the first version', () => {
    expect(check({ version: 1, sourceMeetingId: null, meeting: null })).toEqual([]);
  });

  it('accepts a later version from a held joint meeting of the course that both attended', () => {
    expect(check()).toEqual([]);
  });

  it('refuses a later version without a source meeting, or from the wrong meeting', () => {
    const required = ['sourceMeetingId:paired-caseworkers.joint-meeting-required'];
    expect(check({ sourceMeetingId: null, meeting: null })).toEqual(required);
    expect(check({ meeting: null })).toEqual(required);
    expect(check({ meeting: { ...held, courseId: 'other' } })).toEqual(required);
    expect(check({ meeting: { ...held, type: 'plan' } })).toEqual(required);
    expect(check({ meeting: { ...held, status: 'planned' } })).toEqual(required);
    expect(check({ meeting: { ...held, status: 'cancelled' } })).toEqual(required);
  });

  it('refuses when one of the pair was not recorded as attending', () => {
    const absent = ['sourceMeetingId:paired-caseworkers.pair-not-present'];
    expect(check({ meeting: { ...held, staff: [{ staffMemberId: 'anne', attendance: 'attended' }] } })).toEqual(absent);
    expect(check({ meeting: { ...held, staff: [held.staff[0], { staffMemberId: 'sofie', attendance: 'no-show' }] } })).toEqual(absent);
  });

  it("accepts a substitute in force on the meeting's day in place of the one absent", () => {
    const withKarl = { ...held, staff: [held.staff[0], { staffMemberId: 'karl', attendance: 'attended' }] };
    const cover = (fromDate: string, toDate: string): Substitution => ({ coveredStaffMemberId: 'sofie', substituteStaffMemberId: 'karl', fromDate, toDate });
    expect(check({ meeting: withKarl, substitutions: [cover('2026-02-01', '2026-02-02')] })).toEqual([]);
    expect(check({ meeting: withKarl, substitutions: [cover('2026-02-03', '2026-02-10')] })).toEqual(['sourceMeetingId:paired-caseworkers.pair-not-present']);
  });
});

describe('a substitute stands in only for the one they cover', () => {
  const pair = [ANNE, SOFIE];
  const meetingWith = (...attended: string[]): MeetingFacts => ({
    id: 'm1',
    courseId: 'c1',
    type: 'joint',
    status: 'held',
    day: '2026-02-02',
    staff: [...attended.map((staffMemberId) => ({ staffMemberId, attendance: 'attended' })), { staffMemberId: 'sofie', attendance: 'absent' }],
  });
  const sub = (covered: string, substitute: string): Substitution => ({ coveredStaffMemberId: covered, substituteStaffMemberId: substitute, fromDate: '2026-02-01', toDate: '2026-02-28' });
  const problems = (meeting: MeetingFacts, substitutions: Substitution[]) => jointMeetingProblems({ version: 3, courseId: 'c1', sourceMeetingId: 'm1', meeting, pair, substitutions });

  it('does not excuse the absent member when the attending substitute covers the other one', () => {
    expect(problems(meetingWith('anne', 'karl'), [sub('anne', 'karl')])).toEqual([
      {
        field: 'sourceMeetingId',
        code: 'paired-caseworkers.pair-not-present',
        message: 'Both of the pair must have attended the joint meeting (or, for one absent, their substitute in force that day); 1 of 2 did',
      },
    ]);
  });

  it('does not excuse the absent member when their substitute stayed away and someone else came', () => {
    expect(problems(meetingWith('anne', 'karl'), [sub('sofie', 'eva')])).toHaveLength(1);
    expect(problems(meetingWith('karl'), [sub('sofie', 'karl')])).toEqual([expect.objectContaining({ message: expect.stringContaining('; 1 of 2 did') })]);
    expect(problems(meetingWith('anne', 'karl'), [sub('sofie', 'karl')])).toEqual([]);
  });

  it('does not let a substitute decide for the partner of the one they cover, nor after the cover ended', () => {
    const cover = sub('anne', 'karl');
    expect(pairDecision({ publisher: staff('karl', 'employment', 'social-adults'), legalArea: 'social-adults', pair, substitutions: [cover], on: '2026-02-10' })).toEqual({
      allowed: false,
      code: 'paired-caseworkers.partner-area',
      reason: "social-adults is the partner's area: in a pair each caseworker records decisions only in their own authority areas",
    });
    expect(pairDecision({ publisher: KARL, legalArea: 'employment', pair, substitutions: [cover, { ...cover, fromDate: '2026-04-01', toDate: '2026-04-30' }], on: '2026-03-10' })).toEqual({
      allowed: false,
      code: 'paired-caseworkers.substitution-not-in-force',
      reason: 'The substitution covering employment is not in force on 2026-03-10 (2026-02-01 – 2026-02-28, 2026-04-01 – 2026-04-30)',
    });
    expect(pairDecision({ publisher: KARL, legalArea: 'health', pair, substitutions: [cover], on: '2026-02-10' })).toEqual({
      allowed: false,
      code: 'paired-caseworkers.outside-pair-areas',
      reason: 'Neither of the pair holds authority in health, so no decision under it is recorded on this course',
    });
    // A substitute whose own areas include the partner's is still refused there.
    expect(pairDecision({ publisher: KARL, legalArea: 'health', pair, substitutions: [], on: '2026-02-10' })).toEqual({
      allowed: false,
      code: 'paired-caseworkers.not-in-pair',
      reason: 'Only the pair, or a named substitute while the substitution is in force, records decisions on a paired course',
    });
    expect(pairDecision({ publisher: staff('karl'), legalArea: 'employment', pair, substitutions: [cover], on: '2026-02-10' })).toEqual({
      allowed: false,
      code: 'paired-caseworkers.not-in-pair',
      reason: 'The substitute no longer holds authority in employment, the area they cover',
    });
    // One of the pair named substitute for the other still decides only in areas they hold themselves.
    expect(pairDecision({ publisher: ANNE, legalArea: 'social-adults', pair, substitutions: [sub('sofie', 'anne')], on: '2026-02-10' })).toMatchObject({ allowed: false, code: 'paired-caseworkers.not-in-pair' });
  });
});

describe('what the refusals say', () => {
  it('words the team and joint-meeting refusals as the caseworker reads them, with areas and roles but no names', () => {
    expect(pairTeamRules([member('caseworker', ANNE), member('primary-contact', KARL), member('buddy', MENTOR), member('caseworker', MENTOR), member('coordinator', MENTOR)])).toEqual([
      {
        rule: 'different-legal-areas',
        code: 'paired-caseworkers.different-legal-areas',
        message: 'The pair must come from different legal areas, each holding authority the other does not: they hold employment and employment',
      },
      {
        rule: 'team-roles',
        code: 'paired-caseworkers.team-roles',
        message: "A paired course's team is the pair plus, if needed, a provider (and external participants under consent); not: buddy, caseworker without authority, coordinator",
      },
    ]);
    expect(pairTeamRules([member('caseworker', LINE), member('caseworker', MIA)])).toEqual([]);
    expect(pairTeamRules([member('caseworker', SOFIE), member('caseworker', LINE)])[0].message).toBe(
      'The pair must come from different legal areas, each holding authority the other does not: they hold employment + social-adults and social-adults',
    );
    expect(pairTeamRules([member('caseworker', ANNE), member('caseworker', SOFIE), member('caseworker', staff('eva', 'children'))])).toEqual([
      {
        rule: 'two-authority-holders',
        code: 'paired-caseworkers.two-authority-holders',
        message: 'A paired course needs exactly two authority holders (caseworker or primary contact with authority in a legal area); the team has 3',
      },
    ]);
    const held: MeetingFacts = { id: 'm1', courseId: 'c1', type: 'joint', status: 'held', day: '2026-02-02', staff: [] };
    const message = (over: Partial<Parameters<typeof jointMeetingProblems>[0]>) =>
      jointMeetingProblems({ version: 4, courseId: 'c1', sourceMeetingId: 'm1', meeting: held, pair: [ANNE, SOFIE], substitutions: [], ...over }).map((p) => p.message);
    expect(message({ sourceMeetingId: null })).toEqual(['In the paired model the plan is revised at a joint meeting: publish version 4 from a held joint meeting (POST /meetings/{meetingId}/publish-plan)']);
    expect(message({ meeting: null })).toEqual(['The source meeting is not a meeting of this course']);
    expect(message({ meeting: { ...held, type: 'plan' } })).toEqual(['The source meeting is a plan meeting; the plan is revised at a joint meeting']);
    expect(message({ meeting: { ...held, status: 'planned' } })).toEqual(['The source joint meeting is planned, not held: record its minutes first']);
    expect(message({})).toEqual(['Both of the pair must have attended the joint meeting (or, for one absent, their substitute in force that day); 0 of 2 did']);
    expect(jointMeetingProblems({ version: 2, courseId: 'c1', sourceMeetingId: null, meeting: null, pair: [ANNE, SOFIE], substitutions: [] })).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('names the areas a substitute lacks', () => {
    expect(missingAreas(['employment', 'active-social-policy'], ['employment'])).toEqual(['active-social-policy']);
    expect(missingAreas(['employment'], ['employment', 'social-adults'])).toEqual([]);
  });

  it('reads the day in Danish time', () => {
    expect(danishDay(new Date('2026-07-05T22:30:00Z'))).toBe('2026-07-06');
    expect(danishDay(new Date('2026-01-05T22:30:00Z'))).toBe('2026-01-05');
  });
});

import { addYears, cadenceDue, daysBetween, DEFAULT_CADENCE_POLICY, dueState, isoDay, mergePolicies, suppressedRules, type CadenceFacts, type CadencePolicy } from './cadence.js';

const now = new Date('2026-01-05T09:00:00Z');

describe('cadenceDue', () => {
  it('needs nothing before activation', () => {
    expect(cadenceDue(DEFAULT_CADENCE_POLICY, { activatedOn: null, meetings: [] }, now)).toEqual([]);
  });

  it('asks for a start-up meeting within 14 days and a plan meeting 60 days after activation', () => {
    const due = cadenceDue(DEFAULT_CADENCE_POLICY, { activatedOn: '2026-01-01', meetings: [] }, now);
    expect(due.map((d) => [d.rule, d.dueOn])).toEqual([
      ['plan-every-60-days', '2026-03-02'],
      ['start-up-within-14-days', '2026-01-15'],
    ]);
  });

  it('counts the plan cadence from the last meeting held and sees a booked one', () => {
    const meetings = [
      { id: 'm1', type: 'plan', startsAt: new Date('2026-01-02T10:00:00Z'), status: 'held' as const },
      { id: 's1', type: 'start-up', startsAt: new Date('2026-01-03T10:00:00Z'), status: 'held' as const },
      { id: 'm2', type: 'plan', startsAt: new Date('2026-02-20T10:00:00Z'), status: 'planned' as const },
    ];
    const due = cadenceDue(DEFAULT_CADENCE_POLICY, { activatedOn: '2026-01-01', meetings }, now);
    expect(due).toEqual([expect.objectContaining({ rule: 'plan-every-60-days', dueOn: '2026-03-03', scheduledMeetingId: 'm2' })]);
  });

  it('ignores cancelled meetings and suppressed rules', () => {
    const policy = mergePolicies('p', DEFAULT_CADENCE_POLICY, { id: 'x', rules: [], suppressions: [{ rule: 'plan-every-60-days', legalReason: 'Forsøgsfritagelse' }] });
    const meetings = [{ id: 's1', type: 'start-up', startsAt: new Date('2026-01-03T10:00:00Z'), status: 'cancelled' as const }];
    const due = cadenceDue(policy, { activatedOn: '2026-01-01', meetings }, now);
    expect(due.map((d) => d.rule)).toEqual(['start-up-within-14-days']);
  });

  it('classifies due dates', () => {
    expect(dueState('2026-01-04', '2026-01-05')).toBe('overdue');
    expect(dueState('2026-01-10', '2026-01-05')).toBe('due');
    expect(dueState('2026-02-10', '2026-01-05')).toBe('upcoming');
    expect(dueState('2026-06-10', '2026-01-05')).toBeNull();
  });
});

type M = CadenceFacts['meetings'][number];
const meeting = (id: string, type: string, at: string, status: M['status'] = 'held'): M => ({ id, type, startsAt: new Date(`${at}T10:00:00Z`), status });

describe('cadenceDue: afterDays after a held meeting of another type', () => {
  const policy: CadencePolicy = {
    id: 'p',
    rules: [{ id: 're-review-after-step-up', meetingType: 're-review', afterDays: 182, after: 'step-up', description: 'Re-review 6 months after the step-up meeting' }],
    suppressions: [],
  };
  const at = new Date('2026-02-01T09:00:00Z');
  const due = (meetings: M[], now = at) => cadenceDue(policy, { activatedOn: '2026-01-01', meetings }, now);

  it('asks for nothing until the anchor meeting is held (a planned or cancelled one is not enough)', () => {
    expect(due([])).toEqual([]);
    expect(due([meeting('s1', 'step-up', '2026-01-10', 'planned')])).toEqual([]);
    expect(due([meeting('s1', 'step-up', '2026-01-10', 'cancelled')])).toEqual([]);
  });

  it('is due afterDays after the last held anchor, and sees a booked meeting in time', () => {
    expect(due([meeting('s1', 'step-up', '2026-01-10')])).toEqual([
      { rule: 're-review-after-step-up', meetingType: 're-review', description: 'Re-review 6 months after the step-up meeting', dueOn: '2026-07-11', scheduledMeetingId: null },
    ]);
    const booked = [meeting('s1', 'step-up', '2026-01-10'), meeting('r1', 're-review', '2026-07-01', 'planned')];
    expect(due(booked)).toEqual([expect.objectContaining({ dueOn: '2026-07-11', scheduledMeetingId: 'r1' })]);
    // A booking after the due date does not count as in time.
    expect(due([meeting('s1', 'step-up', '2026-01-10'), meeting('r1', 're-review', '2026-07-20', 'planned')])[0].scheduledMeetingId).toBeNull();
  });

  it('is met by a meeting of the type after the anchor, not by one before it; a later anchor starts again', () => {
    expect(due([meeting('r0', 're-review', '2026-01-05'), meeting('s1', 'step-up', '2026-01-10')])).toHaveLength(1);
    const met = [meeting('s1', 'step-up', '2026-01-10'), meeting('r1', 're-review', '2026-07-01')];
    expect(due(met, new Date('2026-07-02T09:00:00Z'))).toEqual([]);
    const again = [...met, meeting('s2', 'step-up', '2026-08-03')];
    expect(due(again, new Date('2026-08-04T09:00:00Z'))).toEqual([expect.objectContaining({ dueOn: '2027-02-01' })]);
  });
});

describe('cadenceDue: atAgeYears (the transition meeting of the default policy)', () => {
  // Turns 16 on 2026-03-15 and 17½ on 2027-09-15.
  const youth = (meetings: M[], o: Partial<CadenceFacts> = {}, now = new Date('2026-01-05T09:00:00Z')) =>
    cadenceDue(DEFAULT_CADENCE_POLICY, { activatedOn: '2026-01-01', meetings, birthDate: '2010-03-15', targetGroup: 'youth', ...o }, now).filter(
      (d) => d.rule === 'transition-at-16-and-17-5',
    );

  it('counts ages in years and months, clamping to the end of the month', () => {
    expect(addYears('2010-03-15', 16)).toBe('2026-03-15');
    expect(addYears('2010-03-15', 17.5)).toBe('2027-09-15');
    expect(addYears('2008-08-31', 17.5)).toBe('2026-02-28');
    expect(addYears('2008-02-29', 16)).toBe('2024-02-29');
    expect(addYears('2008-02-29', 17)).toBe('2025-02-28');
  });

  it('is due when the young citizen turns 16, for youth courses with one citizen only', () => {
    expect(youth([])).toEqual([
      {
        rule: 'transition-at-16-and-17-5',
        meetingType: 'transition',
        description: 'A transition meeting when the young citizen turns 16 and again at 17½, to prepare the move to adult services at 18',
        dueOn: '2026-03-15',
        scheduledMeetingId: null,
      },
    ]);
    expect(youth([], { targetGroup: 'adults' })).toEqual([]);
    expect(youth([], { birthDate: null })).toEqual([]);
    expect(youth([], { activatedOn: null })).toEqual([]);
  });

  it('sees a booked meeting before the birthday', () => {
    expect(youth([meeting('t1', 'transition', '2026-03-02', 'planned')])).toEqual([expect.objectContaining({ dueOn: '2026-03-15', scheduledMeetingId: 't1' })]);
  });

  it('asks again at 17½; that one is met only by a meeting on or after the 16th birthday, and each meeting meets one age', () => {
    const first = meeting('t1', 'transition', '2026-03-02');
    const now = new Date('2026-05-01T09:00:00Z');
    expect(youth([first], {}, now)).toEqual([expect.objectContaining({ dueOn: '2027-09-15', scheduledMeetingId: null })]);
    // Another meeting before the 16th birthday does not prepare the 17½ step.
    expect(youth([first, meeting('t2', 'transition', '2026-03-10')], {}, now)).toEqual([expect.objectContaining({ dueOn: '2027-09-15' })]);
    // One after it does; then nothing more is required.
    expect(youth([first, meeting('t2', 'transition', '2026-04-20')], {}, now)).toEqual([]);
    // A late first meeting (after the 16th birthday) counts for 16, not for both ages.
    expect(youth([meeting('t3', 'transition', '2026-04-20')], {}, now)).toEqual([expect.objectContaining({ dueOn: '2027-09-15' })]);
    // Cancelled meetings count for nothing.
    expect(youth([meeting('t1', 'transition', '2026-03-02', 'cancelled')], {}, now)).toEqual([expect.objectContaining({ dueOn: '2026-03-15' })]);
  });

  it('does not require an age reached before the course began', () => {
    const late = { activatedOn: '2026-06-01' };
    const now = new Date('2026-06-02T09:00:00Z');
    expect(youth([], late, now)).toEqual([expect.objectContaining({ dueOn: '2027-09-15' })]);
    expect(youth([meeting('t1', 'transition', '2026-07-01')], late, new Date('2026-07-02T09:00:00Z'))).toEqual([]);
    expect(youth([], { activatedOn: '2028-01-01' }, new Date('2028-01-02T09:00:00Z'))).toEqual([]);
  });

  it('can be suppressed like any rule', () => {
    const policy = mergePolicies('p', DEFAULT_CADENCE_POLICY, { id: 'x', rules: [], suppressions: [{ rule: 'transition-at-16-and-17-5', legalReason: 'Handled by the youth unit' }] });
    const due = cadenceDue(policy, { activatedOn: '2026-01-01', meetings: [], birthDate: '2010-03-15', targetGroup: 'youth' }, new Date('2026-01-05T09:00:00Z'));
    expect(due.map((d) => d.rule)).not.toContain('transition-at-16-and-17-5');
  });
});

describe('cadenceDue: what counts as held, booked and in order', () => {
  const plan: CadencePolicy = { id: 'p', rules: [{ id: 'plan-every-60-days', meetingType: 'plan', everyDays: 60, description: 'Plan' }], suppressions: [] };
  const startUp: CadencePolicy = { id: 'p', rules: [{ id: 'start-up', meetingType: 'start-up', withinDays: 14, of: 'activation', description: 'Start' }], suppressions: [] };
  const facts = (meetings: M[]): CadenceFacts => ({ activatedOn: '2026-01-01', meetings });

  it('counts a planned meeting that has already started as held (its minutes may come later)', () => {
    const started = [{ id: 'm1', type: 'plan', startsAt: new Date('2026-01-05T08:00:00Z'), status: 'planned' as const }];
    expect(cadenceDue(plan, facts(started), now)).toEqual([expect.objectContaining({ dueOn: '2026-03-06', scheduledMeetingId: null })]);
    // At the very minute it starts it has taken place; a minute later than now it is still only booked.
    const atNow = [{ id: 'm1', type: 'plan', startsAt: now, status: 'planned' as const }];
    expect(cadenceDue(plan, facts(atNow), now)).toEqual([expect.objectContaining({ dueOn: '2026-03-06', scheduledMeetingId: null })]);
    const soon = [{ id: 'm1', type: 'plan', startsAt: new Date(now.getTime() + 60_000), status: 'planned' as const }];
    expect(cadenceDue(plan, facts(soon), now)).toEqual([expect.objectContaining({ dueOn: '2026-03-02', scheduledMeetingId: 'm1' })]);
  });

  it('takes the last meeting in time, whatever order the meetings come in, and the first booking in time', () => {
    const meetings = [meeting('m3', 'plan', '2026-04-01', 'planned'), meeting('m2', 'plan', '2026-01-04'), meeting('m4', 'plan', '2026-02-15', 'planned'), meeting('m1', 'plan', '2025-12-20')];
    expect(cadenceDue(plan, facts(meetings), now)).toEqual([{ rule: 'plan-every-60-days', meetingType: 'plan', description: 'Plan', dueOn: '2026-03-05', scheduledMeetingId: 'm4' }]);
    // A meeting of another type neither resets the plan cadence nor is booked for it.
    expect(cadenceDue(plan, facts([meeting('x', 'start-up', '2026-01-04'), meeting('y', 'start-up', '2026-02-01', 'planned')]), now)).toEqual([
      expect.objectContaining({ dueOn: '2026-03-02', scheduledMeetingId: null }),
    ]);
    // A booking on the due day is in time, the day after is not.
    expect(cadenceDue(plan, facts([meeting('d', 'plan', '2026-03-02', 'planned')]), now)[0].scheduledMeetingId).toBe('d');
    expect(cadenceDue(plan, facts([meeting('d', 'plan', '2026-03-03', 'planned')]), now)[0].scheduledMeetingId).toBeNull();
  });

  it('sees a booked start-up meeting, and needs none once one has taken place after activation', () => {
    expect(cadenceDue(startUp, facts([meeting('s1', 'start-up', '2026-01-10', 'planned')]), now)).toEqual([
      { rule: 'start-up', meetingType: 'start-up', description: 'Start', dueOn: '2026-01-15', scheduledMeetingId: 's1' },
    ]);
    expect(cadenceDue(startUp, facts([meeting('s1', 'start-up', '2026-01-15', 'planned')]), now)[0].scheduledMeetingId).toBe('s1');
    expect(cadenceDue(startUp, facts([meeting('s1', 'start-up', '2026-01-16', 'planned')]), now)[0].scheduledMeetingId).toBeNull();
    expect(cadenceDue(startUp, facts([meeting('s1', 'start-up', '2026-01-02')]), now)).toEqual([]);
    // On the activation day counts; one held before activation (an earlier course period) does not.
    expect(cadenceDue(startUp, facts([meeting('s1', 'start-up', '2026-01-01')]), now)).toEqual([]);
    expect(cadenceDue(startUp, facts([meeting('s0', 'start-up', '2025-12-20')]), now)).toEqual([expect.objectContaining({ dueOn: '2026-01-15', scheduledMeetingId: null })]);
  });

  it('does not let a planned re-review before its due day count as held', () => {
    const policy: CadencePolicy = { id: 'p', rules: [{ id: 'rr', meetingType: 're-review', afterDays: 30, after: 'step-up', description: 'RR' }], suppressions: [] };
    const at = new Date('2026-01-20T09:00:00Z');
    const due = (ms: M[]) => cadenceDue(policy, facts(ms), at);
    // Two held anchors: the later one counts, whatever the order given.
    expect(due([meeting('s2', 'step-up', '2026-01-15'), meeting('s1', 'step-up', '2026-01-05')])).toEqual([expect.objectContaining({ dueOn: '2026-02-14' })]);
    // A re-review on the anchor's own day (earlier hour) is not after it.
    const sameDay = { id: 'r0', type: 're-review', startsAt: new Date('2026-01-15T08:00:00Z'), status: 'held' as const };
    expect(due([meeting('s2', 'step-up', '2026-01-15'), sameDay])).toHaveLength(1);
    expect(due([meeting('s2', 'step-up', '2026-01-15'), meeting('r1', 're-review', '2026-02-14', 'planned')])[0].scheduledMeetingId).toBe('r1');
    expect(due([meeting('s2', 'step-up', '2026-01-15'), meeting('r1', 're-review', '2026-02-15', 'planned')])[0].scheduledMeetingId).toBeNull();
  });
});

describe('dueState boundaries', () => {
  it('is due (not overdue) on the day, due up to 7 days ahead, upcoming up to 60', () => {
    expect(dueState('2026-01-05', '2026-01-05')).toBe('due');
    expect(dueState('2026-01-12', '2026-01-05')).toBe('due');
    expect(dueState('2026-01-13', '2026-01-05')).toBe('upcoming');
    expect(dueState('2026-03-06', '2026-01-05')).toBe('upcoming');
    expect(dueState('2026-03-07', '2026-01-05')).toBeNull();
  });

  it('takes the municipality’s own windows', () => {
    expect(dueState('2026-01-08', '2026-01-05', 3, 10)).toBe('due');
    expect(dueState('2026-01-09', '2026-01-05', 3, 10)).toBe('upcoming');
    expect(dueState('2026-01-15', '2026-01-05', 3, 10)).toBe('upcoming');
    expect(dueState('2026-01-16', '2026-01-05', 3, 10)).toBeNull();
  });
});

describe('policies and days', () => {
  it('merges rules by id (the later wins) and keeps every suppression', () => {
    const merged = mergePolicies(
      'm',
      DEFAULT_CADENCE_POLICY,
      { id: 'a', rules: [{ id: 'plan-every-60-days', meetingType: 'plan', everyDays: 30, description: 'Plan every 30 days' }], suppressions: [{ rule: 'x', legalReason: 'A' }] },
      { id: 'b', rules: [], suppressions: [{ rule: 'start-up-within-14-days', legalReason: 'B' }] },
    );
    expect(merged.id).toBe('m');
    expect(merged.rules.map((r) => [r.id, 'everyDays' in r ? r.everyDays : null])).toEqual([
      ['plan-every-60-days', 30],
      ['start-up-within-14-days', null],
      ['transition-at-16-and-17-5', null],
    ]);
    expect(merged.suppressions).toEqual([
      { rule: 'x', legalReason: 'A' },
      { rule: 'start-up-within-14-days', legalReason: 'B' },
    ]);
  });

  it('shows each suppressed rule with its meeting type, null for a rule the policy does not have', () => {
    const policy = mergePolicies('m', DEFAULT_CADENCE_POLICY, {
      id: 'a',
      rules: [],
      suppressions: [
        { rule: 'start-up-within-14-days', legalReason: 'Forsøg' },
        { rule: 'no-such-rule', legalReason: 'Gammel' },
      ],
    });
    expect(suppressedRules(policy)).toEqual([
      { rule: 'start-up-within-14-days', legalReason: 'Forsøg', meetingType: 'start-up' },
      { rule: 'no-such-rule', legalReason: 'Gammel', meetingType: null },
    ]);
  });

  it('counts days between dates and gives the UTC day of an instant', () => {
    expect(daysBetween('2026-01-05', '2026-03-06')).toBe(60);
    expect(daysBetween('2026-03-06', '2026-01-05')).toBe(-60);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(isoDay(new Date('2026-01-05T23:30:00Z'))).toBe('2026-01-05');
  });

  it('pads years and months when adding ages', () => {
    expect(addYears('0990-01-31', 16.0833)).toBe('1006-02-28');
    expect(addYears('2010-11-30', 0.25)).toBe('2011-02-28');
  });

  it('lists the default rules a course has without a plugin', () => {
    expect(DEFAULT_CADENCE_POLICY).toEqual({
      id: 'core-default',
      rules: [
        { id: 'plan-every-60-days', meetingType: 'plan', everyDays: 60, description: 'A plan meeting with the citizen at least every 60 days' },
        { id: 'start-up-within-14-days', meetingType: 'start-up', withinDays: 14, of: 'activation', description: 'A start-up meeting within 14 days of activation' },
        {
          id: 'transition-at-16-and-17-5',
          meetingType: 'transition',
          atAgeYears: [16, 17.5],
          targetGroups: ['youth'],
          description: 'A transition meeting when the young citizen turns 16 and again at 17½, to prepare the move to adult services at 18',
        },
      ],
      suppressions: [],
    });
  });
});

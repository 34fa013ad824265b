import { addYears, cadenceDue, DEFAULT_CADENCE_POLICY, dueState, mergePolicies, type CadenceFacts, type CadencePolicy } from './cadence.js';
import { buildCalendar, foldLine } from '@enplan/core/meeting-rules';

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

describe('buildCalendar', () => {
  it('escapes text, uses CRLF and folds at 75 octets', () => {
    const text = buildCalendar(
      [{ uid: 'u1@enplan', start: now, end: new Date('2026-01-05T10:00:00Z'), summary: 'Møde; a, b\nc '.repeat(10) }],
      { name: 'Test', now },
    );
    expect(text).toContain('DTSTART:20260105T090000Z\r\n');
    expect(text).toContain('Møde\\; a\\, b\\nc');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine('SUMMARY:' + 'ø'.repeat(80));
    expect(folded.split('\r\n ').join('')).toBe('SUMMARY:' + 'ø'.repeat(80));
  });
});

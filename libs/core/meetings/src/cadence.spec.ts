import { cadenceDue, DEFAULT_CADENCE_POLICY, dueState, mergePolicies } from './cadence.js';
import { buildCalendar, foldLine } from './ical.js';

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

import { buildCalendar, foldLine } from './ical.js';

const now = new Date('2026-01-05T09:00:00Z');

// Moved from libs/core/cadence/src/cadence.spec.ts: these exercise the iCalendar writer, not the cadence engine.
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

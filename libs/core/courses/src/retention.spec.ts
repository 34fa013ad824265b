import { retentionUntil } from './retention.js';

describe('retentionUntil', () => {
  it('adds whole years to the end date', () => {
    expect(retentionUntil('2026-03-15', 5)).toBe('2031-03-15');
    expect(retentionUntil('2026-12-31', 1)).toBe('2027-12-31');
  });

  it('keeps a course that ended on a leap day the full period (until 1 March)', () => {
    expect(retentionUntil('2028-02-29', 5)).toBe('2033-03-01');
    expect(retentionUntil('2028-02-29', 4)).toBe('2032-02-29');
  });
});

import { nextReportDue } from './provider-orders.js';

describe('nextReportDue', () => {
  const order = { startsOn: '2026-02-01', reportEveryDays: 30, endsOn: null };

  it('expects the first report a cadence after the start', () => {
    expect(nextReportDue(order, null)).toBe('2026-03-03');
  });

  it('counts from the last report once one has come', () => {
    expect(nextReportDue(order, '2026-02-20')).toBe('2026-03-22');
  });

  it('ignores a report dated before the start', () => {
    expect(nextReportDue(order, '2026-01-15')).toBe('2026-03-03');
  });

  it('expects nothing after the order has ended', () => {
    expect(nextReportDue({ ...order, endsOn: '2026-02-28' }, null)).toBeNull();
    expect(nextReportDue({ ...order, endsOn: '2026-03-03' }, null)).toBe('2026-03-03');
  });
});

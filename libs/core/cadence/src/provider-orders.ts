import { addDays } from './cadence.js';

export interface ReportCadence {
  startsOn: string;
  reportEveryDays: number;
  endsOn: string | null;
}

/**
 * When the provider's next report is expected (YYYY-MM-DD): `reportEveryDays` after the last report, or
 * after the start when none has come. Null when the order has ended before that date: nothing more is
 * expected. Pure: the work list calls it with what it has read.
 */
export function nextReportDue(order: ReportCadence, lastReportOn: string | null): string | null {
  const from = lastReportOn && lastReportOn > order.startsOn ? lastReportOn : order.startsOn;
  const due = addDays(from, order.reportEveryDays);
  if (order.endsOn && due > order.endsOn) return null;
  return due;
}

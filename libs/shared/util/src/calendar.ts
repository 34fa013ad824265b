import type { Clock } from './clock.js';

// A Danish municipality's day: at 00:30 in Copenhagen it is already tomorrow, whatever the server's zone.
const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Denmark at an instant: for checking dates people enter against "today". */
export function danishDay(d: Date): string {
  return COPENHAGEN_DATE.format(d);
}

/** Today's date (YYYY-MM-DD) in Denmark, from the injected clock. */
export function danishToday(clock: Clock): string {
  return danishDay(clock.now());
}

/** The date `days` after `date` (both YYYY-MM-DD); negative goes back. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

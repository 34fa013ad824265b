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

/** Calendar months later; a day the target month lacks becomes its last day (31 August + 6 months = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

import type { Clock } from './clock.js';

// A Danish municipality's day: at 00:30 in Copenhagen it is already tomorrow, whatever the server's zone.
const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

const COPENHAGEN_MINUTE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Danish month names, for text written by hand rather than from locale data (which varies between Node builds). */
export const DANISH_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

/** An instant's wall-clock parts in Denmark: month 1–12, `time` as Danes write it ("10.30"). */
export function copenhagenParts(d: Date): { year: number; month: number; day: number; time: string } {
  const p = Object.fromEntries(COPENHAGEN_MINUTE.formatToParts(d).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), time: `${p.hour}.${p.minute}` };
}

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
  const key = `${date}|${days}`;
  let day = recentSums.get(key);
  if (day === undefined) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    day = d.toISOString().slice(0, 10);
    // A work list over 400 courses asks "today + 7" and "today + 60" once per item (5 % of a board's CPU).
    if (recentSums.size >= 10_000) recentSums.clear();
    recentSums.set(key, day);
  }
  return day;
}
/** `addDays` answers already computed (a pure function of its arguments; bounded). */
const recentSums = new Map<string, string>();

/** Calendar months later; a day the target month lacks becomes its last day (31 August + 6 months = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

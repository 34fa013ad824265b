import type { Clock } from '@enplan/shared/util';

// A Danish municipality's day: at 00:30 in Copenhagen it is already tomorrow, whatever the server's zone.
const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in Denmark, from the injected clock. */
export function today(clock: Clock): string {
  return COPENHAGEN_DATE.format(clock.now());
}

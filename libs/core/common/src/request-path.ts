import { scrubCpr } from '@enplan/shared/util';

/**
 * A request path as it may be shown outside the request (logs, a problem's `instance`): without the query
 * string, with the secret of a calendar subscription URL (`/api/v1/calendar/<token>.ics`) replaced, since
 * whoever reads it must not be able to open the feed, and with anything CPR-like scrubbed.
 */
export function loggedPath(url: string): string {
  return scrubCpr(url.split('?')[0].replace(/^(\/api\/v\d+\/calendar\/)[^/]+$/, '$1[redacted]'));
}

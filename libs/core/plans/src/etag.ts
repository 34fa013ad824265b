import { plansError } from './plans.error.js';

/** A whole number as a strong entity tag: version 3 is `"3"`. */
export function etag(n: number): string {
  return `"${n}"`;
}

/**
 * The number in an If-Match header, or undefined when there is none. Weak tags (`W/"3"`) and bare numbers
 * are accepted for lenient clients; `*` and lists are not, because they would let a write skip the check.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!m) throw plansError.ifMatchInvalid();
  return Number(m[1]);
}

/**
 * Danish CPR numbers (DDMMYY-SSSS). The modulus-11 check is deliberately not applied:
 * CPR numbers without it have been issued since 2007, so rejecting them would lock citizens out.
 * The century comes from the 7th digit (the first of the serial part), per the CPR office's table.
 */
export interface CprParts {
  /** Normalised form: ten digits, no dash. */
  readonly digits: string;
  /** ISO date (YYYY-MM-DD). */
  readonly birthDate: string;
}

/** `future`: the century digit puts the birth date after `today` (010145-5123 would be born in 2045). */
export type CprError = 'format' | 'date' | 'future';

const CPR_SHAPE = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

export function centuryFor(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  // 5, 6, 7, 8
  return yy <= 57 ? 2000 : 1800;
}

/**
 * `today` (YYYY-MM-DD, from the injectable clock: see danishToday) refuses a birth date after it; without it
 * only the shape and the calendar are checked (e.g. for trusted seed data).
 */
export function parseCpr(input: string, today?: string): { ok: true; value: CprParts } | { ok: false; error: CprError } {
  const m = CPR_SHAPE.exec(input.trim());
  if (!m) return { ok: false, error: 'format' };
  const [, dd, mm, yy, serial] = m;
  const day = Number(dd);
  const month = Number(mm);
  const year = centuryFor(Number(yy), Number(serial[0])) + Number(yy);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, error: 'date' };
  }
  const birthDate = date.toISOString().slice(0, 10);
  // ISO dates compare correctly as strings.
  if (today !== undefined && birthDate > today) return { ok: false, error: 'future' };
  return { ok: true, value: { digits: `${dd}${mm}${yy}${serial}`, birthDate } };
}

/** What lists and screens may show: the birth-date part only ("010190-****"). */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-****`;
}

/** Matches anything that looks like a CPR number inside free text (logs, errors). */
export const CPR_LIKE = /(?<!\d)([0-3]\d[01]\d{3})-?(\d{4})(?!\d)/g;

/** Replaces CPR-like numbers in free text so they never reach logs or error bodies. */
export function scrubCpr(text: string): string {
  return text.replace(CPR_LIKE, '[cpr]');
}

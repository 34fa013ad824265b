/**
 * Core rules plugins use as plain functions (one place per rule): when a course has ended, and the
 * caseload cap of a person. The Danish-date helpers live in @enplan/shared/util and are re-exported by the
 * plugin API.
 */

/** Closed or declined: nothing more happens on the course (no team changes, no plugin steps). */
export function isCourseEnded(status: string): boolean {
  return status === 'closed' || status === 'declined';
}

/** Active courses a person may hold under a per-FTE cap: whole courses, rounding down (the epsilon absorbs 0.1 + 0.2). */
export function caseloadCap(capPerFte: number, fte: number): number {
  return Math.floor(capPerFte * fte + 1e-9);
}

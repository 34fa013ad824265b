import type { CourseStatus } from './vocabulary.js';
import { courseError } from './courses.error.js';

/**
 * The course's status machine, and nothing else: which status may follow which. Closed and declined are
 * final, so a course's history can be trusted once it ends; a citizen coming back gets a new course.
 */
export const COURSE_TRANSITIONS: Readonly<Record<CourseStatus, readonly CourseStatus[]>> = {
  referred: ['assessed', 'declined'],
  assessed: ['active', 'declined'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: [],
  declined: [],
};

/** Statuses in which a course still has a team and counts as the citizen's open course. */
export const OPEN_STATUSES: readonly CourseStatus[] = ['referred', 'assessed', 'active', 'paused'];

export function allowedTransitions(from: CourseStatus): readonly CourseStatus[] {
  return COURSE_TRANSITIONS[from];
}

export function canTransition(from: CourseStatus, to: CourseStatus): boolean {
  return COURSE_TRANSITIONS[from].includes(to);
}

export function isFinal(status: CourseStatus): boolean {
  return COURSE_TRANSITIONS[status].length === 0;
}

/** Throws 422 `course.transition-not-allowed` (naming `to`) unless `from -> to` is a step of the machine. */
export function assertTransition(from: CourseStatus, to: CourseStatus): void {
  if (!canTransition(from, to)) throw courseError.transitionNotAllowed(from, to, COURSE_TRANSITIONS[from]);
}

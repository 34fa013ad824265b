import { DomainError } from '@enplan/core/common';
import { COURSE_STATUSES, type CourseStatus } from './vocabulary.js';
import { allowedTransitions, assertTransition, canTransition, COURSE_TRANSITIONS, isFinal, OPEN_STATUSES } from './course-status.js';

const ALLOWED: [CourseStatus, CourseStatus][] = [
  ['referred', 'assessed'],
  ['referred', 'declined'],
  ['assessed', 'active'],
  ['assessed', 'declined'],
  ['active', 'paused'],
  ['active', 'closed'],
  ['paused', 'active'],
  ['paused', 'closed'],
];

describe('course status machine', () => {
  it.each(ALLOWED)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const refused = COURSE_STATUSES.flatMap((from) => COURSE_STATUSES.map((to) => [from, to] as [CourseStatus, CourseStatus])).filter(
    ([from, to]) => !ALLOWED.some(([f, t]) => f === from && t === to),
  );

  it('refuses every other pair, including staying put', () => {
    expect(refused).toHaveLength(COURSE_STATUSES.length ** 2 - ALLOWED.length);
    expect(refused).toContainEqual(['active', 'active']);
    for (const [from, to] of refused) expect(canTransition(from, to)).toBe(false);
  });

  it.each([
    ['referred', 'active'],
    ['referred', 'closed'],
    ['assessed', 'paused'],
    ['active', 'declined'],
    ['paused', 'declined'],
    ['closed', 'active'],
    ['declined', 'referred'],
  ] as [CourseStatus, CourseStatus][])('refuses %s -> %s with 422 course.transition-not-allowed naming `to`', (from, to) => {
    let error: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const d = error as DomainError;
    expect(d.status).toBe(422);
    expect(d.code).toBe('course.transition-not-allowed');
    expect(d.extensions.errors).toEqual([expect.objectContaining({ field: 'to', code: 'course.transition-not-allowed' })]);
    expect(d.message).toContain(`from ${from} to ${to}`);
  });

  it('says what is possible instead', () => {
    expect(() => assertTransition('referred', 'closed')).toThrow('it can go to: assessed, declined');
    expect(() => assertTransition('closed', 'active')).toThrow('none (the status is final)');
  });

  it('treats closed and declined as final and everything else as open', () => {
    expect(COURSE_STATUSES.filter(isFinal)).toEqual(['closed', 'declined']);
    expect([...OPEN_STATUSES].sort()).toEqual(COURSE_STATUSES.filter((s) => !isFinal(s)).sort());
  });

  it('knows every status, and lists the next steps of each', () => {
    expect(Object.keys(COURSE_TRANSITIONS).sort()).toEqual([...COURSE_STATUSES].sort());
    expect(allowedTransitions('paused')).toEqual(['active', 'closed']);
  });

  it('lets every status be reached from the referral', () => {
    const reached = new Set<CourseStatus>(['referred']);
    const queue: CourseStatus[] = ['referred'];
    while (queue.length) {
      for (const next of allowedTransitions(queue.shift() as CourseStatus)) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...COURSE_STATUSES].sort());
  });
});

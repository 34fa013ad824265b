import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Course } from './course.entity.js';

/** A rule a closing must pass, run in the closing's transaction; it throws a DomainError to refuse. */
export type ClosingCheck = (em: EntityManager, course: Course) => Promise<void>;

/**
 * Where other core features add what closing a course needs (progression: the end measurement, taken or
 * skipped with a reason). The courses lib cannot import them (they import it), so they register here at boot.
 */
@Injectable()
export class CourseClosingChecks {
  private readonly checks: ClosingCheck[] = [];

  add(check: ClosingCheck): void {
    this.checks.push(check);
  }

  async run(em: EntityManager, course: Course): Promise<void> {
    for (const check of this.checks) await check(em, course);
  }
}

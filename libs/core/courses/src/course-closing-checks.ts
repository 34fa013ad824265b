import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProblemCodesByStatus } from '@enplan/core/common';
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
  private readonly codes: ProblemCodesByStatus[] = [];

  /** Adds a check with the problem codes it refuses with (the OpenAPI document lists them on closing a course). */
  add(check: ClosingCheck, codes: ProblemCodesByStatus): void {
    this.checks.push(check);
    this.codes.push(codes);
  }

  /** What the registered checks can refuse with, by status. */
  problemCodes(): ProblemCodesByStatus {
    const out: Partial<Record<keyof ProblemCodesByStatus, string[]>> = {};
    for (const byStatus of this.codes) {
      for (const [status, list] of Object.entries(byStatus) as [`${keyof ProblemCodesByStatus}`, readonly string[]][]) {
        const key = Number(status) as keyof ProblemCodesByStatus;
        out[key] = [...new Set([...(out[key] ?? []), ...list])].sort();
      }
    }
    return out;
  }

  async run(em: EntityManager, course: Course): Promise<void> {
    for (const check of this.checks) await check(em, course);
  }
}

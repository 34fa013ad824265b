import { In, type EntityManager } from 'typeorm';
import { DomainError, type FieldProblem } from '@enplan/core/common';
import type { Course } from '@enplan/core/courses';
import { Measurement } from './measurement.entity.js';

/**
 * Closing a course asks for the end measurement: for every instrument, respondent and person with a baseline
 * (taken or skipped), an end measurement must be taken or skipped with a reason before the course closes.
 * A course that was never measured closes as before. The refusal lists each missing one (no personal data:
 * instrument and respondent type; the person is the course's citizen or a child, by id in `aboutCitizenId`).
 */
/** Closing without the end measurements (taken or skipped). */
export const END_MISSING = 'measurement.end-missing';

export async function checkEndMeasurements(em: EntityManager, course: Pick<Course, 'id' | 'municipalityId'>): Promise<void> {
  const rows = await em.find(Measurement, {
    where: { municipalityId: course.municipalityId, courseId: course.id, occasion: In(['baseline', 'end']), status: In(['completed', 'skipped']) },
    select: { id: true, instrumentId: true, respondentType: true, aboutCitizenId: true, occasion: true },
    order: { startedAt: 'ASC', id: 'ASC' },
  });
  const key = (m: Measurement) => `${m.instrumentId}|${m.respondentType}|${m.aboutCitizenId}`;
  const ended = new Set(rows.filter((m) => m.occasion === 'end').map(key));
  const missing = new Map<string, Measurement>();
  for (const m of rows) if (m.occasion === 'baseline' && !ended.has(key(m))) missing.set(key(m), m);
  if (!missing.size) return;
  // In a stable order (instrument, respondent, person), whatever order they were taken in.
  const errors = [...missing.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, m]) => m).map(
    (m, i): FieldProblem => ({
      field: `endMeasurements[${i}]`,
      code: END_MISSING,
      message: `End measurement of ${m.instrumentId} by ${m.respondentType} about ${m.aboutCitizenId}: take it, or skip it with a reason (POST /courses/{id}/measurements/skipped)`,
    }),
  );
  throw new DomainError(END_MISSING, 'unprocessable', 'Closing asks for the end measurements first (or their skipping, with a reason)', { errors });
}

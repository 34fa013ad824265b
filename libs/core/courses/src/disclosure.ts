import type { EntityManager } from 'typeorm';
import { DomainError } from '@enplan/core/common';
import type { Course } from './course.entity.js';
import { courseCitizenIds } from './consents.service.js';
import { DisclosureRelease, type DisclosureReleaseKind } from './disclosure-release.entity.js';

export const CONCERNS_UNKNOWN = 'course.concerns-unknown';

/**
 * The `concerns` of a free text written on a course (a contact note, a transition's reason, …): the course's
 * citizen or members of its household, each named in a 422 when not (`field[i]`). Returns the list to store.
 */
export async function courseConcerns(
  em: EntityManager,
  course: Pick<Course, 'municipalityId' | 'citizenId' | 'householdId'>,
  concerns: readonly string[] | undefined,
  field = 'concerns',
  /** The course's citizens when the caller has read them already (saves the statement). */
  known?: ReadonlySet<string>,
): Promise<string[]> {
  if (!concerns?.length) return [];
  const members = known ?? new Set(await courseCitizenIds(em, course));
  const i = concerns.findIndex((c) => !members.has(c));
  if (i >= 0) throw DomainError.field(CONCERNS_UNKNOWN, `${field}[${i}]`, "Not the course's citizen or a member of its household");
  return [...concerns];
}

/** What has been released to one reader on one course: `has(kind, recordId)`. */
export interface ReleasedTexts {
  has(kind: DisclosureReleaseKind, recordId: string): boolean;
}

/** The free texts of a course released to `citizenId` (every release naming them; releases are never withdrawn by editing). */
export async function releasedTo(em: EntityManager, municipalityId: string, courseId: string, citizenId: string | null): Promise<ReleasedTexts> {
  if (!citizenId) return { has: () => false };
  const rows = await em
    .getRepository(DisclosureRelease)
    .createQueryBuilder('r')
    .select(['r.kind', 'r.recordId'])
    .where('r.municipalityId = :municipalityId AND r.courseId = :courseId', { municipalityId, courseId })
    .andWhere('r.citizenIds @> ARRAY[:citizenId]::uuid[]', { citizenId })
    .getMany();
  const keys = new Set(rows.map((r) => `${r.kind}:${r.recordId}`));
  return { has: (kind, recordId) => keys.has(`${kind}:${recordId}`) };
}

import { IsNull, type EntityManager } from 'typeorm';
import { maskCpr } from '@enplan/shared/util';
import { Course, CourseTransition } from './course.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import type { CourseDto, CourseSummaryDto, CourseTransitionDto } from './course.dto.js';
import type { TeamAssignmentDto } from './team.dto.js';
import { allowedTransitions } from './course-status.js';
import { courseError } from './courses.error.js';

/** An assignment loaded with its staff member (`relations: { staffMember: true }`). */
export function teamAssignmentView(a: TeamAssignment): TeamAssignmentDto {
  return {
    id: a.id,
    staffMemberId: a.staffMemberId,
    staffName: a.staffMember?.name ?? '',
    role: a.role,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    handoverNote: a.handoverNote,
    assignedBy: a.assignedBy,
  };
}

/** A course loaded with its citizen and household. */
export function courseSummaryView(c: Course, primaryContact: TeamAssignment | undefined): CourseSummaryDto {
  return {
    id: c.id,
    citizen: c.citizen ? { id: c.citizen.id, name: c.citizen.name, cprMasked: maskCpr(c.citizen.cpr) } : null,
    household: c.household ? { id: c.household.id, label: c.household.label } : null,
    targetGroup: c.targetGroup,
    modelId: c.modelId,
    status: c.status,
    referredOn: c.referredOn,
    activatedOn: c.activatedOn,
    endDate: c.endDate,
    outcomeCode: c.outcomeCode,
    primaryContact: primaryContact ? teamAssignmentView(primaryContact) : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function transitionView(t: CourseTransition): CourseTransitionDto {
  return { id: t.id, from: t.fromStatus, to: t.toStatus, actorId: t.actorId, at: t.at.toISOString(), reason: t.reason, concerns: t.concerns };
}

/** Current primary contacts of the given courses, by course id. */
export async function primaryContacts(em: EntityManager, municipalityId: string, courseIds: string[]): Promise<Map<string, TeamAssignment>> {
  if (!courseIds.length) return new Map();
  const rows = await em
    .getRepository(TeamAssignment)
    .createQueryBuilder('a')
    .innerJoinAndSelect('a.staffMember', 's')
    .where('a.municipalityId = :municipalityId', { municipalityId })
    .andWhere('a.courseId IN (:...courseIds)', { courseIds })
    .andWhere(`a.role = 'primary-contact'`)
    .andWhere('a.endsOn IS NULL')
    .getMany();
  return new Map(rows.map((a) => [a.courseId, a]));
}

/** Rank of roles in a team listing: the citizen's contact first. */
const ROLE_ORDER = ['primary-contact', 'coordinator', 'caseworker', 'buddy', 'provider', 'external-participant'];

/** The full course view; `em` is the open transaction's manager when called after a write. */
export async function loadCourseDetail(em: EntityManager, municipalityId: string, id: string): Promise<CourseDto> {
  const course = await em.findOne(Course, { where: { id, municipalityId }, relations: { citizen: true, household: true } });
  if (!course) throw courseError.notFound();
  // One after the other: inside a transaction both would queue on the same connection anyway.
  const team = await em.find(TeamAssignment, {
    where: { courseId: id, municipalityId, endsOn: IsNull() },
    relations: { staffMember: true },
    order: { startsOn: 'ASC', id: 'ASC' },
  });
  const transitions = await em.find(CourseTransition, { where: { courseId: id, municipalityId }, order: { at: 'ASC' } });
  team.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return {
    ...courseSummaryView(course, team.find((a) => a.role === 'primary-contact')),
    referredBy: course.referredBy,
    referringUnitId: course.referringUnitId,
    referralReasonCode: course.referralReasonCode,
    referralReason: course.referralReason,
    outcomeText: course.outcomeText,
    allowedTransitions: [...allowedTransitions(course.status)],
    team: team.map(teamAssignmentView),
    transitions: transitions.map(transitionView),
  };
}

import { In, type EntityManager } from 'typeorm';
import { Consent, Course, TeamAssignment, sharedCategoriesByUnit, type CourseStatus, type InformationCategory } from '@enplan/core/courses';
import { HouseholdMember } from '@enplan/core/citizens';
import { StaffMember } from '@enplan/core/organisation';
import { AccessGrant } from './access-grant.entity.js';

/**
 * What the access rules need to know about one course, as plain data the CASL conditions match on
 * (`team: userId` matches when the array holds the user).
 */
export interface CourseFacts {
  id: string;
  status: CourseStatus;
  modelId: string;
  /** Staff with an assignment in force. */
  team: string[];
  /** Staff whose assignment has ended. */
  former: string[];
  /** Units of current members (and, on a closed course, of its last team): their managers oversee the course. */
  teamUnits: string[];
  /** Staff holding a temporary grant in force, with its reason. */
  grantees: string[];
  grantReasons: Record<string, string>;
  /** Units an information-sharing consent in force covers, and the categories it shares with each. */
  sharingUnits: string[];
  sharedCategories: Record<string, InformationCategory[]>;
  citizenIds: string[];
}

export async function loadCourseFacts(em: EntityManager, municipalityId: string, courseIds: readonly string[], day: string, now: Date): Promise<CourseFacts[]> {
  if (!courseIds.length) return [];
  const courses = await em.find(Course, { where: { id: In([...courseIds]), municipalityId } });
  const ids = courses.map((c) => c.id);
  if (!ids.length) return [];
  const [assignments, grants, consents] = await Promise.all([
    em.find(TeamAssignment, { where: { courseId: In(ids), municipalityId } }),
    em.find(AccessGrant, { where: { courseId: In(ids), municipalityId } }),
    em.find(Consent, { where: { courseId: In(ids), municipalityId, kind: 'information-sharing' } }),
  ]);
  const staffIds = [...new Set(assignments.map((a) => a.staffMemberId))];
  const units = new Map(
    staffIds.length ? (await em.find(StaffMember, { where: { id: In(staffIds), municipalityId }, select: { id: true, unitId: true } })).map((s) => [s.id, s.unitId]) : [],
  );
  const householdIds = [...new Set(courses.flatMap((c) => (c.householdId ? [c.householdId] : [])))];
  const members = householdIds.length ? await em.find(HouseholdMember, { where: { householdId: In(householdIds), municipalityId } }) : [];
  return courses.map((c) => {
    const mine = assignments.filter((a) => a.courseId === c.id);
    const current = mine.filter((a) => a.startsOn <= day && (a.endsOn === null || a.endsOn >= day));
    const ended = mine.filter((a) => a.endsOn !== null && a.endsOn < day);
    const closed = c.status === 'closed' || c.status === 'declined';
    const overseen = closed ? mine : current;
    const liveGrants = grants.filter((g) => g.courseId === c.id && g.revokedAt === null && g.validUntil >= day);
    const sharedCategories = sharedCategoriesByUnit(
      consents.filter((k) => k.courseId === c.id),
      day,
      now,
    );
    return {
      id: c.id,
      status: c.status,
      modelId: c.modelId,
      team: [...new Set(current.map((a) => a.staffMemberId))],
      former: [...new Set(ended.map((a) => a.staffMemberId))],
      teamUnits: [...new Set(overseen.flatMap((a) => (units.has(a.staffMemberId) ? [units.get(a.staffMemberId) as string] : [])))],
      grantees: liveGrants.map((g) => g.staffMemberId),
      grantReasons: Object.fromEntries(liveGrants.map((g) => [g.staffMemberId, g.reason])),
      sharingUnits: Object.keys(sharedCategories),
      sharedCategories,
      citizenIds: [...new Set([...(c.citizenId ? [c.citizenId] : []), ...members.filter((m) => m.householdId === c.householdId).map((m) => m.citizenId)])],
    };
  });
}

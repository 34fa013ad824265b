import type { EntityManager } from 'typeorm';
import { isUUID } from 'class-validator';
import { sharedCategoriesByUnit, type Consent, type CourseStatus, type InformationCategory } from '@enplan/core/courses';
import type { StaffProfile } from './policy.js';

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

interface FactsRow {
  id: string;
  status: CourseStatus;
  modelId: string;
  citizenId: string | null;
  assignments: { staffMemberId: string; startsOn: string; endsOn: string | null; unitId: string | null }[];
  grants: { staffMemberId: string; reason: string; validUntil: string; revokedAt: string | null }[];
  consents: (Pick<Consent, 'kind' | 'validFrom' | 'validTo' | 'partyUnitIds' | 'categories'> & { revokedAt: string | null })[];
  members: string[];
  caller: StaffProfile | null;
}

/**
 * One statement for every course asked about: the course with its assignments (and each member's unit), grants,
 * sharing consents and household members aggregated as JSON, and the caller's own staff row (`$3`; the same on
 * every row). The access check runs on every course-bound request, so its cost is paid everywhere: seven round
 * trips here were more than half of a plan read's statements.
 */
const FACTS_SQL = `
  SELECT c.id, c.status, c.model_id AS "modelId", c.citizen_id AS "citizenId",
         COALESCE((SELECT json_agg(json_build_object('staffMemberId', t.staff_member_id, 'startsOn', t.starts_on, 'endsOn', t.ends_on, 'unitId', s.unit_id))
                     FROM team_assignment t LEFT JOIN staff_member s ON s.municipality_id = t.municipality_id AND s.id = t.staff_member_id
                    WHERE t.municipality_id = c.municipality_id AND t.course_id = c.id), '[]') AS assignments,
         COALESCE((SELECT json_agg(json_build_object('staffMemberId', g.staff_member_id, 'reason', g.reason, 'validUntil', g.valid_until, 'revokedAt', g.revoked_at))
                     FROM access_grant g WHERE g.municipality_id = c.municipality_id AND g.course_id = c.id), '[]') AS grants,
         COALESCE((SELECT json_agg(json_build_object('kind', k.kind, 'validFrom', k.valid_from, 'validTo', k.valid_to, 'revokedAt', k.revoked_at,
                                                     'partyUnitIds', k.party_unit_ids, 'categories', k.categories))
                     FROM consent k WHERE k.municipality_id = c.municipality_id AND k.course_id = c.id AND k.kind = 'information-sharing'), '[]') AS consents,
         COALESCE((SELECT json_agg(m.citizen_id) FROM household_member m
                    WHERE m.municipality_id = c.municipality_id AND m.household_id = c.household_id), '[]') AS members,
         (SELECT json_build_object('id', s.id, 'unitId', s.unit_id, 'authorityAreas', s.authority_areas)
            FROM staff_member s WHERE s.municipality_id = c.municipality_id AND s.id = $3::uuid AND s.active) AS caller
    FROM course c
   WHERE c.municipality_id = $1 AND c.id = ANY($2::uuid[])`;

export async function loadCourseFacts(em: EntityManager, municipalityId: string, courseIds: readonly string[], day: string, now: Date): Promise<CourseFacts[]> {
  return (await loadCourseFactsAndCaller(em, municipalityId, courseIds, null, day, now)).facts;
}

/**
 * The courses' facts and, with them, the caller's staff profile (`null` when the caller is no active staff member
 * of the municipality, or when no course was found: the request is refused then anyway).
 */
export async function loadCourseFactsAndCaller(
  em: EntityManager,
  municipalityId: string,
  courseIds: readonly string[],
  callerId: string | null,
  day: string,
  now: Date,
): Promise<{ facts: CourseFacts[]; caller: StaffProfile | null }> {
  if (!courseIds.length) return { facts: [], caller: null };
  const rows: FactsRow[] = await em.query(FACTS_SQL, [municipalityId, [...new Set(courseIds)], callerId && isUUID(callerId) ? callerId : null]);
  return { facts: rows.map((c) => factsOf(c, day, now)), caller: rows[0]?.caller ?? null };
}

function factsOf(c: FactsRow, day: string, now: Date): CourseFacts {
  const current = c.assignments.filter((a) => a.startsOn <= day && (a.endsOn === null || a.endsOn >= day));
  const ended = c.assignments.filter((a) => a.endsOn !== null && a.endsOn < day);
  const closed = c.status === 'closed' || c.status === 'declined';
  const overseen = closed ? c.assignments : current;
  const liveGrants = c.grants.filter((g) => g.revokedAt === null && g.validUntil >= day);
  const sharedCategories = sharedCategoriesByUnit(
    c.consents.map((k) => ({ ...k, revokedAt: k.revokedAt === null ? null : new Date(k.revokedAt) })),
    day,
    now,
  );
  return {
    id: c.id,
    status: c.status,
    modelId: c.modelId,
    team: [...new Set(current.map((a) => a.staffMemberId))],
    former: [...new Set(ended.map((a) => a.staffMemberId))],
    teamUnits: [...new Set(overseen.flatMap((a) => (a.unitId ? [a.unitId] : [])))],
    grantees: liveGrants.map((g) => g.staffMemberId),
    grantReasons: Object.fromEntries(liveGrants.map((g) => [g.staffMemberId, g.reason])),
    sharingUnits: Object.keys(sharedCategories),
    sharedCategories,
    citizenIds: [...new Set([...(c.citizenId ? [c.citizenId] : []), ...c.members])],
  };
}

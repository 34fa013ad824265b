import type { EntityManager } from 'typeorm';
import type { CourseFacts, LegalArea, StaffFacts, TeamMemberFacts, UnitKind } from '@enplan/plugin-api';
import type { ConsentFacts, MeetingFacts } from './rules.js';
import { CHAIR_ROLES } from './rules.js';

/**
 * What the plugin reads of the core's records. A plugin may not import core entities, so these are plain SQL
 * over the core's tables (always filtered on the municipality), turned into the same facts the extension
 * points hand out. Timestamps come back as epoch milliseconds and arrays as text[], which PostgreSQL and
 * PGlite return alike.
 */

export type CourseRow = Pick<CourseFacts, 'id' | 'modelId' | 'status' | 'targetGroup' | 'activatedOn'>;

export async function loadCourse(em: EntityManager, municipalityId: string, courseId: string): Promise<CourseRow | null> {
  const rows: { id: string; model_id: string; status: string; target_group: string; activated_on: string | null }[] = await em.query(
    `SELECT id, model_id, status::text AS status, target_group::text AS target_group, activated_on::text AS activated_on
       FROM course WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, courseId],
  );
  const r = rows[0];
  return r ? { id: r.id, modelId: r.model_id, status: r.status, targetGroup: r.target_group, activatedOn: r.activated_on } : null;
}

/** The course's consents (every kind, revoked ones included: whether one is in force is the rules' call). */
export async function loadConsents(em: EntityManager, municipalityId: string, courseId: string): Promise<ConsentFacts[]> {
  const rows: { kind: string; party_unit_ids: string[]; categories: string[]; valid_from: string; valid_to: string | null; revoked_ms: number | null }[] = await em.query(
    `SELECT kind::text AS kind, party_unit_ids::text[] AS party_unit_ids, categories::text[] AS categories,
            valid_from::text AS valid_from, valid_to::text AS valid_to,
            (EXTRACT(EPOCH FROM revoked_at) * 1000)::float8 AS revoked_ms
       FROM consent WHERE municipality_id = $1 AND course_id = $2`,
    [municipalityId, courseId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    partyUnitIds: r.party_unit_ids ?? [],
    categories: r.categories ?? [],
    validFrom: r.valid_from,
    validTo: r.valid_to,
    revokedAt: r.revoked_ms === null ? null : new Date(Number(r.revoked_ms)),
  }));
}

/** The current team (open assignments), oldest first, with each member's staff facts, as the core builds them. */
export async function loadTeam(em: EntityManager, municipalityId: string, courseId: string): Promise<TeamMemberFacts[]> {
  const rows: {
    assignment_id: string;
    role: string;
    starts_on: string;
    staff_id: string;
    name: string;
    unit_id: string;
    unit_kind: string;
    function: string;
    authority_areas: string[];
    is_provider: boolean;
    fte: number;
    active: boolean;
  }[] = await em.query(
    `SELECT a.id AS assignment_id, a.role::text AS role, a.starts_on::text AS starts_on,
            s.id AS staff_id, s.name, s.unit_id, u.kind::text AS unit_kind, s.function::text AS function,
            s.authority_areas::text[] AS authority_areas, s.is_provider, s.fte::float8 AS fte, s.active
       FROM team_assignment a
       JOIN staff_member s ON s.id = a.staff_member_id AND s.municipality_id = a.municipality_id
       JOIN org_unit u ON u.id = s.unit_id AND u.municipality_id = s.municipality_id
      WHERE a.municipality_id = $1 AND a.course_id = $2 AND a.ends_on IS NULL
      ORDER BY a.starts_on ASC, a.id ASC`,
    [municipalityId, courseId],
  );
  return rows.map((r) => {
    const staff: StaffFacts = {
      id: r.staff_id,
      name: r.name,
      unitId: r.unit_id,
      unitKind: r.unit_kind as UnitKind,
      function: r.function as StaffFacts['function'],
      authorityAreas: (r.authority_areas ?? []) as LegalArea[],
      isProvider: r.is_provider,
      fte: Number(r.fte),
      active: r.active,
    };
    return { assignmentId: r.assignment_id, role: r.role, startsOn: r.starts_on, staff };
  });
}

/** The course's own meetings of the given types, with the staff participants wearing a chair role. */
export async function loadMeetings(em: EntityManager, municipalityId: string, courseId: string, types: readonly string[]): Promise<MeetingFacts[]> {
  const rows: { id: string; type: string; starts_ms: number; status: MeetingFacts['status']; chairs: string[] | null }[] = await em.query(
    `SELECT m.id, m.type, (EXTRACT(EPOCH FROM m.starts_at) * 1000)::float8 AS starts_ms, m.status::text AS status,
            ARRAY(SELECT p.staff_member_id::text FROM meeting_participant p
                   WHERE p.meeting_id = m.id AND p.municipality_id = m.municipality_id
                     AND p.staff_member_id IS NOT NULL AND p.roles && $4::text[]) AS chairs
       FROM meeting m
      WHERE m.municipality_id = $1 AND m.course_id = $2 AND m.type = ANY($3::text[])
      ORDER BY m.starts_at ASC, m.id ASC`,
    [municipalityId, courseId, [...types], [...CHAIR_ROLES]],
  );
  return rows.map((r) => ({ id: r.id, type: r.type, startsAt: new Date(Number(r.starts_ms)), status: r.status, chairStaffIds: r.chairs ?? [] }));
}

export interface PlanRow {
  currentVersion: number;
  publishedAt: Date | null;
  authorId: string | null;
}

/** The plan's current version and who published it. */
export async function loadPlan(em: EntityManager, municipalityId: string, courseId: string): Promise<PlanRow> {
  const rows: { current_version: number; published_ms: number | null; author_id: string | null }[] = await em.query(
    `SELECT p.current_version, (EXTRACT(EPOCH FROM v.published_at) * 1000)::float8 AS published_ms, v.author_id
       FROM plan p
       LEFT JOIN plan_version v ON v.plan_id = p.id AND v.municipality_id = p.municipality_id AND v.version = p.current_version
      WHERE p.municipality_id = $1 AND p.course_id = $2`,
    [municipalityId, courseId],
  );
  const r = rows[0];
  if (!r) return { currentVersion: 0, publishedAt: null, authorId: null };
  return { currentVersion: Number(r.current_version), publishedAt: r.published_ms === null ? null : new Date(Number(r.published_ms)), authorId: r.author_id };
}

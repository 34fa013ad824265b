import type { EntityManager } from 'typeorm';
import type { LegalArea } from '@enplan/plugin-api';
import { danishDay, type MeetingFacts, type PairTeamMember } from './rules.js';

/**
 * The few reads of core tables the plugin needs where the core hands it no facts: the course behind a
 * plugin route, its current team, a staff member, and the meeting a plan version names as its source.
 * Plain SQL through the caller's EntityManager (a plugin imports no core entity); kept in this one file so a
 * change of the core's tables shows up in one place. Always scoped to the caller's municipality.
 */

/** A Postgres array as the driver returns it: already parsed, or as its text form (`{a,b}`). */
function asArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') {
    const inner = v.replace(/^\{|\}$/g, '');
    return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : [];
  }
  return [];
}

export interface CourseRow {
  id: string;
  modelId: string;
  status: string;
}

export async function readCourse(em: EntityManager, municipalityId: string, courseId: string): Promise<CourseRow | null> {
  const rows: { id: string; model_id: string; status: string }[] = await em.query(
    `SELECT id, model_id, status::text AS status FROM course WHERE id = $1 AND municipality_id = $2`,
    [courseId, municipalityId],
  );
  return rows.length ? { id: rows[0].id, modelId: rows[0].model_id, status: rows[0].status } : null;
}

/** The course's current team (open assignments), as the core's team facts count it. */
export async function readTeam(em: EntityManager, municipalityId: string, courseId: string): Promise<PairTeamMember[]> {
  const rows: { role: string; staff_member_id: string; authority_areas: unknown }[] = await em.query(
    `SELECT a.role::text AS role, a.staff_member_id, s.authority_areas::text[] AS authority_areas
       FROM team_assignment a JOIN staff_member s ON s.id = a.staff_member_id AND s.municipality_id = a.municipality_id
      WHERE a.course_id = $1 AND a.municipality_id = $2 AND a.ends_on IS NULL
      ORDER BY a.starts_on, a.id`,
    [courseId, municipalityId],
  );
  return rows.map((r) => ({ role: r.role, staff: { id: r.staff_member_id, authorityAreas: asArray(r.authority_areas) as LegalArea[] } }));
}

export interface StaffRow {
  id: string;
  authorityAreas: LegalArea[];
  active: boolean;
}

export async function readStaff(em: EntityManager, municipalityId: string, staffMemberId: string): Promise<StaffRow | null> {
  const rows: { id: string; authority_areas: unknown; active: boolean }[] = await em.query(
    `SELECT id, authority_areas::text[] AS authority_areas, active FROM staff_member WHERE id = $1 AND municipality_id = $2`,
    [staffMemberId, municipalityId],
  );
  return rows.length ? { id: rows[0].id, authorityAreas: asArray(rows[0].authority_areas) as LegalArea[], active: rows[0].active } : null;
}

/** The meeting and its staff participants' attendance; null when it is not one of the municipality's. */
export async function readMeeting(em: EntityManager, municipalityId: string, meetingId: string): Promise<MeetingFacts | null> {
  const rows: { id: string; course_id: string | null; type: string; status: string; starts_at: Date | string }[] = await em.query(
    `SELECT id, course_id, type, status::text AS status, starts_at FROM meeting WHERE id = $1 AND municipality_id = $2`,
    [meetingId, municipalityId],
  );
  if (!rows.length) return null;
  const m = rows[0];
  const staff: { staff_member_id: string; attendance: string }[] = await em.query(
    `SELECT staff_member_id, attendance::text AS attendance FROM meeting_participant
      WHERE meeting_id = $1 AND municipality_id = $2 AND staff_member_id IS NOT NULL`,
    [meetingId, municipalityId],
  );
  return {
    id: m.id,
    courseId: m.course_id,
    type: m.type,
    status: m.status,
    day: danishDay(new Date(m.starts_at)),
    staff: staff.map((s) => ({ staffMemberId: s.staff_member_id, attendance: s.attendance })),
  };
}

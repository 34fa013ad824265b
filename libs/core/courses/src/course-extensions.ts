import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { Citizen, HouseholdMember } from '@enplan/core/citizens';
import {
  caseloadCap,
  extensionError,
  PluginRegistry,
  staffFacts,
  type CaseloadPolicy,
  type CitizenFacts,
  type CourseFacts,
  type StaffFacts,
  type TeamChange,
  type TeamMemberFacts,
} from '@enplan/core/extensions';
import { Course } from './course.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import type { CourseStatus } from './vocabulary.js';

/** The facts plugins see about a course. */
export function courseFacts(c: Course): CourseFacts {
  return Object.freeze({
    id: c.id,
    modelId: c.modelId,
    status: c.status,
    targetGroup: c.targetGroup,
    citizenId: c.citizenId,
    householdId: c.householdId,
    referredOn: c.referredOn,
    referralReasonCode: c.referralReasonCode,
    activatedOn: c.activatedOn,
    endDate: c.endDate,
    outcomeCode: c.outcomeCode,
  });
}

/** The course's current team (open assignments) with each member's staff facts, oldest first. */
export async function loadTeamFacts(em: EntityManager, course: Pick<Course, 'id' | 'municipalityId'>): Promise<TeamMemberFacts[]> {
  const rows = await em.find(TeamAssignment, {
    where: { courseId: course.id, municipalityId: course.municipalityId, endsOn: IsNull() },
    relations: { staffMember: { unit: true } },
    order: { startsOn: 'ASC', id: 'ASC' },
  });
  return rows.flatMap((a) => (a.staffMember ? [Object.freeze({ assignmentId: a.id, role: a.role, startsOn: a.startsOn, staff: staffFacts(a.staffMember) })] : []));
}

function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Where the courses lib asks the plugins: target-group rules and the referral hook, team rules and caseload
 * caps at activation and on team changes, and the lifecycle hooks. Everything runs in the caller's
 * transaction, so a refusal rolls the whole write back. When no plugin fills a point, nothing is loaded.
 */
@Injectable()
export class CourseExtensions {
  constructor(private readonly registry: PluginRegistry) {}

  /** After a referral is written: eligibility, then onReferral. */
  async referred(em: EntityManager, p: Principal, course: Course): Promise<void> {
    const code = p.municipalityCode;
    const call = { em, principal: p };
    if (this.registry.contributes(code, course.modelId, 'eligibility')) {
      const citizen = course.citizenId
        ? await em.findOne(Citizen, { where: { id: course.citizenId, municipalityId: course.municipalityId }, select: { id: true, birthDate: true } })
        : null;
      const members = course.householdId
        ? await em.find(HouseholdMember, { where: { householdId: course.householdId, municipalityId: course.municipalityId }, select: { citizenId: true, relation: true } })
        : [];
      const births = members.length
        ? await em.find(Citizen, { where: { id: In(members.map((m) => m.citizenId)), municipalityId: course.municipalityId }, select: { id: true, birthDate: true } })
        : [];
      const birthOf = new Map(births.map((b) => [b.id, b.birthDate]));
      const citizenFacts: CitizenFacts | null = citizen ? { id: citizen.id, birthDate: citizen.birthDate, ageYears: ageOn(citizen.birthDate, course.referredOn) } : null;
      await this.registry.checkEligibility(call, {
        course: courseFacts(course),
        citizen: citizenFacts,
        household: course.householdId
          ? {
              id: course.householdId,
              members: members.map((m) => ({ citizenId: m.citizenId, relation: m.relation, ageYears: ageOn(birthOf.get(m.citizenId) ?? course.referredOn, course.referredOn) })),
            }
          : null,
        referralReason: course.referralReason,
      });
    }
    if (this.registry.hasHook(code, course.modelId, 'onReferral')) await this.registry.runHook(call, course.modelId, 'onReferral', { course: courseFacts(course) });
  }

  /** After a status change is written: team rules, caseload caps and onActivation on activation; onClosing on closing or declining. */
  async transitioned(em: EntityManager, p: Principal, course: Course, from: CourseStatus): Promise<void> {
    const code = p.municipalityCode;
    const call = { em, principal: p };
    if (course.status === 'active') {
      const policy = this.registry.caseload(code, course.modelId);
      const rules = this.registry.contributes(code, course.modelId, 'teamRules');
      const hook = this.registry.hasHook(code, course.modelId, 'onActivation');
      if (!rules && policy.capPerFte === null && !hook) return;
      const team = await loadTeamFacts(em, course);
      if (rules) await this.registry.checkTeam(call, 'to', { course: courseFacts(course), members: team, change: { kind: 'activation' } });
      const capped = new Map(team.filter((m) => policy.cappedRoles.includes(m.role)).map((m) => [m.staff.id, m.staff]));
      for (const staff of capped.values()) await this.checkCap(em, p, course, staff, policy, 'to');
      if (hook) await this.registry.runHook(call, course.modelId, 'onActivation', { course: courseFacts(course), team, resumed: from === 'paused' });
    } else if ((course.status === 'closed' || course.status === 'declined') && this.registry.hasHook(code, course.modelId, 'onClosing')) {
      await this.registry.runHook(call, course.modelId, 'onClosing', { course: courseFacts(course), to: course.status });
    }
  }

  /** The team before a change, when the change will need checking (an active course with rules or a cap); else null. */
  async teamBefore(em: EntityManager, p: Principal, course: Course): Promise<TeamMemberFacts[] | null> {
    if (course.status !== 'active') return null;
    const checks = this.registry.contributes(p.municipalityCode, course.modelId, 'teamRules') || this.registry.caseload(p.municipalityCode, course.modelId).capPerFte !== null;
    return checks ? loadTeamFacts(em, course) : null;
  }

  /**
   * After a team change of an active course: the change may not break a team rule the team kept before,
   * and a staff member taking a capped role must have room under the cap.
   */
  async teamChanged(em: EntityManager, p: Principal, course: Course, before: TeamMemberFacts[] | null, change: TeamChange, field: string): Promise<void> {
    if (!before) return;
    const facts = courseFacts(course);
    const after = await loadTeamFacts(em, course);
    await this.registry.checkTeam({ em, principal: p }, field, { course: facts, members: after, change }, { course: facts, members: before, change });
    const policy = this.registry.caseload(p.municipalityCode, course.modelId);
    if (policy.capPerFte === null || (change.kind !== 'add' && change.kind !== 'handover')) return;
    const holdsCapped = (team: TeamMemberFacts[], id: string) => team.some((m) => m.staff.id === id && policy.cappedRoles.includes(m.role));
    const newcomer = after.find((m) => m.staff.id === change.staffMemberId)?.staff;
    if (newcomer && holdsCapped(after, newcomer.id) && !holdsCapped(before, newcomer.id)) await this.checkCap(em, p, course, newcomer, policy, field);
  }

  /** Refuses when the staff member already holds capped roles on as many active courses of the model as their FTE allows. */
  private async checkCap(em: EntityManager, p: Principal, course: Course, staff: StaffFacts, policy: CaseloadPolicy, field: string): Promise<void> {
    if (policy.capPerFte === null) return;
    const cap = caseloadCap(policy.capPerFte, staff.fte);
    // Two assignments of the same person take turns, so both cannot see room for one more.
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`enplan:caseload-cap:${p.municipalityId}:${staff.id}`]);
    const [row]: { n: number }[] = await em.query(
      `SELECT COUNT(DISTINCT c.id)::int AS n
         FROM team_assignment a JOIN course c ON c.id = a.course_id
        WHERE a.municipality_id = $1 AND c.municipality_id = $1 AND a.staff_member_id = $2 AND a.ends_on IS NULL
          AND a.role::text = ANY($3::text[]) AND c.status = 'active' AND c.model_id = $4 AND c.id <> $5`,
      [p.municipalityId, staff.id, [...policy.cappedRoles], course.modelId, course.id],
    );
    if (row.n + 1 > cap) throw extensionError.caseloadCap(field, staff.name, course.modelId, cap, row.n);
  }
}

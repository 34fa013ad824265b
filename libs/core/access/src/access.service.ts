import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { CitizenAccessRule, CourseAccessRule, CourseScope, Principal } from '@enplan/core/auth';
import { Citizen } from '@enplan/core/citizens';
import { danishToday } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { PluginRegistry } from '@enplan/core/extensions';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { loadCourseFacts, loadCourseFactsAndCaller, type CourseFacts } from './course-facts.js';
import { basisOf, courseSubject, defineCourseAbility, externalSubject, type AccessRuleContributor, type CourseAbility, type StaffProfile } from './policy.js';
import { accessError } from './access.error.js';
import type { CourseAccessContext } from './viewer.js';

@Injectable()
export class AccessService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly plugins: PluginRegistry,
  ) {}

  today(): string {
    return danishToday(this.clock);
  }

  async staffProfile(em: EntityManager, p: Principal): Promise<StaffProfile | null> {
    const s = await em.findOne(StaffMember, { where: { id: p.userId, municipalityId: p.municipalityId, active: true }, select: { id: true, unitId: true, authorityAreas: true } });
    return s ? { id: s.id, unitId: s.unitId, authorityAreas: s.authorityAreas } : null;
  }

  /**
   * The core's rules plus those of the plugins enabled in the caller's municipality. The plugins' rules run
   * with `em` (a write's transaction, when there is one), so what they read is what the decision rests on.
   */
  ability(em: EntityManager, p: Principal, staff: StaffProfile | null): Promise<CourseAbility> {
    // The plugin API types the builder loosely (plugins name their own subjects' fields); CASL checks at run time.
    const contributors = this.plugins.accessRuleContributors({ em, principal: p }) as unknown as AccessRuleContributor[];
    return defineCourseAbility(p, staff, contributors);
  }

  /**
   * Decides a request on one course's records. Throws 404 when the record is not in the caller's
   * municipality and 403 when it is but the caller may not act on it; `onDenied` runs first, so the
   * attempt is logged with the citizens it concerned.
   *
   * With `tx` (a write's transaction) the courses' rows are locked FOR UPDATE before their facts are read:
   * a team change, a grant's revocation or a status change waits for the write (or the write for it), so what
   * was decided still holds when the write commits.
   */
  async decideCourse(
    p: Principal,
    rule: CourseAccessRule,
    recordId: string,
    onDenied: (facts: CourseFacts[]) => Promise<void>,
    tx?: EntityManager,
  ): Promise<CourseAccessContext> {
    const em = tx ?? this.ds.manager;
    const notFound = rule.locate ? accessError.notFound(rule.record) : accessError.notFound('course');
    if (!isUUID(recordId)) throw notFound;
    const courseIds = rule.locate ? await rule.locate(em, p.municipalityId, recordId) : [recordId];
    // In id order, so two writes naming the same courses (a meeting of several) cannot deadlock.
    if (tx && courseIds.length) {
      await tx.query(`SELECT id FROM course WHERE municipality_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [p.municipalityId, courseIds]);
    }
    // Facts are loaded for the caller's municipality only: none found is "not found".
    const { facts, caller: staff } = await loadCourseFactsAndCaller(em, p.municipalityId, courseIds, p.userId, this.today(), this.clock.now());
    if (!facts.length) throw notFound;
    const ability = await this.ability(em, p, staff);
    const external = p.roles.includes('external') && !p.roles.some((r) => r === 'caseworker' || r === 'manager' || r === 'integrator');
    const allowed = facts.every((f) =>
      external ? rule.external && rule.action === 'read' && ability.can('read', externalSubject(f)) : ability.can(rule.action, courseSubject(f)),
    );
    if (!allowed) {
      await onDenied(facts);
      // An external member of the team is refused for want of consent, and is told so.
      if (external && rule.external && staff && facts.every((f) => f.team.includes(p.userId))) throw accessError.consentMissing(rule.record);
      throw accessError.denied(rule.record);
    }
    // A course whose model plugin is no longer enabled here keeps its data, read-only: its rules are not there to apply.
    const orphaned = rule.action !== 'read' ? facts.find((f) => !this.plugins.hasModel(p.municipalityCode, f.modelId)) : undefined;
    if (orphaned) throw accessError.modelDisabled(orphaned.modelId);
    return { principal: p, staff, facts, external, basis: facts.map((f) => basisOf(p, staff, f)) };
  }

  /** The citizens a citizen route concerns; 404 when none is in the caller's municipality. */
  async citizensOf(p: Principal, rule: CitizenAccessRule, recordId: string): Promise<string[]> {
    const em = this.ds.manager;
    if (!isUUID(recordId)) throw accessError.notFound(rule.locate ? rule.record : 'citizen');
    if (rule.locate) {
      const ids = await rule.locate(em, p.municipalityId, recordId);
      if (!ids.length) throw accessError.notFound(rule.record);
      return ids;
    }
    if (!(await em.exists(Citizen, { where: { id: recordId, municipalityId: p.municipalityId } }))) throw accessError.notFound('citizen');
    return [recordId];
  }

  /**
   * The courses the caller may read, for lists. Candidates come from the caller's own footholds (team,
   * grants, their unit's teams); the same CASL rules as for single records then decide, so a list never
   * shows a course its detail route would refuse.
   */
  async scope(p: Principal): Promise<CourseScope> {
    if (p.roles.includes('integrator')) return { all: true };
    const em = this.ds.manager;
    const staff = await this.staffProfile(em, p);
    if (!staff) return { all: false, courseIds: [] };
    const rows: { course_id: string }[] = await em.query(
      `SELECT t.course_id FROM team_assignment t WHERE t.municipality_id = $1 AND t.staff_member_id = $2
       UNION SELECT g.course_id FROM access_grant g WHERE g.municipality_id = $1 AND g.staff_member_id = $2 AND g.revoked_at IS NULL
       UNION SELECT t.course_id FROM team_assignment t JOIN staff_member s ON s.id = t.staff_member_id
             WHERE t.municipality_id = $1 AND s.unit_id = $3 AND $4::boolean`,
      [p.municipalityId, p.userId, staff.unitId, p.roles.includes('manager')],
    );
    const facts = await loadCourseFacts(em, p.municipalityId, rows.map((r) => r.course_id), this.today(), this.clock.now());
    const ability = await this.ability(em, p, staff);
    return { all: false, courseIds: facts.filter((f) => ability.can('read', courseSubject(f))).map((f) => f.id) };
  }
}

import { AbilityBuilder, createMongoAbility, subject, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { COURSE_ACTIONS, type CourseAction, type Principal } from '@enplan/core/auth';
import type { LegalArea } from '@enplan/core/organisation';
import type { CourseFacts } from './course-facts.js';

/** `Course` is what staff act on; `ExternalView` is the consent-filtered view an external participant gets. */
export type AccessSubject = 'Course' | 'ExternalView';
export type CourseAbility = MongoAbility<[CourseAction, AccessSubject | (ForcedSubject<'Course'> & CourseFacts) | (ForcedSubject<'ExternalView'> & CourseFacts)]>;

/** The caller's own staff record, if they have one: their unit and where they hold authority. */
export interface StaffProfile {
  id: string;
  unitId: string;
  authorityAreas: LegalArea[];
}

/**
 * Extra rules a plugin contributes (e.g. "the coordinator's buddy may read"). Runs after the core rules,
 * with CASL's `can` / `cannot`, so a plugin can widen or narrow access for its own model's courses. It may
 * be async (a plugin's rule may read its own tables); each is awaited before the next, so order holds.
 */
export type AccessRuleContributor = (rules: Pick<AbilityBuilder<CourseAbility>, 'can' | 'cannot'>, who: { principal: Principal; staff: StaffProfile | null }) => void | Promise<void>;

/**
 * The core's access rules. Record-level: a caseworker acts on a course because they are on its team (or
 * were, for a closed course, read-only), or hold a temporary grant; a manager oversees the courses where
 * someone of their unit is on the team; an integration acts for the whole municipality; an external
 * participant reads only the consent-filtered view, and only while a consent covers their unit.
 */
export async function defineCourseAbility(principal: Principal, staff: StaffProfile | null, contributors: readonly AccessRuleContributor[] = []): Promise<CourseAbility> {
  const builder = new AbilityBuilder<CourseAbility>(createMongoAbility);
  const { can } = builder;
  const roles = new Set(principal.roles);
  const me = principal.userId;
  if (roles.has('integrator')) can([...COURSE_ACTIONS], 'Course');
  if (roles.has('caseworker') || roles.has('manager')) {
    can(['read', 'update', 'manage-team'], 'Course', { team: me });
    can('read', 'Course', { status: { $in: ['closed', 'declined'] }, former: me });
    can(['read', 'update'], 'Course', { grantees: me });
  }
  if (roles.has('manager') && staff) can(['read', 'manage-team', 'grant-access', 'read-access-log'], 'Course', { teamUnits: staff.unitId });
  if (roles.has('external') && staff) can('read', 'ExternalView', { team: me, sharingUnits: staff.unitId });
  for (const contribute of contributors) await contribute(builder, { principal, staff });
  return builder.build();
}

export const courseSubject = (f: CourseFacts) => subject('Course', { ...f });
export const externalSubject = (f: CourseFacts) => subject('ExternalView', { ...f });

/** Why the caller may act, for the access log: the strongest footing that applies. */
export function basisOf(principal: Principal, staff: StaffProfile | null, f: CourseFacts): string {
  const roles = new Set(principal.roles);
  if (f.team.includes(principal.userId)) return roles.has('external') ? 'external' : 'team';
  if (f.grantees.includes(principal.userId)) return 'grant';
  if (roles.has('manager') && staff && f.teamUnits.includes(staff.unitId)) return 'manager';
  if (f.former.includes(principal.userId)) return 'former-team';
  if (roles.has('integrator')) return 'integrator';
  return 'none';
}

import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import type { Role } from './principal.js';

/**
 * Every non-public route declares what it touches, with exactly one of `CourseAccess`, `CitizenAccess` or
 * `StaffRoute`. The access interceptor (`@enplan/core/access`) reads this metadata, decides record by record,
 * and writes the access log; a route with no declaration is refused, so a new route cannot be born open.
 */
export const ACCESS_METADATA = 'enplan:access';

/** What a caller wants to do with a course's records. */
export const COURSE_ACTIONS = ['read', 'update', 'manage-team', 'grant-access', 'read-access-log'] as const;
export type CourseAction = (typeof COURSE_ACTIONS)[number];

/**
 * Finds the course(s) a route's record belongs to, inside one municipality. An empty result means the record
 * does not exist there (404). A board meeting spans several courses: the caller needs access to all of them.
 */
export type CourseLocator = (em: EntityManager, municipalityId: string, recordId: string) => Promise<string[]>;
/** Finds the citizen(s) a route's record concerns (a household: its members). Empty = 404. */
export type CitizenLocator = (em: EntityManager, municipalityId: string, recordId: string) => Promise<string[]>;
/** Picks the citizens a list response shows, so that listing them is logged as reading them. */
export type ResponseCitizens = (body: unknown) => string[];

export interface CourseAccessRule {
  kind: 'course';
  action: CourseAction;
  /** The route parameter holding the record id (default `courseId`). */
  param: string;
  /** Maps the parameter to its course(s); absent when the parameter is the course id itself. */
  locate?: CourseLocator;
  /** The record type written to the access log, e.g. `plan`, `meeting`. */
  record: string;
  /** External participants (school, psychiatry, probation) may use this route, within their consent. */
  external: boolean;
}

export interface CitizenAccessRule {
  kind: 'citizen';
  action: 'read' | 'update';
  param: string;
  locate?: CitizenLocator;
  record: string;
  roles: readonly Role[];
}

export interface StaffRouteRule {
  kind: 'staff';
  /** Who may call it (never `external`); default every staff role and integrations. */
  roles: readonly Role[];
  /** For lists of citizen data: which citizens the response shows (logged as reads). */
  citizens?: ResponseCitizens;
  /** The route lists courses: the interceptor computes which courses the caller may see (`@CourseScope()`). */
  scope: boolean;
  record: string;
}

export type AccessRule = CourseAccessRule | CitizenAccessRule | StaffRouteRule;

export const STAFF_ROLES: readonly Role[] = ['caseworker', 'manager', 'integrator', 'admin'];
/** Citizens' master data is for case staff and integrations, not for organisation admins or external parties. */
export const CITIZEN_ROLES: readonly Role[] = ['caseworker', 'manager', 'integrator'];

/** The OpenAPI extension naming an operation's access rule (`AccessDescription`). */
export const ACCESS_EXTENSION = 'x-enplan-access';

/** Who may act on a course's records, per action: the core policy (`defineCourseAbility` in @enplan/core/access) in words. */
export const COURSE_ACTION_RULES: Record<CourseAction, { roles: readonly Role[]; rule: string }> = {
  read: {
    roles: ['caseworker', 'manager', 'integrator'],
    rule: 'a caseworker or manager on the course’s team (or formerly on it, once the course is closed or declined) or holding a temporary grant; a manager of a unit on the team; an integration for the whole municipality',
  },
  update: { roles: ['caseworker', 'manager', 'integrator'], rule: 'a caseworker or manager on the course’s team or holding a temporary grant; an integration for the whole municipality' },
  'manage-team': { roles: ['caseworker', 'manager', 'integrator'], rule: 'a caseworker or manager on the course’s team; a manager of a unit on the team; an integration for the whole municipality' },
  'grant-access': { roles: ['manager', 'integrator'], rule: 'a manager of a unit on the course’s team; an integration for the whole municipality' },
  'read-access-log': { roles: ['manager', 'integrator'], rule: 'a manager of a unit on the course’s team; an integration for the whole municipality' },
};

/** What the document says of an operation's access rule (`x-enplan-access`), derived from the very rule the interceptor enforces. */
export interface AccessDescription {
  kind: AccessRule['kind'];
  /** The roles that may call the operation at all. */
  roles: readonly Role[];
  /** The course action needed (course rules). */
  action?: CourseAction | 'read' | 'update';
  /** The kind of record, as named in the access log. */
  record: string;
  /** The record-level rule, in words. */
  rule: string;
  /** The problem codes a refusal carries (403). */
  denials: readonly string[];
  /** The code of the 404 when the path's record is not in the caller's municipality (course and citizen rules). */
  notFound?: string;
  /** Conflicts the access check itself answers to a write (409): a course whose model is no longer enabled is read-only. */
  writeRefusals?: readonly string[];
}

export function describeAccess(rule: AccessRule): AccessDescription {
  switch (rule.kind) {
    case 'course': {
      const { roles, rule: who } = COURSE_ACTION_RULES[rule.action];
      const external = rule.external;
      return {
        kind: 'course',
        roles: external ? [...roles, 'external'] : roles,
        action: rule.action,
        record: rule.record,
        rule:
          `Needs \`${rule.action}\` on the course the ${rule.record} belongs to: ${who}` +
          (external ? '; an external participant on the team, only while an information-sharing consent covers their unit (consent-filtered view)' : '') +
          '. A model plugin may widen or narrow this for its own courses.',
        denials: external ? ['access.denied', 'access.consent-missing', 'auth.municipality-not-served'] : ['access.denied', 'auth.municipality-not-served'],
        notFound: rule.locate ? `${rule.record}.not-found` : 'course.not-found',
        writeRefusals: rule.action === 'read' ? [] : ['course.model-disabled'],
      };
    }
    case 'citizen':
      return {
        kind: 'citizen',
        roles: rule.roles,
        action: rule.action,
        record: rule.record,
        rule: `Citizens’ master data (${rule.record}): one of the roles ${rule.roles.join(', ')}, for records of the caller’s municipality; every call is logged.`,
        denials: ['access.role-required', 'auth.municipality-not-served'],
        notFound: rule.locate ? `${rule.record}.not-found` : 'citizen.not-found',
      };
    case 'staff':
      return {
        kind: 'staff',
        roles: rule.roles,
        record: rule.record,
        rule: `One of the roles ${rule.roles.join(', ')}, within the caller’s municipality` + (rule.scope ? '; lists only the courses the caller may read' : '') + '.',
        denials: ['access.role-required', 'auth.municipality-not-served'],
      };
  }
}

/** Sets the rule the interceptor enforces and documents the very same rule on the operation (roles, record rule, 403). */
function declareAccess(rule: AccessRule) {
  const described = describeAccess(rule);
  return applyDecorators(
    SetMetadata<string, AccessRule>(ACCESS_METADATA, rule),
    ApiExtension(ACCESS_EXTENSION, described),
    ApiForbiddenResponse({ description: `Refused (${described.denials.map((c) => `\`${c}\``).join(', ')}). Who may: ${described.rule}` }),
  );
}

/** A route on one course's records: the caller needs `action` on the course(s) the record belongs to. */
export const CourseAccess = (
  action: CourseAction,
  o: { record: string; param?: string; locate?: CourseLocator; external?: boolean },
) =>
  declareAccess({
    kind: 'course',
    action,
    param: o.param ?? 'courseId',
    locate: o.locate,
    record: o.record,
    external: o.external ?? false,
  });

/** A route on one citizen's (or household's) master data: staff may use it; every call is logged. */
export const CitizenAccess = (action: 'read' | 'update', o: { record: string; param?: string; locate?: CitizenLocator; roles?: readonly Role[] }) =>
  declareAccess({
    kind: 'citizen',
    action,
    param: o.param ?? 'id',
    locate: o.locate,
    record: o.record,
    roles: o.roles ?? CITIZEN_ROLES,
  });

/** A route not tied to one course or citizen (organisation data, lists filtered by the service, catalogues). */
export const StaffRoute = (o: { record: string; roles?: readonly Role[]; citizens?: ResponseCitizens; scope?: boolean }) =>
  declareAccess({
    kind: 'staff',
    roles: o.roles ?? STAFF_ROLES,
    citizens: o.citizens,
    scope: o.scope ?? false,
    record: o.record,
  });

/** The courses a caller may see: every course of the municipality, or the listed ones. */
export type CourseScope = { all: true } | { all: false; courseIds: readonly string[] };
export const COURSE_SCOPE_KEY = 'courseScope';

/** Injects the caller's course scope on a `StaffRoute({ scope: true })` route. */
export const CurrentCourseScope = createParamDecorator((_: unknown, ctx: ExecutionContext): CourseScope => {
  const scope = (ctx.switchToHttp().getRequest<Record<string, unknown>>()[COURSE_SCOPE_KEY] as CourseScope | undefined) ?? undefined;
  // A route that asks for a scope without declaring `scope: true` is a programming error: fail closed.
  return scope ?? { all: false, courseIds: [] };
});

/** Adds `c.id IN scope` to a course query; `column` is the SQL expression of the course id. */
export function scopeCondition(scope: CourseScope, column: string): { sql: string; params: Record<string, unknown> } {
  if (scope.all) return { sql: 'TRUE', params: {} };
  return { sql: `${column} IN (:...scopeCourseIds)`, params: { scopeCourseIds: scope.courseIds.length ? [...scope.courseIds] : ['00000000-0000-0000-0000-000000000000'] } };
}

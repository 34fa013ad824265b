import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
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

/** A route on one course's records: the caller needs `action` on the course(s) the record belongs to. */
export const CourseAccess = (
  action: CourseAction,
  o: { record: string; param?: string; locate?: CourseLocator; external?: boolean },
) =>
  applyDecorators(
    SetMetadata<string, CourseAccessRule>(ACCESS_METADATA, {
      kind: 'course',
      action,
      param: o.param ?? 'courseId',
      locate: o.locate,
      record: o.record,
      external: o.external ?? false,
    }),
  );

/** A route on one citizen's (or household's) master data: staff may use it; every call is logged. */
export const CitizenAccess = (action: 'read' | 'update', o: { record: string; param?: string; locate?: CitizenLocator; roles?: readonly Role[] }) =>
  SetMetadata<string, CitizenAccessRule>(ACCESS_METADATA, {
    kind: 'citizen',
    action,
    param: o.param ?? 'id',
    locate: o.locate,
    record: o.record,
    roles: o.roles ?? CITIZEN_ROLES,
  });

/** A route not tied to one course or citizen (organisation data, lists filtered by the service, catalogues). */
export const StaffRoute = (o: { record: string; roles?: readonly Role[]; citizens?: ResponseCitizens; scope?: boolean }) =>
  SetMetadata<string, StaffRouteRule>(ACCESS_METADATA, {
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

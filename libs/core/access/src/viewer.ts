import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@enplan/core/auth';
import { disclosedTo } from '@enplan/core/citizens';
import type { InformationCategory } from '@enplan/core/courses';
import type { LegalArea } from '@enplan/core/organisation';
import type { CourseFacts } from './course-facts.js';
import type { StaffProfile } from './policy.js';

/** What the access interceptor established for a course route; services filter content with it. */
export interface CourseAccessContext {
  principal: Principal;
  staff: StaffProfile | null;
  facts: CourseFacts[];
  /** The caller reads as an external participant: only consent-covered categories. */
  external: boolean;
  basis: string[];
}

export const ACCESS_CONTEXT_KEY = 'courseAccess';

/**
 * Who is reading one course's content and what they may see of it:
 * - `areas`: legal areas the reader holds authority in (`all` for integrations), for authority-only items;
 * - `categories`: for an external reader, the categories shared with their unit; `null` for staff.
 */
export interface Viewer {
  userId: string;
  areas: readonly LegalArea[] | 'all';
  categories: readonly InformationCategory[] | null;
}

export function viewerOf(ctx: CourseAccessContext | undefined, courseId: string): Viewer {
  if (!ctx) return { userId: '', areas: [], categories: [] };
  const f = ctx.facts.find((x) => x.id === courseId);
  const p = ctx.principal;
  if (ctx.external) return { userId: p.userId, areas: [], categories: (ctx.staff && f?.sharedCategories[ctx.staff.unitId]) || [] };
  return { userId: p.userId, areas: p.roles.includes('integrator') ? 'all' : (ctx.staff?.authorityAreas ?? []), categories: null };
}

/** Injects the access context of the current course route (set by the access interceptor). */
// Stryker disable next-line all: Nest wiring, not a rule; every course route's e2e test reads through it over HTTP.
export const CourseViewerContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CourseAccessContext | undefined => {
  return ctx.switchToHttp().getRequest<Record<string, unknown>>()[ACCESS_CONTEXT_KEY] as CourseAccessContext | undefined;
});

export const ITEM_VISIBILITIES = ['team', 'authority', 'member'] as const;
/**
 * Who sees an item of a course's content:
 * - `team`: everyone with access to the course; in a family, every member;
 * - `authority`: only those holding authority in the item's legal area (never external parties or the family);
 * - `member`: the whole team, but of the family only the member(s) it concerns.
 */
export type ItemVisibility = (typeof ITEM_VISIBILITIES)[number];

export interface VisibleItem {
  legalArea?: LegalArea | null;
  visibility?: ItemVisibility;
  authorId?: string | null;
}

/** Whether a staff or external reader may see an item. */
export function canSee(v: Viewer, item: VisibleItem): boolean {
  const visibility = item.visibility ?? 'team';
  if (v.categories) {
    // External parties see only shared categories, and never authority-only items.
    if (visibility === 'authority') return false;
    return v.categories.includes(item.legalArea ?? 'general');
  }
  if (visibility !== 'authority' || !item.legalArea) return true;
  if (item.authorId && item.authorId === v.userId) return true;
  return v.areas === 'all' || v.areas.includes(item.legalArea);
}

/**
 * Whether a family member's own view of the plan (the citizen view) shows an item: the household's disclosure
 * rule (`disclosedTo`: it concerns them or a child in their custody, or names nobody), except that an
 * `authority` item is a staff record and reaches the family only when it names whom it concerns.
 */
export function memberMaySee(circle: ReadonlySet<string>, item: { visibility?: ItemVisibility; concerns?: readonly string[] }): boolean {
  if ((item.visibility ?? 'team') === 'authority' && !item.concerns?.length) return false;
  return disclosedTo(circle, item.concerns);
}

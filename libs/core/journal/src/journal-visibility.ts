import { canSee, type ItemVisibility, type Viewer } from '@enplan/core/access';
import type { InformationCategory } from '@enplan/core/courses';
import type { LegalArea } from '@enplan/core/organisation';

/** A note's area: a legal area, or `general` for what belongs to the course as a whole. */
export type JournalArea = InformationCategory;
export const GENERAL_AREA = 'general';

/** A note in a legal area is for authority holders unless the writer says otherwise; a general note is for the team. */
export function defaultVisibility(area: JournalArea): ItemVisibility {
  return area === GENERAL_AREA ? 'team' : 'authority';
}

export function legalAreaOf(area: JournalArea): LegalArea | null {
  return area === GENERAL_AREA ? null : (area as LegalArea);
}

/** Whether a staff or external reader may see a note (the access layer's `canSee`, with `general` as no area). */
export function noteVisibleTo(viewer: Viewer, note: { legalArea: JournalArea; visibility: ItemVisibility; authorId: string }): boolean {
  if (viewer.categories && !viewer.categories.includes(note.legalArea)) return false;
  return canSee(viewer, { legalArea: legalAreaOf(note.legalArea), visibility: note.visibility, authorId: note.authorId });
}

/** Whether the writer may write in the area: integrations everywhere, staff where they hold authority. */
export function mayWriteIn(viewer: Viewer, area: JournalArea): boolean {
  if (area === GENERAL_AREA) return true;
  return viewer.areas === 'all' || viewer.areas.includes(area as LegalArea);
}

/**
 * The same rule as SQL, so lists page over what the reader may see (`n` is the note alias). Rows are checked
 * again with `noteVisibleTo` before they leave the service.
 */
export function visibilitySql(viewer: Viewer, alias = 'n'): { sql: string; params: Record<string, unknown> } {
  if (viewer.categories) {
    if (!viewer.categories.length) return { sql: 'FALSE', params: {} };
    return {
      sql: `${alias}.visibility <> 'authority' AND CAST(${alias}.legalArea AS text) IN (:...viewerCategories)`,
      params: { viewerCategories: [...viewer.categories] },
    };
  }
  if (viewer.areas === 'all') return { sql: 'TRUE', params: {} };
  const areas = viewer.areas.length ? [...viewer.areas] : ['-none-'];
  return {
    sql: `(${alias}.visibility <> 'authority' OR ${alias}.legalArea = 'general' OR ${alias}.authorId = :viewerId OR CAST(${alias}.legalArea AS text) IN (:...viewerAreas))`,
    params: { viewerId: viewer.userId || '00000000-0000-0000-0000-000000000000', viewerAreas: areas },
  };
}

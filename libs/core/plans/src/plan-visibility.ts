import { canSee, memberMaySee, type Viewer } from '@enplan/core/access';
import type { LegalArea } from '@enplan/core/organisation';
import type { PlanAction, PlanAgreement, PlanContent, PlanGoal } from './plan-content.js';

const AREA_BY_PREFIX: Record<string, LegalArea> = {
  LAB: 'employment',
  LAS: 'active-social-policy',
  SEL: 'social-adults',
  BL: 'children',
  SUL: 'health',
  STU: 'education',
};

/** The legal area a legal-basis code belongs to, from its law prefix (`SEL-85` → social-adults). */
export function legalAreaOfBasis(code: string): LegalArea | null {
  return AREA_BY_PREFIX[code.split('-')[0]?.toUpperCase() ?? ''] ?? null;
}

type Item = PlanGoal | PlanAction | PlanAgreement;

export function itemArea(item: Item): LegalArea | null {
  if ('legalBasis' in item) return legalAreaOfBasis(item.legalBasis);
  return item.legalArea ?? null;
}

/**
 * Keeps what `keep` allows, and drops with a goal everything under it (its sub-goals and actions), so a
 * hidden goal does not leak through its children.
 */
function filterPlan(content: PlanContent, keep: (item: Item) => boolean, shared: boolean): PlanContent {
  const hidden = new Set(content.goals.filter((g) => !keep(g)).map((g) => g.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of content.goals) {
      if (!hidden.has(g.id) && g.parentId && hidden.has(g.parentId)) {
        hidden.add(g.id);
        grew = true;
      }
    }
  }
  return {
    citizenWords: shared ? content.citizenWords : { worries: '', whatWorks: '', dreamsAndWishes: '' },
    overallGoal: shared ? content.overallGoal : { text: '', citizenAgreed: false },
    goals: content.goals.filter((g) => !hidden.has(g.id)),
    actions: content.actions.filter((a) => !hidden.has(a.goalId) && keep(a)),
    agreements: content.agreements.filter((a) => keep(a)),
  };
}

/** The plan as one staff member or external party may see it. */
export function planFor(viewer: Viewer, content: PlanContent): PlanContent {
  const shared = viewer.categories === null || viewer.categories.includes('general');
  return filterPlan(content, (item) => canSee(viewer, { legalArea: itemArea(item), visibility: item.visibility }), shared);
}

/** The plan as one member of the family may see it (their own linked plan plus the shared family goals). */
export function planForMember(citizenId: string, content: PlanContent): PlanContent {
  return filterPlan(content, (item) => memberMaySee(citizenId, { visibility: item.visibility, concerns: item.concerns }), true);
}

/**
 * A reader saves what they saw; the items they could not see must survive the save, so they are carried
 * over from the base content unchanged.
 */
export function keepHidden(saved: PlanContent, base: PlanContent | null, viewer: Viewer): PlanContent {
  if (!base) return saved;
  const seen = planFor(viewer, base);
  const visibleIds = new Set([...seen.goals, ...seen.actions, ...seen.agreements].map((i) => i.id));
  const savedIds = new Set([...saved.goals, ...saved.actions, ...saved.agreements].map((i) => i.id));
  const carry = <T extends Item>(xs: T[]) => xs.filter((x) => !visibleIds.has(x.id) && !savedIds.has(x.id));
  return {
    ...saved,
    goals: [...saved.goals, ...carry(base.goals)],
    actions: [...saved.actions, ...carry(base.actions)],
    agreements: [...saved.agreements, ...carry(base.agreements)],
  };
}

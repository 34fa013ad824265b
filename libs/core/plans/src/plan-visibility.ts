import { canSee, memberMaySee, type Viewer } from '@enplan/core/access';
import { disclosedTo, freeTextDisclosure, type FreeTextDisclosure } from '@enplan/core/citizens';
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

/** The ids of the plan items one household member is not told about. */
export interface MemberHidden {
  goals: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  agreements: ReadonlySet<string>;
}

/**
 * Which items of a plan one household member is not told about, for every per-member read (the citizen view
 * and the access request alike). Each item is decided by the household's disclosure rule on its own `concerns`
 * (`disclosedTo`: the member, or a child in their custody); an item naming nobody inherits its goal's decision
 * (a sub-goal its parent's), so an untagged action under the mother's goal stays hers. `fridge` (the citizen
 * view) also keeps `authority` items naming nobody off the page (`memberMaySee`); the access request shows them.
 */
export function memberHidden(circle: ReadonlySet<string>, content: PlanContent, fridge: boolean): MemberHidden {
  // An item's own decision, or undefined when it names nobody and so follows its goal.
  const own = (item: Item): boolean | undefined => {
    if (fridge && item.visibility === 'authority') return memberMaySee(circle, item);
    return item.concerns?.length ? disclosedTo(circle, item.concerns) : undefined;
  };
  const byId = new Map(content.goals.map((g) => [g.id, g]));
  const memo = new Map<string, boolean>();
  const goalShown = (g: PlanGoal, seen: ReadonlySet<string> = new Set()): boolean => {
    const known = memo.get(g.id);
    if (known !== undefined) return known;
    const parent = g.parentId ? byId.get(g.parentId) : undefined;
    // A cycle is refused when the plan is written; the guard only keeps a bad snapshot from looping.
    const shown = own(g) ?? (!parent || seen.has(parent.id) || goalShown(parent, new Set([...seen, g.id])));
    memo.set(g.id, shown);
    return shown;
  };
  const actionShown = (a: PlanAction): boolean => {
    const goal = byId.get(a.goalId);
    return own(a) ?? (!goal || goalShown(goal));
  };
  return {
    goals: new Set(content.goals.filter((g) => !goalShown(g)).map((g) => g.id)),
    actions: new Set(content.actions.filter((a) => !actionShown(a)).map((a) => a.id)),
    agreements: new Set(content.agreements.filter((a) => !(own(a) ?? true)).map((a) => a.id)),
  };
}

/**
 * The plan as one member of the family may see it (their own items, their children's when they hold custody,
 * and the shared family ones). An item shown under a withheld goal loses the reference, so nothing of the goal
 * (not even its title in the citizen view) comes along.
 */
export function planForMember(circle: ReadonlySet<string>, content: PlanContent): PlanContent {
  const hidden = memberHidden(circle, content, true);
  return {
    citizenWords: content.citizenWords,
    overallGoal: content.overallGoal,
    goals: content.goals.filter((g) => !hidden.goals.has(g.id)).map((g) => (g.parentId && hidden.goals.has(g.parentId) ? { ...g, parentId: undefined } : g)),
    actions: content.actions.filter((a) => !hidden.actions.has(a.id)).map((a) => (hidden.goals.has(a.goalId) ? { ...a, goalId: '' } : a)),
    agreements: content.agreements.filter((a) => !hidden.agreements.has(a.id)),
  };
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

export type WordsDisclosure = FreeTextDisclosure;

/**
 * The plan's citizen words (worries, what works, dreams) belong to the course's citizen who said them: a member
 * is told them by the disclosure rule, as free text concerning that citizen. In a family course without a main
 * citizen nobody can tell whose words they are, so they wait for a caseworker's review (and release to the
 * reader: `released`) like other untagged free text. `family`: the course's household has other members than
 * the reader's own.
 */
export function wordsDisclosure(circle: ReadonlySet<string>, courseCitizenId: string | null, family: boolean, released = false): WordsDisclosure {
  return freeTextDisclosure(circle, courseCitizenId ? [courseCitizenId] : [], family, released);
}

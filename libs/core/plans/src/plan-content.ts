import type { ItemVisibility } from '@enplan/core/access';
import type { LegalArea } from '@enplan/core/organisation';

/**
 * The content of one plan version, stored as an immutable JSON snapshot. Items carry stable ids across
 * versions so that two versions can be compared item by item.
 */
export const GOAL_STATUSES = ['not-started', 'in-progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ACTION_STATUSES = ['planned', 'active', 'changed', 'stopped', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const RESPONSIBLE_KINDS = ['staff', 'unit', 'citizen'] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

export interface Responsible {
  kind: ResponsibleKind;
  /** Staff member or unit id; absent when the citizen is responsible. */
  id?: string;
}

export interface CitizenWords {
  worries: string;
  whatWorks: string;
  dreamsAndWishes: string;
}

export interface OverallGoal {
  /** In the citizen's own words. */
  text: string;
  citizenAgreed: boolean;
  agreedOn?: string;
}

export interface PlanGoal {
  id: string;
  parentId?: string;
  title: string;
  targetDate?: string;
  status: GoalStatus;
  /** Citizen ids the goal concerns (family plans); empty = the course's citizen (or, in a family, everyone). */
  concerns: string[];
  /** The legal area a goal belongs to, when it is not a shared one (needed for `authority` visibility). */
  legalArea?: LegalArea;
  /** Who may see it (default `team`); see `ItemVisibility`. */
  visibility?: ItemVisibility;
}

export interface PlanAction {
  id: string;
  goalId: string;
  title: string;
  /** A code from the legal-basis catalogue, e.g. "SEL-85". */
  legalBasis: string;
  responsible: Responsible;
  startDate: string;
  deadline?: string;
  status: ActionStatus;
  /** Household members the action concerns; absent/empty = the course's citizen (or, in a family, everyone). */
  concerns?: string[];
  visibility?: ItemVisibility;
}

export interface PlanAgreement {
  id: string;
  /** "who does what by when", e.g. "Buy the train ticket". */
  text: string;
  responsible: Responsible;
  due?: string;
  done: boolean;
  concerns?: string[];
  legalArea?: LegalArea;
  visibility?: ItemVisibility;
}

export interface PlanContent {
  citizenWords: CitizenWords;
  overallGoal: OverallGoal;
  goals: PlanGoal[];
  actions: PlanAction[];
  agreements: PlanAgreement[];
}

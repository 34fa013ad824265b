import type { SectorAdapter } from './sector-adapters.js';
import type { Principal } from '@enplan/core/auth';
import type { FieldProblem } from '@enplan/core/common';
import type { LegalArea, StaffFunction, UnitKind } from '@enplan/core/organisation';
import type { CadencePolicyContribution } from './cadence.js';
import type { CorePorts, PluginAudit, PluginDb, PluginLogger } from './ports.js';

/**
 * The extension points, typed. Plugins receive *facts*: plain, read-only snapshots of core records that
 * the core builds for them, never entities, so the core can change its tables without breaking a plugin.
 * Status, role and target-group values are the core vocabularies' strings (re-exported by the plugin API as
 * COURSE_STATUSES, TEAM_ROLES, TARGET_GROUPS).
 */

/** A text in both languages the product speaks. */
export interface Label {
  da: string;
  en: string;
}

export interface StaffFacts {
  readonly id: string;
  readonly name: string;
  readonly unitId: string;
  readonly unitKind: UnitKind;
  readonly function: StaffFunction;
  /** Legal areas in which the person holds statutory authority (myndighed). */
  readonly authorityAreas: readonly LegalArea[];
  /** Delivers actions (udfører), e.g. mentor or support contact person. */
  readonly isProvider: boolean;
  /** Full-time equivalent, e.g. 0.5. */
  readonly fte: number;
  readonly active: boolean;
}

export interface CourseFacts {
  readonly id: string;
  readonly modelId: string;
  /** referred, assessed, active, paused, closed, declined. */
  readonly status: string;
  /** adults, youth, families. */
  readonly targetGroup: string;
  readonly citizenId: string | null;
  readonly householdId: string | null;
  readonly referredOn: string;
  readonly referralReasonCode: string;
  readonly activatedOn: string | null;
  readonly endDate: string | null;
  readonly outcomeCode: string | null;
}

export interface TeamMemberFacts {
  readonly assignmentId: string;
  /** coordinator, caseworker, buddy, primary-contact, provider, external-participant. */
  readonly role: string;
  readonly startsOn: string;
  readonly staff: StaffFacts;
}

/** What is happening to the team when its rules are checked. */
export type TeamChange =
  | { readonly kind: 'activation' }
  | { readonly kind: 'add'; readonly role: string; readonly staffMemberId: string }
  | { readonly kind: 'end'; readonly role: string; readonly staffMemberId: string }
  | { readonly kind: 'handover'; readonly staffMemberId: string; readonly previousStaffMemberId: string | null };

/** The course's current team (after the change), for team rules. */
export interface TeamFacts {
  readonly course: CourseFacts;
  readonly members: readonly TeamMemberFacts[];
  readonly change: TeamChange;
}

/** One broken team rule. `rule` names it (e.g. `coordinator-required`); `code` overrides `plugin.team-rule`. */
export interface TeamRuleProblem {
  rule: string;
  message: string;
  code?: string;
}

export interface CitizenFacts {
  readonly id: string;
  readonly birthDate: string;
  /** Whole years on the referral date. */
  readonly ageYears: number;
}

export interface HouseholdFacts {
  readonly id: string;
  readonly members: readonly { readonly citizenId: string; readonly relation: string; readonly ageYears: number }[];
}

export interface EligibilityInput {
  readonly course: CourseFacts;
  /** The referred citizen (for a family course: the household's named citizen, if any). */
  readonly citizen: CitizenFacts | null;
  readonly household: HouseholdFacts | null;
  readonly referralReason: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Why (not): shown to the referrer; required when not eligible. */
  reasons: string[];
  /** The problem code when refused; default `plugin.not-eligible`. */
  code?: string;
}

/** A refusal names why and may carry the plugin's own problem code (default `plugin.decision-authority`). */
export type AuthorityDecision = { allowed: true } | { allowed: false; reason: string; code?: string };

/** A provision of the legal-basis catalogue (the core's or the municipality's). */
export interface LegalBasisFacts {
  /** e.g. `SEL-85`. */
  readonly code: string;
  /** The law by its Danish name, e.g. `Serviceloven`. */
  readonly law: string;
  /** e.g. `§ 85`. */
  readonly paragraph: string;
  readonly title: string;
  /** The legal area the provision belongs to; null when the catalogue cannot place it. */
  readonly legalArea: LegalArea | null;
}

/**
 * Where a decision is being recorded. Every place the core records a decision asks the same extension
 * point, so a model's rule holds for all of them; `site` lets a rule tell them apart when it must.
 */
export type DecisionSite =
  /** A plan version deciding one of its new or changed actions. */
  | { readonly kind: 'plan-publish'; readonly version: number; readonly actionId: string; readonly sourceMeetingId: string | null }
  /** A decision recorded as a meeting outcome. */
  | { readonly kind: 'meeting-outcome'; readonly meetingId: string; readonly meetingType: string }
  /** An order to a provider for an action of the plan: the action put into effect. */
  | { readonly kind: 'provider-order'; readonly actionId: string }
  /** A formal decision (afgørelse) made on the course's decisions resource; `meetingId` when a meeting's outcome opened it. */
  | { readonly kind: 'decision'; readonly decisionId: string; readonly meetingId: string | null };

/**
 * What a decision-authority rule sees: the same facts plan-publish rules get (the course, its team, who
 * decides) plus the decision's legal area and, when named, its legal basis; the rule runs in the core's
 * transaction (`HookContext`), so it may read the plugin's own tables through `ctx.db` and the core's facts through `ctx.core`.
 */
export interface DecisionAuthorityInput {
  /** Who records the decision; null when the caller is not a staff member (an integration). */
  readonly staff: StaffFacts | null;
  readonly legalArea: LegalArea;
  /** The provision the decision is made under, when the decision names one (an action always does). */
  readonly legalBasis: LegalBasisFacts | null;
  readonly course: CourseFacts;
  /** The course's current team. */
  readonly team: readonly TeamMemberFacts[];
  readonly site: DecisionSite;
  /** The day of the decision (YYYY-MM-DD, Danish time). */
  readonly on: string;
}

/** Targets and caps of a course model. `null`: none. */
export interface CaseloadPolicy {
  /** Target active courses per full-time staff member (shown on caseload views). */
  targetPerFte: number | null;
  /** Hard cap of active courses per full-time staff member, enforced at activation and assignment. */
  capPerFte: number | null;
  /** The roles whose holders the cap applies to (and whose courses count toward it). */
  cappedRoles: readonly string[];
  /** Active courses of the model a municipality takes at a time ("up to 120 at a time"). */
  maxActiveCourses: number | null;
}

export interface PlanActionFacts {
  readonly id: string;
  readonly goalId: string;
  readonly title: string;
  readonly legalBasis: string;
  /** The legal area of the action's legal basis; null when the catalogue cannot place it. */
  readonly legalArea: LegalArea | null;
  readonly responsible: { readonly kind: 'staff' | 'unit' | 'citizen'; readonly id?: string };
  readonly startDate: string;
  readonly deadline?: string;
  readonly status: string;
}

export interface PlanContentFacts {
  readonly citizenWords: { readonly worries: string; readonly whatWorks: string; readonly dreamsAndWishes: string };
  readonly overallGoal: { readonly text: string; readonly citizenAgreed: boolean; readonly agreedOn?: string };
  readonly goals: readonly {
    readonly id: string;
    readonly parentId?: string;
    readonly title: string;
    readonly targetDate?: string;
    readonly status: string;
    readonly concerns: readonly string[];
  }[];
  readonly actions: readonly PlanActionFacts[];
  readonly agreements: readonly {
    readonly id: string;
    readonly text: string;
    readonly responsible: { readonly kind: 'staff' | 'unit' | 'citizen'; readonly id?: string };
    readonly due?: string;
    readonly done: boolean;
  }[];
}

export interface PlanPublishInput {
  readonly course: CourseFacts;
  readonly team: readonly TeamMemberFacts[];
  readonly publisher: StaffFacts | null;
  /** The version being published. */
  readonly version: number;
  readonly content: PlanContentFacts;
  /** The version it replaces; null for the first. */
  readonly previous: PlanContentFacts | null;
  /** Actions that are new or whose legal basis, status or dates this publish changes: what it decides. */
  readonly changedActions: readonly PlanActionFacts[];
  /** The meeting whose outcome the version records (publish-plan from a meeting, or `sourceMeetingId`); null when none. */
  readonly sourceMeetingId?: string | null;
}

/** A meeting type, as the meeting planner and the deployment endpoint list it. */
export interface MeetingTypeDefinition {
  id: string;
  label: Label;
  description?: string;
}

/**
 * A role in the catalogue: `team` roles are the core's (a team assignment's role); `meeting` roles are worn
 * by meeting participants (chair, note-taker, explorer…); `plugin` roles live in a plugin's own records.
 */
export interface RoleDefinition {
  id: string;
  kind: 'team' | 'meeting' | 'plugin';
  label: Label;
  description?: string;
}

/**
 * Reserved for the authorisation engine (`@enplan/core/access`): a plugin adds CASL rules (`can` / `cannot`
 * of a CASL AbilityBuilder) for a caller, after the core's, e.g. "the coordinator's buddy may read".
 */
export interface AccessRuleBuilder {
  can(action: string | string[], subject: string, conditions?: Record<string, unknown>): unknown;
  cannot(action: string | string[], subject: string, conditions?: Record<string, unknown>): unknown;
}

/** Who the access rules are built for: the caller and, when they are staff, their unit and authority. */
export interface AccessRuleSubject {
  readonly principal: Principal;
  readonly staff: { readonly id: string; readonly unitId: string; readonly authorityAreas: readonly LegalArea[] } | null;
}

/** What every function extension receives: where it runs and its plugin's settings there. */
export interface ExtensionContext<S = unknown> {
  readonly municipalityCode: string;
  readonly municipalityId: string;
  /** The course model the call is about. */
  readonly modelId: string;
  /** The plugin whose extension runs. */
  readonly pluginId: string;
  /** That plugin's validated settings in this municipality (defaults applied). */
  readonly settings: S;
}

/**
 * Hooks and validators run inside the core's transaction: reads of the core's facts (`core`) and reads and
 * writes of the plugin's own tables (`db`) are part of it, and throwing (a DomainError, for a stable problem
 * code) rolls the whole operation back. The transaction itself is never handed out.
 */
export interface HookContext<S = unknown> extends ExtensionContext<S> {
  /** The plugin's own tables (only its declared entities), in the core's transaction. */
  readonly db: PluginDb;
  /** The core's records as facts, in the core's transaction and the municipality. */
  readonly core: CorePorts;
  readonly audit: PluginAudit;
  readonly logger: PluginLogger;
  readonly principal: Principal;
  readonly now: Date;
  /** The Danish date of `now`. */
  readonly today: string;
  /** A provider of the application (e.g. the plugin's own service), by class or token. */
  get<T>(token: abstract new (...args: never[]) => T): T;
  get<T = unknown>(token: string | symbol): T;
}

/**
 * What runs outside a request (the work list is also computed by the reminder job): the plugin's tables, the
 * core's facts, the clock and the application's providers, but no caller.
 */
export type WorkListContext<S = unknown> = Omit<HookContext<S>, 'principal'>;

/** A meeting of a course, as work-list rules see it. */
export interface WorkListMeetingFacts {
  readonly id: string;
  readonly type: string;
  /** ISO date-time. */
  readonly startsAt: string;
  readonly status: 'planned' | 'held' | 'cancelled';
}

/** A meeting the course's cadence policy requires, as the core computed it (before plugins mark theirs met). */
export interface CadenceDueFacts {
  readonly rule: string;
  readonly meetingType: string;
  /** YYYY-MM-DD by which the meeting must have been held. */
  readonly dueOn: string;
  /** A planned meeting of the type booked in time, if any. */
  readonly scheduledMeetingId: string | null;
}

export interface WorkListCourseFacts {
  readonly course: CourseFacts;
  readonly meetings: readonly WorkListMeetingFacts[];
  readonly cadence: readonly CadenceDueFacts[];
}

export interface WorkListInput {
  /** The open (not closed or declined) courses the lists are computed for: a model plugin gets its model's, an add-on every course. */
  readonly courses: readonly WorkListCourseFacts[];
  /** The day the lists are computed for (YYYY-MM-DD). */
  readonly today: string;
  /** Items due after this day (YYYY-MM-DD) are left out by the core; a plugin need not compute them. */
  readonly horizon: string;
}

/** A deadline a plugin owns; the core decides from `dueOn` whether it is overdue, due or upcoming. */
export interface PluginWorkItem {
  readonly courseId: string;
  /** Stable within the plugin (e.g. `re-review`): the work list's `ref`. */
  readonly ref: string;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  /** Shown to staff: no names, CPR or health details (work lists are shown on boards and sent in reminders). */
  readonly title: string;
  /** When the deadline is a meeting. */
  readonly meetingType?: string;
  /** Only on this staff member's list (and the team views); without it, on every team member's list. */
  readonly staffMemberId?: string;
}

export interface PluginWorkList {
  items: PluginWorkItem[];
  /** The plugin's own cadence rules (by id) that its records show met on a course: the core drops those items. */
  cadenceMet?: { courseId: string; rule: string }[];
}

export interface LifecycleHooks<S = unknown> {
  /** After the course row and its first transition are written. */
  onReferral?(event: { course: CourseFacts }, ctx: HookContext<S>): void | Promise<void>;
  /** After the course became active (first time, or resumed from paused) and its team passed the rules. */
  onActivation?(event: { course: CourseFacts; team: readonly TeamMemberFacts[]; resumed: boolean }, ctx: HookContext<S>): void | Promise<void>;
  /** After a new plan version is written. */
  onPlanPublished?(event: { course: CourseFacts; version: number; content: PlanContentFacts; publisher: StaffFacts | null }, ctx: HookContext<S>): void | Promise<void>;
  /** After the course was closed (with an outcome) or declined. */
  onClosing?(event: { course: CourseFacts; to: 'closed' | 'declined' }, ctx: HookContext<S>): void | Promise<void>;
}

/** The extension points a plugin may fill. Every one is optional; each has a core default. */
export interface PluginExtensions<S = unknown> {
  /** Which roles a course needs and who may fill them; checked at activation and on team changes of active courses. */
  teamRules?: (team: TeamFacts, ctx: HookContext<S>) => TeamRuleProblem[] | Promise<TeamRuleProblem[]>;
  /** Roles added to the catalogue (meeting roles such as explorer / captain / witness). */
  roles?: RoleDefinition[];
  /** Meeting types added to the catalogue. */
  meetingTypes?: MeetingTypeDefinition[];
  /** Cadence rules merged over the core's (by rule id) and suppressions of core rules. */
  cadencePolicy?: CadencePolicyContribution;
  /** Caseload target and caps of the plugin's model (model plugins only). */
  caseload?: Partial<CaseloadPolicy>;
  /**
   * Who may record a decision under which legal area, wherever it is recorded (plan publish, meeting outcome,
   * provider order). A model plugin's rule replaces the core's; an add-on's narrows it. Runs in the core's
   * transaction.
   */
  decisionAuthority?: (input: DecisionAuthorityInput, ctx: HookContext<S>) => Promise<AuthorityDecision>;
  hooks?: LifecycleHooks<S>;
  /** Extra checks before a plan version is published: problems name the field and carry the plugin's own code. */
  validatePlanPublish?: (input: PlanPublishInput, ctx: HookContext<S>) => FieldProblem[] | Promise<FieldProblem[]>;
  /** Extra target-group rules, checked at referral. */
  eligibility?: (input: EligibilityInput, ctx: HookContext<S>) => EligibilityResult | Promise<EligibilityResult>;
  /**
   * Deadlines the plugin owns, for work lists, the board and reminders, and which of its cadence rules its
   * own records show met. Called for many courses at once; read the plugin's tables in bulk.
   */
  workList?: (input: WorkListInput, ctx: WorkListContext<S>) => Promise<PluginWorkList>;
  /**
   * Extra authorisation rules, added after the core's when the access module builds the caller's ability.
   * Like the other rules it may be async and gets a hook context (`ctx.db`, `ctx.core`, the caller, the
   * clock), in the transaction the access decision is made in; the `rules` are added before it resolves.
   */
  accessRules?: (rules: AccessRuleBuilder, who: AccessRuleSubject, ctx: HookContext<S>) => void | Promise<void>;
  /**
   * Sector systems this plugin feeds from the domain-event outbox (see `SectorAdapter`): each event of a type an
   * adapter takes is delivered to it with its own retries, in every municipality that enables the plugin.
   */
  sectorAdapters?: SectorAdapter<S>[];
}

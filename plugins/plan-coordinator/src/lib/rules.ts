import {
  DomainError,
  EXTERNAL_UNIT_KINDS,
  type AuthorityDecision,
  type CadencePolicyContribution,
  type CaseloadPolicy,
  type CourseFacts,
  type DecisionAuthorityInput,
  type LegalArea,
  type RoleDefinition,
  type StaffFacts,
  type TeamMemberFacts,
  type TeamRuleProblem,
} from '@enplan/plugin-api';
import type { PlanCoordinatorSettings } from './settings.js';

/**
 * The plan-coordinator model's rules as pure functions of facts and settings: the plugin definition wires
 * them to the extension points, the coordination endpoint reuses them, and the unit tests call them directly.
 */

export const PLAN_COORDINATOR_ID = 'plan-coordinator';

/** Problem codes of the plugin (public API: integrators branch on them). */
export enum PlanCoordinatorCode {
  CoordinatorRequired = 'plan-coordinator.coordinator-required',
  CoordinatorInMunicipality = 'plan-coordinator.coordinator-in-municipality',
  AuthorityHolderRequired = 'plan-coordinator.authority-holder-required',
  FamilyBuddyRequired = 'plan-coordinator.family-buddy-required',
  ConsentRequired = 'plan-coordinator.consent-required',
  ExtraAreaCoordinatorOnly = 'plan-coordinator.extra-area-coordinator-only',
}

/** The rules' names, as `rules[].rule` of a refusal and in the coordination summary. */
export const RULES = {
  coordinatorRequired: 'coordinator-required',
  coordinatorInMunicipality: 'coordinator-in-municipality',
  authorityHolder: 'authority-holder-from-other-unit',
  familyBuddy: 'family-buddy',
  consentBeforeActivation: 'consent-before-activation',
  decideInOwnAreas: 'decide-in-own-areas',
  extraAreasCoordinatorOnly: 'extra-areas-coordinator-only',
} as const;

/** Team roles whose holders keep their department's authority on the course (not providers or external participants). */
export const AUTHORITY_ROLES: readonly string[] = ['caseworker', 'primary-contact', 'buddy'];

type TeamSettings = Pick<PlanCoordinatorSettings, 'requireFamilyBuddy'>;
type AuthoritySettings = Pick<PlanCoordinatorSettings, 'extraCoordinatorAreas'>;

/** The course's current coordinators: normally one; two only while the baton passes (the new one added before the old one ends). */
export function coordinatorsOf(members: readonly TeamMemberFacts[]): TeamMemberFacts[] {
  return members.filter((m) => m.role === 'coordinator' && m.staff.active);
}

/** Team members holding statutory authority outside the coordinators' units: the departments that keep their authority. */
export function authorityHoldersBesideCoordinator(members: readonly TeamMemberFacts[]): TeamMemberFacts[] {
  const coordinators = coordinatorsOf(members);
  const units = new Set(coordinators.map((c) => c.staff.unitId));
  const ids = new Set(coordinators.map((c) => c.staff.id));
  return members.filter(
    (m) => AUTHORITY_ROLES.includes(m.role) && m.staff.active && m.staff.authorityAreas.length > 0 && !units.has(m.staff.unitId) && !ids.has(m.staff.id),
  );
}

/**
 * Team rules, checked by the core at activation and when the team of an active course changes (there only the
 * rules a change newly breaks refuse it):
 * - `coordinator-required`: an active staff member in the team role `coordinator`;
 * - `coordinator-in-municipality`: the coordinator is the municipality's caseworker, not an external partner's;
 * - `authority-holder-from-other-unit`: at least one team member holding authority in another unit than the coordinator's;
 * - `family-buddy` (setting `requireFamilyBuddy`): a family course has a `buddy` from the children-and-family area.
 */
export function teamProblems(team: { course: Pick<CourseFacts, 'targetGroup'>; members: readonly TeamMemberFacts[] }, settings: TeamSettings): TeamRuleProblem[] {
  const out: TeamRuleProblem[] = [];
  const coordinators = coordinatorsOf(team.members);
  if (!coordinators.length) {
    out.push({
      rule: RULES.coordinatorRequired,
      code: PlanCoordinatorCode.CoordinatorRequired,
      message: 'A plan-coordinator course needs a coordinating caseworker (team role coordinator) who owns the course, gathers consent and chairs the start-up meeting',
    });
  }
  if (coordinators.some((c) => EXTERNAL_UNIT_KINDS.includes(c.staff.unitKind))) {
    out.push({
      rule: RULES.coordinatorInMunicipality,
      code: PlanCoordinatorCode.CoordinatorInMunicipality,
      message: "The coordinator must be one of the municipality's caseworkers, not a member of an external partner's unit (psychiatry, school, probation)",
    });
  }
  if (!authorityHoldersBesideCoordinator(team.members).length) {
    out.push({
      rule: RULES.authorityHolder,
      code: PlanCoordinatorCode.AuthorityHolderRequired,
      message: coordinators.length
        ? "The departments keep their authority: the team needs at least one member holding statutory authority in another unit than the coordinator's"
        : 'The departments keep their authority: the team needs at least one member holding statutory authority besides the coordinator',
    });
  }
  if (settings.requireFamilyBuddy && team.course.targetGroup === 'families' && !team.members.some((m) => m.role === 'buddy' && m.staff.active && m.staff.unitKind === 'children-family')) {
    out.push({
      rule: RULES.familyBuddy,
      code: PlanCoordinatorCode.FamilyBuddyRequired,
      message: 'A family course needs a buddy (team role buddy) from the children-and-family area, who also attends the cross-disciplinary meetings',
    });
  }
  return out;
}

/** The areas a staff member may decide in as the course's coordinator: their own authority plus `extraCoordinatorAreas`. */
export function coordinatorAreas(staff: Pick<StaffFacts, 'authorityAreas'>, settings: AuthoritySettings): LegalArea[] {
  return [...new Set([...staff.authorityAreas, ...settings.extraCoordinatorAreas])];
}

/**
 * The model's decision-authority rule, wherever a decision is recorded (plan publish, meeting decision,
 * provider order): the existing departments keep their authority, so a decision under a legal area needs
 * authority in it (`decide-in-own-areas`); the areas `extraCoordinatorAreas` grants are open to the course's
 * current coordinator only (`extra-areas-coordinator-only`). Without the team (a caller that has none), the
 * extra areas are not narrowed.
 */
export function decisionAuthority(
  { staff, legalArea, team }: Pick<DecisionAuthorityInput, 'staff' | 'legalArea'> & { team?: readonly TeamMemberFacts[] },
  settings: AuthoritySettings,
): AuthorityDecision {
  if (!staff) return { allowed: false, reason: `Only a staff member holding authority in ${legalArea} may decide under it (rule ${RULES.decideInOwnAreas})` };
  if (staff.authorityAreas.includes(legalArea)) return { allowed: true };
  if (settings.extraCoordinatorAreas.includes(legalArea)) {
    if (!team || coordinatorsOf(team).some((c) => c.staff.id === staff.id)) return { allowed: true };
    return {
      allowed: false,
      code: PlanCoordinatorCode.ExtraAreaCoordinatorOnly,
      reason: `Only the course's coordinator may decide under ${legalArea} without holding authority in it (setting extraCoordinatorAreas; rule ${RULES.extraAreasCoordinatorOnly})`,
    };
  }
  const extra = settings.extraCoordinatorAreas.length ? ` plus ${settings.extraCoordinatorAreas.join(', ')} for the coordinator` : '';
  return {
    allowed: false,
    reason:
      `No authority in ${legalArea}: under the plan-coordinator model each department keeps its authority and the coordinator decides only ` +
      `in their own legal areas${extra}; a team member holding authority in ${legalArea} records this decision (rule ${RULES.decideInOwnAreas})`,
  };
}

// ---- consent ---------------------------------------------------------------------------------------------

export interface ConsentFacts {
  kind: string;
  partyUnitIds: readonly string[];
  categories: readonly string[];
  validFrom: string;
  validTo: string | null;
  revokedAt: Date | null;
}

/** Whether a consent applies on a day (YYYY-MM-DD): the core's rule, re-exported. */
export { consentInForce } from '@enplan/plugin-api';

export interface ConsentStatus {
  /** An information-sharing consent applies today: the coordinator has gathered consent. */
  informationSharing: boolean;
  participation: boolean;
  /** Information-sharing consents in force. */
  inForce: number;
  /** Units the consents in force name, sorted. */
  coveredUnitIds: string[];
  /** The given units (the team's) that no consent in force names, sorted. */
  uncoveredUnitIds: string[];
}

export function consentStatus(consents: readonly ConsentFacts[], unitIds: readonly string[], day: string, now: Date): ConsentStatus {
  const live = consents.filter((c) => consentInForce(c, day, now));
  const sharing = live.filter((c) => c.kind === 'information-sharing');
  const covered = new Set(sharing.flatMap((c) => c.partyUnitIds));
  return {
    informationSharing: sharing.length > 0,
    participation: live.some((c) => c.kind === 'participation'),
    inForce: sharing.length,
    coveredUnitIds: [...covered].sort(),
    uncoveredUnitIds: [...new Set(unitIds)].filter((u) => !covered.has(u)).sort(),
  };
}

/** onActivation (`consent-before-activation`): no active course without an information-sharing consent in force. */
export function consentRequiredError(resumed: boolean): DomainError {
  const message = resumed
    ? 'No information-sharing consent is in force on the course: the coordinator gathers the citizen’s consent again before the course resumes'
    : 'No information-sharing consent is recorded on the course: the coordinator gathers the citizen’s consent to share information before the course starts';
  return new DomainError(PlanCoordinatorCode.ConsentRequired, 'unprocessable', message, {
    rule: RULES.consentBeforeActivation,
    errors: [{ field: 'to', code: PlanCoordinatorCode.ConsentRequired, message }],
  });
}

// ---- meetings --------------------------------------------------------------------------------------------

export const START_UP_RULE = 'plan-coordinator-start-up';
export const NETWORK_RULE = 'plan-coordinator-network';
/** The core's start-up rule, which the model's own (with its configurable number of days) replaces. */
export const CORE_START_UP_RULE = 'start-up-within-14-days';

/** Cadence rules the model adds to the core's policy (the core's plan meeting every 60 days stays). */
export function cadenceContribution(s: Pick<PlanCoordinatorSettings, 'startUpWithinDays' | 'networkMeetingEveryDays'>): CadencePolicyContribution {
  return {
    rules: [
      {
        id: START_UP_RULE,
        meetingType: 'start-up',
        withinDays: s.startUpWithinDays,
        of: 'activation',
        description: `A cross-disciplinary start-up meeting, convened and chaired by the coordinator, within ${s.startUpWithinDays} days of activation`,
      },
      { id: NETWORK_RULE, meetingType: 'network', everyDays: s.networkMeetingEveryDays, description: `A network meeting convened by the coordinator at least every ${s.networkMeetingEveryDays} days` },
    ],
    suppressions: [{ rule: CORE_START_UP_RULE, legalReason: `The plan-coordinator model sets the start-up deadline itself (rule ${START_UP_RULE}, setting startUpWithinDays)` }],
  };
}

export function caseloadPolicy(s: Pick<PlanCoordinatorSettings, 'caseloadTarget' | 'capPerFte' | 'maxActiveCourses'>): Partial<CaseloadPolicy> {
  return { targetPerFte: s.caseloadTarget, capPerFte: s.capPerFte ?? null, cappedRoles: ['coordinator'], maxActiveCourses: s.maxActiveCourses ?? null };
}

/** Meeting roles the summary recognises as chairing. */
export const CHAIR_ROLES: readonly string[] = ['chair', 'stafetholder'];

export const CATALOGUE_ROLES: RoleDefinition[] = [
  {
    id: 'stafetholder',
    kind: 'meeting',
    label: { da: 'Stafetholder', en: 'Baton holder' },
    description: 'The course’s coordinator convening and chairing the cross-disciplinary start-up meeting and the network meetings (Socialstyrelsen’s collaboration model)',
  },
];

export interface MeetingFacts {
  id: string;
  type: string;
  startsAt: Date;
  status: 'planned' | 'held' | 'cancelled';
  /** Staff participants wearing a chair role (`chair`, `stafetholder`). */
  chairStaffIds: readonly string[];
}

/** The calendar date in UTC, as the core's cadence engine counts. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Danish-date helpers are the core's. */
export { addDays, danishDay } from '@enplan/plugin-api';
import { addDays, consentInForce } from '@enplan/plugin-api';

const taken = (m: MeetingFacts, now: Date) => m.status === 'held' || (m.status === 'planned' && m.startsAt.getTime() <= now.getTime());

export interface StartUpDue {
  /** YYYY-MM-DD by which it must be held; null when the course is not active yet or the meeting has taken place. */
  dueOn: string | null;
  /** The start-up meeting that took place (held, or started) since activation. */
  heldMeetingId: string | null;
  /** A planned start-up meeting on or before dueOn. */
  scheduledMeetingId: string | null;
}

/** The start-up rule, counted like the core's cadence engine: due within `withinDays` of activation until one takes place. */
export function startUpDue(activatedOn: string | null, meetings: readonly MeetingFacts[], withinDays: number, now: Date): StartUpDue {
  if (!activatedOn) return { dueOn: null, heldMeetingId: null, scheduledMeetingId: null };
  const afterActivation = meetings
    .filter((m) => m.type === 'start-up' && m.status !== 'cancelled' && isoDay(m.startsAt) >= activatedOn)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const held = afterActivation.find((m) => taken(m, now));
  if (held) return { dueOn: null, heldMeetingId: held.id, scheduledMeetingId: null };
  const dueOn = addDays(activatedOn, withinDays);
  return { dueOn, heldMeetingId: null, scheduledMeetingId: afterActivation.find((m) => isoDay(m.startsAt) <= dueOn)?.id ?? null };
}

export interface NetworkDue {
  dueOn: string | null;
  /** The last network meeting that took place. */
  lastMeetingId: string | null;
  scheduledMeetingId: string | null;
}

/** The network rule: every `everyDays`, counted from the last network meeting that took place, else from activation. */
export function networkDue(activatedOn: string | null, meetings: readonly MeetingFacts[], everyDays: number, now: Date): NetworkDue {
  if (!activatedOn) return { dueOn: null, lastMeetingId: null, scheduledMeetingId: null };
  const ofType = meetings.filter((m) => m.type === 'network' && m.status !== 'cancelled').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const last = ofType.filter((m) => taken(m, now)).at(-1);
  const dueOn = addDays(last ? isoDay(last.startsAt) : activatedOn, everyDays);
  const next = ofType.find((m) => m.status === 'planned' && m.startsAt.getTime() > now.getTime() && isoDay(m.startsAt) <= dueOn);
  return { dueOn, lastMeetingId: last?.id ?? null, scheduledMeetingId: next?.id ?? null };
}

/** Whether one of the coordinators chairs the meeting (wears `chair` or `stafetholder`). */
export function chairedByCoordinator(meeting: Pick<MeetingFacts, 'chairStaffIds'>, coordinatorIds: readonly string[]): boolean {
  return meeting.chairStaffIds.some((id) => coordinatorIds.includes(id));
}

import { caseloadCap } from '@enplan/plugin-api';
import type {
  AuthorityDecision,
  CadencePolicyContribution,
  CaseloadPolicy,
  DecisionAuthorityInput,
  FieldProblem,
  LegalArea,
  MeetingTypeDefinition,
  PlanActionFacts,
  PlanContentFacts,
  StaffFacts,
  TeamFacts,
  TeamMemberFacts,
  TeamRuleProblem,
} from '@enplan/plugin-api';
import { CITIZEN_CONSULTANT_ID, type CitizenConsultantSettings } from './settings.js';

/**
 * The citizen-consultant model's rules as pure functions of facts and settings: the plugin definition wires
 * them to the extension points, and the unit tests call them directly.
 */

/** Stable problem codes of the model (public API: integrators branch on them). */
export const CitizenConsultantCode = {
  AreaNotCovered: 'citizen-consultant.area-not-covered',
  ConsultantMissing: 'citizen-consultant.consultant-missing',
  NotTheDecider: 'citizen-consultant.not-the-decider',
  StaffNotFound: 'citizen-consultant.staff-not-found',
  OtherModel: 'citizen-consultant.other-model',
  CourseEnded: 'citizen-consultant.course-ended',
  NotTheBuddy: 'citizen-consultant.not-the-buddy',
  CoverEndsBeforeStart: 'citizen-consultant.cover-ends-before-start',
  CoverInThePast: 'citizen-consultant.cover-in-the-past',
} as const;

/** The team role the consultant holds, and the only one the caseload cap counts. */
export const CONSULTANT_ROLE = 'primary-contact';
export const BUDDY_ROLE = 'buddy';

/** Action statuses that no longer commit anyone: a finished or stopped action needs no current authority. */
const SETTLED_ACTION_STATUSES: readonly string[] = ['stopped', 'done'];

export function consultantOf(members: readonly TeamMemberFacts[]): TeamMemberFacts | undefined {
  return members.find((m) => m.role === CONSULTANT_ROLE);
}

/** The primary contact's qualifications: an allowed function, the provider role, authority in several areas. */
function consultantProblems(c: StaffFacts, s: CitizenConsultantSettings): TeamRuleProblem[] {
  const out: TeamRuleProblem[] = [];
  if (!s.consultantFunctions.includes(c.function)) {
    out.push({
      rule: 'consultant-function',
      message: `The primary contact must be a citizen consultant (staff function ${s.consultantFunctions.join(' or ')}), not ${c.function}`,
    });
  }
  if (s.requireProviderRole && !c.isProvider) {
    out.push({ rule: 'consultant-provider-role', message: 'The citizen consultant also holds the provider role (mentor / support contact): the primary contact must be a provider' });
  }
  if (c.authorityAreas.length < s.minAuthorityAreas) {
    out.push({
      rule: 'consultant-authority',
      message: `The citizen consultant must hold authority in at least ${s.minAuthorityAreas} legal areas (the primary contact holds ${c.authorityAreas.length})`,
    });
  }
  return out;
}

/**
 * Whether two people bring different professional backgrounds: a different staff function, or a home in a
 * different kind of unit (e.g. a consultant from adult social services and one from the job centre). Two
 * units of the same kind (two job-centre teams) are the same background.
 */
export function differentBackground(a: StaffFacts, b: StaffFacts): boolean {
  return a.function !== b.function || a.unitKind !== b.unitKind;
}

/**
 * Team rules: exactly one consultant as primary contact, qualified for the all-in-one role; a buddy with
 * another background when required. No caseworkers from other units are needed (nor forbidden).
 * Messages are stable for an unchanged team: the core compares them before and after a change.
 */
export function teamProblems(team: TeamFacts, s: CitizenConsultantSettings): TeamRuleProblem[] {
  const out: TeamRuleProblem[] = [];
  const consultants = team.members.filter((m) => m.role === CONSULTANT_ROLE);
  const consultant = consultants[0];
  if (!consultant) {
    out.push({ rule: 'consultant-required', message: 'A citizen-consultant course needs its consultant as the primary contact: the citizen’s only contact' });
  } else {
    if (consultants.length > 1) out.push({ rule: 'one-consultant', message: 'A citizen-consultant course has exactly one consultant (primary contact)' });
    out.push(...consultantProblems(consultant.staff, s));
  }
  const buddies = team.members.filter((m) => m.role === BUDDY_ROLE);
  if (s.requireBuddy && buddies.length === 0) {
    out.push({ rule: 'buddy-required', message: 'A citizen-consultant course needs a buddy consultant with another professional background, for cover and sparring' });
  }
  if (consultant) {
    for (const b of buddies) {
      if (b.staff.id === consultant.staff.id) {
        out.push({ rule: 'buddy-not-consultant', message: 'The buddy must be someone other than the consultant' });
      } else if (!differentBackground(b.staff, consultant.staff)) {
        out.push({
          rule: 'buddy-background',
          message: `The buddy must have another professional background than the consultant: a different staff function or a different kind of unit (both are ${b.staff.function} in ${b.staff.unitKind})`,
        });
      }
    }
  }
  return out;
}

const field = (i: number) => `content.actions[${i}].legalBasis`;

/** Actions that still commit someone and fall under a legal area, with their index in the plan. */
function liveAreaActions(content: PlanContentFacts): { action: PlanActionFacts; index: number; area: LegalArea }[] {
  return content.actions.flatMap((action, index) =>
    action.legalArea && !SETTLED_ACTION_STATUSES.includes(action.status) ? [{ action, index, area: action.legalArea }] : [],
  );
}

/**
 * The consultant must hold authority in every legal area the plan's (planned, active or changed) actions use:
 * one problem per action outside their areas, naming the area and the action's `legalBasis` field.
 */
export function areaCoverageProblems(content: PlanContentFacts, consultant: StaffFacts | null): FieldProblem[] {
  return liveAreaActions(content).flatMap<FieldProblem>(({ action, index, area }) => {
    if (!consultant) {
      return [{ field: field(index), code: CitizenConsultantCode.ConsultantMissing, message: `The course has no citizen consultant (primary contact) to hold authority in ${area} (${action.legalBasis})` }];
    }
    if (consultant.authorityAreas.includes(area)) return [];
    return [
      {
        field: field(index),
        code: CitizenConsultantCode.AreaNotCovered,
        message: `The citizen consultant holds no authority in ${area} (${action.legalBasis}): in this model the consultant holds authority in every legal area of the plan`,
      },
    ];
  });
}

/** Whether the publisher may decide for this course: its consultant, or a buddy on the team while covering. */
export function mayDecide(publisher: StaffFacts | null, team: readonly TeamMemberFacts[], coveringStaffIds: ReadonlySet<string>): boolean {
  if (!publisher) return false;
  if (consultantOf(team)?.staff.id === publisher.id) return true;
  return coveringStaffIds.has(publisher.id) && team.some((m) => m.role === BUDDY_ROLE && m.staff.id === publisher.id);
}

/**
 * Who may record a decision under a legal area, wherever it is recorded (plan publish, meeting decision,
 * provider order): the course's consultant, or its buddy while a cover runs (`coveringStaffIds`: staff with a
 * cover on the course on the decision's day), and only in an area they hold authority in.
 */
export function decisionAuthority(
  { staff, legalArea, team }: Pick<DecisionAuthorityInput, 'staff' | 'legalArea' | 'team'>,
  coveringStaffIds: ReadonlySet<string> = new Set(),
): AuthorityDecision {
  if (!staff) return { allowed: false, reason: `In the citizen-consultant model only the consultant decides in ${legalArea}; an integration cannot` };
  if (!mayDecide(staff, team, coveringStaffIds)) {
    return { allowed: false, code: CitizenConsultantCode.NotTheDecider, reason: `Only the course's citizen consultant, or their buddy while covering, decides in ${legalArea} in this model` };
  }
  if (staff.authorityAreas.includes(legalArea)) return { allowed: true };
  return {
    allowed: false,
    reason: `The decision maker holds no authority in ${legalArea}: in the citizen-consultant model the consultant must hold authority in every legal area of the plan`,
  };
}

/** ~15 active courses per full-time consultant, counted and capped on the consultant (primary-contact) role only. */
export function caseloadPolicy(s: CitizenConsultantSettings): CaseloadPolicy {
  return { targetPerFte: s.capPerFte, capPerFte: s.capPerFte, cappedRoles: [CONSULTANT_ROLE], maxActiveCourses: s.maxActiveCourses ?? null };
}

/** A consultant's cap: `capPerFte` × FTE, rounded down (as the core enforces it). */
/** The core's cap formula (one place): whole courses per FTE, rounding down. */
export const capFor = caseloadCap;

export const MINI_KICK = 'mini-kick';

export const MEETING_TYPES: MeetingTypeDefinition[] = [
  {
    id: MINI_KICK,
    label: { da: 'Mini-kick (opfølgning)', en: 'Mini kick-off (follow-up)' },
    description: 'Follow-up in the kick-off format with the consultant and the buddy: the plan, goals and dreams reviewed (Halsnæs: at 3, 6 and 9 months)',
  },
];

/** The core's plan-meeting rule (same id, so it replaces it) at the municipality's interval, and the mini kick-offs. */
export function cadencePolicy(s: CitizenConsultantSettings): CadencePolicyContribution {
  return {
    rules: [
      { id: 'plan-every-60-days', meetingType: 'plan', everyDays: s.planMeetingEveryDays, description: `A plan meeting with the citizen at least every ${s.planMeetingEveryDays} days` },
      { id: `${CITIZEN_CONSULTANT_ID}-mini-kick`, meetingType: MINI_KICK, everyDays: s.miniKickEveryDays, description: `A mini kick-off with the buddy at least every ${s.miniKickEveryDays} days` },
    ],
  };
}

export { danishDay } from '@enplan/plugin-api';

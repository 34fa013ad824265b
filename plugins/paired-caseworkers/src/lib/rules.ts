import type { FieldProblem, LegalArea, StaffFacts, TeamRuleProblem } from '@enplan/plugin-api';
import { PairedErrorCode } from './errors.js';

/**
 * The paired-caseworkers model's rules, pure: they get plain data (the core's facts, the plugin's own
 * substitutions, a meeting read from the database) and return problems. The plugin definition and the
 * services feed them; the unit tests drive them directly.
 */

/** Team roles the pair's two authority holders take (one of them may be the citizen's primary contact). */
export const PAIR_ROLES: readonly string[] = ['caseworker', 'primary-contact'];

/** Roles besides the pair that may sit on a paired course's team: a provider, and external partners under consent. */
export const JOINING_ROLES: readonly string[] = ['provider', 'external-participant'];

/** Who a rule needs to know about a staff member. */
export type PairStaff = Pick<StaffFacts, 'id' | 'authorityAreas'>;

/** A team member as the rules see it (shaped like the core's TeamMemberFacts). */
export interface PairTeamMember {
  readonly role: string;
  readonly staff: PairStaff;
}

/** A named substitute for one of the pair, over a period of whole days (both ends included). */
export interface Substitution {
  readonly coveredStaffMemberId: string;
  readonly substituteStaffMemberId: string;
  readonly fromDate: string;
  readonly toDate: string;
}

/** The Danish-date helper is the core's (re-exported for the rules' callers and tests). */
export { danishDay } from '@enplan/plugin-api';

/** Whether a substitution covers the day `on` (YYYY-MM-DD). */
export function inForce(s: Pick<Substitution, 'fromDate' | 'toDate'>, on: string): boolean {
  return s.fromDate <= on && on <= s.toDate;
}

/** The pair: the distinct staff members holding a pair role with authority in at least one legal area. */
export function authorityHolders<S extends PairStaff>(members: readonly { readonly role: string; readonly staff: S }[]): S[] {
  const out = new Map<string, S>();
  for (const m of members) if (PAIR_ROLES.includes(m.role) && m.staff.authorityAreas.length > 0 && !out.has(m.staff.id)) out.set(m.staff.id, m.staff);
  return [...out.values()];
}

/** Whether every area of `a` is one of `b`'s. */
export function isSubset(a: readonly string[], b: readonly string[]): boolean {
  return a.every((x) => b.includes(x));
}

/** The areas of `covered` that `substitute` lacks (none: the substitute may cover them). */
export function missingAreas(covered: readonly LegalArea[], substitute: readonly LegalArea[]): LegalArea[] {
  return covered.filter((a) => !substitute.includes(a));
}

const areas = (s: PairStaff) => (s.authorityAreas.length ? [...s.authorityAreas].sort().join(' + ') : 'none');

/**
 * The team rules: exactly two authority holders, from different legal areas (neither's areas a subset of the
 * other's), and besides them only a provider or external participants. Messages carry areas and roles, no names.
 */
export function pairTeamRules(members: readonly PairTeamMember[]): TeamRuleProblem[] {
  const problems: TeamRuleProblem[] = [];
  const pair = authorityHolders(members);
  if (pair.length !== 2) {
    problems.push({
      rule: 'two-authority-holders',
      code: PairedErrorCode.TwoAuthorityHolders,
      message: `A paired course needs exactly two authority holders (caseworker or primary contact with authority in a legal area); the team has ${pair.length}`,
    });
  } else {
    const [a, b] = pair;
    if (isSubset(a.authorityAreas, b.authorityAreas) || isSubset(b.authorityAreas, a.authorityAreas)) {
      problems.push({
        rule: 'different-legal-areas',
        code: PairedErrorCode.DifferentLegalAreas,
        message: `The pair must come from different legal areas, each holding authority the other does not: they hold ${[areas(a), areas(b)].sort().join(' and ')}`,
      });
    }
  }
  const misplaced = new Set<string>();
  for (const m of members) {
    if (PAIR_ROLES.includes(m.role)) {
      if (!m.staff.authorityAreas.length) misplaced.add(`${m.role} without authority`);
    } else if (!JOINING_ROLES.includes(m.role)) misplaced.add(m.role);
  }
  if (misplaced.size) {
    problems.push({
      rule: 'team-roles',
      code: PairedErrorCode.TeamRoles,
      message: `A paired course's team is the pair plus, if needed, a provider (and external participants under consent); not: ${[...misplaced].sort().join(', ')}`,
    });
  }
  return problems;
}

export type PairDecision = { allowed: true; basis: 'own-area' | 'substitution' } | { allowed: false; code: string; reason: string };

export interface DecisionCheck {
  /** Who records the decision; null for an integration acting without a staff identity. */
  readonly publisher: PairStaff | null;
  readonly legalArea: LegalArea;
  readonly pair: readonly PairStaff[];
  /** The course's substitutions (any period). */
  readonly substitutions: readonly Substitution[];
  /** The day of the decision (YYYY-MM-DD, Danish time). */
  readonly on: string;
}

const ONLY_THE_PAIR = 'Only the pair, or a named substitute while the substitution is in force, records decisions on a paired course';

/**
 * Decision authority in a pair: each of the pair decides only in their own authority areas, never in the
 * partner's; a named substitute decides in the areas of the one they cover while the substitution is in force.
 */
export function pairDecision(c: DecisionCheck): PairDecision {
  const { publisher, legalArea: area, pair, on } = c;
  if (!publisher) return { allowed: false, code: PairedErrorCode.NotInPair, reason: ONLY_THE_PAIR };
  const holds = publisher.authorityAreas.includes(area);
  const inPair = pair.some((p) => p.id === publisher.id);
  if (inPair && holds) return { allowed: true, basis: 'own-area' };
  const mine = c.substitutions.filter((s) => s.substituteStaffMemberId === publisher.id && pair.some((p) => p.id === s.coveredStaffMemberId));
  const covering = mine.filter((s) => inForce(s, on)).map((s) => pair.find((p) => p.id === s.coveredStaffMemberId) as PairStaff);
  const coveredHolder = covering.find((p) => p.authorityAreas.includes(area));
  if (coveredHolder) {
    if (holds) return { allowed: true, basis: 'substitution' };
    return { allowed: false, code: PairedErrorCode.NotInPair, reason: `The substitute no longer holds authority in ${area}, the area they cover` };
  }
  if (inPair || covering.length) {
    const actingFor = new Set(inPair ? [publisher.id] : covering.map((p) => p.id));
    if (pair.some((p) => !actingFor.has(p.id) && p.authorityAreas.includes(area))) {
      return { allowed: false, code: PairedErrorCode.PartnerArea, reason: `${area} is the partner's area: in a pair each caseworker records decisions only in their own authority areas` };
    }
    return { allowed: false, code: PairedErrorCode.OutsidePairAreas, reason: `Neither of the pair holds authority in ${area}, so no decision under it is recorded on this course` };
  }
  const coversArea = mine.filter((s) => pair.find((p) => p.id === s.coveredStaffMemberId)?.authorityAreas.includes(area));
  if (coversArea.length) {
    const periods = coversArea.map((s) => `${s.fromDate} – ${s.toDate}`).join(', ');
    return { allowed: false, code: PairedErrorCode.SubstitutionNotInForce, reason: `The substitution covering ${area} is not in force on ${on} (${periods})` };
  }
  return { allowed: false, code: PairedErrorCode.NotInPair, reason: ONLY_THE_PAIR };
}

/** A meeting as the joint-meeting rule needs it. */
export interface MeetingFacts {
  readonly id: string;
  readonly courseId: string | null;
  readonly type: string;
  /** planned, held, cancelled. */
  readonly status: string;
  /** The meeting's day in Denmark (YYYY-MM-DD). */
  readonly day: string;
  /** Staff participants and their recorded attendance. */
  readonly staff: readonly { readonly staffMemberId: string; readonly attendance: string }[];
}

export interface JointMeetingCheck {
  /** The version being published. */
  readonly version: number;
  readonly courseId: string;
  readonly sourceMeetingId: string | null;
  /** The meeting `sourceMeetingId` names, if it is one of the municipality's. */
  readonly meeting: MeetingFacts | null;
  readonly pair: readonly PairStaff[];
  readonly substitutions: readonly Substitution[];
}

/**
 * The plan is revised at the joint meetings: a version after the first must come from a held joint meeting
 * of the course, attended by both of the pair (or, for one absent, by their substitute in force that day).
 */
export function jointMeetingProblems(c: JointMeetingCheck): FieldProblem[] {
  if (c.version <= 1) return [];
  const field = 'sourceMeetingId';
  const required = (message: string): FieldProblem[] => [{ field, code: PairedErrorCode.JointMeetingRequired, message }];
  if (!c.sourceMeetingId) {
    return required(`In the paired model the plan is revised at a joint meeting: publish version ${c.version} from a held joint meeting (POST /meetings/{meetingId}/publish-plan)`);
  }
  const m = c.meeting;
  if (!m || m.courseId !== c.courseId) return required('The source meeting is not a meeting of this course');
  if (m.type !== 'joint') return required(`The source meeting is a ${m.type} meeting; the plan is revised at a joint meeting`);
  if (m.status !== 'held') return required(`The source joint meeting is ${m.status}, not held: record its minutes first`);
  const attended = new Set(m.staff.filter((s) => s.attendance === 'attended').map((s) => s.staffMemberId));
  const absent = c.pair.filter(
    (p) =>
      !attended.has(p.id) &&
      !c.substitutions.some((s) => s.coveredStaffMemberId === p.id && inForce(s, m.day) && attended.has(s.substituteStaffMemberId)),
  );
  if (absent.length) {
    return [
      {
        field,
        code: PairedErrorCode.PairNotPresent,
        message: `Both of the pair must have attended the joint meeting (or, for one absent, their substitute in force that day); ${c.pair.length - absent.length} of ${c.pair.length} did`,
      },
    ];
  }
  return [];
}

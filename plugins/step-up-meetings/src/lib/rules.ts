/**
 * The Step-Up model's rules, pure: no database, no clock, no framework. The service reads the facts, asks
 * these functions, and turns their answers into problems (`errors.ts`); the unit tests pin them down.
 */
import {
  CHAIR_ROLE,
  FLOW_STEPS,
  JOB_CONSULTANT_ROLE,
  REQUIRED_REFERRAL_REASON,
  StepUpErrorCode,
  type FlowState,
  type FlowStep,
  type StoredState,
} from './vocabulary.js';

/** The settings the rules read (the plugin's settings class has them all). */
export interface RuleSettings {
  readonly minYearsOnBenefit: number;
  readonly targetGroups: readonly string[];
  readonly benefitCategories: readonly string[];
  readonly preparationDays: number;
  readonly materialDaysBefore: number;
  readonly reReviewAfterMonths: number;
}

/** One broken rule, naming the request field it is about. */
export interface Problem {
  field: string;
  code: StepUpErrorCode;
  message: string;
}

// ---- dates (YYYY-MM-DD, calendar arithmetic in UTC so no zone shifts a day) ------------------------------

/** The Danish-date helpers are the core's (re-exported for the rules' callers and tests). */
export { addDays, addMonths, danishDay } from '@enplan/plugin-api';
import { addDays } from '@enplan/plugin-api';

/** Days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- eligibility -----------------------------------------------------------------------------------------

export interface ReferralFacts {
  readonly targetGroup: string;
  readonly referralReasonCode: string;
  /** Whether the course names a citizen (a Step-Up course is one person's). */
  readonly hasCitizen: boolean;
}

/**
 * The target-group rules checked at referral: an allowed target group, the referral reason "long-term
 * benefit" (the model selects by time on benefit only), and a named citizen. Empty: eligible so far; the
 * years on benefit are checked when the flow starts (`benefitReasons`).
 */
export function referralReasons(r: ReferralFacts, s: Pick<RuleSettings, 'targetGroups'>): string[] {
  const reasons: string[] = [];
  if (!s.targetGroups.includes(r.targetGroup)) reasons.push(`Step-Up courses are for the target group(s) ${s.targetGroups.join(', ')}, not ${r.targetGroup}`);
  if (r.referralReasonCode !== REQUIRED_REFERRAL_REASON) {
    reasons.push(`A Step-Up course is selected by time on benefit only: refer with referralReasonCode "${REQUIRED_REFERRAL_REASON}", not "${r.referralReasonCode}"`);
  }
  if (!r.hasCitizen) reasons.push('A Step-Up course is for one named citizen (citizenId)');
  return reasons;
}

export interface BenefitFacts {
  readonly yearsOnBenefit: number;
  readonly benefitCategory: string;
}

/** The benefit rules checked when the flow starts: the benefit category and at least `minYearsOnBenefit` years on it. */
export function benefitReasons(b: BenefitFacts, s: Pick<RuleSettings, 'minYearsOnBenefit' | 'benefitCategories'>): string[] {
  const reasons: string[] = [];
  if (!s.benefitCategories.includes(b.benefitCategory)) reasons.push(`Step-Up courses are for citizens on ${s.benefitCategories.join(' or ')}, not ${b.benefitCategory}`);
  if (b.yearsOnBenefit < s.minYearsOnBenefit) reasons.push(`Step-Up courses are for citizens with at least ${s.minYearsOnBenefit} years on benefit (stated: ${b.yearsOnBenefit})`);
  return reasons;
}

// ---- the state machine -----------------------------------------------------------------------------------

/** The first day the re-review may be held: the material for it goes out `materialDaysBefore` before the due date. */
export function reReviewOpensOn(reReviewDueOn: string, materialDaysBefore: number): string {
  return addDays(reReviewDueOn, -materialDaysBefore);
}

/** The state a flow is in today: the stored one, except that a signed agreement becomes `re-review-due` when its window opens. */
export function effectiveState(stored: StoredState, reReviewDueOn: string | null, today: string, materialDaysBefore: number): FlowState {
  if (stored === 'agreement-signed' && reReviewDueOn && today >= reReviewOpensOn(reReviewDueOn, materialDaysBefore)) return 're-review-due';
  return stored;
}

/** null when `step` may be taken in `current`; otherwise the states it needs. */
export function stepRefusal(step: FlowStep, current: FlowState): { expected: readonly FlowState[]; current: FlowState } | null {
  const expected: readonly FlowState[] = FLOW_STEPS[step];
  return expected.includes(current) ? null : { expected, current };
}

/** The stored state after a step. */
export function stateAfter(step: FlowStep, current: StoredState): StoredState {
  switch (step) {
    case 'save-worksheet':
      return current;
    case 'send-material':
      return 'material-sent';
    case 'record-meeting':
      return 'meeting-held';
    case 'sign-agreement':
      return 'agreement-signed';
    case 'record-re-review':
      return 'completed';
  }
}

/** What the caseworker does next, for the status view; null when the flow is done or closed without a re-review. */
export function expectedNext(state: FlowState, hasWorksheet: boolean, waived: boolean): FlowStep | 'await-re-review' | null {
  if (waived) return null;
  switch (state) {
    case 'preparing':
      return hasWorksheet ? 'send-material' : 'save-worksheet';
    case 'material-sent':
      return 'record-meeting';
    case 'meeting-held':
      return 'sign-agreement';
    case 'agreement-signed':
      return 'await-re-review';
    case 're-review-due':
      return 'record-re-review';
    case 'completed':
      return null;
  }
}

// ---- deadlines -------------------------------------------------------------------------------------------

export interface DeadlineFacts {
  readonly stored: StoredState;
  readonly startedOn: string;
  readonly preparationDueOn: string;
  readonly materialSentOn: string | null;
  readonly meetingHeldOn: string | null;
  /** The step-up meeting's day: the recorded one, else the first booked (not cancelled) one; null when none is booked. */
  readonly stepUpMeetingOn: string | null;
  readonly reReviewDueOn: string | null;
  readonly reReviewHeldOn: string | null;
  /** The course was closed without a re-review, for a recorded reason. */
  readonly waived: boolean;
  /** The course is closed or declined. */
  readonly courseEnded: boolean;
}

export interface Deadline {
  /** null: not known yet (the re-review before the agreement is signed). */
  dueOn: string | null;
  /** When it was met; null while open. */
  doneOn: string | null;
  /** Open, past its date, in a flow that is still running. */
  overdue: boolean;
  /** Days from today to dueOn while open (negative when overdue); null when met or unknown. */
  daysLeft: number | null;
}

export interface Deadlines {
  /** The month of preparation: worksheet and signed consent, met when the material goes out. */
  preparation: Deadline;
  /** Material to the participating departments `materialDaysBefore` before the meeting. */
  material: Deadline & { basis: 'booked-meeting' | 'preparation-period' };
  /** The step-up meeting itself: the booked day, or (none booked) `materialDaysBefore` after the preparation. */
  stepUpMeeting: Deadline & { basis: 'booked-meeting' | 'preparation-period' };
  /** The re-review `reReviewAfterMonths` after the agreement, open from `opensOn`. */
  reReview: Deadline & { opensOn: string | null };
}

function deadline(dueOn: string | null, doneOn: string | null, running: boolean, today: string): Deadline {
  const open = doneOn === null && dueOn !== null;
  return { dueOn, doneOn, overdue: running && open && today > (dueOn as string), daysLeft: open ? daysBetween(today, dueOn as string) : null };
}

/**
 * Every deadline of the flow with its overdue flag, computed from the facts and today's date (never stored:
 * a stored flag would be wrong the day after). Nothing is overdue in a completed flow, a course that has
 * ended, or one closed without a re-review.
 */
export function computeDeadlines(f: DeadlineFacts, s: Pick<RuleSettings, 'materialDaysBefore'>, today: string): Deadlines {
  const running = !f.courseEnded && !f.waived && f.stored !== 'completed';
  const booked = f.stepUpMeetingOn !== null;
  const meetingDue = f.stepUpMeetingOn ?? addDays(f.preparationDueOn, s.materialDaysBefore);
  const basis = booked ? ('booked-meeting' as const) : ('preparation-period' as const);
  return {
    preparation: deadline(f.preparationDueOn, f.materialSentOn, running, today),
    material: { ...deadline(addDays(meetingDue, -s.materialDaysBefore), f.materialSentOn, running, today), basis },
    stepUpMeeting: { ...deadline(meetingDue, f.meetingHeldOn, running, today), basis },
    reReview: { ...deadline(f.reReviewDueOn, f.reReviewHeldOn, running, today), opensOn: f.reReviewDueOn ? reReviewOpensOn(f.reReviewDueOn, s.materialDaysBefore) : null },
  };
}

// ---- the step-up meeting ---------------------------------------------------------------------------------

export interface ParticipantFacts {
  readonly kind: string;
  readonly staffMemberId: string | null;
  readonly citizenId: string | null;
  readonly roles: readonly string[];
  readonly attendance: string;
}

const ABSENT = ['declined', 'no-show'];

/**
 * Who chaired and who was the job consultant at a step-up meeting, and what is missing: a staff chair
 * (role `chair`), a different staff member as job consultant (role `job-consultant`), and the citizen,
 * none of them recorded as declined or no-show.
 */
export function stepUpMeetingRoles(
  participants: readonly ParticipantFacts[],
  citizenId: string,
): { chairStaffMemberId: string | null; jobConsultantStaffMemberId: string | null; problems: Problem[] } {
  const present = participants.filter((p) => !ABSENT.includes(p.attendance));
  const staffWith = (role: string) => present.filter((p) => p.kind === 'staff' && p.staffMemberId && p.roles.includes(role));
  const chair = staffWith(CHAIR_ROLE)[0]?.staffMemberId ?? null;
  const consultant = staffWith(JOB_CONSULTANT_ROLE).find((p) => p.staffMemberId !== chair)?.staffMemberId ?? null;
  const problems: Problem[] = [];
  if (!chair) problems.push({ field: 'meetingId', code: StepUpErrorCode.ChairMissing, message: 'A step-up meeting is led by a chair: give a staff participant the role "chair"' });
  if (!consultant) {
    problems.push({
      field: 'meetingId',
      code: StepUpErrorCode.JobConsultantMissing,
      message: `A job consultant takes part in a step-up meeting: give a staff participant other than the chair the role "${JOB_CONSULTANT_ROLE}"`,
    });
  }
  if (!present.some((p) => p.kind === 'citizen' && p.citizenId === citizenId)) {
    problems.push({ field: 'meetingId', code: StepUpErrorCode.CitizenAbsent, message: 'The citizen takes part in their step-up meeting (and signs the agreement there); they are not recorded as present' });
  }
  return { chairStaffMemberId: chair, jobConsultantStaffMemberId: consultant, problems };
}

// ---- the agreement's signatures --------------------------------------------------------------------------

export interface SignaturesInput {
  readonly citizen?: { readonly signedOn: string };
  readonly chair?: { readonly staffMemberId: string; readonly signedOn: string };
  readonly jobConsultant?: { readonly staffMemberId: string; readonly signedOn: string };
}

export interface SignatureContext {
  readonly chairStaffMemberId: string;
  readonly jobConsultantStaffMemberId: string;
  readonly meetingHeldOn: string;
  readonly today: string;
}

/**
 * The agreement is signed by all three, at or after the meeting and not in the future; the chair and the
 * job consultant are the ones who took those roles at the meeting.
 */
export function signatureProblems(sig: SignaturesInput, c: SignatureContext): Problem[] {
  const problems: Problem[] = [];
  const parts = [
    ['citizenSignature', 'the citizen', sig.citizen, null],
    ['chairSignature', 'the chair', sig.chair, c.chairStaffMemberId],
    ['jobConsultantSignature', 'the job consultant', sig.jobConsultant, c.jobConsultantStaffMemberId],
  ] as const;
  for (const [field, who, s, expected] of parts) {
    if (!s) {
      problems.push({ field, code: StepUpErrorCode.SignatureMissing, message: `The agreement is signed by the citizen, the chair and the job consultant: ${who}'s signature is missing` });
      continue;
    }
    if (expected !== null && 'staffMemberId' in s && s.staffMemberId !== expected) {
      problems.push({ field: `${field}.staffMemberId`, code: StepUpErrorCode.SignatoryMismatch, message: `${who[0].toUpperCase()}${who.slice(1)} who signs is the one recorded at the step-up meeting` });
    }
    if (s.signedOn < c.meetingHeldOn || s.signedOn > c.today) {
      problems.push({ field: `${field}.signedOn`, code: StepUpErrorCode.DateInvalid, message: `A signature is dated from the meeting day (${c.meetingHeldOn}) to today (${c.today})` });
    }
  }
  return problems;
}

/** The agreement takes effect when the last of the three has signed. */
export function agreedOn(sig: Required<SignaturesInput>): string {
  return [sig.citizen.signedOn, sig.chair.signedOn, sig.jobConsultant.signedOn].sort().at(-1) as string;
}

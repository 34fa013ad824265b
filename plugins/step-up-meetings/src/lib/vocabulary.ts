/** The plugin's id: the course model id, the route prefix `/api/v1/plugins/step-up-meetings/` and the table prefix. */
export const STEP_UP_ID = 'step-up-meetings';

/**
 * The states of a course's Step-Up flow, in order. `re-review-due` is reached by time, not by a call: the
 * stored state stays `agreement-signed`, and the flow reads as `re-review-due` from the day the re-review
 * window opens (see `reReviewOpensOn`), computed from the clock so it is never stale.
 */
export const FLOW_STATES = ['preparing', 'material-sent', 'meeting-held', 'agreement-signed', 're-review-due', 'completed'] as const;
export type FlowState = (typeof FLOW_STATES)[number];

/** The states a flow row holds; `re-review-due` is derived. */
export const STORED_STATES = ['preparing', 'material-sent', 'meeting-held', 'agreement-signed', 'completed'] as const;
export type StoredState = (typeof STORED_STATES)[number];

/** The calls that move (or fill) a flow, and the states each is allowed in. */
export const FLOW_STEPS = {
  'save-worksheet': ['preparing'],
  'send-material': ['preparing'],
  'record-meeting': ['material-sent'],
  'sign-agreement': ['meeting-held'],
  'record-re-review': ['re-review-due'],
} as const satisfies Record<string, readonly FlowState[]>;
export type FlowStep = keyof typeof FLOW_STEPS;

/**
 * The citizen's support (forsørgelsesgrundlag) as the benefit system (Momentum, Fasit) names it; the target
 * group is a setting (`benefitCategories`, default activity-ready cash benefit: aktivitetsparat kontanthjælp).
 */
export const BENEFIT_CATEGORIES = [
  'cash-benefit-activity-ready',
  'cash-benefit-job-ready',
  'education-benefit-activity-ready',
  'education-benefit-job-ready',
  'self-support-benefit',
  'sickness-benefit',
  'other',
] as const;
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];

/** Where the agreement points the citizen: toward a decision on their future support (Esbjerg's list). */
export const AGREEMENT_DIRECTIONS = [
  'ordinary-job',
  'education',
  'resource-course',
  'vocational-rehabilitation',
  'flex-job',
  'disability-pension',
  'further-clarification',
] as const;
export type AgreementDirection = (typeof AGREEMENT_DIRECTIONS)[number];

/** The referral reason a Step-Up course must be referred with: the only criterion is the time on benefit. */
export const REQUIRED_REFERRAL_REASON = 'long-term-benefit';

/** The meeting role the plugin adds to the catalogue; the chair wears the core's `chair`. */
export const JOB_CONSULTANT_ROLE = 'job-consultant';
export const CHAIR_ROLE = 'chair';

/** Information-sharing consents that count as signed (an oral one does not). */
export const SIGNED_CONSENT_FORMS = ['written', 'digital'] as const;

/** Problem codes: public API, never renamed. */
export enum StepUpErrorCode {
  NotEligible = 'step-up-meetings.not-eligible',
  WrongModel = 'step-up-meetings.wrong-model',
  CourseEnded = 'step-up-meetings.course-ended',
  FlowExists = 'step-up-meetings.flow-exists',
  FlowNotFound = 'step-up-meetings.flow-not-found',
  FlowMissing = 'step-up-meetings.flow-missing',
  WrongState = 'step-up-meetings.wrong-state',
  DateInvalid = 'step-up-meetings.date-invalid',
  WorksheetMissing = 'step-up-meetings.worksheet-missing',
  ConsentMissing = 'step-up-meetings.consent-missing',
  UnitUnknown = 'step-up-meetings.unit-unknown',
  MeetingNotFound = 'step-up-meetings.meeting-not-found',
  MeetingWrongType = 'step-up-meetings.meeting-wrong-type',
  MeetingNotHeld = 'step-up-meetings.meeting-not-held',
  MeetingTooEarly = 'step-up-meetings.meeting-too-early',
  ChairMissing = 'step-up-meetings.chair-missing',
  JobConsultantMissing = 'step-up-meetings.job-consultant-missing',
  CitizenAbsent = 'step-up-meetings.citizen-absent',
  SignatureMissing = 'step-up-meetings.signature-missing',
  SignatoryMismatch = 'step-up-meetings.signatory-mismatch',
  AgreementNotFound = 'step-up-meetings.agreement-not-found',
  ReReviewPending = 'step-up-meetings.re-review-pending',
  ReReviewWaived = 'step-up-meetings.re-review-waived',
  TeamMemberNotInvited = 'step-up-meetings.team-member-not-invited',
}

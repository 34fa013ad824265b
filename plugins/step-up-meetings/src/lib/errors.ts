import { DomainError } from '@enplan/plugin-api';
import type { Problem } from './rules.js';
import { STEP_UP_ID, StepUpErrorCode, type FlowState, type FlowStep } from './vocabulary.js';

/** The plugin's problems. Messages name states, fields and rules, never the citizen. */
export const stepUpError = {
  notEligible: (reasons: string[], field: string) =>
    new DomainError(StepUpErrorCode.NotEligible, 'unprocessable', `The citizen is not in the Step-Up target group: ${reasons.join('; ')}`, {
      plugin: STEP_UP_ID,
      reasons,
      errors: [{ field, code: StepUpErrorCode.NotEligible, message: reasons.join('; ') }],
    }),
  wrongModel: (modelId: string) =>
    new DomainError(StepUpErrorCode.WrongModel, 'unprocessable', `The course follows the model "${modelId}"; a Step-Up flow is only for courses of the model "${STEP_UP_ID}"`),
  courseEnded: (status: string) => new DomainError(StepUpErrorCode.CourseEnded, 'unprocessable', `The course is ${status}: its Step-Up flow can no longer change`),
  courseNotOpen: (status: string) =>
    new DomainError(StepUpErrorCode.CourseEnded, 'unprocessable', `A Step-Up flow starts on a referred, assessed or active course; this one is ${status}`),
  flowExists: () => new DomainError(StepUpErrorCode.FlowExists, 'conflict', 'The course already has a Step-Up flow'),
  flowNotFound: () => DomainError.notFound(StepUpErrorCode.FlowNotFound, 'The Step-Up flow of the course'),
  flowMissing: () =>
    new DomainError(
      StepUpErrorCode.FlowMissing,
      'unprocessable',
      'A Step-Up course is activated once its flow has started: POST /api/v1/plugins/step-up-meetings/courses/{courseId}/flow with the years on benefit first',
      { errors: [{ field: 'to', code: StepUpErrorCode.FlowMissing, message: 'Start the Step-Up flow before activating the course' }] },
    ),
  wrongState: (step: FlowStep | 'waive-re-review', expected: readonly FlowState[], current: FlowState) =>
    new DomainError(StepUpErrorCode.WrongState, 'conflict', `The flow is ${current}; "${step}" needs it to be ${expected.join(' or ')}`, {
      step,
      expectedState: expected.length === 1 ? expected[0] : expected,
      currentState: current,
    }),
  dateInvalid: (field: string, message: string) => DomainError.field(StepUpErrorCode.DateInvalid, field, message),
  worksheetMissing: () =>
    DomainError.field(StepUpErrorCode.WorksheetMissing, 'worksheet', 'Fill in the worksheet with the citizen (PUT …/flow/worksheet) before the material goes out'),
  unitUnknown: (i: number) => DomainError.field(StepUpErrorCode.UnitUnknown, `recipientUnitIds[${i}]`, 'Not an organisational unit of your municipality'),
  /** No signed information-sharing consent in force covers the unit (or, without a unit, none exists at all). */
  consentMissing: (field: string, unitName?: string) =>
    DomainError.field(
      StepUpErrorCode.ConsentMissing,
      field,
      unitName
        ? `No signed information-sharing consent in force covers ${unitName} for general information; the citizen signs one naming it before the material goes out`
        : 'No signed information-sharing consent in force; the citizen signs one before the material goes out',
    ),
  /** One or more problems of the same request; the first one's code heads the problem. */
  problems: (problems: Problem[]) =>
    new DomainError(problems[0].code, 'unprocessable', problems.length === 1 ? problems[0].message : `${problems[0].message} (and ${problems.length - 1} more)`, {
      errors: problems,
    }),
  meetingNotFound: () => DomainError.field(StepUpErrorCode.MeetingNotFound, 'meetingId', 'No meeting with this id on the course'),
  meetingWrongType: (expected: string, actual: string) =>
    DomainError.field(StepUpErrorCode.MeetingWrongType, 'meetingId', `The meeting is of type ${actual}; this step needs a ${expected} meeting`),
  meetingNotHeld: (status: string) =>
    DomainError.field(StepUpErrorCode.MeetingNotHeld, 'meetingId', `The meeting is ${status}: record its minutes (which marks it held) first`),
  meetingTooEarly: (message: string) => DomainError.field(StepUpErrorCode.MeetingTooEarly, 'meetingId', message),
  agreementNotFound: () => DomainError.notFound(StepUpErrorCode.AgreementNotFound, 'The signed agreement of the course'),
  reReviewPending: (state: FlowState) =>
    new DomainError(
      StepUpErrorCode.ReReviewPending,
      'unprocessable',
      `The Step-Up flow is ${state}: a course closes after its re-review meeting, or once the reason to close without one is recorded (POST /api/v1/plugins/step-up-meetings/courses/{courseId}/flow/re-review-waiver)`,
      { errors: [{ field: 'to', code: StepUpErrorCode.ReReviewPending, message: 'The re-review has not been held' }] },
    ),
  reReviewWaived: () => new DomainError(StepUpErrorCode.ReReviewWaived, 'conflict', 'The reason to close without a re-review is already recorded'),
};

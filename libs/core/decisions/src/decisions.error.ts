import { DomainError } from '@enplan/core/common';

/**
 * The decisions resource's own codes. (A paragraph outside the catalogue is the core's
 * `decision.legal-basis-unknown`, and a decision maker without authority the model's code or
 * `plugin.decision-authority`, as everywhere decisions are recorded.)
 */
export enum DecisionsErrorCode {
  NotFound = 'decision.not-found',
  NotEditable = 'decision.not-editable',
  NotDraft = 'decision.not-draft',
  NotDecided = 'decision.not-decided',
  Incomplete = 'decision.incomplete',
  ActionUnknown = 'decision.action-unknown',
  ActionTwice = 'decision.action-twice',
  NoPlan = 'decision.no-plan',
  PeriodInvalid = 'decision.period-invalid',
  CommitteeApprovalRequired = 'decision.committee-approval-required',
  CommitteeApprovalNotNeeded = 'decision.committee-approval-not-needed',
  SupersedesUnknown = 'decision.supersedes-unknown',
  AlreadySuperseded = 'decision.already-superseded',
  NotifiedBeforeDecided = 'decision.notified-before-decided',
  CourseEnded = 'decision.course-ended',
  VisibilityNeedsArea = 'decision.visibility-invalid',
}

/** Failures of the decisions resource; messages name fields, rules and provisions, never a decision's text or a person. */
export const decisionsError = {
  notFound: () => DomainError.notFound(DecisionsErrorCode.NotFound, 'Decision'),
  notEditable: (status: string) =>
    new DomainError(DecisionsErrorCode.NotEditable, 'conflict', `The decision is ${status}: a decided decision is never changed; make a new decision that supersedes it (supersedesId)`, { decisionStatus: status }),
  notDraft: (status: string) => new DomainError(DecisionsErrorCode.NotDraft, 'conflict', `The decision is ${status} already`, { decisionStatus: status }),
  notDecided: (status: string) => new DomainError(DecisionsErrorCode.NotDecided, 'conflict', `The decision is ${status}: only a decided decision is notified or has a letter`, { decisionStatus: status }),
  incomplete: (fields: string[]) =>
    new DomainError(DecisionsErrorCode.Incomplete, 'unprocessable', `A decision is made with ${fields.join(', ')} filled in`, {
      errors: fields.map((field) => ({ field, code: DecisionsErrorCode.Incomplete, message: `${field} is required to decide` })),
    }),
  actionUnknown: (i: number, version: number) =>
    DomainError.field(DecisionsErrorCode.ActionUnknown, `actions[${i}].actionId`, `Not an action of the plan's current version (${version})`),
  actionTwice: (i: number) => DomainError.field(DecisionsErrorCode.ActionTwice, `actions[${i}].actionId`, 'The action is named twice'),
  noPlan: () => DomainError.field(DecisionsErrorCode.NoPlan, 'actions', 'The course has no published plan version whose actions a decision could grant or refuse'),
  periodInvalid: () => DomainError.field(DecisionsErrorCode.PeriodInvalid, 'effectiveTo', 'The decision ends before it takes effect'),
  committeeApprovalRequired: (basis: string, paragraph: string) =>
    DomainError.field(
      DecisionsErrorCode.CommitteeApprovalRequired,
      'committeeApproval',
      `A decision under ${paragraph} (${basis}) is made by a committee in your municipality: record the committee's approval (committee, approvedOn, reference)`,
    ),
  committeeApprovalNotNeeded: (basis: string) =>
    DomainError.field(DecisionsErrorCode.CommitteeApprovalNotNeeded, 'committeeApproval', `${basis} is not on your municipality's list of committee provisions`),
  supersedesUnknown: () => DomainError.field(DecisionsErrorCode.SupersedesUnknown, 'supersedesId', 'Not a decided decision of this course that you can see'),
  alreadySuperseded: () =>
    new DomainError(DecisionsErrorCode.AlreadySuperseded, 'conflict', 'That decision has been superseded already: supersede the decision that replaced it', {
      errors: [{ field: 'supersedesId', code: DecisionsErrorCode.AlreadySuperseded, message: 'Superseded already' }],
    }),
  notifiedBeforeDecided: () => DomainError.field(DecisionsErrorCode.NotifiedBeforeDecided, 'notifiedAt', 'The citizen cannot have been notified before the decision was made, nor in the future'),
  courseEnded: (status: string) => new DomainError(DecisionsErrorCode.CourseEnded, 'conflict', `The course is ${status}: no new decisions on it`, { courseStatus: status }),
  visibilityInvalid: () => DomainError.field(DecisionsErrorCode.VisibilityNeedsArea, 'visibility', 'A decision is for the team or for authority holders only'),
};


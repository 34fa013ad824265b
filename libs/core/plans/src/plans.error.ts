import { DomainError, type FieldProblem } from '@enplan/core/common';

export enum PlansErrorCode {
  /** The same public code the courses API uses: a course of another municipality is not disclosed. */
  CourseNotFound = 'course.not-found',
  NotPublished = 'plan.not-published',
  VersionNotFound = 'plan.version-not-found',
  DraftNotFound = 'plan.draft-not-found',
  DraftMissing = 'plan.draft-missing',
  PreconditionRequired = 'plan.precondition-required',
  IfMatchInvalid = 'plan.if-match-invalid',
  BaseVersionAmbiguous = 'plan.base-version-ambiguous',
  VersionConflict = 'plan.version-conflict',
  DraftConflict = 'plan.draft-conflict',
  CourseClosed = 'plan.course-closed',
  DuplicateId = 'plan.duplicate-id',
  GoalParentUnknown = 'plan.goal-parent-unknown',
  GoalCycle = 'plan.goal-cycle',
  ActionGoalUnknown = 'plan.action-goal-unknown',
  LegalBasisUnknown = 'plan.legal-basis-unknown',
  DatesOutOfOrder = 'plan.dates-out-of-order',
  ResponsibleIdMissing = 'plan.responsible-id-missing',
  ResponsibleIdUnexpected = 'plan.responsible-id-unexpected',
  ResponsibleUnknown = 'plan.responsible-unknown',
  ConcernsUnknown = 'plan.concerns-unknown',
  VisibilityNeedsArea = 'plan.visibility-needs-area',
  ReaderNotOnCourse = 'plan.reader-not-on-course',
  VisibilityNeedsConcerns = 'plan.visibility-needs-concerns',
  OverallGoalMissing = 'plan.overall-goal-missing',
  CitizenAgreementMissing = 'plan.citizen-agreement-missing',
  AgreedInFuture = 'plan.agreed-in-future',
  SourceMeetingUnknown = 'plan.source-meeting-unknown',
  LegalBasisCodeExists = 'legal-basis.code-exists',
}

/** The plans lib's failures; codes are public API, so they never change once released. */
/** The plan-content rules a draft or a version can break (422, each naming its field). */
export const PLAN_CONTENT_CODES: readonly string[] = [
  PlansErrorCode.DuplicateId,
  PlansErrorCode.GoalParentUnknown,
  PlansErrorCode.GoalCycle,
  PlansErrorCode.ActionGoalUnknown,
  PlansErrorCode.LegalBasisUnknown,
  PlansErrorCode.DatesOutOfOrder,
  PlansErrorCode.ResponsibleIdMissing,
  PlansErrorCode.ResponsibleIdUnexpected,
  PlansErrorCode.ResponsibleUnknown,
  PlansErrorCode.ConcernsUnknown,
  PlansErrorCode.VisibilityNeedsArea,
  PlansErrorCode.VisibilityNeedsConcerns,
  PlansErrorCode.OverallGoalMissing,
  PlansErrorCode.CitizenAgreementMissing,
  PlansErrorCode.AgreedInFuture,
];

export const plansError = {
  readerNotOnCourse: () =>
    DomainError.field(PlansErrorCode.ReaderNotOnCourse, 'citizenId', "citizenId must be the course's citizen or a member of its household", 'invalid'),
  courseNotFound: () => DomainError.notFound(PlansErrorCode.CourseNotFound, 'Course'),
  // currentVersion 0 tells the client which If-Match opens the first version.
  notPublished: () =>
    new DomainError(PlansErrorCode.NotPublished, 'not-found', 'No version of this plan has been published yet', { currentVersion: 0 }),
  versionNotFound: () => DomainError.notFound(PlansErrorCode.VersionNotFound, 'Plan version'),
  draftNotFound: () => DomainError.notFound(PlansErrorCode.DraftNotFound, 'Plan draft'),
  sourceMeetingUnknown: () =>
    DomainError.field(PlansErrorCode.SourceMeetingUnknown, 'sourceMeetingId', 'sourceMeetingId must name a meeting of this course'),
  draftMissing: () =>
    DomainError.field(PlansErrorCode.DraftMissing, 'content', 'No content was given and the plan has no saved draft to publish'),
  preconditionRequired: (what: string) =>
    new DomainError(PlansErrorCode.PreconditionRequired, 'precondition-required', `If-Match is required: ${what}`),
  ifMatchInvalid: () =>
    new DomainError(PlansErrorCode.IfMatchInvalid, 'invalid', 'If-Match must be one entity tag holding a whole number, e.g. "3"'),
  baseVersionAmbiguous: () =>
    DomainError.field(PlansErrorCode.BaseVersionAmbiguous, 'baseVersion', 'baseVersion and If-Match name different versions', 'invalid'),
  versionConflict: (currentVersion: number) =>
    new DomainError(
      PlansErrorCode.VersionConflict,
      'conflict',
      `The plan has moved on to version ${currentVersion}: read it, merge your changes and publish again`,
      { currentVersion },
    ),
  draftConflict: (currentRevision: number) =>
    new DomainError(
      PlansErrorCode.DraftConflict,
      'conflict',
      `Someone saved the draft in the meantime (revision ${currentRevision}): read it and apply your changes again`,
      { currentRevision },
    ),
  courseClosed: () => new DomainError(PlansErrorCode.CourseClosed, 'conflict', 'The course is closed or declined: its plan can no longer change'),
  /** All broken rules at once, so a form can mark every field; the first one's code heads the problem. */
  contentInvalid: (errors: FieldProblem[]) =>
    new DomainError(errors[0].code, 'unprocessable', errors.length === 1 ? errors[0].message : `${errors[0].message} (and ${errors.length - 1} more)`, {
      errors,
    }),
  legalBasisCodeExists: () =>
    DomainError.field(PlansErrorCode.LegalBasisCodeExists, 'code', 'The catalogue already has a legal basis with this code', 'conflict'),
};

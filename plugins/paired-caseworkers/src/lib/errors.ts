import { DomainError } from '@enplan/plugin-api';

/** The plugin's problem codes (public API, like the core's). Each names the rule it stands for. */
export const PairedErrorCode = {
  // Team rules (activation, team changes of an active course).
  TwoAuthorityHolders: 'paired-caseworkers.two-authority-holders',
  DifferentLegalAreas: 'paired-caseworkers.different-legal-areas',
  TeamRoles: 'paired-caseworkers.team-roles',
  // Decision authority (plan publish: the actions a version decides).
  PartnerArea: 'paired-caseworkers.partner-area',
  OutsidePairAreas: 'paired-caseworkers.outside-pair-areas',
  NotInPair: 'paired-caseworkers.not-in-pair',
  SubstitutionNotInForce: 'paired-caseworkers.substitution-not-in-force',
  // The plan is revised at joint meetings.
  JointMeetingRequired: 'paired-caseworkers.joint-meeting-required',
  PairNotPresent: 'paired-caseworkers.pair-not-present',
  // Substitutes.
  NotAPairedCourse: 'paired-caseworkers.not-a-paired-course',
  CourseEnded: 'paired-caseworkers.course-ended',
  CoveredNotInPair: 'paired-caseworkers.covered-not-in-pair',
  SubstituteUnknown: 'paired-caseworkers.substitute-unknown',
  SubstituteAreas: 'paired-caseworkers.substitute-areas',
  PeriodInvalid: 'paired-caseworkers.period-invalid',
  SubstitutionOverlaps: 'paired-caseworkers.substitution-overlaps',
} as const;

const unprocessable = (code: string, field: string, message: string) => new DomainError(code, 'unprocessable', message, { errors: [{ field, code, message }] });

export const pairedError = {
  notAPairedCourse: () =>
    unprocessable(PairedErrorCode.NotAPairedCourse, 'courseId', 'Substitutes are named on paired-caseworkers courses only; this course follows another model'),
  courseEnded: (status: string) => unprocessable(PairedErrorCode.CourseEnded, 'courseId', `The course is ${status}: no substitute can be named any more`),
  coveredNotInPair: () =>
    unprocessable(PairedErrorCode.CoveredNotInPair, 'coveredStaffMemberId', 'The person covered must be one of the pair: a caseworker or primary contact with authority on the course'),
  substituteUnknown: () =>
    unprocessable(PairedErrorCode.SubstituteUnknown, 'substituteStaffMemberId', 'The substitute must be an active staff member of your municipality'),
  substituteIsCovered: () => unprocessable(PairedErrorCode.SubstituteUnknown, 'substituteStaffMemberId', 'A caseworker cannot be their own substitute'),
  substituteAreas: (missing: readonly string[]) =>
    unprocessable(
      PairedErrorCode.SubstituteAreas,
      'substituteStaffMemberId',
      `The substitute must hold the same authority areas as the caseworker they cover; missing: ${missing.join(', ')}`,
    ),
  periodInvalid: (field: string, message: string) => unprocessable(PairedErrorCode.PeriodInvalid, field, message),
  overlaps: (fromDate: string, toDate: string) =>
    new DomainError(PairedErrorCode.SubstitutionOverlaps, 'conflict', `The caseworker already has a substitute from ${fromDate} to ${toDate}, which overlaps this period`, {
      errors: [{ field: 'fromDate', code: PairedErrorCode.SubstitutionOverlaps, message: `Overlaps the substitution ${fromDate} – ${toDate}` }],
    }),
};

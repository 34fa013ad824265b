import { DomainError, type FieldProblem } from '@enplan/core/common';
import type { AnswerIssue, DefinitionIssue } from '@enplan/core/progression-instruments';

/** Progression's failures; messages name fields and rules, never an answer, a comment or a person. */
export const progressionError = {
  measurementNotFound: () => DomainError.notFound('measurement.not-found', 'Measurement'),
  instrumentNotFound: () => DomainError.notFound('instrument.not-found', 'The instrument (or version)'),
  instrumentUnknown: (field = 'instrumentId') => DomainError.field('instrument.unknown', field, 'No such instrument (or version) in your municipality'),
  /** Every issue of a definition, each naming its field under `definition.`. */
  definitionInvalid: (issues: DefinitionIssue[]) =>
    new DomainError(issues[0]?.code ?? 'instrument.invalid', 'unprocessable', 'The instrument definition is not valid', {
      errors: issues.map((i): FieldProblem => ({ field: i.field === '$' ? 'definition' : `definition.${i.field}`, code: i.code, message: i.message })),
    }),
  versionPublished: () =>
    DomainError.field('instrument.version-published', 'definition.version', 'This version is published and never changes: register the change as a new version', 'conflict'),
  idTaken: () => DomainError.field('instrument.id-taken', 'definition.id', 'A shipped instrument has this id'),
  answersInvalid: (issues: AnswerIssue[]) =>
    new DomainError(issues[0]?.code ?? 'measurement.answers-invalid', 'unprocessable', 'One or more answers do not fit the instrument version', {
      errors: issues.map((i): FieldProblem => ({ field: i.field, code: i.code, message: i.message })),
    }),
  respondent: (code: string) => DomainError.field(code, 'respondentType', code.endsWith('too-young') ? 'The child is below the minimum age for self-report' : 'The instrument does not allow this respondent'),
  childNotInHousehold: (field = 'aboutCitizenId') => DomainError.field('measurement.child-not-in-household', field, "Not a child of the course's household"),
  citizenNotInCourse: (field = 'aboutCitizenId') => DomainError.field('measurement.citizen-not-in-course', field, "Not the course's citizen or an adult of its household"),
  respondentNotInHousehold: (field = 'respondentCitizenId') => DomainError.field('measurement.respondent-not-in-household', field, "Not a parent with custody in the course's household"),
  aboutRequired: () => DomainError.field('measurement.about-required', 'aboutCitizenId', 'Say which household member the answers are about'),
  courseNotOpen: (status: string) => new DomainError('measurement.course-not-open', 'conflict', `The course is ${status}: measurements are taken on an active or paused course (an end measurement also once it is closed)`),
  notInProgress: (status: string) => new DomainError('measurement.not-in-progress', 'conflict', `The measurement is ${status}; a completed measurement never changes`),
};

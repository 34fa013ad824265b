import { DomainError } from '@enplan/core/common';

export enum JournalErrorCode {
  NotFound = 'journal-note.not-found',
  NoAuthority = 'journal.no-authority',
  ConcernsUnknown = 'journal.concerns-unknown',
  VisibilityNeedsArea = 'journal.visibility-needs-area',
  CorrectsUnknown = 'journal.corrects-unknown',
  CourseEnded = 'journal.course-ended',
}

/** The journal's failures; messages name fields and rules, never a note's text or a person. */
export const journalError = {
  notFound: () => DomainError.notFound(JournalErrorCode.NotFound, 'Journal note'),
  noAuthority: (area: string) =>
    DomainError.field(JournalErrorCode.NoAuthority, 'legalArea', `You hold no authority in ${area}: a note in a legal area is written by someone with authority there`),
  concernsUnknown: (i: number) =>
    DomainError.field(JournalErrorCode.ConcernsUnknown, `concerns[${i}]`, "Not the course's citizen or a member of its household"),
  visibilityNeedsArea: () =>
    DomainError.field(JournalErrorCode.VisibilityNeedsArea, 'visibility', 'Only a note in a legal area can be for authority holders only; choose team or member for a general note'),
  correctsUnknown: () => DomainError.field(JournalErrorCode.CorrectsUnknown, 'correctsId', 'Not a note on this course that you can see'),
  courseEnded: (status: string) => new DomainError(JournalErrorCode.CourseEnded, 'conflict', `The course is ${status}: its journal is closed`),
};

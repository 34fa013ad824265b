import { DomainError } from '@enplan/core/common';

export enum MeetingsErrorCode {
  /** The same public code the courses API uses: a course of another municipality is not disclosed. */
  CourseNotFound = 'course.not-found',
  StaffNotFound = 'staff.not-found',
  MeetingNotFound = 'meeting.not-found',
  ParticipantNotFound = 'meeting.participant-not-found',
  EndsBeforeStart = 'meeting.ends-before-start',
  TypeUnknown = 'meeting.type-unknown',
  ParticipantUnknown = 'meeting.participant-unknown',
  ParticipantIncomplete = 'meeting.participant-incomplete',
  ParticipantDuplicate = 'meeting.participant-duplicate',
  RoleNotParticipant = 'meeting.role-not-participant',
  NotHeldYet = 'meeting.not-held-yet',
  NoCourse = 'meeting.no-course',
  CoursesMissing = 'meeting.courses-missing',
  StaffOverlap = 'meeting.staff-overlap',
  ContactStaffUnknown = 'contact.staff-unknown',
  ContactNotFound = 'contact.not-found',
  FollowUpOwnerUnknown = 'follow-up.owner-unknown',
  FollowUpMeetingUnknown = 'follow-up.meeting-unknown',
  FollowUpNotFound = 'follow-up.not-found',
}

/** The meetings lib's failures; codes are public API, so they never change once released. */
export const meetingsError = {
  courseNotFound: () => DomainError.notFound(MeetingsErrorCode.CourseNotFound, 'Course'),
  staffNotFound: () => DomainError.notFound(MeetingsErrorCode.StaffNotFound, 'Staff member'),
  meetingNotFound: () => DomainError.notFound(MeetingsErrorCode.MeetingNotFound, 'Meeting'),
  participantNotFound: () => DomainError.notFound(MeetingsErrorCode.ParticipantNotFound, 'Participant'),
  contactNotFound: () => DomainError.notFound(MeetingsErrorCode.ContactNotFound, 'Contact'),
  followUpNotFound: () => DomainError.notFound(MeetingsErrorCode.FollowUpNotFound, 'Follow-up'),
  endsBeforeStart: () => DomainError.field(MeetingsErrorCode.EndsBeforeStart, 'endsAt', 'endsAt must be after startsAt'),
  typeUnknown: () => DomainError.field(MeetingsErrorCode.TypeUnknown, 'type', 'The meeting type is not in the catalogue'),
  participantUnknown: (field: string, what: string) =>
    DomainError.field(MeetingsErrorCode.ParticipantUnknown, field, `The ${what} is not on the course or in your municipality`),
  participantIncomplete: (field: string, message: string) => DomainError.field(MeetingsErrorCode.ParticipantIncomplete, field, message),
  participantDuplicate: (field: string) =>
    DomainError.field(MeetingsErrorCode.ParticipantDuplicate, field, 'This person already takes part in the meeting', 'conflict'),
  roleNotParticipant: (field: string) =>
    DomainError.field(MeetingsErrorCode.RoleNotParticipant, field, 'A role can only be given to a participant of the meeting'),
  notHeldYet: () =>
    DomainError.field(MeetingsErrorCode.NotHeldYet, 'minutes', 'Minutes can only be recorded for a meeting that has started and is not cancelled'),
  noCourse: () =>
    new DomainError(MeetingsErrorCode.NoCourse, 'unprocessable', 'A meeting over several courses (board meeting) cannot produce one plan'),
  coursesMissing: () => DomainError.field(MeetingsErrorCode.CoursesMissing, 'courseIds', 'A board meeting needs at least one course of your municipality'),
  contactStaffUnknown: () => DomainError.field(MeetingsErrorCode.ContactStaffUnknown, 'staffMemberId', 'The staff member is not in your municipality'),
  followUpOwnerUnknown: () => DomainError.field(MeetingsErrorCode.FollowUpOwnerUnknown, 'ownerId', 'The owner is not a staff member of your municipality'),
  followUpMeetingUnknown: () =>
    DomainError.field(MeetingsErrorCode.FollowUpMeetingUnknown, 'nextMeetingId', 'The next meeting is not a meeting of this course'),
};

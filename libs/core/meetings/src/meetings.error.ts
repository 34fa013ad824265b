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
  LegalAreaNotDecision = 'meeting.legal-area-not-decision',
  DecisionNeedsCourse = 'meeting.decision-needs-course',
  ContactStaffUnknown = 'contact.staff-unknown',
  ContactNotFound = 'contact.not-found',
  FollowUpOwnerUnknown = 'follow-up.owner-unknown',
  FollowUpMeetingUnknown = 'follow-up.meeting-unknown',
  FollowUpContactUnknown = 'follow-up.contact-unknown',
  ParticipantFieldNotApplicable = 'meeting.participant-field-not-applicable',
  OutcomeResponsibleUnknown = 'meeting.outcome-responsible-unknown',
  FollowUpNotFound = 'follow-up.not-found',
  ContactInFuture = 'contact.in-future',
  UnitNotFound = 'org-unit.not-found',
  ProviderOrderNotFound = 'provider-order.not-found',
  ProviderOrderActionUnknown = 'provider-order.action-unknown',
  ProviderOrderUnitUnknown = 'provider-order.unit-unknown',
  ProviderOrderStaffUnknown = 'provider-order.staff-unknown',
  ProviderOrderDuplicate = 'provider-order.duplicate',
  ProviderOrderEndsBeforeStart = 'provider-order.ends-before-start',
  ProviderReportBeforeStart = 'provider-report.before-start',
  ProviderReportInFuture = 'provider-report.in-future',
  InvitationNoCitizen = 'invitation.no-citizen',
  InvitationChannelRequired = 'invitation.channel-required',
  InvitationMeetingOver = 'invitation.meeting-over',
  NotChangeable = 'meeting.not-changeable',
  ParticipantsNotNotified = 'meeting.participants-not-notified',
  /** The same public code as every other refusal by the access rules. */
  CalendarNotOwner = 'access.denied',
  CalendarSubscriptionNotFound = 'calendar-subscription.not-found',
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
  roleNotParticipant: (field: string, message = 'A role can only be given to a participant of the meeting') =>
    DomainError.field(MeetingsErrorCode.RoleNotParticipant, field, message),
  notHeldYet: () =>
    DomainError.field(MeetingsErrorCode.NotHeldYet, 'minutes', 'Minutes can only be recorded for a meeting that has started and is not cancelled'),
  noCourse: () =>
    new DomainError(MeetingsErrorCode.NoCourse, 'unprocessable', 'A meeting over several courses (board meeting) cannot produce one plan'),
  legalAreaNotDecision: (field: 'legalArea' | 'legalBasis' = 'legalArea') =>
    DomainError.field(MeetingsErrorCode.LegalAreaNotDecision, field, `Only a decision is made under a legal area or basis; leave ${field} out of an agreement`),
  decisionNeedsCourse: () =>
    DomainError.field(
      MeetingsErrorCode.DecisionNeedsCourse,
      'legalArea',
      'A board meeting spans several courses: record a decision on a meeting of its course',
    ),
  coursesMissing: () => DomainError.field(MeetingsErrorCode.CoursesMissing, 'courseIds', 'A board meeting needs at least one course of your municipality'),
  contactStaffUnknown: (field = 'staffMemberIds') => DomainError.field(MeetingsErrorCode.ContactStaffUnknown, field, 'The staff member is not in your municipality'),
  contactInFuture: () => DomainError.field(MeetingsErrorCode.ContactInFuture, 'at', 'A contact is logged after it happened: at must not be in the future'),
  followUpOwnerUnknown: (field = 'ownerId') =>
    DomainError.field(MeetingsErrorCode.FollowUpOwnerUnknown, field, 'The owner must be a staff member on the course’s team'),
  followUpMeetingUnknown: (field = 'nextMeetingId') =>
    DomainError.field(MeetingsErrorCode.FollowUpMeetingUnknown, field, 'The next meeting must be a planned meeting of this course'),
  // A record named in the body (not the path) that does not exist is a wrong field: 422 naming it, not 404.
  followUpContactUnknown: (field = 'contactId') =>
    DomainError.field(MeetingsErrorCode.FollowUpContactUnknown, field, 'The contact must be a contact of this course'),
  participantFieldNotApplicable: (field: string, kind: string) =>
    DomainError.field(MeetingsErrorCode.ParticipantFieldNotApplicable, field, `Leave this field out for a participant of kind ${kind}`),
  outcomeResponsibleUnknown: (field: string, message: string) => DomainError.field(MeetingsErrorCode.OutcomeResponsibleUnknown, field, message),
  unitNotFound: () => DomainError.notFound(MeetingsErrorCode.UnitNotFound, 'Organisational unit'),
  providerOrderNotFound: () => DomainError.notFound(MeetingsErrorCode.ProviderOrderNotFound, 'Provider order'),
  providerOrderActionUnknown: () =>
    DomainError.field(MeetingsErrorCode.ProviderOrderActionUnknown, 'actionId', 'The action is not in the course’s published plan'),
  providerOrderUnitUnknown: () =>
    DomainError.field(MeetingsErrorCode.ProviderOrderUnitUnknown, 'providerUnitId', 'The provider unit is not an organisational unit of your municipality'),
  providerOrderStaffUnknown: () =>
    DomainError.field(MeetingsErrorCode.ProviderOrderStaffUnknown, 'providerStaffId', 'The provider is not a staff member of the provider unit'),
  providerOrderDuplicate: () =>
    DomainError.field(MeetingsErrorCode.ProviderOrderDuplicate, 'actionId', 'The action already has a provider order', 'conflict'),
  providerOrderEndsBeforeStart: () => DomainError.field(MeetingsErrorCode.ProviderOrderEndsBeforeStart, 'endsOn', 'endsOn must not be before startsOn'),
  providerReportBeforeStart: () =>
    DomainError.field(MeetingsErrorCode.ProviderReportBeforeStart, 'receivedOn', 'A report cannot be received before the order starts'),
  providerReportInFuture: () => DomainError.field(MeetingsErrorCode.ProviderReportInFuture, 'receivedOn', 'receivedOn must not be in the future'),
  invitationNoCitizen: (field = 'citizenId') =>
    DomainError.field(MeetingsErrorCode.InvitationNoCitizen, field, 'The citizen to invite must be the course’s citizen or a citizen participant of the meeting'),
  invitationChannelRequired: () =>
    DomainError.field(MeetingsErrorCode.InvitationChannelRequired, 'preferredChannel', 'The citizen has no preferred channel: give preferredChannel'),
  invitationMeetingOver: () =>
    DomainError.field(MeetingsErrorCode.InvitationMeetingOver, 'meetingId', 'The meeting is cancelled or has already started'),
  notChangeable: (status: string) =>
    new DomainError(MeetingsErrorCode.NotChangeable, 'conflict', `The meeting is ${status}: it can no longer be moved or cancelled; schedule a new meeting instead`, { meetingStatus: status }),
  calendarNotOwner: () => new DomainError(MeetingsErrorCode.CalendarNotOwner, 'forbidden', 'A calendar feed and its subscription are its owner’s only'),
  calendarSubscriptionNotFound: () => DomainError.notFound(MeetingsErrorCode.CalendarSubscriptionNotFound, 'Calendar subscription'),
};

import { DomainError } from '@enplan/core/common';
import type { CourseStatus } from './vocabulary.js';

export enum CourseErrorCode {
  NotFound = 'course.not-found',
  TransitionNotAllowed = 'course.transition-not-allowed',
  ModelUnknown = 'course.model-unknown',
  CapacityReached = 'course.capacity-reached',
  SubjectRequired = 'course.subject-required',
  CitizenUnknown = 'course.citizen-unknown',
  HouseholdUnknown = 'course.household-unknown',
  CitizenNotInHousehold = 'course.citizen-not-in-household',
  ReferringUnitUnknown = 'course.referring-unit-unknown',
  AlreadyOpen = 'course.already-open',
  DateInFuture = 'course.date-in-future',
  OutcomeRequired = 'course.outcome-required',
  OutcomeTextRequired = 'course.outcome-text-required',
  OutcomeNotAllowed = 'course.outcome-not-allowed',
  EndDateRequired = 'course.end-date-required',
  EndDateBeforeReferral = 'course.end-date-before-referral',
  EndDateNotAllowed = 'course.end-date-not-allowed',
}

export enum TeamErrorCode {
  AssignmentNotFound = 'team.assignment-not-found',
  StaffUnknown = 'team.staff-unknown',
  StaffInactive = 'team.staff-inactive',
  CourseEnded = 'team.course-ended',
  AlreadyAssigned = 'team.already-assigned',
  PrimaryContactExists = 'team.primary-contact-exists',
  PrimaryContactRequired = 'team.primary-contact-required',
  AlreadyPrimaryContact = 'team.already-primary-contact',
  AssignmentEnded = 'team.assignment-ended',
  StartsBeforeReferral = 'team.starts-before-referral',
  EndsBeforeStart = 'team.ends-before-start',
  DateInFuture = 'team.date-in-future',
}

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none (the status is final)');

/** The courses lib's failures. Codes are public API: integrators branch on them, so they never change. */
export const courseError = {
  notFound: () => DomainError.notFound(CourseErrorCode.NotFound, 'Course'),
  transitionNotAllowed: (from: CourseStatus, to: CourseStatus, allowed: readonly CourseStatus[]) =>
    DomainError.field(CourseErrorCode.TransitionNotAllowed, 'to', `A course cannot go from ${from} to ${to}; from ${from} it can go to: ${list(allowed)}`),
  modelUnknown: (modelId: string) =>
    DomainError.field(CourseErrorCode.ModelUnknown, 'modelId', `Model "${modelId}" is not enabled for your municipality; use "generic" or an enabled model plugin`),
  capacityReached: (modelId: string, max: number, active: number) =>
    new DomainError(
      CourseErrorCode.CapacityReached,
      'unprocessable',
      `The ${modelId} model in your municipality takes up to ${max} active courses at a time and ${active} are active; close or pause one first`,
      { maxActiveCourses: max, activeCourses: active, errors: [{ field: 'to', code: CourseErrorCode.CapacityReached, message: `At most ${max} active ${modelId} courses at a time` }] },
    ),
  subjectRequired: () => DomainError.field(CourseErrorCode.SubjectRequired, 'citizenId', 'A course is for a citizen or a household: give citizenId, householdId or both'),
  citizenUnknown: () => DomainError.field(CourseErrorCode.CitizenUnknown, 'citizenId', 'citizenId does not name a citizen of your municipality'),
  householdUnknown: () => DomainError.field(CourseErrorCode.HouseholdUnknown, 'householdId', 'householdId does not name a household of your municipality'),
  citizenNotInHousehold: () => DomainError.field(CourseErrorCode.CitizenNotInHousehold, 'citizenId', 'The citizen of a family course must be a member of its household'),
  referringUnitUnknown: () =>
    DomainError.field(CourseErrorCode.ReferringUnitUnknown, 'referringUnitId', 'referringUnitId does not name an organisational unit of your municipality'),
  alreadyOpen: (courseId: string) =>
    new DomainError(CourseErrorCode.AlreadyOpen, 'conflict', 'There is already an open course for this citizen or household: one plan per citizen', { courseId }),
  dateInFuture: (field: string) => DomainError.field(CourseErrorCode.DateInFuture, field, `${field} cannot be in the future`),
  outcomeRequired: () => DomainError.field(CourseErrorCode.OutcomeRequired, 'outcomeCode', 'Closing a course requires an outcomeCode'),
  outcomeTextRequired: () => DomainError.field(CourseErrorCode.OutcomeTextRequired, 'outcomeText', 'Outcome "other" requires an outcomeText saying what it was'),
  outcomeNotAllowed: (field: string, to: CourseStatus) => DomainError.field(CourseErrorCode.OutcomeNotAllowed, field, `${field} is only given when a course is closed or declined, not when it goes to ${to}`),
  endDateRequired: () => DomainError.field(CourseErrorCode.EndDateRequired, 'endDate', 'Closing a course requires an endDate'),
  endDateBeforeReferral: (referredOn: string) =>
    DomainError.field(CourseErrorCode.EndDateBeforeReferral, 'endDate', `endDate cannot be before the referral date ${referredOn}`),
  endDateNotAllowed: (to: CourseStatus) => DomainError.field(CourseErrorCode.EndDateNotAllowed, 'endDate', `endDate is only given when a course is closed or declined, not when it goes to ${to}`),
};

export const teamError = {
  assignmentNotFound: () => DomainError.notFound(TeamErrorCode.AssignmentNotFound, 'Team assignment'),
  staffUnknown: () => DomainError.field(TeamErrorCode.StaffUnknown, 'staffMemberId', 'staffMemberId does not name a staff member of your municipality'),
  staffInactive: () => DomainError.field(TeamErrorCode.StaffInactive, 'staffMemberId', 'The staff member is no longer active'),
  courseEnded: (status: CourseStatus) => new DomainError(TeamErrorCode.CourseEnded, 'unprocessable', `The course is ${status}: its team can no longer change`),
  alreadyAssigned: () => DomainError.field(TeamErrorCode.AlreadyAssigned, 'staffMemberId', 'The staff member already has this role on the course', 'conflict'),
  primaryContactExists: () =>
    DomainError.field(
      TeamErrorCode.PrimaryContactExists,
      'role',
      'The course already has a primary contact; change it with POST /courses/{id}/primary-contact so the handover note travels with it',
    ),
  primaryContactRequired: () =>
    DomainError.field(
      TeamErrorCode.PrimaryContactRequired,
      'assignmentId',
      'The primary contact cannot just end: hand over with POST /courses/{id}/primary-contact, so the citizen always has one',
    ),
  alreadyPrimaryContact: () => DomainError.field(TeamErrorCode.AlreadyPrimaryContact, 'staffMemberId', 'The staff member is already the primary contact'),
  assignmentEnded: () => new DomainError(TeamErrorCode.AssignmentEnded, 'conflict', 'The assignment has already ended'),
  startsBeforeReferral: (field: string, referredOn: string) =>
    DomainError.field(TeamErrorCode.StartsBeforeReferral, field, `${field} cannot be before the referral date ${referredOn}`),
  endsBeforeStart: (field: string, startsOn: string) => DomainError.field(TeamErrorCode.EndsBeforeStart, field, `${field} cannot be before the assignment started (${startsOn})`),
  dateInFuture: (field: string) => DomainError.field(TeamErrorCode.DateInFuture, field, `${field} cannot be in the future`),
};

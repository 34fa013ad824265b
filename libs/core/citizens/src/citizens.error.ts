import { DomainError } from '@enplan/core/common';

export enum CitizenErrorCode {
  CprInvalid = 'citizen.cpr-invalid',
  CprExists = 'citizen.cpr-exists',
  NotFound = 'citizen.not-found',
  HouseholdNotFound = 'household.not-found',
  MemberUnknown = 'household.member-unknown',
  MemberDuplicate = 'household.member-duplicate',
  MemberExists = 'household.member-exists',
  MemberNotFound = 'household.member-not-found',
  CustodyNotParent = 'household.custody-not-parent',
}

/**
 * The citizens lib's failures. None of the messages ever carries the CPR number: problem bodies reach
 * gateways' logs and browser consoles.
 */
export const citizenError = {
  cprInvalid: (field = 'cpr') =>
    DomainError.field(CitizenErrorCode.CprInvalid, field, `${field} must be a CPR number (DDMMYY-SSSS or ten digits) with a real birth date, not in the future`, 'invalid'),
  cprExists: () => DomainError.field(CitizenErrorCode.CprExists, 'cpr', 'A citizen with this CPR number is already registered in your municipality', 'conflict'),
  notFound: () => DomainError.notFound(CitizenErrorCode.NotFound, 'Citizen'),
  householdNotFound: () => DomainError.notFound(CitizenErrorCode.HouseholdNotFound, 'Household'),
  memberUnknown: (field: string) => DomainError.field(CitizenErrorCode.MemberUnknown, field, `${field} does not name a citizen of your municipality`),
  memberDuplicate: (field: string) => DomainError.field(CitizenErrorCode.MemberDuplicate, field, `${field} is listed more than once`),
  memberNotFound: () => DomainError.notFound(CitizenErrorCode.MemberNotFound, 'Household member'),
  custodyNotParent: (field: string) => DomainError.field(CitizenErrorCode.CustodyNotParent, field, `${field} applies to a parent only`),
  memberExists: () => DomainError.field(CitizenErrorCode.MemberExists, 'citizenId', 'The citizen is already a member of this household', 'conflict'),
};

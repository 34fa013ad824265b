import { DomainError } from '@enplan/core/common';

export enum AccessErrorCode {
  Denied = 'access.denied',
  ConsentMissing = 'access.consent-missing',
  RoleRequired = 'access.role-required',
  RouteUnclassified = 'access.route-unclassified',
  ModelDisabled = 'course.model-disabled',
  GrantNotFound = 'access-grant.not-found',
  GrantTooLong = 'access-grant.too-long',
  GrantInPast = 'access-grant.in-past',
  GrantStaffUnknown = 'access-grant.staff-unknown',
  GrantRevoked = 'access-grant.revoked',
}

/** Denials name the rule, never the record's content; a record of another municipality is a plain 404. */
export const accessError = {
  denied: (record: string) =>
    new DomainError(AccessErrorCode.Denied, 'forbidden', `You have no access to this ${record}: you are not on the course's team, its manager, or granted access`),
  consentMissing: (record: string) =>
    new DomainError(
      AccessErrorCode.ConsentMissing,
      'forbidden',
      `No information-sharing consent in force covers your organisation on this course, so the ${record} cannot be shared with you`,
    ),
  roleRequired: (roles: readonly string[]) => new DomainError(AccessErrorCode.RoleRequired, 'forbidden', `This needs one of the roles: ${roles.join(', ')}`),
  modelDisabled: (modelId: string) =>
    new DomainError(
      AccessErrorCode.ModelDisabled,
      'conflict',
      `The course's model "${modelId}" is not enabled in your municipality any more, so the course is read-only; enable the plugin again to change it`,
      { modelId },
    ),
  routeUnclassified: () => new DomainError(AccessErrorCode.RouteUnclassified, 'forbidden', 'This route declares no access rule and is closed'),
  notFound: (record: string) => DomainError.notFound(`${record}.not-found`, record[0].toUpperCase() + record.slice(1).replaceAll('-', ' ')),
  grantNotFound: () => DomainError.notFound(AccessErrorCode.GrantNotFound, 'Access grant'),
  grantTooLong: (maxDays: number) => DomainError.field(AccessErrorCode.GrantTooLong, 'validUntil', `A temporary grant lasts at most ${maxDays} days`),
  grantInPast: () => DomainError.field(AccessErrorCode.GrantInPast, 'validUntil', 'validUntil must not be in the past'),
  grantStaffUnknown: () => DomainError.field(AccessErrorCode.GrantStaffUnknown, 'staffMemberId', 'Not an active staff member of your municipality'),
  grantRevoked: () => new DomainError(AccessErrorCode.GrantRevoked, 'conflict', 'The grant is already revoked'),
};

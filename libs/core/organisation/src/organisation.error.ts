import { DomainError } from '@enplan/core/common';

export enum OrganisationErrorCode {
  UnitNotFound = 'org-unit.not-found',
  StaffNotFound = 'staff.not-found',
  StaffUnitUnknown = 'staff.unit-unknown',
  StaffIdExists = 'staff.id-exists',
}

/** The organisation lib's failures; codes are public API, so they never change once released. */
export const organisationError = {
  unitNotFound: () => DomainError.notFound(OrganisationErrorCode.UnitNotFound, 'Organisational unit'),
  staffNotFound: () => DomainError.notFound(OrganisationErrorCode.StaffNotFound, 'Staff member'),
  unitUnknown: (field = 'unitId') =>
    DomainError.field(OrganisationErrorCode.StaffUnitUnknown, field, `${field} does not name an organisational unit of your municipality`),
  staffIdExists: () =>
    DomainError.field(OrganisationErrorCode.StaffIdExists, 'id', 'A staff member with this id already exists', 'conflict'),
};

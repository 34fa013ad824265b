import { DomainError } from '@enplan/core/common';

export enum AuthErrorCode {
  TokenMissing = 'auth.token-missing',
  TokenInvalid = 'auth.token-invalid',
  TokenExpired = 'auth.token-expired',
  ClaimsInvalid = 'auth.claims-invalid',
  MunicipalityNotServed = 'auth.municipality-not-served',
}

const MESSAGES: Record<AuthErrorCode, string> = {
  [AuthErrorCode.TokenMissing]: 'A bearer token is required (Authorization: Bearer <token>)',
  [AuthErrorCode.TokenInvalid]: 'The bearer token could not be verified',
  [AuthErrorCode.TokenExpired]: 'The bearer token has expired',
  [AuthErrorCode.ClaimsInvalid]: 'The bearer token lacks a uuid sub, a municipality or a roles claim',
  [AuthErrorCode.MunicipalityNotServed]: "The token's municipality is not served by this deployment",
};

export function authError(code: AuthErrorCode): DomainError {
  return new DomainError(code, code === AuthErrorCode.MunicipalityNotServed ? 'forbidden' : 'unauthenticated', MESSAGES[code]);
}

/** Who is calling, as established from a verified bearer token. */
export interface Principal {
  /** The `sub` claim: the staff member's (or integration's) id. */
  readonly userId: string;
  /** The municipality the token was issued for (three-digit code) and its tenant id here. */
  readonly municipalityCode: string;
  readonly municipalityId: string;
  readonly roles: readonly string[];
}

export const ROLES = ['caseworker', 'manager', 'external', 'integrator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

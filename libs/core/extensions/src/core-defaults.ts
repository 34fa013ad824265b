import { IsInt, IsOptional, Min } from 'class-validator';
import type { AuthorityDecision, CaseloadPolicy, DecisionAuthorityInput, MeetingTypeDefinition, RoleDefinition } from './extension-points.js';
import type { CadencePolicy } from './cadence.js';

/** The model every deployment has: the core's rules only, no organisational plugin. */
export const CORE_MODEL_ID = 'generic';

/** Caseload per full-time caseworker that the generic model aims at when the deployment names none. */
export const DEFAULT_GENERIC_CASELOAD_TARGET = 45;

/** Roles whose holders a per-FTE caseload cap applies to, unless the model says otherwise. */
export const DEFAULT_CAPPED_ROLES: readonly string[] = ['primary-contact', 'coordinator'];

/**
 * Settings of the core (`generic`) model: a deployment gives them with a `generic` entry in a municipality's
 * plugin list, which enables nothing.
 */
export class GenericModelSettings {
  /** Active generic courses the municipality takes at a time; no cap when omitted. */
  @IsOptional() @IsInt() @Min(0)
  maxActiveCourses?: number;

  /** Target active courses per full-time staff member. */
  @IsInt() @Min(0)
  caseloadTarget: number = DEFAULT_GENERIC_CASELOAD_TARGET;

  /** Hard cap of active courses per full-time staff member; none when omitted. */
  @IsOptional() @IsInt() @Min(1)
  capPerFte?: number;
}

export function genericCaseload(s: GenericModelSettings): CaseloadPolicy {
  return {
    targetPerFte: s.caseloadTarget,
    capPerFte: s.capPerFte ?? null,
    cappedRoles: DEFAULT_CAPPED_ROLES,
    maxActiveCourses: s.maxActiveCourses ?? null,
  };
}

/** A model plugin that fills no caseload extension: no target, no caps. */
export const EMPTY_CASELOAD: CaseloadPolicy = { targetPerFte: null, capPerFte: null, cappedRoles: DEFAULT_CAPPED_ROLES, maxActiveCourses: null };

/** The core's rule: a decision under a legal area needs authority (myndighed) in that area. */
export function coreDecisionAuthority({ staff, legalArea }: DecisionAuthorityInput): AuthorityDecision {
  if (!staff) return { allowed: false, reason: `Only a staff member with authority in ${legalArea} may decide under it` };
  if (staff.authorityAreas.includes(legalArea)) return { allowed: true };
  // No name in the message: problem bodies may be shown or logged outside the team.
  return { allowed: false, reason: `The staff member recording it holds no authority in ${legalArea}` };
}

/**
 * The core's own catalogue entries, handed in by the host (they live in the courses and meetings libs, which
 * depend on this one): meeting types, roles and the default cadence policy.
 */
export interface CoreCatalogue {
  meetingTypes: MeetingTypeDefinition[];
  roles: RoleDefinition[];
  cadencePolicy: CadencePolicy;
}

export const EMPTY_CORE_CATALOGUE: CoreCatalogue = { meetingTypes: [], roles: [], cadencePolicy: { id: 'core-default', rules: [], suppressions: [] } };

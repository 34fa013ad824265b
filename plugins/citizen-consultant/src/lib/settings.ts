import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { STAFF_FUNCTIONS, type StaffFunction } from '@enplan/plugin-api';

/** The plugin's id: also the course model id (`modelId: 'citizen-consultant'`). */
export const CITIZEN_CONSULTANT_ID = 'citizen-consultant';

/**
 * A municipality's settings for the citizen-consultant model. Property initialisers are the defaults; the
 * host validates a deployment's settings against this class at boot and refuses unknown ones.
 */
export class CitizenConsultantSettings {
  /**
   * Staff functions that may be the citizen's consultant (the primary contact). Halsnæs: `citizen-consultant`.
   * The cross-cutting caseworker variant (Frederikssund, Furesø) adds e.g. `caseworker` or `job-consultant`.
   */
  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(STAFF_FUNCTIONS, { each: true })
  consultantFunctions: StaffFunction[] = ['citizen-consultant'];

  /** The consultant also holds the provider role (mentor / support contact): `isProvider` must be true. */
  @IsBoolean()
  requireProviderRole = true;

  /** Legal areas the consultant must hold authority in, at least ("authority across several legal areas"). */
  @IsInt() @Min(1) @Max(6)
  minAuthorityAreas = 2;

  /** A buddy consultant with another professional background is required at activation and stays required. */
  @IsBoolean()
  requireBuddy = true;

  /** Active courses of this model per full-time consultant (Halsnæs: about 15); the hard cap and the target. */
  @IsInt() @Min(1) @Max(200)
  capPerFte = 15;

  /** Active courses of this model the municipality takes at a time; no limit when omitted. */
  @IsOptional() @IsInt() @Min(1)
  maxActiveCourses?: number;

  /** A plan meeting with the citizen at least every this many days (replaces the core's 60-day rule). */
  @IsInt() @Min(7) @Max(365)
  planMeetingEveryDays = 60;

  /** A mini kick-off (follow-up with the buddy, Halsnæs: at 3, 6 and 9 months) every this many days. */
  @IsInt() @Min(7) @Max(365)
  miniKickEveryDays = 91;
}

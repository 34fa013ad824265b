import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** The plugin's id: also the course model id (`modelId: 'paired-caseworkers'`). */
export const PAIRED_CASEWORKERS_ID = 'paired-caseworkers';

/**
 * A municipality's settings for the paired-caseworkers model (makkerpar). Property initialisers are the
 * defaults; the host validates a deployment's settings against this class at boot and refuses unknown ones.
 */
export class PairedCaseworkersSettings {
  /** Joint meetings of both caseworkers with the citizen per year (Hillerød adults: 6, i.e. one every 61 days). */
  @IsInt() @Min(1) @Max(24)
  jointMeetingsPerYear = 6;

  /** A plan version after the first must be published from a held joint meeting where the pair was present. */
  @IsBoolean()
  planRevisedAtJointMeeting = true;

  /** Hard cap of active paired courses per full-time caseworker of the pair. */
  @IsInt() @Min(1) @Max(200)
  capPerFte = 30;

  /** Target active paired courses per full-time caseworker (caseload views); the cap when omitted. At most the cap. */
  @IsOptional() @IsInt() @Min(1) @Max(200)
  targetPerFte?: number;

  /** Active paired courses the municipality takes at a time; no limit when omitted. */
  @IsOptional() @IsInt() @Min(1)
  maxActiveCourses?: number;
}

/** Days between joint meetings for a yearly count: 6 a year → every 61 days. */
export function jointMeetingIntervalDays(perYear: number): number {
  return Math.round(365 / perYear);
}

import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LEGAL_AREAS, type LegalArea } from '@enplan/plugin-api';

/**
 * A municipality's settings for the plan-coordinator model (validated at boot; omitted settings take these
 * defaults, unknown ones are refused).
 */
export class PlanCoordinatorSettings {
  /** Days after activation within which the cross-disciplinary start-up meeting must be held. */
  @IsInt() @Min(1) @Max(90)
  startUpWithinDays = 14;

  /** A network meeting (family, school, psychiatry …) at least every this many days. */
  @IsInt() @Min(7) @Max(365)
  networkMeetingEveryDays = 90;

  /**
   * Legal areas the coordinator may decide in besides their own authority (Gladsaxe's variant: one coordinator
   * with authority for both job-centre and youth-benefit matters: ['employment', 'active-social-policy']).
   */
  @IsArray() @ArrayUnique() @IsIn(LEGAL_AREAS, { each: true })
  extraCoordinatorAreas: LegalArea[] = [];

  /** Ballerup's rule: a family course needs a buddy (team role `buddy`) from the children-and-youth area. */
  @IsBoolean()
  requireFamilyBuddy = false;

  /** Target active courses per full-time coordinator (shown on caseload views; the trial ran 25 to 50). */
  @IsInt() @Min(1) @Max(250)
  caseloadTarget = 40;

  /** Hard cap of active courses per full-time coordinator, enforced at activation and assignment; none when omitted. */
  @IsOptional() @IsInt() @Min(1) @Max(250)
  capPerFte?: number;

  /** Active plan-coordinator courses the municipality takes at a time; no limit when omitted. */
  @IsOptional() @IsInt() @Min(1)
  maxActiveCourses?: number;
}

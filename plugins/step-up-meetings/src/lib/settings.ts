import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { TARGET_GROUPS } from '@enplan/plugin-api';
import { BENEFIT_CATEGORIES } from './vocabulary.js';
import type { RuleSettings } from './rules.js';

/**
 * A municipality's Step-Up settings (validated at boot; the initialisers are the defaults, Esbjerg's).
 * The target group is fixed by rule: activity-ready cash-benefit recipients with more than 8 years on benefit.
 */
export class StepUpMeetingsSettings implements RuleSettings {
  /** Years on benefit a citizen must have (as the benefit system counts them) to be in the target group. */
  @IsInt() @Min(0) @Max(50)
  minYearsOnBenefit = 8;

  /** The course target groups (adults, youth, families) a Step-Up course may have. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(TARGET_GROUPS, { each: true })
  targetGroups: string[] = ['adults'];

  /** The benefit categories in the target group (default: aktivitetsparat kontanthjælp). */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(BENEFIT_CATEGORIES, { each: true })
  benefitCategories: string[] = ['cash-benefit-activity-ready'];

  /** Days the caseworker has, from the start of the flow, to fill in the worksheet with the citizen and get consent signed. */
  @IsInt() @Min(1) @Max(365)
  preparationDays = 30;

  /** Days before the step-up meeting (and the re-review) that the material goes to the participating departments. */
  @IsInt() @Min(1) @Max(60)
  materialDaysBefore = 7;

  /** Months after the agreement that the re-review meeting (genbehandlingsmøde) is due. */
  @IsInt() @Min(1) @Max(36)
  reReviewAfterMonths = 6;
}

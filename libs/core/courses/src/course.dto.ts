import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { COURSE_STATUSES, OUTCOME_CODES, REFERRAL_REASONS, TARGET_GROUPS, type CourseStatus, type OutcomeCode, type ReferralReason, type TargetGroup } from './vocabulary.js';
import { IsIsoDate } from './iso-date.js';
import { TeamAssignmentDto } from './team.dto.js';

/**
 * One description for `concerns` on every free text (a reason, a note, a summary): whom it is about. In a family
 * course untagged free text waits for a caseworker's review before a household member is shown it.
 */
export const CONCERNS_DESCRIPTION =
  "Household members (citizen ids of the course's household) the text concerns: in a family course it is then shown to them (and to parents with custody of a child named) without a caseworker's review; empty or absent = waits for review";

export const COURSE_SORTS = ['referredOn', '-referredOn', 'updatedAt', '-updatedAt'] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

/** `?status=a&status=b` and `?status=a,b` both mean "either". */
const listParam = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class CreateCourseDto {
  @ApiPropertyOptional({ format: 'uuid', example: '9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b', description: "The citizen the course is for; for a family course, the household's main citizen (optional)" })
  @IsOptional() @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', description: 'For a family course: the household' })
  @IsOptional() @IsUUID()
  householdId?: string;

  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', example: 'adults', description: 'Target group' })
  @IsIn(TARGET_GROUPS)
  targetGroup: TargetGroup;

  @ApiProperty({ example: 'generic', maxLength: 64, description: 'The organisational model: "generic" or the id of a model plugin enabled for your municipality' })
  @IsString() @Matches(/^[a-z][a-z0-9-]*$/, { message: 'modelId must be a model id such as "generic" or "plan-coordinator"' }) @MaxLength(64)
  modelId: string;

  @ApiProperty({ example: 'Jobcenter Nord, team 3', maxLength: 200, description: 'Who referred: a name or a function' })
  @IsString() @MinLength(1) @MaxLength(200)
  referredBy: string;

  @ApiPropertyOptional({ format: 'uuid', example: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01', description: 'The referring unit of your municipality' })
  @IsOptional() @IsUUID()
  referringUnitId?: string;

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'Date of referral (not in the future)' })
  @IsIsoDate()
  referredOn: string;

  @ApiProperty({ enum: REFERRAL_REASONS, enumName: 'ReferralReason', example: 'multiple-complex-problems', description: 'Why, as a code' })
  @IsIn(REFERRAL_REASONS)
  referralReasonCode: ReferralReason;

  @ApiProperty({ example: 'Cash benefit for 9 years, addiction and debt; three departments involved', maxLength: 4000, description: 'Why this citizen, in words (recorded because selection bias is a known risk)' })
  @IsString() @MinLength(1) @MaxLength(4000)
  referralReason: string;
}

export class CourseQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COURSE_STATUSES, enumName: 'CourseStatus', isArray: true, example: ['active'], description: 'Only courses in these statuses (repeat the parameter or separate with commas)' })
  @IsOptional() @Transform(listParam) @IsIn(COURSE_STATUSES, { each: true })
  status?: CourseStatus[];

  @ApiPropertyOptional({ example: 'generic', description: 'Only courses of this model' })
  @IsOptional() @IsString() @MaxLength(64)
  modelId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Only courses whose current primary contact is this staff member' })
  @IsOptional() @IsUUID()
  primaryContactId?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup', example: 'adults', description: 'Only courses for this target group' })
  @IsOptional() @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ format: 'uuid', example: '9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b', description: "Only this citizen's courses" })
  @IsOptional() @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', description: "Only this household's courses" })
  @IsOptional() @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ enum: COURSE_SORTS, enumName: 'CourseSort', default: '-referredOn', example: '-updatedAt', description: 'Sort order; a leading minus means newest first' })
  @IsOptional() @IsIn(COURSE_SORTS)
  sort?: CourseSort = '-referredOn';
}

export class CreateTransitionDto {
  @ApiProperty({ enum: COURSE_STATUSES, enumName: 'CourseStatus', example: 'active', description: 'The new status' })
  @IsIn(COURSE_STATUSES)
  to: CourseStatus;

  @ApiProperty({ example: 'Joint assessment held; citizen consented and wants to start', maxLength: 4000, description: 'Why, in words; kept in the course history' })
  @IsString() @MinLength(1) @MaxLength(4000)
  reason: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: CONCERNS_DESCRIPTION })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];

  @ApiPropertyOptional({ enum: OUTCOME_CODES, enumName: 'OutcomeCode', example: 'ordinary-job', description: 'Required when closing; allowed when declining' })
  @IsOptional() @IsIn(OUTCOME_CODES)
  outcomeCode?: OutcomeCode;

  @ApiPropertyOptional({ example: 'Started a 15-hour job at the local supermarket', maxLength: 4000, description: 'The outcome in words; required for outcome "other"' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(4000)
  outcomeText?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-06-30', description: 'Required when closing (not before the referral date); when declining it defaults to today' })
  @IsOptional() @IsIsoDate()
  endDate?: string;
}

export class CourseCitizenDto {
  @ApiProperty({ format: 'uuid', example: '9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b', description: 'Citizen id' })
  id: string;

  @ApiProperty({ example: 'Sara Nielsen', description: 'Name' })
  name: string;

  @ApiProperty({ example: '010190-****', description: 'CPR number, masked' })
  cprMasked: string;
}

export class CourseHouseholdDto {
  @ApiProperty({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', description: 'Household id' })
  id: string;

  @ApiProperty({ example: 'Family Jensen', description: 'Working label' })
  label: string;
}

export class CourseTransitionDto {
  @ApiProperty({ format: 'uuid', example: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', description: 'Transition id' })
  id: string;

  @ApiProperty({ enum: COURSE_STATUSES, enumName: 'CourseStatus', nullable: true, example: 'assessed', description: 'Status before; null for the referral' })
  from: CourseStatus | null;

  @ApiProperty({ enum: COURSE_STATUSES, enumName: 'CourseStatus', example: 'active', description: 'Status after' })
  to: CourseStatus;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Who made the change (the `sub` of their token)' })
  actorId: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'When' })
  at: string;

  @ApiProperty({ example: 'Joint assessment held', description: 'Why' })
  reason: string;

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members the reason concerns' })
  concerns: string[];
}

export class CourseSummaryDto {
  @ApiProperty({ format: 'uuid', example: 'c0a8012e-7d6f-4b5a-9c3d-2e1f0a9b8c7d', description: 'Course id' })
  id: string;

  @ApiProperty({ type: CourseCitizenDto, nullable: true, description: 'The citizen, if the course names one' })
  citizen: CourseCitizenDto | null;

  @ApiProperty({ type: CourseHouseholdDto, nullable: true, description: 'The household, for a family course' })
  household: CourseHouseholdDto | null;

  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', example: 'adults', description: 'Target group' })
  targetGroup: TargetGroup;

  @ApiProperty({ example: 'generic', description: 'Organisational model' })
  modelId: string;

  @ApiProperty({ enum: COURSE_STATUSES, enumName: 'CourseStatus', example: 'active', description: 'Current status' })
  status: CourseStatus;

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'Referral date' })
  referredOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-01-20', description: 'First activation date' })
  activatedOn: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'End date, once closed or declined' })
  endDate: string | null;

  @ApiProperty({ enum: OUTCOME_CODES, enumName: 'OutcomeCode', nullable: true, example: 'ordinary-job', description: 'Outcome, once closed' })
  outcomeCode: OutcomeCode | null;

  @ApiProperty({ type: TeamAssignmentDto, nullable: true, description: 'The current primary contact' })
  primaryContact: TeamAssignmentDto | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Created at' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Last changed at' })
  updatedAt: string;
}

export class CourseDto extends CourseSummaryDto {
  @ApiProperty({ example: 'Jobcenter Nord, team 3', description: 'Who referred' })
  referredBy: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01', description: 'Referring unit' })
  referringUnitId: string | null;

  @ApiProperty({ enum: REFERRAL_REASONS, enumName: 'ReferralReason', example: 'multiple-complex-problems', description: 'Why, as a code' })
  referralReasonCode: ReferralReason;

  @ApiProperty({ example: 'Cash benefit for 9 years, addiction and debt', description: 'Why, in words' })
  referralReason: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Outcome in words' })
  outcomeText: string | null;

  @ApiProperty({ enum: COURSE_STATUSES, enumName: 'CourseStatus', isArray: true, example: ['paused', 'closed'], description: 'Statuses the course can go to next' })
  allowedTransitions: CourseStatus[];

  @ApiProperty({ type: [TeamAssignmentDto], description: 'The current team (open assignments); the full history is at /courses/{id}/team' })
  team: TeamAssignmentDto[];

  @ApiProperty({ type: [CourseTransitionDto], description: 'Every status change, oldest first' })
  transitions: CourseTransitionDto[];
}

export class CoursePageDto extends PageOf(CourseSummaryDto, 'courses') {}

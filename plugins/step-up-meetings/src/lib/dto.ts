import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { AGREEMENT_DIRECTIONS, BENEFIT_CATEGORIES, FLOW_STATES, type AgreementDirection, type BenefitCategory, type FlowState } from './vocabulary.js';

const UUID = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';
const STAFF_UUID = '00000000-0000-4000-8000-0000000000a1';

/** A calendar date, YYYY-MM-DD, that exists. */
const IsDate = () => applyDecorators(Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' }), IsISO8601({ strict: true }));

// ---- requests --------------------------------------------------------------------------------------------

export class StartFlowDto {
  @ApiProperty({ example: 9, minimum: 0, maximum: 60, description: 'Years the citizen has been on benefit, as the benefit system (Momentum, Fasit) counts them; at least the setting minYearsOnBenefit (default 8)' })
  @IsInt() @Min(0) @Max(60)
  yearsOnBenefit: number;

  @ApiProperty({ enum: BENEFIT_CATEGORIES, enumName: 'BenefitCategory', example: 'cash-benefit-activity-ready', description: 'The benefit the citizen is on; one of the setting benefitCategories (default activity-ready cash benefit)' })
  @IsIn(BENEFIT_CATEGORIES)
  benefitCategory: BenefitCategory;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-05', description: 'First day of the preparation period (default today; not before the referral, not in the future)' })
  @IsOptional() @IsDate()
  startsOn?: string;
}

export class WorksheetDto {
  @ApiProperty({ example: 'Jeg har været uden arbejde i mange år og bor alene. Jeg sover dårligt.', maxLength: 4000, description: "The citizen's situation, in their own words" })
  @IsString() @MinLength(1) @MaxLength(4000)
  situation: string;

  @ApiProperty({ example: 'Jeg vil gerne arbejde med mine hænder, gerne i et køkken.', maxLength: 4000, description: "The citizen's wishes, in their own words" })
  @IsString() @MinLength(1) @MaxLength(4000)
  wishes: string;

  @ApiProperty({ example: 'Min ryg, og at jeg ikke kan holde til at møde tidligt.', maxLength: 4000, description: 'What stands in the way, in their own words' })
  @IsString() @MinLength(1) @MaxLength(4000)
  obstacles: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-20', description: 'The day it was filled in with the citizen (default today; within the flow, not in the future)' })
  @IsOptional() @IsDate()
  filledInOn?: string;
}

export class MaterialSentDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: [UUID],
    description: 'The participating departments (org units) the worksheet and material went to; a signed information-sharing consent in force must cover each',
  })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ArrayUnique() @IsUUID('all', { each: true })
  recipientUnitIds: string[];

  @ApiPropertyOptional({ format: 'date', example: '2026-02-04', description: 'When it went out (default today; within the flow, not in the future)' })
  @IsOptional() @IsDate()
  sentOn?: string;
}

export class RecordMeetingDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The core meeting on this course (type step-up, held) with a chair, a job consultant and the citizen' })
  @IsUUID()
  meetingId: string;
}

export class AgreementActionDto {
  @ApiProperty({ example: 'Afklaring af ryggen hos egen læge', maxLength: 500, description: 'The action' })
  @IsString() @MinLength(1) @MaxLength(500)
  text: string;

  @ApiProperty({ example: 'Borgeren', maxLength: 200, description: 'Who is responsible (a name, a function or the citizen)' })
  @IsString() @MinLength(1) @MaxLength(200)
  responsible: string;
}

export class CitizenSignatureDto {
  @ApiProperty({ format: 'date', example: '2026-02-11', description: 'The day the citizen signed (from the meeting day, not in the future)' })
  @IsDate()
  signedOn: string;
}

export class StaffSignatureDto {
  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'The staff member who signed: the chair or job consultant of the step-up meeting' })
  @IsUUID()
  staffMemberId: string;

  @ApiProperty({ format: 'date', example: '2026-02-11', description: 'The day they signed (from the meeting day, not in the future)' })
  @IsDate()
  signedOn: string;
}

export class SignAgreementDto {
  @ApiProperty({ example: 'Praktik i køkkenet på Plejecenter Storegade, 10 timer om ugen', maxLength: 2000, description: 'The next step in the case' })
  @IsString() @MinLength(1) @MaxLength(2000)
  nextStep: string;

  @ApiProperty({ example: 'Jobkonsulenten', maxLength: 200, description: 'Who is responsible for the next step' })
  @IsString() @MinLength(1) @MaxLength(200)
  responsible: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-02', description: 'When the next step starts or is due' })
  @IsOptional() @IsDate()
  nextStepDueOn?: string;

  @ApiPropertyOptional({ type: [AgreementActionDto], description: 'The parallel actions, in the order agreed' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AgreementActionDto)
  actions?: AgreementActionDto[];

  @ApiPropertyOptional({ enum: AGREEMENT_DIRECTIONS, enumName: 'AgreementDirection', example: 'flex-job', description: "Toward which decision on the citizen's future support the agreement points" })
  @IsOptional() @IsIn(AGREEMENT_DIRECTIONS)
  direction?: AgreementDirection;

  @ApiPropertyOptional({ type: CitizenSignatureDto, description: "The citizen's signature (required: 422 step-up-meetings.signature-missing without it)" })
  @IsOptional() @ValidateNested() @Type(() => CitizenSignatureDto)
  citizenSignature?: CitizenSignatureDto;

  @ApiPropertyOptional({ type: StaffSignatureDto, description: "The chair's signature (required)" })
  @IsOptional() @ValidateNested() @Type(() => StaffSignatureDto)
  chairSignature?: StaffSignatureDto;

  @ApiPropertyOptional({ type: StaffSignatureDto, description: "The job consultant's signature (required)" })
  @IsOptional() @ValidateNested() @Type(() => StaffSignatureDto)
  jobConsultantSignature?: StaffSignatureDto;
}

export class RecordReReviewDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The core meeting on this course (type re-review, held) that re-reviewed the agreement' })
  @IsUUID()
  meetingId: string;

  @ApiPropertyOptional({ example: 'Praktikken fortsætter; ansøgning om fleksjob sendes i maj.', maxLength: 4000, description: 'What the re-review concluded' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(4000)
  conclusion?: string;
}

export class ReReviewWaiverDto {
  @ApiProperty({ example: 'Borgeren er flyttet til en anden kommune', maxLength: 2000, description: 'Why the course closes without a re-review meeting' })
  @IsString() @MinLength(1) @MaxLength(2000)
  reason: string;
}

// ---- responses -------------------------------------------------------------------------------------------

export class DeadlineDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-02-04', description: 'The deadline; null while not known yet' })
  dueOn: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'When it was met; null while open' })
  doneOn: string | null;

  @ApiProperty({ example: false, description: 'Open and past its date, in a flow that is still running (computed from the clock, never stored)' })
  overdue: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 12, description: 'Days from today to the deadline while open (negative when overdue)' })
  daysLeft: number | null;
}

export class MeetingDeadlineDto extends DeadlineDto {
  @ApiProperty({ enum: ['booked-meeting', 'preparation-period'], example: 'booked-meeting', description: 'From the booked step-up meeting, or (none booked yet) from the end of the preparation' })
  basis: 'booked-meeting' | 'preparation-period';
}

export class ReReviewDeadlineDto extends DeadlineDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-08-04', description: 'From this day the flow is re-review-due and the re-review may be held' })
  opensOn: string | null;
}

export class DeadlinesDto {
  @ApiProperty({ type: DeadlineDto, description: 'Preparation (worksheet, signed consent): startedOn + preparationDays; met when the material goes out' })
  preparation: DeadlineDto;

  @ApiProperty({ type: MeetingDeadlineDto, description: 'Material to the departments: the meeting day − materialDaysBefore' })
  material: MeetingDeadlineDto;

  @ApiProperty({ type: MeetingDeadlineDto, description: 'The step-up meeting' })
  stepUpMeeting: MeetingDeadlineDto;

  @ApiProperty({ type: ReReviewDeadlineDto, description: 'The re-review meeting: agreement date + reReviewAfterMonths' })
  reReview: ReReviewDeadlineDto;
}

export class WorksheetViewDto {
  @ApiProperty({ example: 'Jeg har været uden arbejde i mange år.', description: 'Situation' })
  situation: string;

  @ApiProperty({ example: 'Jeg vil gerne arbejde i et køkken.', description: 'Wishes' })
  wishes: string;

  @ApiProperty({ example: 'Min ryg.', description: 'Obstacles' })
  obstacles: string;

  @ApiProperty({ format: 'date', example: '2026-01-20', description: 'Filled in with the citizen on' })
  filledInOn: string;

  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'Last saved by' })
  updatedBy: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-20T10:00:00.000Z', description: 'Last saved at' })
  updatedAt: string;
}

export class MaterialViewDto {
  @ApiProperty({ format: 'date', example: '2026-02-04', description: 'Sent on' })
  sentOn: string;

  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'Sent by' })
  sentBy: string;

  @ApiProperty({ type: [String], format: 'uuid', example: [UUID], description: 'The departments it went to' })
  recipientUnitIds: string[];
}

export class MeetingViewDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The core meeting' })
  meetingId: string;

  @ApiProperty({ format: 'date', example: '2026-02-11', description: 'Held on' })
  heldOn: string;

  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'The chair' })
  chairStaffMemberId: string;

  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'The job consultant' })
  jobConsultantStaffMemberId: string;
}

export class SignatureViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The staff member (null for the citizen)' })
  staffMemberId: string | null;

  @ApiProperty({ format: 'date', example: '2026-02-11', description: 'Signed on' })
  signedOn: string;
}

export class AgreementSignaturesDto {
  @ApiProperty({ type: SignatureViewDto, description: 'The citizen' })
  citizen: SignatureViewDto;

  @ApiProperty({ type: SignatureViewDto, description: 'The chair' })
  chair: SignatureViewDto;

  @ApiProperty({ type: SignatureViewDto, description: 'The job consultant' })
  jobConsultant: SignatureViewDto;
}

export class AgreementViewDto {
  @ApiProperty({ example: 'Praktik i køkkenet på Plejecenter Storegade', description: 'The next step in the case' })
  nextStep: string;

  @ApiProperty({ example: 'Jobkonsulenten', description: 'Responsible for it' })
  responsible: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-03-02', description: 'When it starts or is due' })
  nextStepDueOn: string | null;

  @ApiProperty({ type: [AgreementActionDto], description: 'The parallel actions in the agreed order' })
  actions: AgreementActionDto[];

  @ApiProperty({ enum: AGREEMENT_DIRECTIONS, enumName: 'AgreementDirection', nullable: true, example: 'flex-job', description: 'Direction' })
  direction: AgreementDirection | null;

  @ApiProperty({ type: AgreementSignaturesDto, description: 'The three signatures' })
  signatures: AgreementSignaturesDto;

  @ApiProperty({ format: 'date', example: '2026-02-11', description: 'The day the last one signed' })
  agreedOn: string;
}

export class ReReviewViewDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The core re-review meeting' })
  meetingId: string;

  @ApiProperty({ format: 'date', example: '2026-08-11', description: 'Held on' })
  heldOn: string;

  @ApiProperty({ type: String, nullable: true, example: 'Praktikken fortsætter.', description: 'Conclusion' })
  conclusion: string | null;
}

export class WaiverViewDto {
  @ApiProperty({ example: 'Borgeren er flyttet til en anden kommune', description: 'Why the course may close without a re-review' })
  reason: string;

  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'Recorded by' })
  recordedBy: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-01T09:00:00.000Z', description: 'Recorded at' })
  recordedAt: string;
}

export class FlowTransitionDto {
  @ApiProperty({ enum: FLOW_STATES, enumName: 'FlowState', nullable: true, example: 'preparing', description: 'State before (null when the flow started)' })
  from: FlowState | null;

  @ApiProperty({ enum: FLOW_STATES, enumName: 'FlowState', example: 'material-sent', description: 'State after' })
  to: FlowState;

  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'Who' })
  actorId: string;

  @ApiProperty({ format: 'date-time', example: '2026-02-04T09:00:00.000Z', description: 'When' })
  at: string;
}

export class EligibilityViewDto {
  @ApiProperty({ type: 'integer', example: 9, description: 'Years on benefit stated when the flow started' })
  yearsOnBenefit: number;

  @ApiProperty({ enum: BENEFIT_CATEGORIES, enumName: 'BenefitCategory', example: 'cash-benefit-activity-ready', description: 'Benefit category' })
  benefitCategory: BenefitCategory;
}

export class FlowStatusDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The course' })
  courseId: string;

  @ApiProperty({ enum: FLOW_STATES, enumName: 'FlowState', example: 'preparing', description: 'The state today (re-review-due is reached by time once the agreement is signed)' })
  state: FlowState;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'save-worksheet',
    description: 'The next step: save-worksheet, send-material, record-meeting, sign-agreement, await-re-review, record-re-review; null when done',
  })
  expectedNext: string | null;

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'First day of the preparation' })
  startedOn: string;

  @ApiProperty({ type: EligibilityViewDto, description: 'The evidence the flow started on' })
  eligibility: EligibilityViewDto;

  @ApiProperty({ type: DeadlinesDto, description: 'The deadlines with their overdue flags, computed from today' })
  deadlines: DeadlinesDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: UUID, description: 'The booked (or recorded) step-up meeting' })
  stepUpMeetingId: string | null;

  @ApiProperty({ example: true, description: 'A signed information-sharing consent covering general information is in force today' })
  signedConsentInForce: boolean;

  @ApiProperty({ type: WorksheetViewDto, nullable: true, description: "The worksheet, in the citizen's words" })
  worksheet: WorksheetViewDto | null;

  @ApiProperty({ type: MaterialViewDto, nullable: true, description: 'The material sent' })
  material: MaterialViewDto | null;

  @ApiProperty({ type: MeetingViewDto, nullable: true, description: 'The step-up meeting held' })
  meeting: MeetingViewDto | null;

  @ApiProperty({ type: AgreementViewDto, nullable: true, description: 'The signed agreement' })
  agreement: AgreementViewDto | null;

  @ApiProperty({ type: ReReviewViewDto, nullable: true, description: 'The re-review held' })
  reReview: ReReviewViewDto | null;

  @ApiProperty({ type: WaiverViewDto, nullable: true, description: 'The recorded reason to close without a re-review' })
  reReviewWaiver: WaiverViewDto | null;

  @ApiProperty({ type: [FlowTransitionDto], description: 'The state changes, oldest first' })
  history: FlowTransitionDto[];
}

export class TeamWarningDto {
  @ApiProperty({ example: 'step-up-meetings.team-member-not-invited', description: 'Warning code' })
  code: string;

  @ApiProperty({ format: 'uuid', example: STAFF_UUID, description: 'A current team member who was not at the meeting' })
  staffMemberId: string;

  @ApiProperty({ example: 'Everyone the citizen deals with takes part in the step-up meeting; this team member was not there', description: 'Message' })
  message: string;
}

export class FlowWithWarningsDto extends FlowStatusDto {
  @ApiPropertyOptional({ type: [TeamWarningDto], description: 'Team members missing from the step-up meeting (a warning, never a block)' })
  warnings?: TeamWarningDto[];
}

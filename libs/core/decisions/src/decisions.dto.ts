import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageOf, PageQuery } from '@enplan/core/common';
import { LEGAL_AREAS, type LegalArea } from '@enplan/core/organisation';
import { CalendarDate } from '@enplan/core/plans';
import { ACTION_OUTCOMES, DECISION_STATUSES, NOTIFICATION_CHANNELS, type ActionOutcome, type DecisionStatus, type NotificationChannel } from './decision-vocabulary.js';

const DECISION_VISIBILITIES = ['team', 'authority'] as const;
type DecisionVisibility = (typeof DECISION_VISIBILITIES)[number];
const LEGAL_BASIS_CODE = /^[A-Za-z0-9][A-Za-z0-9 ._§-]{0,39}$/;
const TEXT_MAX = 20_000;

export class DecidedActionDto {
  @ApiProperty({ example: 'a-praktik', description: "An action id of the plan's current version" })
  @IsString() @MinLength(1) @MaxLength(64)
  actionId: string;

  @ApiProperty({ enum: ACTION_OUTCOMES, enumName: 'DecisionActionOutcome', example: 'granted', description: 'Whether the decision grants or refuses the action' })
  @IsIn(ACTION_OUTCOMES)
  outcome: ActionOutcome;
}

/** The fields a draft carries; every one optional while drafting, the decisive ones required to decide. */
class DecisionFieldsDto {
  @ApiPropertyOptional({ example: 'LAB-57', description: 'A code of the legal-basis catalogue (GET /legal-bases); the legal area follows from it' })
  @IsOptional() @IsString() @Matches(LEGAL_BASIS_CODE, { message: 'legalBasis must be a legal-basis code such as LAB-57' })
  legalBasis?: string;

  @ApiPropertyOptional({ type: [DecidedActionDto], description: "The plan actions (ids of the plan's current version) the decision grants or refuses" })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DecidedActionDto)
  actions?: DecidedActionDto[];

  @ApiPropertyOptional({ example: 'Du får praktik i kantinen på Rådhuset i 8 uger.', maxLength: TEXT_MAX, description: 'The plain-language summary the letter opens with' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX)
  summary?: string;

  @ApiPropertyOptional({ example: 'Jobcentret bevilger virksomhedspraktik efter LAB § 57 …', maxLength: TEXT_MAX, description: 'The decision in its legal wording' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX)
  text?: string;

  @ApiPropertyOptional({ example: 'Praktikken skal afklare dine muligheder for job i et køkken …', maxLength: TEXT_MAX, description: 'The reasoning (begrundelse)' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX)
  reasoning?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: "The complaint guidance; a new draft starts from the municipality's template for the legal area" })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX)
  complaintGuidance?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-02-01', description: 'The first day the decision has effect' })
  @IsOptional() @CalendarDate()
  effectiveFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-03-31', description: 'The last day; null or absent = until further notice' })
  @IsOptional() @CalendarDate()
  effectiveTo?: string | null;

  @ApiPropertyOptional({
    enum: DECISION_VISIBILITIES,
    example: 'team',
    description: 'Who on the course may read it: the team (default; external participants only with a consent covering its legal area) or holders of authority in its legal area',
  })
  @IsOptional() @IsIn(DECISION_VISIBILITIES)
  visibility?: DecisionVisibility;
}

export class CreateDecisionDto extends DecisionFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The decided decision of this course that the new one replaces once decided' })
  @IsOptional() @IsUUID()
  supersedesId?: string;
}

export class UpdateDecisionDto extends DecisionFieldsDto {}

export class CommitteeApprovalDto {
  @ApiProperty({ example: 'Børne- og ungeudvalget', maxLength: 200, description: 'The committee that approved the decision' })
  @IsString() @MinLength(1) @MaxLength(200)
  committee: string;

  @ApiProperty({ format: 'date', example: '2026-01-20', description: 'The day the committee approved it' })
  @CalendarDate()
  approvedOn: string;

  @ApiProperty({ example: 'BUU 2026-01-20 pkt. 4', maxLength: 200, description: "The committee's reference (minutes item, case number)" })
  @IsString() @MinLength(1) @MaxLength(200)
  reference: string;
}

export class DecideDto {
  @ApiPropertyOptional({ type: CommitteeApprovalDto, description: "Required for a provision on the municipality's committee list; refused for any other" })
  @IsOptional() @ValidateNested() @Type(() => CommitteeApprovalDto)
  committeeApproval?: CommitteeApprovalDto;
}

export class NotifyDto {
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, enumName: 'DecisionNotificationChannel', example: 'digital-post', description: 'How the citizen was told' })
  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannel;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-01-21T10:00:00Z', description: 'When; default now. Not before the decision, not in the future' })
  @IsOptional() @IsISO8601({ strict: true })
  notifiedAt?: string;
}

export class DecisionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DECISION_STATUSES, enumName: 'DecisionStatus', description: 'Only decisions in this status' })
  @IsOptional() @IsIn(DECISION_STATUSES)
  status?: DecisionStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only decisions opened from this meeting' })
  @IsOptional() @IsUUID()
  meetingId?: string;
}

export class CommitteeApprovalViewDto {
  @ApiProperty({ example: 'Børne- og ungeudvalget' })
  committee: string;

  @ApiProperty({ format: 'date', example: '2026-01-20' })
  approvedOn: string;

  @ApiProperty({ example: 'BUU 2026-01-20 pkt. 4' })
  reference: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'date-time', example: '2026-01-21T10:00:00.000Z' })
  at: string;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS, enumName: 'DecisionNotificationChannel', example: 'digital-post' })
  channel: NotificationChannel;

  @ApiProperty({ format: 'uuid', description: 'Who recorded it' })
  by: string;
}

export class DecisionLegalBasisDto {
  @ApiProperty({ example: 'LAB-57' })
  code: string;

  @ApiProperty({ example: 'Lov om en aktiv beskæftigelsesindsats' })
  law: string;

  @ApiProperty({ example: '§ 57' })
  paragraph: string;

  @ApiProperty({ example: 'Virksomhedspraktik' })
  title: string;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ enum: DECISION_STATUSES, enumName: 'DecisionStatus', example: 'draft' })
  status: DecisionStatus;

  @ApiProperty({ type: DecisionLegalBasisDto, nullable: true, description: 'The provision; null on a draft that has none yet' })
  legalBasis: DecisionLegalBasisDto | null;

  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', example: 'employment' })
  legalArea: LegalArea;

  @ApiProperty({ type: Boolean, description: "The provision is on the municipality's committee list: deciding records the committee's approval" })
  committeeProvision: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 2, description: 'The plan version the action ids refer to' })
  planVersion: number | null;

  @ApiProperty({ type: [DecidedActionDto] })
  actions: DecidedActionDto[];

  @ApiProperty({ example: 'Du får praktik i kantinen på Rådhuset i 8 uger.' })
  summary: string;

  @ApiProperty()
  text: string;

  @ApiProperty()
  reasoning: string;

  @ApiProperty()
  complaintGuidance: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  effectiveFrom: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  effectiveTo: string | null;

  @ApiProperty({ enum: DECISION_VISIBILITIES, example: 'team' })
  visibility: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The meeting whose decision outcome opened it' })
  meetingId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  meetingOutcomeId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decision this one replaces' })
  supersedesId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decided decision that replaced this one' })
  supersededBy: string | null;

  @ApiProperty({ type: CommitteeApprovalViewDto, nullable: true })
  committeeApproval: CommitteeApprovalViewDto | null;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: NotificationDto, nullable: true, description: 'When and how the citizen was notified' })
  notification: NotificationDto | null;
}

export class DecisionPageDto extends PageOf(DecisionDto, 'decisions') {}

export class ComplaintGuidanceDto {
  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', example: 'employment' })
  legalArea: LegalArea;

  @ApiProperty({ description: 'The text a new decision in the area starts from' })
  text: string;

  @ApiProperty({ enum: ['core', 'municipality'], description: "`core`: the shipped Danish default; `municipality`: your municipality's own" })
  source: 'core' | 'municipality';
}

export class DecisionSettingsDto {
  @ApiProperty({ type: [String], example: ['BL-46', 'BL-47', 'SEL-107', 'SEL-108'], description: "Legal-basis codes whose decisions a committee makes (recorded with the committee's approval)" })
  committeeLegalBases: string[];

  @ApiProperty({ type: [ComplaintGuidanceDto], description: 'The complaint guidance per legal area' })
  complaintGuidance: ComplaintGuidanceDto[];
}

export class PutCommitteeLegalBasesDto {
  @ApiProperty({ type: [String], example: ['BL-46', 'BL-47'], description: 'Codes of the legal-basis catalogue; replaces the list' })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @Matches(LEGAL_BASIS_CODE, { each: true, message: 'each entry must be a legal-basis code such as BL-46' })
  committeeLegalBases: string[];
}

export class PutComplaintGuidanceDto {
  @ApiProperty({ example: 'Du kan klage over afgørelsen …', maxLength: TEXT_MAX, description: 'The Danish complaint guidance for the area' })
  @IsString() @MinLength(20) @MaxLength(TEXT_MAX)
  text: string;
}

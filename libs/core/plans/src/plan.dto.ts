import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { CONCERNS_DESCRIPTION } from '@enplan/core/courses';
import { PlanActionDto, PlanAgreementDto, PlanContentDto, PlanGoalDto, ResponsibleDto } from './plan-content.dto.js';

const UUID_EXAMPLE = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';
const MAX_VERSION = 1_000_000;

export class SaveDraftDto {
  @ApiProperty({ type: PlanContentDto, description: 'The whole draft content; it replaces the saved draft' })
  @IsObject() @ValidateNested() @Type(() => PlanContentDto)
  content: PlanContentDto;
}

export class PublishPlanDto {
  @ApiProperty({ example: 'Mødet 5. januar: praktik i køkken aftalt, bostøtte fortsætter.', description: 'The meeting’s joint conclusions: what changed and why', maxLength: 2000 })
  @IsString() @MinLength(1) @MaxLength(2000)
  changeSummary: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: `Of the change summary: ${CONCERNS_DESCRIPTION}` })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  changeSummaryConcerns?: string[];

  @ApiPropertyOptional({ type: PlanContentDto, description: 'The content to publish; left out, the saved draft is published' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PlanContentDto)
  content?: PlanContentDto;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'The meeting whose outcome this version records' })
  @IsOptional() @IsUUID()
  sourceMeetingId?: string;

  @ApiPropertyOptional({
    example: 1,
    minimum: 0,
    description: 'The version the change was made from (0 for the first); an alternative to If-Match for clients that cannot set headers',
  })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_VERSION)
  baseVersion?: number;
}

export class PlanVersionSummaryDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE, description: 'The version’s record id (names its change summary or citizen words in a disclosure release)' })
  id: string;

  @ApiProperty({ type: 'integer', example: 2, description: 'Version number, from 1' })
  version: number;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'The staff member who published it' })
  authorId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Mette Holm', description: 'The author’s name, when they are a staff member of your municipality' })
  authorName: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-05T10:30:00.000Z' })
  publishedAt: string;

  @ApiProperty({ example: 'Mødet 5. januar: praktik i køkken aftalt, bostøtte fortsætter.' })
  changeSummary: string;

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members the change summary concerns' })
  changeSummaryConcerns: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The meeting whose outcome this version records' })
  sourceMeetingId: string | null;
}

export class PlanVersionDto extends PlanVersionSummaryDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  courseId: string;

  @ApiProperty({ type: PlanContentDto })
  content: PlanContentDto;
}

export class CurrentPlanDto extends PlanVersionDto {
  @ApiProperty({ example: false, description: 'Whether a draft of the next version is being worked on' })
  hasDraft: boolean;
}

export class PlanVersionPageDto extends PageOf(PlanVersionSummaryDto, 'versions') {}

export class PlanDraftDto {
  @ApiProperty({ example: true, description: 'false: nobody has saved a draft since the last version; `content` is then that version (or null)' })
  exists: boolean;

  @ApiProperty({ type: PlanContentDto, nullable: true })
  content: PlanContentDto | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'The version the draft starts from (0 before the first version)' })
  baseVersion: number;

  @ApiProperty({ type: 'integer', example: 4, description: 'Bumped on every save; send it back as If-Match: "<revision>"' })
  revision: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '00000000-0000-4000-8000-000000000001' })
  updatedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-05T10:00:00.000Z' })
  updatedAt: string | null;
}

export class PlanVersionsQuery extends PageQuery {}

export class PlanDiffQuery {
  @ApiPropertyOptional({ example: 1, minimum: 0, description: 'Older version; 0 is the empty plan. Default: the version before `to`' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_VERSION)
  from?: number;

  @ApiPropertyOptional({ example: 2, minimum: 1, description: 'Newer version. Default: the current version' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_VERSION)
  to?: number;
}

/**
 * A changed field's value, as the plan content holds it: text (titles, dates, statuses, ids), a flag
 * (`citizenAgreed`, `done`), a list of concerns, or a responsible party (`responsible`); null when absent.
 */
const FIELD_VALUE: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }, { $ref: getSchemaPath(ResponsibleDto) }],
  nullable: true,
};

@ApiExtraModels(ResponsibleDto)
export class FieldChangeDto {
  @ApiProperty({ example: 'status', description: 'The field that changed' })
  field: string;

  @ApiProperty({ ...FIELD_VALUE, example: 'planned', description: 'Value in the older version (null: absent)' })
  before: unknown;

  @ApiProperty({ ...FIELD_VALUE, example: 'active', description: 'Value in the newer version (null: absent)' })
  after: unknown;
}

export class ItemChangeDto {
  @ApiProperty({ example: 'a-mentor', description: 'The item’s stable id' })
  id: string;

  @ApiProperty({ type: [FieldChangeDto] })
  changes: FieldChangeDto[];
}

export class GoalsDiffDto {
  @ApiProperty({ type: [PlanGoalDto] })
  added: PlanGoalDto[];
  @ApiProperty({ type: [PlanGoalDto] })
  removed: PlanGoalDto[];
  @ApiProperty({ type: [ItemChangeDto] })
  changed: ItemChangeDto[];
}

export class ActionsDiffDto {
  @ApiProperty({ type: [PlanActionDto] })
  added: PlanActionDto[];
  @ApiProperty({ type: [PlanActionDto] })
  removed: PlanActionDto[];
  @ApiProperty({ type: [ItemChangeDto] })
  changed: ItemChangeDto[];
}

export class AgreementsDiffDto {
  @ApiProperty({ type: [PlanAgreementDto] })
  added: PlanAgreementDto[];
  @ApiProperty({ type: [PlanAgreementDto] })
  removed: PlanAgreementDto[];
  @ApiProperty({ type: [ItemChangeDto] })
  changed: ItemChangeDto[];
}

export class PlanDiffDto {
  @ApiProperty({ type: 'integer', example: 1 })
  from: number;
  @ApiProperty({ type: 'integer', example: 2 })
  to: number;
  @ApiProperty({ type: [FieldChangeDto], description: 'Changed fields of the citizen’s own words' })
  citizenWords: FieldChangeDto[];
  @ApiProperty({ type: [FieldChangeDto], description: 'Changed fields of the overall goal' })
  overallGoal: FieldChangeDto[];
  @ApiProperty({ type: GoalsDiffDto })
  goals: GoalsDiffDto;
  @ApiProperty({ type: ActionsDiffDto })
  actions: ActionsDiffDto;
  @ApiProperty({ type: AgreementsDiffDto })
  agreements: AgreementsDiffDto;
  @ApiProperty({ example: false, description: 'true when the two versions say the same thing' })
  identical: boolean;
}

export const CITIZEN_VIEW_FORMATS = ['json', 'html'] as const;

/** The printable page's query: the same reader as the JSON's, and nothing else (unknown parameters are refused). */
export class CitizenViewPageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22',
    description: "In a family course: the member whose plan to show (their own items, their children's when they hold custody, and the shared family ones); default the course's citizen",
  })
  @IsOptional() @IsUUID()
  citizenId?: string;
}

export class CitizenViewQuery extends CitizenViewPageQuery {
  @ApiPropertyOptional({ enum: CITIZEN_VIEW_FORMATS, enumName: 'CitizenViewFormat', example: 'html', default: 'json', description: 'html: a printable page instead of JSON' })
  @IsOptional() @IsIn(CITIZEN_VIEW_FORMATS)
  format?: (typeof CITIZEN_VIEW_FORMATS)[number];
}

class CitizenViewSectionDto {
  @ApiProperty({ example: 'Det bekymrer mig' })
  label: string;
  @ApiProperty({ example: 'At jeg ikke kan betale huslejen.' })
  text: string;
}

class CitizenViewWordsDto {
  @ApiProperty({ example: 'Med mine egne ord' })
  heading: string;
  @ApiProperty({ type: [CitizenViewSectionDto], description: 'Empty when the words are withheld from this reader' })
  sections: CitizenViewSectionDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why the words are left out: they are another household member’s own words, or wait for a caseworker’s review (a family course without a main citizen)',
  })
  withheld: string | null;
}

class CitizenViewGoalTextDto {
  @ApiProperty({ example: 'Mit mål' })
  label: string;
  @ApiProperty({ example: 'Jeg vil have et job i et køkken.' })
  text: string;
  @ApiProperty({ example: 'Du sagde ja til målet den 5. januar 2026.', description: 'Who said yes to the goal: "Du" when it was the reader, else the member by their place in the household (never by name)' })
  agreement: string;
}

class CitizenViewGoalDto {
  @ApiProperty({ example: 'Komme i praktik i et køkken' })
  title: string;
  @ApiProperty({ type: String, nullable: true, example: 'Inden 30. juni 2026' })
  when: string | null;
  @ApiProperty({ example: 'I gang' })
  status: string;
  @ApiProperty({ type: () => [CitizenViewGoalDto] })
  subGoals: CitizenViewGoalDto[];
}

class CitizenViewGoalsDto {
  @ApiProperty({ example: 'Delmål' })
  label: string;
  @ApiProperty({ type: [CitizenViewGoalDto] })
  items: CitizenViewGoalDto[];
}

class CitizenViewActionDto {
  @ApiProperty({ example: 'Bostøtte to gange om ugen' })
  title: string;
  @ApiProperty({ type: String, nullable: true, example: 'Komme i praktik i et køkken', description: 'The goal it serves' })
  goal: string | null;
  @ApiProperty({ example: 'Mette Holm (Socialcenter)', description: 'A name, a unit or "Dig selv"' })
  who: string;
  @ApiProperty({ example: 'Fra 1. februar 2026 til 31. juli 2026' })
  when: string;
  @ApiProperty({ example: 'Planlagt' })
  status: string;
}

class CitizenViewActionsDto {
  @ApiProperty({ example: 'Det gør vi' })
  label: string;
  @ApiProperty({ type: [CitizenViewActionDto] })
  items: CitizenViewActionDto[];
}

class CitizenViewAgreementDto {
  @ApiProperty({ example: 'Købe togbillet til første praktikdag' })
  text: string;
  @ApiProperty({ example: 'Dig selv' })
  who: string;
  @ApiProperty({ type: String, nullable: true, example: 'Senest 30. januar 2026' })
  when: string | null;
  @ApiProperty({ example: 'Ikke klaret endnu' })
  status: string;
}

class CitizenViewAgreementsDto {
  @ApiProperty({ example: 'Aftaler' })
  label: string;
  @ApiProperty({ type: [CitizenViewAgreementDto] })
  items: CitizenViewAgreementDto[];
}

class CitizenViewRowDto {
  @ApiProperty({ example: 'Dig selv' })
  who: string;
  @ApiProperty({ example: 'Købe togbillet til første praktikdag' })
  what: string;
  @ApiProperty({ example: 'Senest 30. januar 2026' })
  when: string;
}

class CitizenViewTableDto {
  @ApiProperty({ example: 'Hvem gør hvad – og hvornår' })
  label: string;
  @ApiProperty({ type: [CitizenViewRowDto], description: 'What is still open, in date order' })
  rows: CitizenViewRowDto[];
}

export class CitizenViewDto {
  @ApiProperty({ example: 'da', enum: ['da'] })
  lang: 'da';
  @ApiProperty({ example: 'Min plan' })
  title: string;
  @ApiProperty({ type: String, nullable: true, example: 'Anna Jensen' })
  citizenName: string | null;
  @ApiProperty({ type: 'integer', example: 2 })
  version: number;
  @ApiProperty({ example: 'Version 2 af din plan, fra 5. januar 2026' })
  versionText: string;
  @ApiProperty({ type: CitizenViewWordsDto })
  myWords: CitizenViewWordsDto;
  @ApiProperty({ type: CitizenViewGoalTextDto })
  goal: CitizenViewGoalTextDto;
  @ApiProperty({ type: CitizenViewGoalsDto })
  subGoals: CitizenViewGoalsDto;
  @ApiProperty({ type: CitizenViewActionsDto })
  actions: CitizenViewActionsDto;
  @ApiProperty({ type: CitizenViewAgreementsDto })
  agreements: CitizenViewAgreementsDto;
  @ApiProperty({ type: CitizenViewTableDto })
  whoDoesWhat: CitizenViewTableDto;
  @ApiProperty({ example: 'Planen er lavet sammen med dig. Spørg din kontaktperson, hvis noget er uklart eller skal laves om.' })
  closing: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { PageOf, PageQuery } from '@enplan/core/common';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ANSWER_STATUSES, MAX_COMMENT_LENGTH, RESPONDENT_TYPES, type AnswerStatus, type InstrumentDefinition, type RespondentType } from '@enplan/core/progression-instruments';
import { MEASUREMENT_OCCASIONS, MEASUREMENT_STATUSES, type MeasurementOccasion, type MeasurementStatus } from './vocabulary.js';

const INSTRUMENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class ItemAnswerDto {
  @ApiProperty({ example: 'energy', description: 'An item of the instrument version the measurement uses' })
  @IsString() @MinLength(1) @MaxLength(60)
  itemId: string;

  @ApiProperty({ enum: ANSWER_STATUSES, enumName: 'AnswerStatus', example: 'answered', description: '`answered`, `skipped` (left out of scores) or `not-relevant` (does not apply; also out of the completeness share)' })
  @IsIn(ANSWER_STATUSES)
  status: AnswerStatus;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 4, description: 'For an answered choice or ruler item: an option value or a whole number within the ruler' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: null, maxLength: MAX_COMMENT_LENGTH, description: 'For an answered text item: the words' })
  @IsOptional() @IsString() @MaxLength(MAX_COMMENT_LENGTH)
  text?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Har fået ny læge', maxLength: MAX_COMMENT_LENGTH, description: 'A comment on this item' })
  @IsOptional() @IsString() @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string | null;
}

export class SaveAnswersDto {
  @ApiProperty({ type: [ItemAnswerDto], description: 'Answers to add or replace (by item); items not named keep what they had' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ItemAnswerDto)
  answers: ItemAnswerDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Svært at svare i dag; vi tager det op igen.', maxLength: MAX_COMMENT_LENGTH, description: 'A comment on the whole measurement' })
  @IsOptional() @IsString() @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string | null;
}

export class CompleteMeasurementDto {
  @ApiPropertyOptional({ type: [ItemAnswerDto], description: 'Last answers to save before completing' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ItemAnswerDto)
  answers?: ItemAnswerDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: null, maxLength: MAX_COMMENT_LENGTH, description: 'A comment on the whole measurement' })
  @IsOptional() @IsString() @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string | null;
}

export class StartMeasurementDto {
  @ApiProperty({ example: 'employment-readiness', description: 'A shipped or registered instrument' })
  @IsString() @Matches(INSTRUMENT_ID) @MaxLength(60)
  instrumentId: string;

  @ApiPropertyOptional({ example: 1, description: 'The version to use (default: the newest)' })
  @IsOptional() @IsInt() @Min(1)
  instrumentVersion?: number;

  @ApiProperty({ enum: RESPONDENT_TYPES, enumName: 'RespondentType', example: 'citizen', description: 'Who answers; the instrument must allow it' })
  @IsIn(RESPONDENT_TYPES)
  respondentType: RespondentType;

  @ApiPropertyOptional({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22', description: "Whom the answers are about: for a child instrument one child of the course's household (required); otherwise the course's citizen (default) or an adult of its household" })
  @IsOptional() @IsUUID()
  aboutCitizenId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22', description: 'For a parent: which parent of the household answers (required for `parent`)' })
  @IsOptional() @IsUUID()
  respondentCitizenId?: string;

  @ApiProperty({ enum: MEASUREMENT_OCCASIONS, enumName: 'MeasurementOccasion', example: 'follow-up', description: '`baseline` (at activation), `follow-up`, `end` (at closing) or `extra`' })
  @IsIn(MEASUREMENT_OCCASIONS)
  occasion: MeasurementOccasion;
}

export class SkipMeasurementDto extends StartMeasurementDto {
  @ApiProperty({ example: 'Borgeren ønskede ikke at svare ved afslutningen', maxLength: 500, description: 'Why the scheduled measurement is not taken' })
  @IsString() @MinLength(1) @MaxLength(500)
  reason: string;
}

export class ScoreDto {
  @ApiProperty({ example: 'everyday' }) id: string;
  @ApiProperty({ enum: ['subscale', 'total'], example: 'subscale' }) kind: 'subscale' | 'total';
  @ApiProperty({ type: Number, nullable: true, example: 3.25, description: 'Null when nothing was answered' }) value: number | null;
  @ApiProperty({ example: true, description: 'Enough items answered (the instrument’s minimum share)' }) complete: boolean;
  @ApiProperty({ enum: ['higher', 'lower'], example: 'higher', description: 'Which way is better' }) better: 'higher' | 'lower';
  @ApiProperty({ type: 'integer', minimum: 0, example: 4 }) items: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 3 }) answered: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1 }) skipped: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) notRelevant: number;
}

export class MeasurementDto {
  @ApiProperty({ format: 'uuid', example: '5b2d1c0e-7a3f-4e6b-9c8d-1e2f3a4b5c6d' }) id: string;
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' }) courseId: string;
  @ApiProperty({ example: 'employment-readiness' }) instrumentId: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) instrumentVersion: number;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22', description: 'Whom the answers are about' }) aboutCitizenId: string;
  @ApiProperty({ enum: RESPONDENT_TYPES, enumName: 'RespondentType', example: 'citizen' }) respondentType: RespondentType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) respondentCitizenId: string | null;
  @ApiProperty({ enum: MEASUREMENT_OCCASIONS, enumName: 'MeasurementOccasion', example: 'baseline' }) occasion: MeasurementOccasion;
  @ApiProperty({ enum: MEASUREMENT_STATUSES, enumName: 'MeasurementStatus', example: 'in-progress' }) status: MeasurementStatus;
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001' }) startedBy: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) completedAt: string | null;
  @ApiProperty({ type: [ItemAnswerDto] }) answers: ItemAnswerDto[];
  @ApiProperty({ type: String, nullable: true, example: null }) comment: string | null;
  @ApiProperty({ type: [ScoreDto], nullable: true, description: 'At completion' }) scores: ScoreDto[] | null;
  @ApiProperty({ type: String, nullable: true, example: null }) skipReason: string | null;
}

/** A started measurement with the definition the screen renders (so starting is one call). */
export class StartedMeasurementDto extends MeasurementDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The instrument version (definition format 1)' })
  definition: InstrumentDefinition;
}

export class RegisterInstrumentDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'An instrument definition (format 1; JSON Schema: `GET /progression/instrument-schema`)' })
  @IsObject()
  definition: Record<string, unknown>;
}

export class InstrumentSummaryDto {
  @ApiProperty({ example: 'employment-readiness' }) id: string;
  @ApiProperty({ type: 'integer', isArray: true, example: [1] }) versions: number[];
  @ApiProperty({ enum: ['shipped', 'municipality', 'plugin'], example: 'shipped' }) source: string;
  @ApiProperty({ example: 'Vej mod arbejde eller uddannelse' }) titleDa: string;
  @ApiProperty({ enum: ['citizen', 'child'], example: 'citizen' }) subject: string;
  @ApiProperty({ type: [String], example: ['citizen', 'caseworker'] }) respondents: string[];
}

export class ProgressionSeriesQuery {
  @ApiPropertyOptional({ example: 'employment-readiness' })
  @IsOptional() @IsString() @Matches(INSTRUMENT_ID) @MaxLength(60)
  instrumentId?: string;

  @ApiPropertyOptional({ enum: RESPONDENT_TYPES, enumName: 'RespondentType', example: 'citizen' })
  @IsOptional() @IsIn(RESPONDENT_TYPES)
  respondentType?: RespondentType;

  @ApiPropertyOptional({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22' })
  @IsOptional() @IsUUID()
  aboutCitizenId?: string;
}

export class FiguresQuery {
  @ApiPropertyOptional({ example: 'employment-readiness', description: 'Default: the shipped employment-readiness set' })
  @IsOptional() @IsString() @Matches(INSTRUMENT_ID) @MaxLength(60)
  instrumentId = 'employment-readiness';

  @ApiPropertyOptional({ enum: RESPONDENT_TYPES, enumName: 'RespondentType', example: 'citizen', description: 'Default: citizen' })
  @IsOptional() @IsIn(RESPONDENT_TYPES)
  respondentType: RespondentType = 'citizen';
}

// ---- the dialogue view and the management figures, typed for the OpenAPI document --------------------------------

const CHANGES = ['better', 'worse', 'same'];

export class LocalisedTextDto {
  @ApiProperty({ example: 'Hverdagen', description: 'Danish' }) da: string;
  @ApiProperty({ example: 'Everyday life', description: 'English' }) en: string;
}

export class DialogueMeasurementDto {
  @ApiProperty({ format: 'uuid', example: '5b2d1c0e-7a3f-4e6b-9c8d-1e2f3a4b5c6d' }) id: string;
  @ApiProperty({ enum: MEASUREMENT_OCCASIONS, enumName: 'MeasurementOccasion', example: 'baseline' }) occasion: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:00:00.000Z' }) completedAt: string;
  @ApiProperty({ type: 'integer', example: 1 }) instrumentVersion: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The comment on the whole measurement' }) comment: string | null;
}

export class DialogueItemRowDto {
  @ApiProperty({ example: 'energy' }) itemId: string;
  @ApiProperty({ enum: ['choice', 'ruler', 'text'], example: 'choice' }) kind: string;
  @ApiProperty({ type: LocalisedTextDto }) text: LocalisedTextDto;
  @ApiProperty({ enum: ['higher', 'lower'], nullable: true, example: 'higher', description: 'Which way is better (null for text items)' }) better: string | null;
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, example: [2, 4], description: 'The scored value per measurement, in the order of `measurements` (null: skipped, not relevant or text)' }) values: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['answered', 'skipped', 'not-relevant'], nullable: true }, example: ['answered', 'answered'], description: 'Per measurement (null: not touched)' }) statuses: (string | null)[];
  @ApiProperty({ type: 'array', items: { type: 'string', nullable: true }, example: [null, 'Ny medicin virker'], description: 'The comment on the item per measurement' }) comments: (string | null)[];
  @ApiProperty({ type: Number, nullable: true, example: 2 }) changeSincePrevious: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2 }) changeSinceBaseline: number | null;
  @ApiProperty({ enum: CHANGES, nullable: true, example: 'better' }) directionSincePrevious: string | null;
  @ApiProperty({ enum: CHANGES, nullable: true, example: 'better' }) directionSinceBaseline: string | null;
}

export class DialogueScoreRowDto {
  @ApiProperty({ example: 'everyday' }) id: string;
  @ApiProperty({ enum: ['subscale', 'total'], example: 'subscale' }) kind: string;
  @ApiProperty({ type: LocalisedTextDto }) title: LocalisedTextDto;
  @ApiProperty({ enum: ['higher', 'lower'], example: 'higher' }) better: string;
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, example: [2, 3.25], description: 'Per measurement' }) values: (number | null)[];
  @ApiProperty({ type: [Boolean], example: [true, true], description: 'Whether each value is complete (enough items answered)' }) complete: boolean[];
  @ApiProperty({ type: Number, nullable: true, example: 1.25 }) changeSincePrevious: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1.25 }) changeSinceBaseline: number | null;
  @ApiProperty({ enum: CHANGES, nullable: true, example: 'better' }) directionSincePrevious: string | null;
  @ApiProperty({ enum: CHANGES, nullable: true, example: 'better' }) directionSinceBaseline: string | null;
}

export class DialogueSeriesDto {
  @ApiProperty({ example: 'employment-readiness' }) instrumentId: string;
  @ApiProperty({ type: LocalisedTextDto }) title: LocalisedTextDto;
  @ApiProperty({ enum: RESPONDENT_TYPES, enumName: 'RespondentType', example: 'citizen' }) respondentType: string;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22', description: 'Whom the answers are about' }) aboutCitizenId: string;
  @ApiProperty({ type: [DialogueMeasurementDto], description: 'The completed measurements, oldest first (the columns)' }) measurements: DialogueMeasurementDto[];
  @ApiProperty({ type: [DialogueItemRowDto], description: 'One row per item' }) items: DialogueItemRowDto[];
  @ApiProperty({ type: [DialogueScoreRowDto], description: 'One row per sub-scale and total' }) scores: DialogueScoreRowDto[];
}

export class DialogueViewDto {
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' }) courseId: string;
  @ApiProperty({ type: [DialogueSeriesDto], description: 'Per instrument, respondent and person' }) series: DialogueSeriesDto[];
}

export class FiguresCellDto {
  @ApiProperty({ type: String, nullable: true, example: 'generic', description: 'Null in the municipality total' }) modelId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'adults', description: 'Null in the municipality total' }) targetGroup: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: "The primary contact's unit (null: none, or the total)" }) unitId: string | null;
  @ApiProperty({ example: false, description: 'Fewer than 5 citizens behind the cell: every number is null' }) suppressed: boolean;
  @ApiProperty({ type: 'integer', nullable: true, example: 12 }) citizens: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 12, description: 'Courses with a baseline' }) withBaseline: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 8, description: 'Courses with a follow-up' }) withFollowUp: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 3, description: 'Courses with an end measurement' }) withEnd: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.9, description: 'Completed measurements whose every score is complete, as a share' }) completionRate: number | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { type: 'number', nullable: true },
    example: { direction: 0.5, everyday: 0.25 },
    description: 'Per sub-scale and total id: the mean of (latest − baseline) over courses with both',
  })
  averageChange: Record<string, number | null> | null;
}

export class FiguresViewDto {
  @ApiProperty({ example: 'employment-readiness' }) instrumentId: string;
  @ApiProperty({ enum: RESPONDENT_TYPES, enumName: 'RespondentType', example: 'citizen' }) respondentType: string;
  @ApiProperty({ type: 'integer', example: 5, description: 'Cells with fewer citizens are suppressed' }) threshold: number;
  @ApiProperty({ type: FiguresCellDto, description: 'The whole municipality' }) total: FiguresCellDto;
  @ApiProperty({ type: [FiguresCellDto], description: 'Per model, target group and unit' }) cells: FiguresCellDto[];
}

export class MeasurementsQuery extends PageQuery {}

export class MeasurementPageDto extends PageOf(MeasurementDto, 'measurements (oldest first)') {}

export class InstrumentsQuery extends PageQuery {}

export class InstrumentSummaryPageDto extends PageOf(InstrumentSummaryDto, 'instruments (shipped first, then registered, by id)') {}

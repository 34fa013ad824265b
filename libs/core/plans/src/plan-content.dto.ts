import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ACTION_STATUSES,
  GOAL_STATUSES,
  RESPONSIBLE_KINDS,
  type ActionStatus,
  type GoalStatus,
  type PlanContent,
  type Responsible,
  type ResponsibleKind,
} from './plan-content.js';
import { ITEM_VISIBILITIES, type ItemVisibility } from '@enplan/core/access';
import { LEGAL_AREAS, type LegalArea } from '@enplan/core/organisation';

/** Items are identified by ids the client chooses, stable across versions so versions can be compared. */
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ITEM_ID_MESSAGE = 'id must be 1-64 letters, digits, "-" or "_"';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a calendar date (YYYY-MM-DD)';

/** A calendar date: the shape by pattern, the existence of the day (no 2026-02-30) by strict ISO 8601. */
function CalendarDate(): PropertyDecorator {
  return (target, key) => {
    Matches(DATE_ONLY, { message: `${String(key)} ${DATE_MESSAGE}` })(target, key);
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${String(key)} ${DATE_MESSAGE}` })(target, key);
  };
}

export class ResponsibleDto implements Responsible {
  @ApiProperty({ enum: RESPONSIBLE_KINDS, enumName: 'ResponsibleKind', example: 'staff', description: 'A staff member, a unit, or the citizen themself' })
  @IsIn(RESPONSIBLE_KINDS)
  kind: ResponsibleKind;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '00000000-0000-4000-8000-000000000001',
    description: 'The staff member or unit (of your municipality); left out when the citizen is responsible',
  })
  @IsOptional() @IsUUID()
  id?: string;
}

export class CitizenWordsDto {
  @ApiProperty({ example: 'At jeg ikke kan betale huslejen, og at min søn ikke kommer i skole.', description: 'Det bekymrer mig: in the citizen’s own words', maxLength: 4000 })
  @IsString() @MaxLength(4000)
  worries: string;

  @ApiProperty({ example: 'Jeg er god til at lave mad, og min søster hjælper mig.', description: 'Det går godt: in the citizen’s own words', maxLength: 4000 })
  @IsString() @MaxLength(4000)
  whatWorks: string;

  @ApiProperty({ example: 'Et arbejde i et køkken og en lejlighed tæt på min søster.', description: 'Mine drømme og ønsker: in the citizen’s own words', maxLength: 4000 })
  @IsString() @MaxLength(4000)
  dreamsAndWishes: string;
}

export class OverallGoalDto {
  @ApiProperty({ example: 'Jeg vil have et job i et køkken.', description: 'The one overall goal, in the citizen’s own words. Required to publish.', maxLength: 1000 })
  @IsString() @MaxLength(1000)
  text: string;

  @ApiProperty({ example: true, description: 'The citizen’s active yes to the goal. Must be true to publish.' })
  @IsBoolean()
  citizenAgreed: boolean;

  @ApiPropertyOptional({ example: '2026-01-05', description: 'When the citizen said yes' })
  @IsOptional() @CalendarDate()
  agreedOn?: string;
}

export class PlanGoalDto {
  @ApiProperty({ example: 'g-job', description: 'Stable id chosen by the client, unique within the plan', pattern: ITEM_ID.source })
  @IsString() @Matches(ITEM_ID, { message: ITEM_ID_MESSAGE })
  id: string;

  @ApiPropertyOptional({ example: 'g-main', description: 'The goal this is a sub-goal of (a goal of the same plan)' })
  @IsOptional() @IsString() @Matches(ITEM_ID, { message: ITEM_ID_MESSAGE })
  parentId?: string;

  @ApiProperty({ example: 'Komme i praktik i et køkken', description: 'The goal, in plain words', maxLength: 300 })
  @IsString() @MinLength(1) @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'When the goal should be reached' })
  @IsOptional() @CalendarDate()
  targetDate?: string;

  @ApiProperty({ enum: GOAL_STATUSES, enumName: 'GoalStatus', example: 'in-progress' })
  @IsIn(GOAL_STATUSES)
  status: GoalStatus;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: [],
    description: 'Citizens (of the course’s household) the goal concerns; empty means the course’s citizen',
  })
  @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns: string[];
  @ApiPropertyOptional({ enum: LEGAL_AREAS, enumName: 'LegalArea', example: 'children', description: 'The legal area it belongs to, if not a shared item (required for `authority` visibility)' })
  @IsOptional() @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;

  @ApiPropertyOptional({
    enum: ITEM_VISIBILITIES,
    enumName: 'ItemVisibility',
    example: 'team',
    description: 'Who sees it: `team` (default: the whole team; every family member), `authority` (only staff holding authority in its legal area), `member` (the team, but of the family only the members it concerns)',
  })
  @IsOptional() @IsIn(ITEM_VISIBILITIES)
  visibility?: ItemVisibility;
}

export class PlanActionDto {
  @ApiProperty({ example: 'a-mentor', description: 'Stable id chosen by the client, unique within the plan', pattern: ITEM_ID.source })
  @IsString() @Matches(ITEM_ID, { message: ITEM_ID_MESSAGE })
  id: string;

  @ApiProperty({ example: 'g-job', description: 'The goal the action serves' })
  @IsString() @Matches(ITEM_ID, { message: ITEM_ID_MESSAGE })
  goalId: string;

  @ApiProperty({ example: 'Bostøtte to gange om ugen', description: 'The action (indsats), in plain words', maxLength: 300 })
  @IsString() @MinLength(1) @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'SEL-85', description: 'A code from the legal-basis catalogue (GET /api/v1/legal-bases)', maxLength: 40 })
  @IsString() @MinLength(1) @MaxLength(40)
  legalBasis: string;

  @ApiProperty({ type: ResponsibleDto })
  @IsObject() @ValidateNested() @Type(() => ResponsibleDto)
  responsible: ResponsibleDto;

  @ApiProperty({ example: '2026-02-01', description: 'Start date' })
  @CalendarDate()
  startDate: string;

  @ApiPropertyOptional({ example: '2026-07-31', description: 'Deadline; not before the start date' })
  @IsOptional() @CalendarDate()
  deadline?: string;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'ActionStatus', example: 'planned' })
  @IsIn(ACTION_STATUSES)
  status: ActionStatus;
  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns; empty means the course’s citizen (in a family: everyone)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];

  @ApiPropertyOptional({
    enum: ITEM_VISIBILITIES,
    enumName: 'ItemVisibility',
    example: 'team',
    description: 'Who sees it: `team` (default: the whole team; every family member), `authority` (only staff holding authority in its legal area), `member` (the team, but of the family only the members it concerns)',
  })
  @IsOptional() @IsIn(ITEM_VISIBILITIES)
  visibility?: ItemVisibility;
}

export class PlanAgreementDto {
  @ApiProperty({ example: 'ag-ticket', description: 'Stable id chosen by the client, unique within the plan', pattern: ITEM_ID.source })
  @IsString() @Matches(ITEM_ID, { message: ITEM_ID_MESSAGE })
  id: string;

  @ApiProperty({ example: 'Købe togbillet til første praktikdag', description: 'Who does what, in plain words', maxLength: 1000 })
  @IsString() @MinLength(1) @MaxLength(1000)
  text: string;

  @ApiProperty({ type: ResponsibleDto })
  @IsObject() @ValidateNested() @Type(() => ResponsibleDto)
  responsible: ResponsibleDto;

  @ApiPropertyOptional({ example: '2026-01-30', description: 'By when' })
  @IsOptional() @CalendarDate()
  due?: string;

  @ApiProperty({ example: false, description: 'Done?' })
  @IsBoolean()
  done: boolean;
  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns; empty means the course’s citizen (in a family: everyone)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];

  @ApiPropertyOptional({ enum: LEGAL_AREAS, enumName: 'LegalArea', example: 'children', description: 'The legal area it belongs to, if not a shared item (required for `authority` visibility)' })
  @IsOptional() @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;

  @ApiPropertyOptional({
    enum: ITEM_VISIBILITIES,
    enumName: 'ItemVisibility',
    example: 'team',
    description: 'Who sees it: `team` (default: the whole team; every family member), `authority` (only staff holding authority in its legal area), `member` (the team, but of the family only the members it concerns)',
  })
  @IsOptional() @IsIn(ITEM_VISIBILITIES)
  visibility?: ItemVisibility;
}

export class PlanContentDto implements PlanContent {
  @ApiProperty({ type: CitizenWordsDto, description: 'The citizen’s own words, kept apart from professional assessments' })
  @IsObject() @ValidateNested() @Type(() => CitizenWordsDto)
  citizenWords: CitizenWordsDto;

  @ApiProperty({ type: OverallGoalDto })
  @IsObject() @ValidateNested() @Type(() => OverallGoalDto)
  overallGoal: OverallGoalDto;

  @ApiProperty({ type: [PlanGoalDto], description: 'Goals and sub-goals (sub-goals name their parent)' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PlanGoalDto)
  goals: PlanGoalDto[];

  @ApiProperty({ type: [PlanActionDto], description: 'Actions (indsatser), in the order they are to happen' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlanActionDto)
  actions: PlanActionDto[];

  @ApiProperty({ type: [PlanAgreementDto], description: 'Who does what by when, the citizen’s own tasks included' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlanAgreementDto)
  agreements: PlanAgreementDto[];
}

function responsible(r: Responsible): Responsible {
  return r.id === undefined ? { kind: r.kind } : { kind: r.kind, id: r.id };
}

/** A plain snapshot with a fixed key order and no absent optionals, so stored versions compare cleanly. */
export function toPlanContent(c: PlanContent): PlanContent {
  const opt = <K extends string, V>(key: K, v: V | undefined) => (v === undefined || v === null ? {} : { [key]: v });
  return {
    citizenWords: { worries: c.citizenWords.worries, whatWorks: c.citizenWords.whatWorks, dreamsAndWishes: c.citizenWords.dreamsAndWishes },
    overallGoal: { text: c.overallGoal.text, citizenAgreed: c.overallGoal.citizenAgreed, ...opt('agreedOn', c.overallGoal.agreedOn) },
    goals: c.goals.map((g) => ({
      id: g.id,
      ...opt('parentId', g.parentId),
      title: g.title,
      ...opt('targetDate', g.targetDate),
      status: g.status,
      concerns: [...g.concerns],
      ...opt('legalArea', g.legalArea),
      ...opt('visibility', g.visibility),
    })),
    actions: c.actions.map((a) => ({
      id: a.id,
      goalId: a.goalId,
      title: a.title,
      legalBasis: a.legalBasis,
      responsible: responsible(a.responsible),
      startDate: a.startDate,
      ...opt('deadline', a.deadline),
      status: a.status,
      ...opt('concerns', a.concerns?.length ? [...a.concerns] : undefined),
      ...opt('visibility', a.visibility),
    })),
    agreements: c.agreements.map((g) => ({
      id: g.id,
      text: g.text,
      responsible: responsible(g.responsible),
      ...opt('due', g.due),
      done: g.done,
      ...opt('concerns', g.concerns?.length ? [...g.concerns] : undefined),
      ...opt('legalArea', g.legalArea),
      ...opt('visibility', g.visibility),
    })),
  };
}

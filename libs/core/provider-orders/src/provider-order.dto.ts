import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageOf } from '@enplan/core/common';

const UUID_EXAMPLE = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class CreateProviderOrderDto {
  @ApiProperty({ example: 'a-mentor', description: 'The id of an action in the course’s published plan', pattern: ITEM_ID.source })
  @IsString() @Matches(ITEM_ID, { message: 'actionId must be 1-64 letters, digits, "-" or "_"' })
  actionId: string;

  @ApiProperty({ example: 'Mentorstøtte: følge Anna til praktikstedet de første fire uger', maxLength: 2000, description: 'What the provider is asked to do' })
  @IsString() @MinLength(1) @MaxLength(2000)
  purpose: string;

  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE, description: 'The unit that delivers the action' })
  @IsUUID()
  providerUnitId: string;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'The named provider (e.g. the mentor): a staff member of the provider unit' })
  @IsOptional() @IsUUID()
  providerStaffId?: string;

  @ApiProperty({ example: 30, minimum: 1, maximum: 365, description: 'A report is expected this many days after the start, then after each report' })
  @IsInt() @Min(1) @Max(365)
  reportEveryDays: number;

  @ApiProperty({ example: '2026-02-01', description: 'First day of delivery (YYYY-MM-DD)' })
  @Matches(DATE_ONLY, { message: 'startsOn must be a calendar date (YYYY-MM-DD)' }) @IsISO8601({ strict: true })
  startsOn: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Last day of delivery; no report is expected after it' })
  @IsOptional() @Matches(DATE_ONLY, { message: 'endsOn must be a calendar date (YYYY-MM-DD)' }) @IsISO8601({ strict: true })
  endsOn?: string;
}

export class CreateProviderReportDto {
  @ApiProperty({ example: '2026-03-02', description: 'When the report was received (YYYY-MM-DD; not in the future)' })
  @Matches(DATE_ONLY, { message: 'receivedOn must be a calendar date (YYYY-MM-DD)' }) @IsISO8601({ strict: true })
  receivedOn: string;

  @ApiProperty({ example: 'Anna er mødt stabilt op fire dage om ugen og trives i køkkenet.', maxLength: 8000, description: 'The provider’s report, in short' })
  @IsString() @MinLength(1) @MaxLength(8000)
  summary: string;
}

export class ProviderReportDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  orderId: string;
  @ApiProperty({ format: 'date', example: '2026-03-02' })
  receivedOn: string;
  @ApiProperty({ example: 'Anna er mødt stabilt op fire dage om ugen og trives i køkkenet.' })
  summary: string;
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Who recorded it' })
  createdBy: string;
}

export class ProviderOrderDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  courseId: string;
  @ApiProperty({ example: 'a-mentor' })
  actionId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Mentor i praktikken', description: 'The action’s title in the current plan version; null if the action has left the plan' })
  actionTitle: string | null;
  @ApiProperty({ example: 'Mentorstøtte: følge Anna til praktikstedet de første fire uger' })
  purpose: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  providerUnitId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null })
  providerStaffId: string | null;
  @ApiProperty({ type: 'integer', example: 30 })
  reportEveryDays: number;
  @ApiProperty({ format: 'date', example: '2026-02-01' })
  startsOn: string;
  @ApiProperty({ format: 'date', type: String, nullable: true, example: null })
  endsOn: string | null;
  @ApiProperty({ type: 'integer', example: 1, description: 'Reports received so far' })
  reports: number;
  @ApiProperty({ format: 'date', type: String, nullable: true, example: '2026-03-02', description: 'The latest report’s date' })
  lastReportOn: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-04-01', description: 'When the next report is expected; null when the order has ended' })
  nextReportDue: string | null;
  @ApiProperty({ example: false, description: 'The expected report has not arrived by its date' })
  reportOverdue: boolean;
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001' })
  createdBy: string;
}

export class ProviderOrderPageDto extends PageOf(ProviderOrderDto, 'provider orders') {}

export class ProviderReportPageDto extends PageOf(ProviderReportDto, 'provider reports') {}

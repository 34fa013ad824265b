import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { WORK_ITEM_KINDS, type WorkItemKind } from './work-list.service.js';

export class WorkListQuery {
  @ApiPropertyOptional({ example: 30, description: 'Flag a course whose citizen has had no contact for this many days (default 30)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(365)
  inactivityDays?: number;

  @ApiPropertyOptional({ example: 7, description: 'Items due within this many days are "due" (default 7)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(90)
  dueWithinDays?: number;

  @ApiPropertyOptional({ example: 60, description: 'Items further ahead than this are left out (default 60)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(365)
  horizonDays?: number;
}

export class WorkItemDto {
  @ApiProperty({ enum: WORK_ITEM_KINDS, example: 'cadence-meeting' })
  kind: WorkItemKind;
  @ApiProperty({ enum: ['overdue', 'due', 'upcoming'], example: 'due' })
  state: 'overdue' | 'due' | 'upcoming';
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' })
  courseId: string;
  @ApiProperty({ example: '2026-03-06', description: 'YYYY-MM-DD' })
  dueOn: string;
  @ApiProperty({ example: 'A plan meeting with the citizen at least every 60 days' })
  title: string;
  @ApiProperty({ example: 'plan-every-60-days', description: 'The rule, follow-up, plan action or agreement the item comes from' })
  ref: string;
  @ApiPropertyOptional({ example: 'plan', description: 'For cadence meetings' })
  meetingType?: string;
}

export class WorkListDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001' })
  staffMemberId: string;
  @ApiProperty({ example: '2026-01-05', description: 'The day the list was computed for' })
  today: string;
  @ApiProperty({ type: [WorkItemDto], description: 'Overdue first, then due, then upcoming; by date' })
  items: WorkItemDto[];
}

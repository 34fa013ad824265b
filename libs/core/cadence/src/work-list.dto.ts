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
  @ApiProperty({ enum: WORK_ITEM_KINDS, enumName: 'WorkItemKind', example: 'cadence-meeting' })
  kind: WorkItemKind;
  @ApiProperty({ enum: ['overdue', 'due', 'upcoming'], example: 'due' })
  state: 'overdue' | 'due' | 'upcoming';
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' })
  courseId: string;
  @ApiProperty({ format: 'date', example: '2026-03-06', description: 'YYYY-MM-DD' })
  dueOn: string;
  @ApiProperty({ example: 'A plan meeting with the citizen at least every 60 days' })
  title: string;
  @ApiProperty({ example: 'plan-every-60-days', description: 'The rule, follow-up, plan action or agreement the item comes from; for a plugin-deadline the plugin’s own ref (e.g. re-review)' })
  ref: string;
  @ApiPropertyOptional({ example: 'step-up-meetings', description: 'For a plugin-deadline: the plugin (organisational model) that owns the deadline' })
  plugin?: string;
  @ApiPropertyOptional({ example: 'plan', description: 'For cadence meetings' })
  meetingType?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', example: null, description: 'For cadence meetings: a meeting booked in time (then the item is not listed)' })
  scheduledMeetingId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'For follow-ups: the owner' })
  ownerId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'For follow-ups: the meeting where it is taken up' })
  nextMeetingId?: string | null;
}

export class WorkListDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001' })
  staffMemberId: string;
  @ApiProperty({ example: '2026-01-05', description: 'The day the list was computed for' })
  today: string;
  @ApiProperty({ type: [WorkItemDto], description: 'Overdue first, then due, then upcoming; by date' })
  items: WorkItemDto[];
}

export class TeamWorkListDto {
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'The organisational unit (team)' })
  unitId: string;
  @ApiProperty({ example: '2026-01-05', description: 'The day the list was computed for' })
  today: string;
  @ApiProperty({ type: [WorkItemDto], description: 'Every item on the courses where someone of the unit is on the team; overdue first' })
  items: WorkItemDto[];
}

export class BoardDueMeetingDto {
  @ApiProperty({ example: 'plan-every-60-days', description: 'The cadence rule' })
  rule: string;
  @ApiProperty({ example: 'plan' })
  meetingType: string;
  @ApiProperty({ format: 'date', example: '2026-03-08', description: 'By when the meeting must have been held' })
  dueOn: string;
  @ApiProperty({ enum: ['overdue', 'due', 'upcoming'], example: 'due' })
  state: 'overdue' | 'due' | 'upcoming';
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null, description: 'A meeting booked in time, if any' })
  scheduledMeetingId: string | null;
}

export class BoardNextMeetingDto {
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' })
  id: string;
  @ApiProperty({ example: 'plan' })
  type: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-02-10T09:00:00.000Z' })
  startsAt: string;
}

export class BoardRevisionDto {
  @ApiProperty({ type: 'integer', example: 3 })
  version: number;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-07T11:00:00.000Z' })
  publishedAt: string;
}

export class BoardCourseDto {
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' })
  courseId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a61', description: 'Look the citizen up by id; the board carries no names or CPR numbers' })
  citizenId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null, description: 'For a family course' })
  householdId: string | null;
  @ApiProperty({ example: 'active' })
  status: string;
  @ApiProperty({ example: 'generic', description: 'The organisational model' })
  modelId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: '00000000-0000-4000-8000-000000000001' })
  primaryContactId: string | null;
  @ApiProperty({ type: BoardDueMeetingDto, nullable: true, description: 'The earliest meeting the cadence policy requires' })
  nextDueMeeting: BoardDueMeetingDto | null;
  @ApiProperty({ type: BoardNextMeetingDto, nullable: true, description: 'The next planned meeting on the course' })
  nextMeeting: BoardNextMeetingDto | null;
  @ApiProperty({ type: 'integer', example: 2, description: 'Overdue work-list items on the course (everyone’s)' })
  overdueItems: number;
  @ApiProperty({ type: BoardRevisionDto, nullable: true, description: 'The current published plan version; null before the first' })
  lastPlanRevision: BoardRevisionDto | null;
}

export class BoardDto {
  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' })
  unitId: string;
  @ApiProperty({ example: '2026-01-05' })
  today: string;
  @ApiProperty({ type: [BoardCourseDto], description: 'Most overdue items first, then by next due meeting' })
  courses: BoardCourseDto[];
}

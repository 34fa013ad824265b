import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { PageOf, PageQuery } from '@enplan/plugin-api';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ConsultantLoadDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-0000000000c1', description: 'The staff member' })
  staffMemberId: string;

  @ApiProperty({ example: 0.5, description: 'Full-time equivalent' })
  fte: number;

  @ApiProperty({ example: 15, description: "The municipality's cap (and target) of active citizen-consultant courses per full-time consultant (`capPerFte`)" })
  capPerFte: number;

  @ApiProperty({ type: 'integer', example: 7, description: 'This consultant’s cap: capPerFte × FTE, rounded down; an assignment or activation beyond it is refused (422 `plugin.caseload-cap`)' })
  cap: number;

  @ApiProperty({ type: 'integer', example: 5, description: 'Active citizen-consultant courses on which the staff member is the consultant (primary contact): what the cap counts' })
  activeCourses: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'Courses the consultant can still take: cap − activeCourses, not below 0' })
  remaining: number;

  @ApiProperty({ example: false, description: 'true when no further course can be assigned' })
  atCap: boolean;

  @ApiProperty({ type: 'integer', example: 3, description: 'Active citizen-consultant courses on which the staff member is the buddy (not counted toward the cap)' })
  buddyCourses: number;
}

export class CreateCoverDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-0000000000c2', description: 'The buddy who covers: a current `buddy` on the course’s team' })
  @IsUUID()
  buddyStaffMemberId: string;

  @ApiProperty({ format: 'date', example: '2026-02-02', description: 'First day of the cover' })
  @Matches(ISO_DAY, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2026-02-13', description: 'Last day of the cover (not before startsOn, not in the past)' })
  @Matches(ISO_DAY, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  endsOn: string;
}

export class CoverDto {
  @ApiProperty({ format: 'uuid', example: '5b0e7d8c-2f1a-4c3b-9d8e-7f6a5b4c3d2e', description: 'Cover id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '3f2e1d0c-9b8a-4765-8432-10fedcba9876', description: 'The course' })
  courseId: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-0000000000c2', description: 'The covering buddy' })
  buddyStaffMemberId: string;

  @ApiProperty({ format: 'date', example: '2026-02-02', description: 'First day of the cover' })
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2026-02-13', description: 'Last day of the cover' })
  endsOn: string;

  @ApiProperty({ example: true, description: 'The cover runs today: the buddy may decide the plan’s actions in their own legal areas' })
  current: boolean;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-0000000000c1', description: 'Who recorded it' })
  createdBy: string;

  @ApiProperty({ format: 'date-time', example: '2026-02-02T08:00:00.000Z', description: 'When it was recorded' })
  createdAt: string;
}

export class CoversQuery extends PageQuery {}

export class CoverPageDto extends PageOf(CoverDto, 'cover periods (oldest first)') {}

import { ApiProperty } from '@nestjs/swagger';
import { PageOf, PageQuery } from '@enplan/core/common';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TEAM_ROLES, type TeamRole } from './vocabulary.js';
import { IsIsoDate } from './iso-date.js';

export class AddTeamMemberDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'A staff member of your municipality' })
  @IsUUID()
  staffMemberId: string;

  @ApiProperty({
    enum: TEAM_ROLES,
    enumName: 'TeamRole',
    example: 'caseworker',
    description: 'Role on the course. The first primary contact may be set here; after that it changes only by handover (POST /courses/{id}/primary-contact).',
  })
  @IsIn(TEAM_ROLES)
  role: TeamRole;

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'First day in the role (not before the referral date)' })
  @IsIsoDate()
  startsOn: string;
}

export class EndAssignmentDto {
  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'Last day in the role (not in the future)' })
  @IsIsoDate()
  endsOn: string;
}

export class HandoverDto {
  @ApiProperty({ format: 'uuid', example: '7d3c1c52-0c0e-4c1a-9d7e-3f1f2b9c0a01', description: 'The new primary contact, a staff member of your municipality' })
  @IsUUID()
  staffMemberId: string;

  @ApiProperty({
    example: 'Sara prefers morning calls. Debt counselling starts 12 March; her mentor is Ali. Do not mention the eviction case unless she does.',
    maxLength: 8000,
    description: 'What the new primary contact needs to know, so the citizen need not retell their story',
  })
  @IsString() @MinLength(1) @MaxLength(8000)
  handoverNote: string;

  @ApiProperty({ format: 'date', example: '2026-04-01', description: 'Day of the handover: the previous assignment ends and the new one starts (not in the future)' })
  @IsIsoDate()
  on: string;
}

export class TeamAssignmentDto {
  @ApiProperty({ format: 'uuid', example: 'e4d3c2b1-a0f9-4e8d-7c6b-5a4f3e2d1c0b', description: 'Assignment id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Staff member id' })
  staffMemberId: string;

  @ApiProperty({ example: 'Mette Holm', description: "Staff member's name" })
  staffName: string;

  @ApiProperty({ enum: TEAM_ROLES, enumName: 'TeamRole', example: 'primary-contact', description: 'Role' })
  role: TeamRole;

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'First day in the role' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Last day in the role; null while current' })
  endsOn: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'For a primary contact taking over: what was handed over' })
  handoverNote: string | null;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Who made the assignment' })
  assignedBy: string;
}

export class HandoverResultDto {
  @ApiProperty({ type: TeamAssignmentDto, nullable: true, description: 'The ended assignment of the previous primary contact; null if there was none' })
  previous: TeamAssignmentDto | null;

  @ApiProperty({ type: TeamAssignmentDto, description: 'The new primary contact' })
  current: TeamAssignmentDto;
}

export class TeamHistoryQuery extends PageQuery {}

export class TeamAssignmentPageDto extends PageOf(TeamAssignmentDto, 'team assignments, current and ended, in the order they started') {}

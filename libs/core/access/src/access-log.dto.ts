import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { ACCESS_OPERATIONS, ACCESS_OUTCOMES, type AccessOperation, type AccessOutcome } from './access-log.entity.js';

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-01-01T00:00:00Z', description: 'From this instant (inclusive)' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-07-01T00:00:00Z', description: 'Until this instant (exclusive)' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Only accesses by this staff member or integration' })
  @IsOptional() @IsUUID()
  actorId?: string;
}

export class AccessLogEntryDto {
  @ApiProperty({ format: 'uuid', example: '1c9e7b10-2f4a-4d3b-8c5e-6f7a8b9c0d1e', description: 'Entry id' })
  id: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:15:00.000Z', description: 'When' })
  at: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Who (staff member or integration id)' })
  actorId: string;

  @ApiProperty({ type: [String], example: ['caseworker'], description: 'Their roles at the time' })
  actorRoles: string[];

  @ApiProperty({ enum: ACCESS_OPERATIONS, enumName: 'AccessOperation', example: 'read', description: 'Read, write or purge' })
  operation: AccessOperation;

  @ApiProperty({ enum: ACCESS_OUTCOMES, enumName: 'AccessOutcome', example: 'allowed', description: 'Allowed, denied, or failed (allowed but the request then failed)' })
  outcome: AccessOutcome;

  @ApiProperty({ example: 'plan', description: 'Kind of record' })
  recordType: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '5b8f0e4a-1c2d-4e3f-9a0b-1c2d3e4f5a6b', description: 'The record named by the route' })
  recordId: string | null;

  @ApiProperty({ type: [String], format: 'uuid', example: ['5b8f0e4a-1c2d-4e3f-9a0b-1c2d3e4f5a6b'], description: 'Courses concerned' })
  courseIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', example: ['3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22'], description: 'Citizens concerned' })
  citizenIds: string[];

  @ApiProperty({ example: 'GET /api/v1/courses/:courseId/plan', description: 'Method and route template' })
  route: string;

  @ApiProperty({ example: 'team', description: 'Footing: team, former-team, manager, grant, external, integrator, staff' })
  basis: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Reason of a temporary grant, or of a purge' })
  reason: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'b3c1d2e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e', description: 'Request id (also in the application log)' })
  requestId: string | null;
}

export class AccessLogPageDto extends PageOf(AccessLogEntryDto, 'access log entries') {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength, Matches } from 'class-validator';
import { PageOf, PageQuery } from '@enplan/core/common';
import { CONCERNS_DESCRIPTION } from '@enplan/core/courses';

export class CreateAccessGrantDto {
  @ApiProperty({ format: 'uuid', example: '7d3c1c52-0c0e-4c1a-9d7e-3f1f2b9c0a01', description: 'The staff member given temporary access' })
  @IsUUID()
  staffMemberId: string;

  @ApiProperty({ example: 'Cover during the primary contact\'s holiday, weeks 28-30', maxLength: 500, description: 'Why: written to the access log with every access made through the grant' })
  @IsString() @MinLength(5) @MaxLength(500)
  reason: string;

  @ApiProperty({ format: 'date', example: '2026-07-31', description: 'Last day of access (at most 30 days ahead)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  validUntil: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: CONCERNS_DESCRIPTION })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];
}

export class AccessGrantDto {
  @ApiProperty({ format: 'uuid', example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', description: 'Grant id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '5b8f0e4a-1c2d-4e3f-9a0b-1c2d3e4f5a6b', description: 'Course id' })
  courseId: string;

  @ApiProperty({ format: 'uuid', example: '7d3c1c52-0c0e-4c1a-9d7e-3f1f2b9c0a01', description: 'Who has access' })
  staffMemberId: string;

  @ApiProperty({ example: "Cover during the primary contact's holiday, weeks 28-30", description: 'Why' })
  reason: string;

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members the reason concerns' })
  concerns: string[];

  @ApiProperty({ format: 'date', example: '2026-07-31', description: 'Last day' })
  validUntil: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000002', description: 'Granted by' })
  grantedBy: string;

  @ApiProperty({ format: 'date-time', example: '2026-07-01T08:00:00.000Z', description: 'When granted' })
  grantedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'When revoked; null if not' })
  revokedAt: string | null;

  @ApiProperty({ example: true, description: 'Whether it applies today' })
  inForce: boolean;
}

export class AccessGrantsQuery extends PageQuery {}

export class AccessGrantPageDto extends PageOf(AccessGrantDto, 'access grants (oldest first)') {}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { LEGAL_AREAS, type LegalArea } from '@enplan/plugin-api';

/** A calendar date written YYYY-MM-DD, and a real one. */
function IsIsoDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );
}

export class CreateSubstituteDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-0000000000a1', description: 'The one of the pair who is away: a caseworker or primary contact with authority on the course' })
  @IsUUID()
  coveredStaffMemberId: string;

  @ApiProperty({
    format: 'uuid',
    example: '00000000-0000-4000-8000-0000000000a4',
    description: 'The substitute: an active staff member of your municipality holding (at least) the same authority areas as the one covered',
  })
  @IsUUID()
  substituteStaffMemberId: string;

  @ApiProperty({ format: 'date', example: '2026-07-06', description: 'First day of the cover' })
  @IsIsoDate()
  fromDate: string;

  @ApiProperty({ format: 'date', example: '2026-07-24', description: 'Last day of the cover (included); today or later' })
  @IsIsoDate()
  toDate: string;
}

export class SubstituteDto {
  @ApiProperty({ format: 'uuid', example: '5c1e8f0a-2b3d-4e5f-8a9b-0c1d2e3f4a5b', description: 'Substitution id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'The paired course' })
  courseId: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-0000000000a1', description: 'The one of the pair who is covered' })
  coveredStaffMemberId: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-0000000000a4', description: 'The substitute' })
  substituteStaffMemberId: string;

  @ApiProperty({ format: 'date', example: '2026-07-06', description: 'First day of the cover' })
  fromDate: string;

  @ApiProperty({ format: 'date', example: '2026-07-24', description: 'Last day of the cover (included)' })
  toDate: string;

  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', isArray: true, example: ['employment'], description: 'The covered caseworker’s authority areas when the substitute was named' })
  coveredAreas: LegalArea[];

  @ApiProperty({ example: true, description: 'Whether the cover applies today: the substitute may then record decisions in the covered areas' })
  inForce: boolean;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000002', description: 'Who named the substitute' })
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-07-01T08:00:00.000Z', description: 'When the substitute was named' })
  createdAt: string;
}

export class SubstituteListDto {
  @ApiProperty({ type: [SubstituteDto], description: 'Every substitution of the course, earliest first' })
  items: SubstituteDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { LEGAL_AREAS, STAFF_FUNCTIONS, type LegalArea, type StaffFunction } from './vocabulary.js';
import type { StaffMember } from './staff-member.entity.js';

/** Query strings carry booleans as text; anything but true/false is left as is and fails @IsBoolean. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateStaffDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: '00000000-0000-4000-8000-000000000001',
    description: "The staff member's id, which is the `sub` claim of their bearer token. Give it when the identity provider already has one; otherwise one is generated.",
  })
  @IsOptional() @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Mette Holm', description: 'Full name', maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid', example: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01', description: 'The unit the staff member belongs to (of your municipality)' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: STAFF_FUNCTIONS, enumName: 'StaffFunction', example: 'caseworker', description: 'What the staff member does' })
  @IsIn(STAFF_FUNCTIONS)
  function: StaffFunction;

  @ApiPropertyOptional({
    enum: LEGAL_AREAS,
    enumName: 'LegalArea',
    isArray: true,
    example: ['employment', 'active-social-policy'],
    description: 'Legal areas in which the staff member holds statutory authority (myndighed); empty for a pure provider',
    default: [],
  })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(LEGAL_AREAS, { each: true })
  authorityAreas?: LegalArea[];

  @ApiPropertyOptional({ example: false, default: false, description: 'Delivers actions (udfører): mentor, support contact person, family therapist' })
  @IsOptional() @IsBoolean()
  isProvider?: boolean;

  @ApiPropertyOptional({ example: 1, default: 1, minimum: 0.01, maximum: 1, description: 'Full-time equivalent, used for caseload per full-time consultant' })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0.01) @Max(1)
  fte?: number;
}

export class UpdateStaffDto {
  @ApiPropertyOptional({ example: 'Mette Holm Jensen', description: 'Full name', maxLength: 200 })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01', description: 'Move the staff member to another unit of your municipality' })
  @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: STAFF_FUNCTIONS, enumName: 'StaffFunction', example: 'citizen-consultant', description: 'What the staff member does' })
  @IsOptional() @IsIn(STAFF_FUNCTIONS)
  function?: StaffFunction;

  @ApiPropertyOptional({ enum: LEGAL_AREAS, enumName: 'LegalArea', isArray: true, example: ['employment', 'social-adults'], description: 'Replaces the legal areas of statutory authority' })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(LEGAL_AREAS, { each: true })
  authorityAreas?: LegalArea[];

  @ApiPropertyOptional({ example: true, description: 'Delivers actions (udfører)' })
  @IsOptional() @IsBoolean()
  isProvider?: boolean;

  @ApiPropertyOptional({ example: false, description: 'false when the person has left or no longer takes courses; history stays' })
  @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 0.8, minimum: 0.01, maximum: 1, description: 'Full-time equivalent' })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0.01) @Max(1)
  fte?: number;
}

export class StaffQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01', description: 'Only staff of this unit' })
  @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: STAFF_FUNCTIONS, enumName: 'StaffFunction', example: 'mentor', description: 'Only staff with this function' })
  @IsOptional() @IsIn(STAFF_FUNCTIONS)
  function?: StaffFunction;

  @ApiPropertyOptional({ type: Boolean, example: true, description: 'Only active (true) or inactive (false) staff; both when left out' })
  @IsOptional() @Transform(queryBoolean) @IsBoolean()
  active?: boolean;
}

export class StaffDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Staff member id (the `sub` claim of their token)' })
  id: string;

  @ApiProperty({ example: 'Mette Holm', description: 'Full name' })
  name: string;

  @ApiProperty({ format: 'uuid', example: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01', description: 'Unit id' })
  unitId: string;

  @ApiProperty({ enum: STAFF_FUNCTIONS, enumName: 'StaffFunction', example: 'caseworker', description: 'Function' })
  function: StaffFunction;

  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', isArray: true, example: ['employment'], description: 'Legal areas of statutory authority' })
  authorityAreas: LegalArea[];

  @ApiProperty({ example: false, description: 'Delivers actions (udfører)' })
  isProvider: boolean;

  @ApiProperty({ example: 1, description: 'Full-time equivalent' })
  fte: number;

  @ApiProperty({ example: true, description: 'Takes courses' })
  active: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'When the staff member was registered' })
  createdAt: string;

  static from(s: StaffMember): StaffDto {
    return {
      id: s.id,
      name: s.name,
      unitId: s.unitId,
      function: s.function,
      authorityAreas: [...s.authorityAreas],
      isProvider: s.isProvider,
      fte: Number(s.fte),
      active: s.active,
      createdAt: s.createdAt.toISOString(),
    };
  }
}

export class StaffPageDto extends PageOf(StaffDto, 'staff members') {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { UNIT_KINDS, type UnitKind } from './vocabulary.js';
import type { OrgUnit } from './org-unit.entity.js';

export class CreateOrgUnitDto {
  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind', example: 'job-centre', description: 'What kind of unit this is; psychiatry, school, probation and other-external take part under consent only' })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiProperty({ example: 'Jobcenter Nord, team 3', description: 'The name staff know the unit by', maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;
}

export class OrgUnitQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS, enumName: 'UnitKind', example: 'job-centre', description: 'Only units of this kind' })
  @IsOptional() @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}

export class OrgUnitDto {
  @ApiProperty({ format: 'uuid', example: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01', description: 'Unit id' })
  id: string;

  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind', example: 'job-centre', description: 'Kind of unit' })
  kind: UnitKind;

  @ApiProperty({ example: 'Jobcenter Nord, team 3', description: 'Unit name' })
  name: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'When the unit was registered' })
  createdAt: string;

  static from(u: OrgUnit): OrgUnitDto {
    return { id: u.id, kind: u.kind, name: u.name, createdAt: u.createdAt.toISOString() };
  }
}

export class OrgUnitPageDto extends PageOf(OrgUnitDto, 'organisational units') {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf, PageQuery } from '@enplan/core/common';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CONSENT_FORMS, CONSENT_KINDS, INFORMATION_CATEGORIES, type ConsentForm, type ConsentKind, type InformationCategory } from './vocabulary.js';
import { IsIsoDate } from './iso-date.js';

export class CreateConsentDto {
  @ApiProperty({ enum: CONSENT_KINDS, enumName: 'ConsentKind', example: 'information-sharing', description: 'To take part in the course, or to share information' })
  @IsIn(CONSENT_KINDS)
  kind: ConsentKind;

  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22', description: 'The citizen giving consent: the course citizen or a household member' })
  @IsUUID()
  citizenId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    example: ['8a1f7c8e-2d34-4c55-9b0e-1f2a3b4c5d6e'],
    description: 'For information-sharing: the units (internal or external: school, psychiatry, probation) that may share and see information',
  })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true })
  partyUnitIds?: string[];

  @ApiProperty({ example: 'Coordinate treatment and job-centre activities in the course', maxLength: 1000, description: 'What the information is shared for' })
  @IsString() @MinLength(1) @MaxLength(1000)
  purpose: string;

  @ApiPropertyOptional({
    enum: INFORMATION_CATEGORIES,
    enumName: 'InformationCategory',
    isArray: true,
    example: ['general', 'health'],
    description: 'For information-sharing: the categories of information covered (`general` = the plan and meetings; the others are legal areas)',
  })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(INFORMATION_CATEGORIES, { each: true })
  categories?: InformationCategory[];

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'First day the consent applies' })
  @IsIsoDate()
  validFrom: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'Last day the consent applies; absent = until revoked or the course ends' })
  @IsOptional() @IsIsoDate()
  validTo?: string;

  @ApiProperty({ enum: CONSENT_FORMS, enumName: 'ConsentForm', example: 'written', description: 'How it was given' })
  @IsIn(CONSENT_FORMS)
  form: ConsentForm;

  @ApiPropertyOptional({ example: 'Jonas Berg, social worker', maxLength: 200, description: 'Required for an oral consent: who witnessed it' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  witness?: string;
}

export class RevokeConsentDto {
  @ApiPropertyOptional({ example: 'Revoked by phone; confirmed in writing', maxLength: 1000, description: 'How the revocation was received' })
  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

export class ConsentDto {
  @ApiProperty({ format: 'uuid', example: 'c0a8012e-7a3b-4f59-8d1e-2b3c4d5e6f70', description: 'Consent id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '5b8f0e4a-1c2d-4e3f-9a0b-1c2d3e4f5a6b', description: 'Course id' })
  courseId: string;

  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22', description: 'The citizen who gave it' })
  citizenId: string;

  @ApiProperty({ enum: CONSENT_KINDS, enumName: 'ConsentKind', example: 'information-sharing', description: 'Kind' })
  kind: ConsentKind;

  @ApiProperty({ type: [String], format: 'uuid', example: ['8a1f7c8e-2d34-4c55-9b0e-1f2a3b4c5d6e'], description: 'Units covered' })
  partyUnitIds: string[];

  @ApiProperty({ example: 'Coordinate treatment and job-centre activities in the course', description: 'Purpose' })
  purpose: string;

  @ApiProperty({ enum: INFORMATION_CATEGORIES, enumName: 'InformationCategory', isArray: true, example: ['general', 'health'], description: 'Categories covered' })
  categories: InformationCategory[];

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'First day' })
  validFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-31', description: 'Last day; null = open-ended' })
  validTo: string | null;

  @ApiProperty({ enum: CONSENT_FORMS, enumName: 'ConsentForm', example: 'written', description: 'How it was given' })
  form: ConsentForm;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Witness of an oral consent' })
  witness: string | null;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Who recorded it' })
  recordedBy: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T10:00:00.000Z', description: 'When it was recorded' })
  recordedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'When it was revoked; null while not revoked' })
  revokedAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Note on the revocation' })
  revocationNote: string | null;

  @ApiProperty({ example: true, description: 'Whether it applies today (in its period and not revoked)' })
  inForce: boolean;
}

export class ConsentsQuery extends PageQuery {}

export class ConsentPageDto extends PageOf(ConsentDto, 'consents (oldest first)') {}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LEGAL_AREAS, type LegalArea } from '@enplan/core/organisation';

export const LEGAL_BASIS_SOURCES = ['core', 'municipality'] as const;
export type LegalBasisSource = (typeof LEGAL_BASIS_SOURCES)[number];

/** An upper-case law prefix, a dash and the paragraph, e.g. LAB-57, SEL-82B, KOM-1. */
export const LEGAL_BASIS_CODE = /^[A-Z][A-Z0-9]{0,9}-[A-Z0-9][A-Z0-9-]{0,28}$/;

export class CreateLegalBasisDto {
  @ApiProperty({
    example: 'KOM-12',
    description: 'Stable code plans refer to: an upper-case prefix, a dash and the paragraph (A-Z, 0-9). Must not clash with a core code.',
    maxLength: 40,
    pattern: LEGAL_BASIS_CODE.source,
  })
  @IsString() @Matches(LEGAL_BASIS_CODE, { message: 'code must look like ABC-12 (upper-case prefix, dash, paragraph)' }) @MaxLength(40)
  code: string;

  @ApiProperty({ example: 'Lov om kommunal indsats for unge under 25 år', description: 'The law, by its Danish name', maxLength: 120 })
  @IsString() @MinLength(1) @MaxLength(120)
  law: string;

  @ApiProperty({ example: '§ 2 a', description: 'The paragraph as written in the law', maxLength: 40 })
  @IsString() @MinLength(1) @MaxLength(40)
  paragraph: string;

  @ApiProperty({ example: 'Uddannelsesvejledning for unge', description: 'What the provision is about, in Danish', maxLength: 300 })
  @IsString() @MinLength(1) @MaxLength(300)
  title: string;
}

export class LegalBasisDto {
  @ApiProperty({ example: 'SEL-85', description: 'The code an action in a plan refers to' })
  code: string;

  @ApiProperty({ example: 'Serviceloven', description: 'The law, by its Danish name' })
  law: string;

  @ApiProperty({ example: '§ 85', description: 'The paragraph' })
  paragraph: string;

  @ApiProperty({ example: 'Socialpædagogisk bistand', description: 'What the provision is about, in Danish' })
  title: string;

  @ApiProperty({
    enum: LEGAL_AREAS,
    enumName: 'LegalArea',
    nullable: true,
    example: 'social-adults',
    description: 'The legal area the provision belongs to (from its law): who decides under it needs authority there. Null when the law is not one the catalogue places',
  })
  legalArea: LegalArea | null;

  @ApiProperty({ enum: LEGAL_BASIS_SOURCES, enumName: 'LegalBasisSource', example: 'core', description: 'Shipped with enplan, or added by your municipality' })
  source: LegalBasisSource;
}

export class LegalBasisListDto {
  @ApiProperty({ type: [LegalBasisDto], description: 'The whole catalogue: core entries first, then your municipality’s, each by code' })
  items: LegalBasisDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ITEM_VISIBILITIES, type ItemVisibility } from '@enplan/core/access';
import { PageQuery, PageOf } from '@enplan/core/common';
import { INFORMATION_CATEGORIES } from '@enplan/core/courses';
import type { JournalArea } from './journal-visibility.js';

export class CreateJournalNoteDto {
  @ApiProperty({
    enum: INFORMATION_CATEGORIES,
    enumName: 'JournalArea',
    example: 'employment',
    description: 'The legal area the note is written under, or `general`. Writing in a legal area needs authority there (integrations excepted).',
  })
  @IsIn(INFORMATION_CATEGORIES)
  legalArea: JournalArea;

  @ApiProperty({ example: 'Samtale om praktik i kantinen; borgeren er motiveret.', maxLength: 20000, description: 'The note' })
  @IsString() @MinLength(1) @MaxLength(20000)
  text: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    example: ['3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22'],
    description: "The household members the note concerns; empty or absent = the course's citizen (in a family course: the whole family)",
  })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];

  @ApiPropertyOptional({
    enum: ITEM_VISIBILITIES,
    enumName: 'ItemVisibility',
    example: 'authority',
    description: 'Who may see it: `team`, `authority` (holders of authority in its area only) or `member` (of the family, only those it concerns). Default `authority` in a legal area, `team` for a general note.',
  })
  @IsOptional() @IsIn(ITEM_VISIBILITIES)
  visibility?: ItemVisibility;

  @ApiPropertyOptional({ format: 'uuid', example: '7a4c2e10-8b3d-4f6a-9c1e-2d3f4a5b6c7d', description: 'The note this one corrects (notes are never edited)' })
  @IsOptional() @IsUUID()
  correctsId?: string;
}

export class JournalNoteQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INFORMATION_CATEGORIES, enumName: 'JournalArea', example: 'children', description: 'Only notes in this area' })
  @IsOptional() @IsIn(INFORMATION_CATEGORIES)
  legalArea?: JournalArea;

  @ApiPropertyOptional({ format: 'uuid', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22', description: 'Only notes concerning this household member (notes for the whole family included)' })
  @IsOptional() @IsUUID()
  concerns?: string;
}

export class JournalNoteDto {
  @ApiProperty({ format: 'uuid', example: '7a4c2e10-8b3d-4f6a-9c1e-2d3f4a5b6c7d', description: 'Note id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'Course id' })
  courseId: string;

  @ApiProperty({ enum: INFORMATION_CATEGORIES, enumName: 'JournalArea', example: 'employment', description: 'Legal area, or general' })
  legalArea: JournalArea;

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns; empty = the course citizen / the whole family' })
  concerns: string[];

  @ApiProperty({ enum: ITEM_VISIBILITIES, enumName: 'ItemVisibility', example: 'authority', description: 'Who may see it' })
  visibility: ItemVisibility;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Author (staff member or integration)' })
  authorId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Mette Holm', description: "The author's name; null for an integration" })
  authorName: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'When it was written' })
  writtenAt: string;

  @ApiProperty({ example: 'Samtale om praktik i kantinen; borgeren er motiveret.', description: 'The note' })
  text: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The note this one corrects' })
  correctsId: string | null;

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Later notes (that you may see) correcting this one' })
  correctedBy: string[];
}

export class JournalNotePageDto extends PageOf(JournalNoteDto, 'journal notes') {}

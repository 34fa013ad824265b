import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { CONCERNS_DESCRIPTION } from '@enplan/core/courses';
import { LEGAL_AREAS, type LegalArea } from '@enplan/core/organisation';
import { CONTACT_KINDS, type ContactKind } from '@enplan/core/meeting-rules';

const UUID_EXAMPLE = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';
const STAFF_EXAMPLE = '00000000-0000-4000-8000-000000000001';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class FollowUpInputDto {
  @ApiProperty({ example: 'Tale om boligsituationen på næste møde', maxLength: 2000, description: 'The open point' })
  @IsString() @MinLength(1) @MaxLength(2000)
  text: string;

  @ApiProperty({ format: 'uuid', example: STAFF_EXAMPLE, description: 'Who follows it up: a staff member on the course’s team' })
  @IsUUID()
  ownerId: string;

  @ApiProperty({ example: '2026-01-20', description: 'By when (YYYY-MM-DD)' })
  @Matches(DATE_ONLY, { message: 'dueOn must be a calendar date (YYYY-MM-DD)' }) @IsISO8601({ strict: true })
  dueOn: string;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'The (planned) meeting of the course where it is taken up' })
  @IsOptional() @IsUUID()
  nextMeetingId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: CONCERNS_DESCRIPTION })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];
}

export class CreateFollowUpDto extends FollowUpInputDto {
  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'The contact whose note it comes from (a contact of the same course)' })
  @IsOptional() @IsUUID()
  contactId?: string;
}

export class CreateContactDto {
  @ApiProperty({ enum: CONTACT_KINDS, enumName: 'ContactKind', example: 'call' })
  @IsIn(CONTACT_KINDS)
  kind: ContactKind;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-05T08:30:00Z', description: 'When it took place (not in the future)' })
  @IsISO8601({ strict: true })
  at: string;

  @ApiPropertyOptional({
    type: [String],
    example: [STAFF_EXAMPLE],
    description: 'The staff members who took part, the leading one first; default the caller (if the caller is a staff member)',
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsUUID('all', { each: true })
  staffMemberIds?: string[];

  @ApiProperty({ example: 'Anna ringede: hun har fået nøgle til ny lejlighed. Vil gerne tale om økonomi.', maxLength: 4000, description: 'A short note' })
  @IsString() @MinLength(1) @MaxLength(4000)
  note: string;

  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', example: 'social-adults', description: 'The legal area the note is recorded in' })
  @IsIn(LEGAL_AREAS)
  legalArea: LegalArea;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: CONCERNS_DESCRIPTION })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];

  @ApiPropertyOptional({ type: [FollowUpInputDto], description: 'Open points in the note, saved with the contact in one step' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => FollowUpInputDto)
  followUps?: FollowUpInputDto[];
}

export class UpdateFollowUpDto {
  @ApiPropertyOptional({ example: true, description: 'Mark done (true) or open again (false)' })
  @IsOptional() @IsBoolean()
  done?: boolean;

  @ApiPropertyOptional({ format: 'uuid', example: STAFF_EXAMPLE, description: 'Reassign to another staff member on the course’s team' })
  @IsOptional() @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', example: UUID_EXAMPLE, description: 'Link to a planned meeting of the course; null unlinks' })
  @IsOptional() @IsUUID()
  nextMeetingId?: string | null;

  @ApiPropertyOptional({ example: '2026-01-27', description: 'New due date (YYYY-MM-DD)' })
  @IsOptional() @Matches(DATE_ONLY, { message: 'dueOn must be a calendar date (YYYY-MM-DD)' }) @IsISO8601({ strict: true })
  dueOn?: string;
}

export const FOLLOW_UP_FILTERS = ['open', 'done', 'all'] as const;

export class FollowUpsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_FILTERS, enumName: 'FollowUpFilter', example: 'open', description: 'Default open' })
  @IsOptional() @IsIn(FOLLOW_UP_FILTERS)
  status?: (typeof FOLLOW_UP_FILTERS)[number];
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  courseId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: UUID_EXAMPLE, description: 'The contact whose note it comes from' })
  contactId: string | null;
  @ApiProperty({ example: 'Tale om boligsituationen på næste møde' })
  text: string;
  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns' })
  concerns: string[];
  @ApiProperty({ format: 'uuid', example: STAFF_EXAMPLE })
  ownerId: string;
  @ApiProperty({ format: 'date', example: '2026-01-20' })
  dueOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null })
  nextMeetingId: string | null;
  @ApiProperty({ example: false })
  done: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null })
  doneAt: string | null;
}

export class FollowUpPageDto extends PageOf(FollowUpDto, 'follow-ups') {}

export class ContactDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  courseId: string;
  @ApiProperty({ enum: CONTACT_KINDS, enumName: 'ContactKind', example: 'call' })
  kind: ContactKind;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-05T08:30:00.000Z' })
  at: string;
  @ApiProperty({ type: [String], example: [STAFF_EXAMPLE], description: 'The leading staff member first' })
  staffMemberIds: string[];
  @ApiProperty({ example: 'Anna ringede: hun har fået nøgle til ny lejlighed.' })
  note: string;
  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns' })
  concerns: string[];
  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', example: 'social-adults' })
  legalArea: LegalArea;
  @ApiProperty({ format: 'uuid', example: STAFF_EXAMPLE, description: 'Who logged it' })
  createdBy: string;
  @ApiProperty({ type: [FollowUpDto], description: 'The follow-ups from this note' })
  followUps: FollowUpDto[];
}

export class ContactPageDto extends PageOf(ContactDto, 'contacts') {}

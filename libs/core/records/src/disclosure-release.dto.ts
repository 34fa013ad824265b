import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageOf, PageQuery } from '@enplan/core/common';
import { DISCLOSURE_RELEASE_KINDS, type DisclosureReleaseKind } from '@enplan/core/courses';

const UUID = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';
const CITIZEN = '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22';
const KIND_DESCRIPTION =
  'Which free text, by the record holding it: `contact-note` (a contact), `follow-up`, `transition-reason` (a course transition), `plan-change-summary` and ' +
  '`citizen-words` (a plan version), `meeting-minutes` (a meeting), `meeting-agenda` (an agenda item), `participant-organisation` (a meeting participant), ' +
  '`grant-reason` (an access grant)';

export class CreateDisclosureReleaseDto {
  @ApiProperty({ enum: DISCLOSURE_RELEASE_KINDS, enumName: 'DisclosureReleaseKind', example: 'contact-note', description: KIND_DESCRIPTION })
  @IsIn(DISCLOSURE_RELEASE_KINDS)
  kind: DisclosureReleaseKind;

  @ApiProperty({ format: 'uuid', example: UUID, description: 'The id of the record holding the text; it must belong to this course' })
  @IsUUID()
  recordId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    example: [CITIZEN],
    description: "The household members it is released to (members of the course's household); absent = every member of the course's household",
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  citizenIds?: string[];

  @ApiProperty({ example: 'Gennemgået: noten handler kun om børnenes skolegang', minLength: 5, maxLength: 1000, description: 'Why the text may be shown to them (the review)' })
  @IsString() @MinLength(5) @MaxLength(1000)
  reason: string;
}

export class DisclosureReleaseDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Release id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: UUID, description: 'Course id' })
  courseId: string;

  @ApiProperty({ enum: DISCLOSURE_RELEASE_KINDS, enumName: 'DisclosureReleaseKind', example: 'contact-note' })
  kind: DisclosureReleaseKind;

  @ApiProperty({ format: 'uuid', example: UUID, description: 'The record holding the text' })
  recordId: string;

  @ApiProperty({ type: [String], format: 'uuid', example: [CITIZEN], description: 'Released to these household members' })
  citizenIds: string[];

  @ApiProperty({ example: 'Gennemgået: noten handler kun om børnenes skolegang', description: 'Why' })
  reason: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Who released it' })
  releasedBy: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:00:00.000Z', description: 'When' })
  releasedAt: string;
}

export class DisclosureReleasesQuery extends PageQuery {}

export class DisclosureReleasePageDto extends PageOf(DisclosureReleaseDto, 'releases (oldest first)') {}

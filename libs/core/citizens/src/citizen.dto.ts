import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { maskCpr } from '@enplan/shared/util';
import { CONTACT_CHANNELS, type ContactChannel } from './vocabulary.js';
import type { Citizen } from './citizen.entity.js';

export class CreateCitizenDto {
  @ApiProperty({ example: '010190-1234', description: 'CPR number, DDMMYY-SSSS or ten digits. The birth date is derived from it; the modulus-11 check is not applied.' })
  @IsString()
  cpr: string;

  @ApiProperty({ example: 'Sara Nielsen', description: 'Full name', maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: CONTACT_CHANNELS, enumName: 'ContactChannel', example: 'digital-post', default: 'digital-post', description: 'How the citizen prefers to be contacted' })
  @IsOptional() @IsIn(CONTACT_CHANNELS)
  contactChannel?: ContactChannel;

  @ApiPropertyOptional({ type: String, example: 'interpreter: Arabic', maxLength: 500, nullable: true, description: 'Language or communication needs, e.g. interpreter or easy-read Danish' })
  @IsOptional() @IsString() @MaxLength(500)
  languageNeeds?: string | null;
}

export class UpdateCitizenDto {
  @ApiPropertyOptional({ example: 'Sara Nielsen Holm', maxLength: 200, description: 'Full name' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: CONTACT_CHANNELS, enumName: 'ContactChannel', example: 'phone', description: 'How the citizen prefers to be contacted' })
  @IsOptional() @IsIn(CONTACT_CHANNELS)
  contactChannel?: ContactChannel;

  @ApiPropertyOptional({ type: String, example: 'easy-read Danish', maxLength: 500, nullable: true, description: 'Language or communication needs; null clears them' })
  @IsOptional() @IsString() @MaxLength(500)
  languageNeeds?: string | null;
}

export class CitizenLookupDto {
  @ApiProperty({ example: '010190-1234', description: 'The CPR number to look up (sent in the body so it never appears in a URL or access log)' })
  @IsString()
  cpr: string;
}

export class CitizenQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'niel', maxLength: 200, description: 'Only citizens whose name contains this text (case-insensitive)' })
  @IsOptional() @IsString() @MaxLength(200)
  name?: string;
}

export class CitizenSummaryDto {
  @ApiProperty({ format: 'uuid', example: '9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b', description: 'Citizen id' })
  id: string;

  @ApiProperty({ example: '010190-****', description: 'The CPR number with the serial part masked' })
  cprMasked: string;

  @ApiProperty({ example: 'Sara Nielsen', description: 'Full name' })
  name: string;

  @ApiProperty({ format: 'date', example: '1990-01-01', description: 'Birth date, derived from the CPR number' })
  birthDate: string;

  @ApiProperty({ enum: CONTACT_CHANNELS, enumName: 'ContactChannel', example: 'digital-post', description: 'Preferred contact channel' })
  contactChannel: ContactChannel;

  @ApiProperty({ type: String, nullable: true, example: 'interpreter: Arabic', description: 'Language or communication needs' })
  languageNeeds: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Registered at' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Last changed at' })
  updatedAt: string;

  static from(c: Citizen): CitizenSummaryDto {
    return {
      id: c.id,
      cprMasked: maskCpr(c.cpr),
      name: c.name,
      birthDate: c.birthDate,
      contactChannel: c.contactChannel,
      languageNeeds: c.languageNeeds,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }
}

/** The single-citizen view: the only response that carries the full CPR number. */
export class CitizenDto extends CitizenSummaryDto {
  @ApiProperty({ example: '0101901234', description: 'The full CPR number (ten digits), for matching in sector systems' })
  cpr: string;

  static override from(c: Citizen): CitizenDto {
    return { ...CitizenSummaryDto.from(c), cpr: c.cpr };
  }
}

export class CitizenPageDto extends PageOf(CitizenSummaryDto, 'citizens (by name; CPR numbers masked)') {}

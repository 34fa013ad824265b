import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from './vocabulary.js';

export class HouseholdMemberInputDto {
  @ApiProperty({ format: 'uuid', example: '9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b', description: 'A citizen of your municipality' })
  @IsUUID()
  citizenId: string;

  @ApiProperty({ enum: HOUSEHOLD_RELATIONS, enumName: 'HouseholdRelation', example: 'parent', description: "The citizen's place in the household" })
  @IsIn(HOUSEHOLD_RELATIONS)
  relation: HouseholdRelation;

  @ApiPropertyOptional({
    example: true,
    description: "For a parent: whether they hold custody (forældremyndighed) of the household's children. Default true (joint custody is the Danish default after a divorce); only a parent may carry it",
  })
  @IsOptional() @IsBoolean()
  custody?: boolean;
}

export class SetCustodyDto {
  @ApiProperty({ example: false, description: "Whether the parent holds custody of the household's children" })
  @IsBoolean()
  custody: boolean;
}

export class CreateHouseholdDto {
  @ApiProperty({ example: 'Family Jensen', maxLength: 200, description: 'A working label; never shown to other households' })
  @IsString() @MinLength(1) @MaxLength(200)
  label: string;

  @ApiProperty({ type: [HouseholdMemberInputDto], description: 'The members; may be empty and filled in later' })
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HouseholdMemberInputDto)
  members: HouseholdMemberInputDto[];
}

export class HouseholdMemberDto {
  @ApiProperty({ format: 'uuid', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', description: 'Membership id' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b', description: 'Citizen id' })
  citizenId: string;

  @ApiProperty({ example: 'Sara Nielsen', description: "The citizen's name" })
  name: string;

  @ApiProperty({ example: '010190-****', description: "The citizen's CPR number, masked" })
  cprMasked: string;

  @ApiProperty({ format: 'date', example: '1990-01-01', description: 'Birth date' })
  birthDate: string;

  @ApiProperty({ enum: HOUSEHOLD_RELATIONS, enumName: 'HouseholdRelation', example: 'parent', description: 'Place in the household' })
  relation: HouseholdRelation;

  @ApiProperty({ type: Boolean, nullable: true, example: true, description: "A parent's custody of the household's children; null for a member who is not a parent" })
  custody: boolean | null;
}

export class HouseholdDto {
  @ApiProperty({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', description: 'Household id' })
  id: string;

  @ApiProperty({ example: 'Family Jensen', description: 'Working label' })
  label: string;

  @ApiProperty({ type: [HouseholdMemberDto], description: 'Members, oldest first' })
  members: HouseholdMemberDto[];

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Registered at' })
  createdAt: string;
}

export class AddHouseholdMemberDto extends HouseholdMemberInputDto {}

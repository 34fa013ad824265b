import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { AddHouseholdMemberDto, CreateHouseholdDto, HouseholdDto } from './household.dto.js';
import { HouseholdsService } from './households.service.js';

@ApiTags('citizens')
@ApiBearerAuth()
@Controller({ path: 'households', version: '1' })
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a household',
    description: 'Members must be citizens of your municipality (else 422 `household.member-unknown` naming `members[i].citizenId`).',
  })
  @ApiCreatedResponse({ type: HouseholdDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateHouseholdDto): Promise<HouseholdDto> {
    return this.households.create(p.municipalityId, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One household with its members (CPR numbers masked)' })
  @ApiOkResponse({ type: HouseholdDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<HouseholdDto> {
    return this.households.get(p.municipalityId, id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Add a citizen to a household', description: '409 `household.member-exists` when the citizen is already a member.' })
  @ApiCreatedResponse({ type: HouseholdDto })
  addMember(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: AddHouseholdMemberDto): Promise<HouseholdDto> {
    return this.households.addMember(p.municipalityId, id, dto);
  }
}

import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CITIZEN_ROLES, CitizenAccess, CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { AddHouseholdMemberDto, CreateHouseholdDto, HouseholdDto, SetCustodyDto } from './household.dto.js';
import { HouseholdsService } from './households.service.js';
import { Household, HouseholdMember } from './household.entity.js';
import type { EntityManager } from 'typeorm';
import { ProblemAnswers } from '@enplan/core/common';

/** A household route concerns every member. */
const householdCitizens = async (em: EntityManager, municipalityId: string, id: string): Promise<string[]> => {
  if (!(await em.exists(Household, { where: { id, municipalityId } }))) return [];
  return (await em.find(HouseholdMember, { where: { householdId: id, municipalityId }, select: { citizenId: true } })).map((m) => m.citizenId);
};

@ApiTags('citizens')
@ApiBearerAuth()
@Controller({ path: 'households', version: '1' })
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Post()
  @StaffRoute({ record: 'household', roles: CITIZEN_ROLES, citizens: (b) => (b as HouseholdDto).members.map((m) => m.citizenId) })
  @ApiOperation({
    operationId: 'createHousehold',
    summary: 'Register a household',
    description: 'Members must be citizens of your municipality (else 422 `household.member-unknown` naming `members[i].citizenId`).',
  })
  @ApiCreatedResponse({ type: HouseholdDto })
  @ProblemAnswers({ 422: ['household.member-unknown', 'household.member-duplicate', 'household.custody-not-parent'] })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateHouseholdDto): Promise<HouseholdDto> {
    return this.households.create(p.municipalityId, dto);
  }

  @Get(':id')
  @CitizenAccess('read', { record: 'household', locate: householdCitizens })
  @ApiOperation({ operationId: 'getHousehold', summary: 'One household with its members (CPR numbers masked)' })
  @ApiOkResponse({ type: HouseholdDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<HouseholdDto> {
    return this.households.get(p.municipalityId, id);
  }

  @Post(':id/members')
  @CitizenAccess('update', { record: 'household', locate: householdCitizens })
  @ApiOperation({ operationId: 'addHouseholdMember', summary: 'Add a citizen to a household', description: '409 `household.member-exists` when the citizen is already a member.' })
  @ApiCreatedResponse({ type: HouseholdDto })
  @ProblemAnswers({ 409: ['household.member-exists'], 422: ['household.member-unknown'] })
  addMember(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: AddHouseholdMemberDto): Promise<HouseholdDto> {
    return this.households.addMember(p.municipalityId, id, dto);
  }

  @Patch(':id/members/:citizenId')
  @CitizenAccess('update', { record: 'household', locate: householdCitizens })
  @ApiOperation({
    operationId: 'setHouseholdMemberCustody',
    summary: "Record a parent's custody of the household's children",
    description:
      'A parent holding custody is told what concerns the children (access request, citizen view); one without it only what concerns themself. ' +
      '404 `household.member-not-found`; 422 `household.custody-not-parent` for a member who is not a parent.',
  })
  @ApiOkResponse({ type: HouseholdDto })
  @ProblemAnswers({ 404: ['household.member-not-found'], 422: ['household.custody-not-parent'] })
  setCustody(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('citizenId') citizenId: string, @Body() dto: SetCustodyDto): Promise<HouseholdDto> {
    return this.households.setCustody(p.municipalityId, id, citizenId, dto.custody);
  }
}

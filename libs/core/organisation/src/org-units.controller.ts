import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { CreateOrgUnitDto, OrgUnitDto, OrgUnitPageDto, OrgUnitQuery } from './org-unit.dto.js';
import { OrgUnitsService } from './org-units.service.js';
import { ProblemAnswers } from '@enplan/core/common';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller({ path: 'org-units', version: '1' })
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Post()
  @StaffRoute({ record: 'org-unit', roles: ['admin', 'manager', 'integrator'] })
  @ApiOperation({ operationId: 'createOrgUnit', summary: 'Register an organisational unit', description: 'A department, team or external partner taking part in courses.' })
  @ApiCreatedResponse({ type: OrgUnitDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return this.units.create(p.municipalityId, dto);
  }

  @Get()
  @StaffRoute({ record: 'org-unit' })
  @ApiOperation({ operationId: 'listOrgUnits', summary: "List your municipality's organisational units", description: 'Ordered by name; filter by kind.' })
  @ApiOkResponse({ type: OrgUnitPageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: OrgUnitQuery): Promise<OrgUnitPageDto> {
    return this.units.list(p.municipalityId, q);
  }

  @Get(':id')
  @StaffRoute({ record: 'org-unit' })
  @ApiOperation({ operationId: 'getOrgUnit', summary: 'One organisational unit' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ProblemAnswers({ 404: ['org-unit.not-found'] })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<OrgUnitDto> {
    return this.units.get(p.municipalityId, id);
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CITIZEN_ROLES, CitizenAccess, CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { CitizenDto, CitizenLookupDto, CitizenPageDto, CitizenQuery, CreateCitizenDto, UpdateCitizenDto } from './citizen.dto.js';
import { CitizensService } from './citizens.service.js';
import { ProblemAnswers } from '@enplan/core/common';

@ApiTags('citizens')
@ApiBearerAuth()
@Controller({ path: 'citizens', version: '1' })
export class CitizensController {
  constructor(private readonly citizens: CitizensService) {}

  @Post()
  @StaffRoute({ record: 'citizen', roles: CITIZEN_ROLES, citizens: (b) => [(b as CitizenDto).id] })
  @ApiOperation({
    operationId: 'createCitizen',
    summary: 'Register a citizen',
    description: 'The birth date is derived from the CPR number. An invalid CPR number gives 400 `citizen.cpr-invalid`; one already registered in your municipality gives 409 `citizen.cpr-exists`.',
  })
  @ApiCreatedResponse({ type: CitizenDto })
  @ProblemAnswers({ 400: ['citizen.cpr-invalid'], 409: ['citizen.cpr-exists'] })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCitizenDto): Promise<CitizenDto> {
    return this.citizens.create(p.municipalityId, dto);
  }

  @Get()
  @StaffRoute({ record: 'citizen', roles: CITIZEN_ROLES, citizens: (b) => (b as CitizenPageDto).items.map((c) => c.id) })
  @ApiOperation({ operationId: 'listCitizens', summary: "List your municipality's citizens", description: 'Ordered by name. CPR numbers are masked; read one citizen for the full number.' })
  @ApiOkResponse({ type: CitizenPageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: CitizenQuery): Promise<CitizenPageDto> {
    return this.citizens.list(p.municipalityId, q);
  }

  @Post('lookup')
  @StaffRoute({ record: 'citizen', roles: CITIZEN_ROLES, citizens: (b) => [(b as CitizenDto).id] })
  @HttpCode(200)
  @ApiOperation({ operationId: 'lookUpCitizen', summary: 'Find a citizen by CPR number', description: 'A POST so the CPR number never appears in a URL. 404 `citizen.not-found` when not registered in your municipality.' })
  @ApiOkResponse({ type: CitizenDto })
  @ProblemAnswers({ 400: ['citizen.cpr-invalid'], 404: ['citizen.not-found'] })
  lookup(@CurrentPrincipal() p: Principal, @Body() dto: CitizenLookupDto): Promise<CitizenDto> {
    return this.citizens.lookup(p.municipalityId, dto.cpr);
  }

  @Get(':id')
  @CitizenAccess('read', { record: 'citizen' })
  @ApiOperation({ operationId: 'getCitizen', summary: 'One citizen, with the full CPR number' })
  @ApiOkResponse({ type: CitizenDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CitizenDto> {
    return this.citizens.get(p.municipalityId, id);
  }

  @Patch(':id')
  @CitizenAccess('update', { record: 'citizen' })
  @ApiOperation({ operationId: 'updateCitizen', summary: "Change a citizen's name, contact channel or language needs", description: 'The CPR number cannot be changed.' })
  @ApiOkResponse({ type: CitizenDto })
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateCitizenDto): Promise<CitizenDto> {
    return this.citizens.update(p.municipalityId, id, dto);
  }
}

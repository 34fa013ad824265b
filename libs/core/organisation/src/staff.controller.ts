import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { CreateStaffDto, StaffDto, StaffPageDto, StaffQuery, UpdateStaffDto } from './staff.dto.js';
import { StaffService } from './staff.service.js';
import { ProblemAnswers } from '@enplan/core/common';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller({ path: 'staff', version: '1' })
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @StaffRoute({ record: 'staff-member', roles: ['admin', 'manager', 'integrator'] })
  @ApiOperation({ operationId: 'createStaffMember', summary: 'Register a staff member', description: 'The unit must belong to your municipality (else 422 `staff.unit-unknown` naming `unitId`).' })
  @ApiCreatedResponse({ type: StaffDto })
  @ProblemAnswers({ 409: ['staff.id-exists'], 422: ['staff.unit-unknown'] })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateStaffDto): Promise<StaffDto> {
    return this.staff.create(p.municipalityId, dto);
  }

  @Get()
  @StaffRoute({ record: 'staff-member' })
  @ApiOperation({ operationId: 'listStaff', summary: "List your municipality's staff", description: 'Ordered by name; filter by unit, function and active flag.' })
  @ApiOkResponse({ type: StaffPageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: StaffQuery): Promise<StaffPageDto> {
    return this.staff.list(p.municipalityId, q);
  }

  @Get(':id')
  @StaffRoute({ record: 'staff-member' })
  @ApiOperation({ operationId: 'getStaffMember', summary: 'One staff member' })
  @ApiOkResponse({ type: StaffDto })
  @ProblemAnswers({ 404: ['staff.not-found'] })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<StaffDto> {
    return this.staff.get(p.municipalityId, id);
  }

  @Patch(':id')
  @StaffRoute({ record: 'staff-member', roles: ['admin', 'manager', 'integrator'] })
  @ApiOperation({ operationId: 'updateStaffMember', summary: 'Change a staff member', description: 'Authority areas, provider role, function, FTE, unit, or deactivate. Only the fields given change.' })
  @ApiOkResponse({ type: StaffDto })
  @ProblemAnswers({ 404: ['staff.not-found'], 422: ['staff.unit-unknown'] })
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateStaffDto): Promise<StaffDto> {
    return this.staff.update(p.municipalityId, id, dto);
  }
}

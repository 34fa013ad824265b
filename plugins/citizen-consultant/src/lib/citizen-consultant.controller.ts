import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, StaffRoute, type Principal, ProblemAnswers } from '@enplan/plugin-api';
import { CitizenConsultantService } from './citizen-consultant.service.js';
import { ConsultantLoadDto, CoverDto, CoverPageDto, CoversQuery, CreateCoverDto } from './dto.js';
import { CitizenConsultantCode } from './rules.js';

@ApiTags('plugin: citizen-consultant')
@ApiBearerAuth()
@Controller({ path: 'consultants', version: '1' })
export class ConsultantLoadController {
  constructor(private readonly service: CitizenConsultantService) {}

  @Get(':staffId/load')
  @StaffRoute({ record: 'caseload', roles: ['manager', 'integrator', 'caseworker'] })
  @ApiOperation({
    operationId: 'getConsultantLoad',
    summary: "A citizen consultant's load against the cap",
    description:
      'Active citizen-consultant courses on which the staff member is the consultant (primary contact), next to the cap for their FTE ' +
      '(`capPerFte` × FTE, rounded down). Assignments and activations beyond the cap are refused with 422 `plugin.caseload-cap`.',
  })
  @ApiOkResponse({ type: ConsultantLoadDto })
  @ProblemAnswers({ 404: ['citizen-consultant.staff-not-found'] })
  load(@CurrentPrincipal() p: Principal, @Param('staffId') staffId: string): Promise<ConsultantLoadDto> {
    return this.service.load(p, staffId);
  }
}

@ApiTags('plugin: citizen-consultant')
@ApiBearerAuth()
@Controller({ path: 'courses', version: '1' })
export class CoverController {
  constructor(private readonly service: CitizenConsultantService) {}

  @Get(':courseId/covers')
  @CourseAccess('read', { record: 'citizen-consultant-cover' })
  @ApiOperation({ operationId: 'listConsultantCovers', summary: "The buddy's cover periods on a course", description: 'Oldest first; `current` marks a cover running today.' })
  @ApiOkResponse({ type: CoverPageDto })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: CoversQuery): Promise<CoverPageDto> {
    return this.service.covers(p, courseId, q);
  }

  @Post(':courseId/covers')
  @CourseAccess('manage-team', { record: 'citizen-consultant-cover' })
  @ApiOperation({
    operationId: 'addConsultantCover',
    summary: 'Let the buddy cover for the consultant for a period',
    description:
      'While a cover runs, the buddy may publish plan versions that decide actions, in the legal areas the buddy holds authority in ' +
      '(the consultant must still hold authority in every area of the plan). 422 `citizen-consultant.not-the-buddy` (`buddyStaffMemberId`) ' +
      'unless the person is a current buddy on the team; `citizen-consultant.other-model` for a course of another model.',
  })
  @ApiCreatedResponse({ type: CoverDto })
  @ProblemAnswers({
    422: [
      CitizenConsultantCode.OtherModel,
      CitizenConsultantCode.CourseEnded,
      CitizenConsultantCode.CoverEndsBeforeStart,
      CitizenConsultantCode.CoverInThePast,
      CitizenConsultantCode.NotTheBuddy,
    ],
  })
  add(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateCoverDto): Promise<CoverDto> {
    return this.service.addCover(p, courseId, dto);
  }
}

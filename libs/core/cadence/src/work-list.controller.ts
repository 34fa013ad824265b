import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCourseScope, CurrentPrincipal, StaffRoute, type CourseScope, type Principal } from '@enplan/core/auth';
import { BoardDto, TeamWorkListDto, WorkListDto, WorkListQuery } from './work-list.dto.js';
import { WorkListService } from './work-list.service.js';
import { ProblemAnswers } from '@enplan/core/common';
import { ReplicaReads } from '@enplan/core/database';

const DESCRIPTION =
  'Only courses you may read are included. Due, overdue and upcoming items across the courses the staff member is on: meetings required by the cadence policy, plan action and agreement deadlines, follow-ups they own, overdue provider reports and inactivity alerts. Computed from data, never stored.';
const UNIT_PARAM = { name: 'unitId', format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'An organisational unit (team) of your municipality' };

/** The board's rows name citizens by id: the access log records them as read. */
const boardCitizens = (body: unknown): string[] =>
  ((body as BoardDto | undefined)?.courses ?? []).map((c) => c.citizenId).filter((x): x is string => !!x);

@ApiTags('meetings')
@ApiBearerAuth()
@Controller({ version: '1' })
export class WorkListController {
  constructor(private readonly workList: WorkListService) {}

  @ReplicaReads()
  @Get('work-list')
  @StaffRoute({ record: 'work-list', scope: true })
  @ApiOperation({ operationId: 'getMyWorkList', summary: 'Your work list', description: DESCRIPTION })
  @ApiOkResponse({ type: WorkListDto })
  @ApiNotFoundResponse({ description: '`staff.not-found`: the caller is not a staff member of the municipality' })
  @ProblemAnswers({ 404: ['staff.not-found'] })
  mine(@CurrentPrincipal() p: Principal, @CurrentCourseScope() scope: CourseScope, @Query() q: WorkListQuery): Promise<WorkListDto> {
    return this.workList.forStaff(p, p.userId, q, scope);
  }

  @ReplicaReads()
  @Get('staff/:staffId/work-list')
  @StaffRoute({ record: 'work-list', scope: true })
  @ApiOperation({ operationId: 'getStaffWorkList', summary: 'A staff member’s work list', description: DESCRIPTION })
  @ApiParam({ name: 'staffId', format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'A staff member of your municipality' })
  @ApiOkResponse({ type: WorkListDto })
  @ApiNotFoundResponse({ description: '`staff.not-found`' })
  @ProblemAnswers({ 404: ['staff.not-found'] })
  forStaff(
    @CurrentPrincipal() p: Principal,
    @CurrentCourseScope() scope: CourseScope,
    @Param('staffId') staffId: string,
    @Query() q: WorkListQuery,
  ): Promise<WorkListDto> {
    return this.workList.forStaff(p, staffId, q, scope);
  }

  @ReplicaReads()
  @Get('org-units/:unitId/work-list')
  @StaffRoute({ record: 'work-list', scope: true })
  @ApiOperation({
    operationId: 'getUnitWorkList',
    summary: 'A team’s work list',
    description: 'Every due, overdue and upcoming item on the courses where someone of the unit is currently on the team, whoever is responsible (follow-ups carry their owner).',
  })
  @ApiParam(UNIT_PARAM)
  @ApiOkResponse({ type: TeamWorkListDto })
  @ApiNotFoundResponse({ description: '`org-unit.not-found`' })
  @ProblemAnswers({ 404: ['org-unit.not-found'] })
  forUnit(
    @CurrentPrincipal() p: Principal,
    @CurrentCourseScope() scope: CourseScope,
    @Param('unitId') unitId: string,
    @Query() q: WorkListQuery,
  ): Promise<TeamWorkListDto> {
    return this.workList.forUnit(p, unitId, q, scope);
  }

  @ReplicaReads()
  @Get('org-units/:unitId/board')
  @StaffRoute({ record: 'board', citizens: boardCitizens, scope: true })
  @ApiOperation({
    operationId: 'getUnitBoard',
    summary: 'The team’s board view',
    description: 'One row per open course of the team: next due meeting (cadence), next planned meeting, number of overdue items and the last plan revision. Computed from data in one call.',
  })
  @ApiParam(UNIT_PARAM)
  @ApiOkResponse({ type: BoardDto })
  @ApiNotFoundResponse({ description: '`org-unit.not-found`' })
  @ProblemAnswers({ 404: ['org-unit.not-found'] })
  board(@CurrentPrincipal() p: Principal, @CurrentCourseScope() scope: CourseScope, @Param('unitId') unitId: string, @Query() q: WorkListQuery): Promise<BoardDto> {
    return this.workList.board(p, unitId, q, scope);
  }
}

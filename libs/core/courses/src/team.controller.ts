import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { ProblemAnswers, RunsRuleHooks } from '@enplan/core/common';
import { ConsentErrorCode } from './consents.service.js';
import { TeamErrorCode as Code } from './courses.error.js';
import { AddTeamMemberDto, EndAssignmentDto, HandoverDto, HandoverResultDto, TeamAssignmentDto, TeamAssignmentPageDto, TeamHistoryQuery } from './team.dto.js';
import { TeamService } from './team.service.js';

/** Who may join the team: a staff member of the municipality, active, from an external unit only under a sharing consent. */
const STAFF_REFUSALS = [Code.StaffUnknown, Code.StaffInactive, ConsentErrorCode.Missing];

@ApiTags('courses')
@ApiBearerAuth()
@Controller({ path: 'courses/:courseId', version: '1' })
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('team')
  @CourseAccess('read', { record: 'team' })
  @ApiOperation({ operationId: 'getTeamHistory', summary: "A course's team history", description: 'Every assignment, current and ended, with handover notes, in the order they started.' })
  @ApiOkResponse({ type: TeamAssignmentPageDto })
  history(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: TeamHistoryQuery): Promise<TeamAssignmentPageDto> {
    return this.team.history(p.municipalityId, courseId, q);
  }

  @Post('team')
  @CourseAccess('manage-team', { record: 'team' })
  @ApiOperation({
    operationId: 'addTeamMember',
    summary: 'Add a staff member to the team',
    description: 'The first primary contact may be set here; once there is one, it changes only by handover (422 `team.primary-contact-exists`).',
  })
  @ApiCreatedResponse({ type: TeamAssignmentDto })
  @ProblemAnswers({ 409: [Code.AlreadyAssigned], 422: [Code.CourseEnded, ...STAFF_REFUSALS, Code.StartsBeforeReferral, Code.PrimaryContactExists] })
  @RunsRuleHooks('teamRules', 'caseload')
  add(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: AddTeamMemberDto): Promise<TeamAssignmentDto> {
    return this.team.add(p, courseId, dto);
  }

  @Post('team/:assignmentId/end')
  @CourseAccess('manage-team', { record: 'team' })
  @ApiOperation({ operationId: 'endTeamAssignment', summary: 'End a team assignment', description: 'The primary contact cannot just end (422 `team.primary-contact-required`): hand over instead.' })
  @ApiCreatedResponse({ type: TeamAssignmentDto })
  @ProblemAnswers({ 404: [Code.AssignmentNotFound], 409: [Code.AssignmentEnded], 422: [Code.CourseEnded, Code.PrimaryContactRequired, Code.EndsBeforeStart, Code.DateInFuture] })
  @RunsRuleHooks('teamRules')
  end(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Param('assignmentId') assignmentId: string,
    @Body() dto: EndAssignmentDto,
  ): Promise<TeamAssignmentDto> {
    return this.team.end(p, courseId, assignmentId, dto);
  }

  @Post('primary-contact')
  @CourseAccess('manage-team', { record: 'team' })
  @ApiOperation({
    operationId: 'handOverPrimaryContact',
    summary: 'Hand the course over to a new primary contact',
    description: "Ends the current primary contact's assignment and opens the new one with the handover note, in one step; the history is kept.",
  })
  @ApiCreatedResponse({ type: HandoverResultDto })
  @ProblemAnswers({ 422: [Code.CourseEnded, ...STAFF_REFUSALS, Code.StartsBeforeReferral, Code.DateInFuture, Code.AlreadyPrimaryContact, Code.EndsBeforeStart] })
  @RunsRuleHooks('teamRules', 'caseload')
  handover(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: HandoverDto): Promise<HandoverResultDto> {
    return this.team.handover(p, courseId, dto);
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal, ProblemAnswers } from '@enplan/plugin-api';
import { CoordinationDto } from './coordination.dto.js';
import { CoordinationService } from './coordination.service.js';

/** Served under /api/v1/plugins/plan-coordinator/ (the host mounts it and answers 404 where the plugin is not enabled). */
@ApiTags('plugin: plan-coordinator')
@ApiBearerAuth()
@Controller({ path: 'courses/:courseId', version: '1' })
export class CoordinationController {
  constructor(private readonly coordination: CoordinationService) {}

  @Get('coordination')
  @CourseAccess('read', { record: 'coordination' })
  @ApiOperation({
    operationId: 'getCoordinationSummary',
    summary: "A plan-coordinator course's coordination: coordinator, authority holders, consent, start-up and network meetings due",
    description:
      'Who coordinates the course and what they may decide in, the team members holding statutory authority by legal area, whether an ' +
      "information-sharing consent is in force (and which team units it does not name), what the model's rules would refuse at activation, " +
      'when the start-up and the next network meeting are due and whether the coordinator chairs them, and who published the current plan.',
  })
  @ApiOkResponse({ type: CoordinationDto })
  @ApiNotFoundResponse({ description: '`plan-coordinator.not-a-coordinated-course`: the course follows another model' })
  @ProblemAnswers({ 404: ['plan-coordinator.not-a-coordinated-course'] })
  summary(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string): Promise<CoordinationDto> {
    // The host's guard has checked that the caller's municipality enabled the plugin, so its settings are there.
    return this.coordination.summary(p, courseId);
  }
}

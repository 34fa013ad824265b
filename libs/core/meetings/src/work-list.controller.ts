import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { WorkListDto, WorkListQuery } from './work-list.dto.js';
import { WorkListService } from './work-list.service.js';

const DESCRIPTION = 'Due, overdue and upcoming items across the courses the staff member is on: meetings required by the cadence policy, plan action and agreement deadlines, follow-ups they own and inactivity alerts. Computed from data, never stored.';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller({ version: '1' })
export class WorkListController {
  constructor(private readonly workList: WorkListService) {}

  @Get('work-list')
  @ApiOperation({ summary: 'Your work list', description: DESCRIPTION })
  @ApiOkResponse({ type: WorkListDto })
  @ApiNotFoundResponse({ description: '`staff.not-found`: the caller is not a staff member of the municipality' })
  mine(@CurrentPrincipal() p: Principal, @Query() q: WorkListQuery): Promise<WorkListDto> {
    return this.workList.forStaff(p, p.userId, q);
  }

  @Get('staff/:staffId/work-list')
  @ApiOperation({ summary: 'A staff member’s work list', description: DESCRIPTION })
  @ApiParam({ name: 'staffId', format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'A staff member of your municipality' })
  @ApiOkResponse({ type: WorkListDto })
  @ApiNotFoundResponse({ description: '`staff.not-found`' })
  forStaff(@CurrentPrincipal() p: Principal, @Param('staffId') staffId: string, @Query() q: WorkListQuery): Promise<WorkListDto> {
    return this.workList.forStaff(p, staffId, q);
  }
}

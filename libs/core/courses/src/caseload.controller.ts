import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { CaseloadDto } from './caseload.dto.js';
import { CaseloadService } from './caseload.service.js';
import { ProblemAnswers } from '@enplan/core/common';

// Served under /staff because it is a view of a staff member; it lives here because it counts courses.
@ApiTags('organisation')
@ApiBearerAuth()
@Controller({ path: 'staff', version: '1' })
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get(':id/caseload')
  @StaffRoute({ record: 'caseload' })
  @ApiOperation({
    operationId: 'getStaffCaseload',
    summary: "A staff member's caseload",
    description: 'Active courses on which the staff member holds a current role, per model and role, next to the target caseload of each model.',
  })
  @ApiOkResponse({ type: CaseloadDto })
  @ProblemAnswers({ 404: ['staff.not-found'] })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CaseloadDto> {
    return this.caseload.forStaff(p, id);
  }
}

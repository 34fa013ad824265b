import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { CreateLegalBasisDto, LegalBasisDto, LegalBasisListDto } from './legal-basis.dto.js';
import { LegalBasisService } from './legal-basis.service.js';
import { ProblemAnswers } from '@enplan/core/common';

@ApiTags('plans')
@ApiBearerAuth()
@Controller({ path: 'legal-bases', version: '1' })
export class LegalBasisController {
  constructor(private readonly legalBases: LegalBasisService) {}

  @Get()
  @StaffRoute({ record: 'legal-basis' })
  @ApiOperation({
    operationId: 'listLegalBases',
    summary: 'The legal-basis catalogue',
    description: 'The provisions the core ships plus those your municipality added. An action in a plan cites one by `code`.',
  })
  @ApiOkResponse({ type: LegalBasisListDto })
  async list(@CurrentPrincipal() p: Principal): Promise<LegalBasisListDto> {
    return { items: await this.legalBases.list(p) };
  }

  @Post()
  @StaffRoute({ record: 'legal-basis', roles: ['admin', 'integrator'] })
  @HttpCode(201)
  @ApiOperation({ operationId: 'createLegalBasis', summary: 'Add a municipal legal basis', description: 'For provisions the core catalogue lacks, e.g. a local scheme.' })
  @ApiCreatedResponse({ type: LegalBasisDto })
  @ApiConflictResponse({ description: '`legal-basis.code-exists`: the code is a core code or already used by your municipality' })
  @ProblemAnswers({ 409: ['legal-basis.code-exists'] })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateLegalBasisDto): Promise<LegalBasisDto> {
    return this.legalBases.create(p, dto);
  }
}

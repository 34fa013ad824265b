import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CitizenAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { AccessRequestDto, RedactedItemDto } from './access-request.dto.js';
import { renderAccessRequestHtml } from './access-request.html.js';
import { AccessRequestService } from './access-request.service.js';
import { ProblemAnswers } from '@enplan/core/common';

const CITIZEN_PARAM = { name: 'id', format: 'uuid', description: 'A citizen of your municipality', example: '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22' };
const RULE = { record: 'access-request', roles: ['manager', 'integrator'] } as const;
const DESCRIPTION =
  'Everything held about the citizen, for the citizen (aktindsigt): master data with the CPR number in full, households, every course where they are the ' +
  'citizen or a household member (status history, team, consents, plan versions, meetings with participants and minutes, contacts, journal notes, ' +
  'provider orders) and the access log concerning them. In a family course every item that concerns only other household members is withheld ' +
  '(`{ redacted: true, reason: "concerns-another-household-member" }` keeps only its id, kind and date); other members\' names and CPR numbers never ' +
  'appear. For managers and integrations; the export itself is written to the access log.';

@ApiTags('access')
@ApiBearerAuth()
@ApiExtraModels(RedactedItemDto)
@Controller({ path: 'citizens/:id', version: '1' })
export class AccessRequestController {
  constructor(private readonly requests: AccessRequestService) {}

  @Get('access-request')
  @CitizenAccess('read', RULE)
  @ApiOperation({ operationId: 'getAccessRequest', summary: "The citizen's access request (aktindsigt) as JSON", description: DESCRIPTION })
  @ApiParam(CITIZEN_PARAM)
  @ApiOkResponse({ type: AccessRequestDto })
  @ApiForbiddenResponse({ description: '`access.role-required`: only managers and integrations' })
  @ApiNotFoundResponse({ description: '`citizen.not-found` (also for another municipality’s citizen)' })
  @ProblemAnswers({ 404: ['citizen.not-found'] })
  json(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<AccessRequestDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.requests.export(p.municipalityId, id);
  }

  @Get('access-request.html')
  @CitizenAccess('read', RULE)
  @ApiOperation({ operationId: 'getAccessRequestPage', summary: "The citizen's access request (aktindsigt) as a printable Danish document", description: `${DESCRIPTION} Plain HTML with print styles.` })
  @ApiParam(CITIZEN_PARAM)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The document', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiForbiddenResponse({ description: '`access.role-required`: only managers and integrations' })
  @ApiNotFoundResponse({ description: '`citizen.not-found`' })
  @ProblemAnswers({ 404: ['citizen.not-found'] })
  async html(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const x = await this.requests.export(p.municipalityId, id);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html');
    return renderAccessRequestHtml(x);
  }
}

import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { Consent } from './consent.entity.js';
import { ConsentDto, ConsentPageDto, ConsentsQuery, CreateConsentDto, RevokeConsentDto } from './consent.dto.js';
import { ProblemAnswers } from '@enplan/core/common';
import { ConsentErrorCode as Code, ConsentsService } from './consents.service.js';

const consentCourse = async (em: import('typeorm').EntityManager, municipalityId: string, id: string) =>
  (await em.find(Consent, { where: { id, municipalityId }, select: { courseId: true } })).map((c) => c.courseId);

@ApiTags('consent')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get('courses/:courseId/consents')
  @CourseAccess('read', { record: 'consent' })
  @ApiOperation({ operationId: 'listConsents', summary: "A course's consents", description: 'Every consent recorded on the course, in force or not, revoked ones included (the history is kept).' })
  @ApiOkResponse({ type: ConsentPageDto })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: ConsentsQuery): Promise<ConsentPageDto> {
    return this.consents.list(p.municipalityId, courseId, q);
  }

  @Post('courses/:courseId/consents')
  @CourseAccess('update', { record: 'consent' })
  @ApiOperation({
    operationId: 'recordConsent',
    summary: 'Record a consent',
    description: 'Consent to take part, or to share information with named units for a purpose, categories and period. An oral consent needs a witness.',
  })
  @ApiCreatedResponse({ type: ConsentDto })
  @ProblemAnswers({ 422: [Code.CitizenNotOnCourse, Code.PartyUnknown, Code.PartiesRequired, Code.CategoriesRequired, Code.NotForParticipation, Code.WitnessRequired, Code.PeriodInvalid] })
  record(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateConsentDto): Promise<ConsentDto> {
    return this.consents.record(p, courseId, dto);
  }

  @Post('consents/:consentId/revoke')
  @CourseAccess('update', { record: 'consent', param: 'consentId', locate: consentCourse })
  @ApiOperation({ operationId: 'revokeConsent', summary: 'Revoke a consent', description: 'Effective immediately: shared content disappears from the parties\' views at once. The consent stays in the history.' })
  @ApiCreatedResponse({ type: ConsentDto })
  @ProblemAnswers({ 404: [Code.NotFound], 409: [Code.AlreadyRevoked] })
  revoke(@CurrentPrincipal() p: Principal, @Param('consentId') id: string, @Body() dto: RevokeConsentDto): Promise<ConsentDto> {
    return this.consents.revoke(p, id, dto);
  }
}

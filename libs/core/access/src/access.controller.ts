import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { CitizenAccess, CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { ProblemAnswers } from '@enplan/core/common';
import { CONCERNS_UNKNOWN } from '@enplan/core/courses';
import { AccessErrorCode } from './access.error.js';
import { AccessGrant } from './access-grant.entity.js';
import { AccessGrantDto, AccessGrantPageDto, AccessGrantsQuery, CreateAccessGrantDto } from './access-grant.dto.js';
import { AccessGrantsService } from './access-grants.service.js';
import { AccessLogPageDto, AccessLogQuery } from './access-log.dto.js';
import { AccessLogService } from './access-log.service.js';

const grantCourse = async (em: EntityManager, municipalityId: string, id: string) =>
  (await em.find(AccessGrant, { where: { id, municipalityId }, select: { courseId: true } })).map((g) => g.courseId);

@ApiTags('access')
@ApiBearerAuth()
@Controller({ version: '1' })
export class AccessController {
  constructor(
    private readonly grants: AccessGrantsService,
    private readonly log: AccessLogService,
  ) {}

  @Get('courses/:courseId/access-grants')
  @CourseAccess('read', { record: 'access-grant' })
  @ApiOperation({ operationId: 'listAccessGrants', summary: "A course's temporary access grants", description: 'Who besides the team has (or had) access, why and until when.' })
  @ApiOkResponse({ type: AccessGrantPageDto })
  listGrants(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: AccessGrantsQuery): Promise<AccessGrantPageDto> {
    return this.grants.list(p.municipalityId, courseId, q);
  }

  @Post('courses/:courseId/access-grants')
  @CourseAccess('grant-access', { record: 'access-grant' })
  @ApiOperation({
    operationId: 'grantAccess',
    summary: 'Grant temporary access to a course',
    description: "A manager overseeing the course (or an integration) gives a staff member read and write access for cover, up to 30 days, with a reason that goes into the access log with every use.",
  })
  @ApiCreatedResponse({ type: AccessGrantDto })
  @ProblemAnswers({ 422: [AccessErrorCode.GrantInPast, AccessErrorCode.GrantTooLong, AccessErrorCode.GrantStaffUnknown, CONCERNS_UNKNOWN] })
  grant(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateAccessGrantDto): Promise<AccessGrantDto> {
    return this.grants.grant(p, courseId, dto);
  }

  @Post('access-grants/:grantId/revoke')
  @CourseAccess('grant-access', { record: 'access-grant', param: 'grantId', locate: grantCourse })
  @ApiOperation({ operationId: 'revokeAccessGrant', summary: 'Revoke a temporary access grant', description: 'Effective immediately.' })
  @ApiCreatedResponse({ type: AccessGrantDto })
  @ProblemAnswers({ 404: [AccessErrorCode.GrantNotFound], 409: [AccessErrorCode.GrantRevoked] })
  revoke(@CurrentPrincipal() p: Principal, @Param('grantId') id: string): Promise<AccessGrantDto> {
    return this.grants.revoke(p, id);
  }

  @Get('courses/:courseId/access-log')
  @CourseAccess('read-access-log', { record: 'access-log' })
  @ApiOperation({ operationId: 'listCourseAccessLog', summary: "Who has accessed a course's records", description: 'Newest first. For managers overseeing the course and integrations.' })
  @ApiOkResponse({ type: AccessLogPageDto })
  courseLog(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: AccessLogQuery): Promise<AccessLogPageDto> {
    return this.log.forCourse(p.municipalityId, courseId, q);
  }

  @Get('citizens/:id/access-log')
  @CitizenAccess('read', { record: 'access-log', roles: ['manager', 'integrator'] })
  @ApiOperation({
    operationId: 'listCitizenAccessLog',
    summary: "Who has looked at a citizen's data",
    description: 'Every logged read, write, refusal and purge concerning the citizen, newest first: the answer to the citizen\'s question "who has looked at my case?". For managers and integrations.',
  })
  @ApiOkResponse({ type: AccessLogPageDto })
  citizenLog(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: AccessLogQuery): Promise<AccessLogPageDto> {
    return this.log.forCitizen(p.municipalityId, id, q);
  }
}

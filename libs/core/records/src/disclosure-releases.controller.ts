import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CourseViewerContext, type CourseAccessContext } from '@enplan/core/access';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { requestIdFor, ProblemAnswers } from '@enplan/core/common';
import { CreateDisclosureReleaseDto, DisclosureReleaseDto, DisclosureReleasePageDto, DisclosureReleasesQuery } from './disclosure-release.dto.js';
import { DisclosureReleasesService } from './disclosure-releases.service.js';

@ApiTags('access')
@ApiBearerAuth()
@Controller({ path: 'courses/:courseId/disclosure-releases', version: '1' })
export class DisclosureReleasesController {
  constructor(private readonly releases: DisclosureReleasesService) {}

  @Get()
  @CourseAccess('read', { record: 'disclosure-release' })
  @ApiOperation({ operationId: 'listDisclosureReleases', summary: "A course's releases of withheld free text", description: 'Every release, oldest first (releases are never changed).' })
  @ApiOkResponse({ type: DisclosureReleasePageDto })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: DisclosureReleasesQuery): Promise<DisclosureReleasePageDto> {
    return this.releases.list(p.municipalityId, courseId, q);
  }

  // The same footing as managing the team: a caseworker on it, or a manager overseeing the course.
  @Post()
  @CourseAccess('manage-team', { record: 'disclosure-release' })
  @ApiOperation({
    operationId: 'releaseDisclosure',
    summary: 'Release a withheld free text to household members',
    description:
      'In a family course, free text that does not name whom it concerns (a contact note, a follow-up, a transition reason, a plan change summary, the words of a ' +
      'course without a main citizen, minutes, an agenda item, a participant’s organisation, a grant reason) is withheld from every member’s access request and ' +
      'citizen view until a caseworker has reviewed it. A release shows it to the members named (default: the whole household). Append-only; written to the ' +
      'access log in the same transaction.',
  })
  @ApiCreatedResponse({ type: DisclosureReleaseDto })
  @ApiUnprocessableEntityResponse({
    description:
      '`disclosure-release.record-unknown` (`recordId`: no such record of that kind on this course), `disclosure-release.citizen-not-in-household` (`citizenIds[i]`), ' +
      '`disclosure-release.not-for-review` (the text names whom it concerns, or is the course citizen’s own words: the rule decides)',
  })
  @ProblemAnswers({ 422: ['disclosure-release.record-unknown', 'disclosure-release.citizen-not-in-household', 'disclosure-release.not-for-review'] })
  release(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Body() dto: CreateDisclosureReleaseDto,
    @Req() req: Request,
    @CourseViewerContext() ctx: CourseAccessContext | undefined,
  ): Promise<DisclosureReleaseDto> {
    return this.releases.release(p, courseId, dto, { requestId: requestIdFor(req), basis: [...new Set(ctx?.basis ?? [])].join(',') || 'none' });
  }
}

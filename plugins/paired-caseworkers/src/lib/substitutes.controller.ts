import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal, ProblemAnswers } from '@enplan/plugin-api';
import { CreateSubstituteDto, SubstituteDto, SubstituteListDto } from './substitute.dto.js';
import { SubstitutesService } from './substitutes.service.js';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'A paired-caseworkers course' };

/** Served under /api/v1/plugins/paired-caseworkers/ (the host mounts it there). */
@ApiTags('plugin: paired-caseworkers')
@ApiBearerAuth()
@Controller({ path: 'courses/:courseId/substitutes', version: '1' })
export class SubstitutesController {
  constructor(private readonly substitutes: SubstitutesService) {}

  @Post()
  @HttpCode(201)
  @CourseAccess('manage-team', { record: 'paired-caseworkers-substitute' })
  @ApiOperation({
    operationId: 'nameSubstitute',
    summary: 'Name a substitute for one of the pair for a period',
    description:
      'While the cover is in force the substitute may record decisions in the covered caseworker’s authority areas and stand in for them at joint meetings. ' +
      'The substitute reaches the course’s records through the core’s temporary access grant (POST /courses/{courseId}/access-grants).',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: SubstituteDto })
  @ApiNotFoundResponse({ description: '`course.not-found`, or `plugin.not-enabled` for a municipality that has not enabled the plugin' })
  @ApiUnprocessableEntityResponse({
    description:
      '`paired-caseworkers.not-a-paired-course`, `paired-caseworkers.course-ended`, `paired-caseworkers.covered-not-in-pair`, `paired-caseworkers.substitute-unknown`, ' +
      '`paired-caseworkers.substitute-areas` (the substitute lacks one of the covered areas, named), `paired-caseworkers.period-invalid`',
  })
  @ApiConflictResponse({ description: '`paired-caseworkers.substitution-overlaps`: the caseworker already has a substitute in part of the period' })
  @ProblemAnswers({ 404: ['course.not-found', 'plugin.not-enabled'], 409: ['paired-caseworkers.substitution-overlaps'], 422: ['paired-caseworkers.not-a-paired-course', 'paired-caseworkers.course-ended', 'paired-caseworkers.covered-not-in-pair', 'paired-caseworkers.substitute-unknown', 'paired-caseworkers.substitute-areas', 'paired-caseworkers.period-invalid'] })
  name(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateSubstituteDto): Promise<SubstituteDto> {
    return this.substitutes.name(p, courseId, dto);
  }

  @Get()
  @CourseAccess('read', { record: 'paired-caseworkers-substitute' })
  @ApiOperation({ operationId: 'listSubstitutes', summary: 'The course’s substitutes, earliest first', description: 'Past, current and coming covers, each with whether it applies today.' })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: SubstituteListDto })
  @ApiNotFoundResponse({ description: '`course.not-found` or `plugin.not-enabled`' })
  @ProblemAnswers({ 404: ['course.not-found', 'plugin.not-enabled'] })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string): Promise<SubstituteListDto> {
    return this.substitutes.list(p, courseId);
  }
}

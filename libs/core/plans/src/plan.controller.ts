import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { CourseViewerContext, viewerOf, type CourseAccessContext } from '@enplan/core/access';
import type { Page } from '@enplan/core/common';
import { renderCitizenViewHtml, type CitizenView } from './citizen-view.js';
import { etag } from './etag.js';
import {
  CitizenViewDto,
  CitizenViewPageQuery,
  CitizenViewQuery,
  CurrentPlanDto,
  PlanDiffDto,
  PlanDiffQuery,
  PlanDraftDto,
  PlanVersionDto,
  PlanVersionPageDto,
  PlanVersionsQuery,
  PublishPlanDto,
  SaveDraftDto,
  type PlanVersionSummaryDto,
} from './plan.dto.js';
import { PlansService } from './plans.service.js';
import { PLAN_CONTENT_CODES, PlansErrorCode } from './plans.error.js';
import { CONCERNS_UNKNOWN } from '@enplan/core/courses';
import { ProblemAnswers, RunsRuleHooks } from '@enplan/core/common';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };
const NOT_FOUND = '`course.not-found` (also for another municipality’s course) or `plan.not-published`';
const ETAG_HEADER = { ETag: { description: 'The version as an entity tag, e.g. "2": send it back as If-Match when publishing the next one', schema: { type: 'string' } } };
const CONTENT_422 = 'A cross-reference or publish rule is broken; `errors[].field` names the path, e.g. `content.goals[2].parentId`. Codes: '
  + '`plan.duplicate-id`, `plan.goal-parent-unknown`, `plan.goal-cycle`, `plan.action-goal-unknown`, `plan.legal-basis-unknown`, '
  + '`plan.dates-out-of-order`, `plan.responsible-id-missing`, `plan.responsible-id-unexpected`, `plan.responsible-unknown`, '
  + '`plan.concerns-unknown`, `plan.overall-goal-missing`, `plan.citizen-agreement-missing`, `plan.draft-missing`';

@ApiTags('plans')
@ApiBearerAuth()
@ApiParam(COURSE_PARAM)
@Controller({ path: 'courses/:courseId/plan', version: '1' })
export class PlanController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @CourseAccess('read', { record: 'plan', external: true })
  @ApiOperation({ operationId: 'getCurrentPlan', summary: 'The current version of the course’s plan', description: 'The one plan everyone works from. Supports If-None-Match.' })
  @ApiHeader({ name: 'If-None-Match', required: false, example: '"2"', description: 'The entity tag you hold: 304 Not Modified (no body) when it is still current' })
  @ApiResponse({ status: 304, description: 'Not modified: the entity tag you sent is current', headers: ETAG_HEADER })
  @ApiOkResponse({ type: CurrentPlanDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ProblemAnswers({ 404: ['course.not-found', 'plan.not-published'] })
  async current(@CurrentPrincipal() p: Principal, @CourseViewerContext() access: CourseAccessContext | undefined, @Param('courseId') courseId: string, @Res({ passthrough: true }) res: Response): Promise<CurrentPlanDto> {
    const plan = await this.plans.current(p, courseId, viewerOf(access, courseId));
    res.setHeader('ETag', etag(plan.version));
    return plan;
  }

  @Get('versions')
  @CourseAccess('read', { record: 'plan' })
  @ApiOperation({ operationId: 'listPlanVersions', summary: 'All published versions, newest first (without content)' })
  @ApiOkResponse({ type: PlanVersionPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ProblemAnswers({ 404: ['course.not-found'] })
  versions(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: PlanVersionsQuery): Promise<Page<PlanVersionSummaryDto>> {
    return this.plans.versions(p, courseId, q);
  }

  @Get('versions/:version')
  @CourseAccess('read', { record: 'plan' })
  @ApiOperation({ operationId: 'getPlanVersion', summary: 'One published version, in full' })
  @ApiHeader({ name: 'If-None-Match', required: false, example: '"2"', description: 'The entity tag you hold: 304 Not Modified (no body) when it is still current' })
  @ApiResponse({ status: 304, description: 'Not modified: the entity tag you sent is current', headers: ETAG_HEADER })
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 }, example: 1, description: 'Version number, from 1' })
  @ApiOkResponse({ type: PlanVersionDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} or \`plan.version-not-found\`` })
  @ProblemAnswers({ 404: ['course.not-found', 'plan.not-published', PlansErrorCode.VersionNotFound] })
  async version(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Param('version') version: string,
    @Res({ passthrough: true }) res: Response,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<PlanVersionDto> {
    const v = await this.plans.version(p, courseId, version, viewerOf(access, courseId));
    res.setHeader('ETag', etag(v.version));
    return v;
  }

  @Post('versions')
  @CourseAccess('update', { record: 'plan' })
  @HttpCode(201)
  @ApiOperation({
    operationId: 'publishPlanVersion',
    summary: 'Publish the next version',
    description:
      'Records the outcome of a meeting as a new, immutable version: the given `content`, or the saved draft when it is left out. ' +
      'The change must start from the current version (If-Match or `baseVersion`; "0" for the first), so a version is never ' +
      'silently overwritten. The overall goal must carry the citizen’s yes. Publishing ends the draft.',
  })
  @ApiHeader({ name: 'If-Match', required: false, example: '"1"', description: 'The version the change starts from; required unless the body has `baseVersion`' })
  @ApiCreatedResponse({ type: PlanVersionDto, headers: { ...ETAG_HEADER, Location: { description: 'The new version', schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ description: '`validation.failed` (shape, unknown field), `plan.if-match-invalid`, `plan.base-version-ambiguous`' })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiConflictResponse({ description: '`plan.version-conflict` with `currentVersion`: someone published first; `plan.course-closed`' })
  @ApiResponse({ status: 428, description: '`plan.precondition-required`: neither If-Match nor `baseVersion` was sent' })
  @ApiUnprocessableEntityResponse({ description: CONTENT_422 })
  @ProblemAnswers({ 400: ['validation.failed', 'plan.if-match-invalid', 'plan.base-version-ambiguous'], 404: ['course.not-found'], 409: ['plan.version-conflict', 'plan.course-closed'], 422: [...PLAN_CONTENT_CODES, PlansErrorCode.DraftMissing, PlansErrorCode.SourceMeetingUnknown, CONCERNS_UNKNOWN], 428: ['plan.precondition-required'] })
  @RunsRuleHooks('decisionAuthority', 'validatePlanPublish', 'onPlanPublished')
  async publish(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: PublishPlanDto,
    @Res({ passthrough: true }) res: Response,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<PlanVersionDto> {
    const v = await this.plans.publish(p, courseId, ifMatch, dto, viewerOf(access, courseId));
    res.setHeader('ETag', etag(v.version));
    res.setHeader('Location', `/api/v1/courses/${courseId}/plan/versions/${v.version}`);
    return v;
  }

  @Get('draft')
  @CourseAccess('read', { record: 'plan' })
  @ApiOperation({
    operationId: 'getPlanDraft',
    summary: 'The shared working draft of the next version',
    description: 'When nobody has saved a draft, `exists` is false and `content` is the current version to start from.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, example: '"2"', description: 'The entity tag you hold: 304 Not Modified (no body) when it is still current' })
  @ApiResponse({ status: 304, description: 'Not modified: the entity tag you sent is current', headers: ETAG_HEADER })
  @ApiOkResponse({ type: PlanDraftDto, headers: { ETag: { description: 'The draft revision, e.g. "4"', schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ProblemAnswers({ 404: ['course.not-found'] })
  async draft(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Res({ passthrough: true }) res: Response,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<PlanDraftDto> {
    const d = await this.plans.draft(p, courseId, viewerOf(access, courseId));
    res.setHeader('ETag', etag(d.revision));
    return d;
  }

  @Put('draft')
  @CourseAccess('update', { record: 'plan' })
  @ApiOperation({
    operationId: 'savePlanDraft',
    summary: 'Save the draft',
    description: 'Replaces the whole draft. Once a draft exists, If-Match must carry the revision you edited, so two editors never overwrite each other.',
  })
  @ApiHeader({ name: 'If-Match', required: false, example: '"4"', description: 'The draft revision you edited; required when a draft exists' })
  @ApiOkResponse({ type: PlanDraftDto, headers: { ETag: { description: 'The new draft revision', schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ description: '`validation.failed`, `plan.if-match-invalid`' })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiConflictResponse({ description: '`plan.draft-conflict` with `currentRevision`; `plan.course-closed`' })
  @ApiResponse({ status: 428, description: '`plan.precondition-required`: a draft exists and If-Match is missing' })
  @ApiUnprocessableEntityResponse({ description: CONTENT_422 })
  @ProblemAnswers({ 400: ['validation.failed', 'plan.if-match-invalid'], 404: ['course.not-found'], 409: ['plan.draft-conflict', 'plan.course-closed'], 422: [...PLAN_CONTENT_CODES, PlansErrorCode.DraftMissing, PlansErrorCode.SourceMeetingUnknown], 428: ['plan.precondition-required'] })
  async saveDraft(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: SaveDraftDto,
    @Res({ passthrough: true }) res: Response,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<PlanDraftDto> {
    const d = await this.plans.saveDraft(p, courseId, ifMatch, dto.content, viewerOf(access, courseId));
    res.setHeader('ETag', etag(d.revision));
    return d;
  }

  @Delete('draft')
  @CourseAccess('update', { record: 'plan' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'discardPlanDraft', summary: 'Discard the draft' })
  @ApiHeader({ name: 'If-Match', required: true, example: '"4"', description: 'The draft revision you discard' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiNotFoundResponse({ description: '`course.not-found`, `plan.draft-not-found`' })
  @ApiConflictResponse({ description: '`plan.draft-conflict` with `currentRevision`' })
  @ApiResponse({ status: 428, description: '`plan.precondition-required`' })
  @ProblemAnswers({ 404: ['course.not-found', 'plan.draft-not-found'], 409: ['plan.draft-conflict'], 428: ['plan.precondition-required'] })
  async discardDraft(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    await this.plans.discardDraft(p, courseId, ifMatch);
  }

  @Get('diff')
  @CourseAccess('read', { record: 'plan' })
  @ApiOperation({
    operationId: 'diffPlanVersions',
    summary: 'What changed between two versions',
    description: 'Goals, actions and agreements added, removed and changed (field by field, before and after), plus changes to the citizen’s words and the overall goal.',
  })
  @ApiOkResponse({ type: PlanDiffDto })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} or \`plan.version-not-found\`` })
  @ProblemAnswers({ 404: ['course.not-found', 'plan.not-published', PlansErrorCode.VersionNotFound] })
  diff(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Query() q: PlanDiffQuery,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<PlanDiffDto> {
    return this.plans.diff(p, courseId, q, viewerOf(access, courseId));
  }

  @Get('citizen-view')
  @CourseAccess('read', { record: 'plan' })
  @ApiOperation({
    operationId: 'getCitizenView',
    summary: 'The current plan as the citizen reads it',
    description: 'Plain Danish, names instead of ids, no legal paragraphs and no CPR number. `format=html` gives the printable page.',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    description: 'The view as JSON, or with `format=html` the printable page',
    content: { 'application/json': { schema: { $ref: getSchemaPath(CitizenViewDto) } }, 'text/html': { schema: { type: 'string' } } },
  })
  @ApiExtraModels(CitizenViewDto)
  @ApiBadRequestResponse({ description: '`plan.reader-not-on-course`: `citizenId` is not a member of the course; `validation.failed`: a malformed `citizenId` or an unknown parameter' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ProblemAnswers({ 400: ['plan.reader-not-on-course', 'validation.failed'], 404: ['course.not-found', 'plan.not-published'] })
  async citizenView(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Query() q: CitizenViewQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CitizenView | string> {
    const view = await this.plans.citizenView(p, courseId, q.citizenId);
    if (q.format !== 'html') return view;
    res.type('html');
    return renderCitizenViewHtml(view);
  }

  @Get('citizen-view.html')
  @CourseAccess('read', { record: 'plan' })
  @ApiOperation({ operationId: 'getCitizenViewPage', summary: 'The current plan as a printable page for the citizen', description: 'HTML in Danish with print styles; one page to hand over or put on the fridge.' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiBadRequestResponse({ description: '`plan.reader-not-on-course`: `citizenId` is not a member of the course; `validation.failed`: a malformed `citizenId` or an unknown parameter' })
  @ProblemAnswers({ 400: ['plan.reader-not-on-course', 'validation.failed'], 404: ['course.not-found', 'plan.not-published'] })
  async citizenViewHtml(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Query() q: CitizenViewPageQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const view = await this.plans.citizenView(p, courseId, q.citizenId);
    res.type('html');
    return renderCitizenViewHtml(view);
  }
}

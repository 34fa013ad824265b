import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CourseAccess, CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { ReplicaReads } from '@enplan/core/database';
import { ProblemAnswers } from '@enplan/core/common';
import { CourseViewerContext, viewerOf, type CourseAccessContext } from '@enplan/core/access';
import { CourseExportService } from './course-export.service.js';
import type { EmploymentPlanExtract } from './employment/employment-plan.js';
import { SyncService } from './ledger/sync.service.js';
import { CourseSyncDto, DecisionSyncDto, ManualEntryDto, PlanVersionSyncDto, SyncFiguresDto, SyncFiguresQuery } from './sync.dto.js';
import { SyncErrorCode as Code, syncError } from './sync.error.js';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };

@ApiTags('sync')
@ApiBearerAuth()
@Controller({ version: '1' })
export class SyncController {
  constructor(
    private readonly exports: CourseExportService,
    private readonly sync: SyncService,
  ) {}

  @Get('courses/:courseId/fhir')
  @CourseAccess('read', { record: 'fhir-export' })
  @ApiOperation({
    operationId: 'exportCourseFhir',
    summary: 'The course as a FHIR R4 Bundle',
    description:
      'A `collection` Bundle: the current plan as a CarePlan (activities from the actions and agreements), the goal tree as Goals ' +
      '(overall goal → goals → sub-goals), the team as a CareTeam, the information-sharing consents in force as Consents and the ' +
      'citizen(s) as Patients identified by CPR (`urn:oid:1.2.208.176.1.2`). Follows KL’s municipal profiles (meta.profile). ' +
      'Only the plan items you may see are included.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiProduces('application/fhir+json')
  @ApiOkResponse({ description: 'The Bundle', content: { 'application/fhir+json': { schema: { type: 'object' } } } })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  async fhir(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Res({ passthrough: true }) res: Response, @CourseViewerContext() access?: CourseAccessContext): Promise<string> {
    const data = await this.exports.load(p.municipalityId, courseId);
    res.type('application/fhir+json');
    return JSON.stringify(this.exports.fhirBundle(data, viewerOf(access, courseId)));
  }

  @Get('courses/:courseId/employment-plan')
  @CourseAccess('read', { record: 'employment-plan' })
  @ApiOperation({
    operationId: 'getEmploymentPlanExtract',
    summary: 'The employment-plan extract of the current plan',
    description:
      'What the job-centre system receives: the job goal, and the goals, offers and agreements under the employment laws (LAB, LAS) ' +
      'in the sections of the citizen’s job plan, derived from the one plan by legal area. Schema: `https://enplan.dk/schemas/employment-plan/v1` (README of libs/core/sync).',
  })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ description: 'The extract', content: { 'application/json': { schema: { type: 'object' } } } })
  @ApiNotFoundResponse({ description: '`course.not-found`, `plan.not-published`' })
  @ProblemAnswers({ 404: [Code.NotPublished] })
  async employmentPlan(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @CourseViewerContext() access?: CourseAccessContext): Promise<EmploymentPlanExtract> {
    const data = await this.exports.load(p.municipalityId, courseId);
    const extract = this.exports.employmentPlan(data, viewerOf(access, courseId));
    if (!extract) throw syncError.notPublished();
    return extract;
  }

  @Get('courses/:courseId/sync')
  @CourseAccess('read', { record: 'sync-ledger' })
  @ApiOperation({
    operationId: 'getCourseSyncLedger',
    summary: 'Where each plan version and decision has reached',
    description: 'Per published version and decided decision, and per target system of your municipality that takes it: pending, delivered, failed or needs manual entry, with times, attempts and the target’s reference.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: CourseSyncDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  async ledger(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string): Promise<CourseSyncDto> {
    return { courseId, planVersions: await this.sync.ledger(p, courseId), decisions: await this.sync.decisionLedger(p, courseId) };
  }

  @Post('courses/:courseId/sync/retry')
  @HttpCode(200)
  @CourseAccess('update', { record: 'sync-ledger' })
  @ApiOperation({
    operationId: 'retryCourseSync',
    summary: 'Send again what has not arrived',
    description:
      'Queues every version and decided decision for every target it has not reached (pending or failed), due now: dead-lettered deliveries are replayed with the same idempotency key, ' +
      'ones waiting out a back-off are brought forward. The delivery worker sends them on its next pass; targets already reached are not sent again. Returns the ledger as it stands.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: CourseSyncDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  async retry(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string): Promise<CourseSyncDto> {
    return { courseId, ...(await this.sync.retry(p, courseId)) };
  }

  @Put('courses/:courseId/sync/plan-versions/:version/targets/:target/manual-entry')
  @CourseAccess('update', { record: 'sync-ledger' })
  @ApiOperation({
    operationId: 'recordManualSyncEntry',
    summary: 'Record that a version was typed into a target by hand',
    description: 'For a target without an interface, or after a failure: the version counts as delivered, by manual entry (the monthly figure counts it against the goal).',
  })
  @ApiParam(COURSE_PARAM)
  @ApiParam({ name: 'version', type: 'integer', example: 1, description: 'Version number, from 1' })
  @ApiParam({ name: 'target', example: 'dubu', description: 'The target’s id in your municipality’s configuration' })
  @ApiOkResponse({ type: PlanVersionSyncDto })
  @ApiBadRequestResponse({ description: '`validation.failed`: reference missing, too long or not one line' })
  @ApiNotFoundResponse({ description: '`course.not-found`, `plan.version-not-found`' })
  @ApiConflictResponse({ description: '`sync.already-delivered`: the version has reached the target already' })
  @ApiUnprocessableEntityResponse({ description: '`sync.target-unknown`: not a target of your municipality (`errors[].field` = `target`)' })
  @ProblemAnswers({ 404: [Code.VersionNotFound], 409: [Code.AlreadyDelivered], 422: [Code.TargetUnknown] })
  recordManualEntry(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Param('version') version: string,
    @Param('target') target: string,
    @Body() dto: ManualEntryDto,
  ): Promise<PlanVersionSyncDto> {
    return this.sync.recordManualEntry(p, courseId, version, target, dto.reference);
  }

  @Put('courses/:courseId/sync/decisions/:decisionId/targets/:target/manual-entry')
  @CourseAccess('update', { record: 'sync-ledger' })
  @ApiOperation({
    operationId: 'recordManualDecisionSyncEntry',
    summary: 'Record that a decided decision was typed into a target by hand',
    description: 'For a target without an interface (kind `manual`), or after a failure: the decision counts as delivered there, by manual entry.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiParam({ name: 'decisionId', format: 'uuid', example: '5b2d1c0e-7a3f-4e6b-9c8d-1e2f3a4b5c6d', description: 'A decided (or notified) decision of the course' })
  @ApiParam({ name: 'target', example: 'dubu', description: 'The target’s id in your municipality’s configuration' })
  @ApiOkResponse({ type: DecisionSyncDto })
  @ProblemAnswers({ 404: [Code.DecisionNotFound], 409: [Code.AlreadyDelivered], 422: [Code.TargetUnknown] })
  recordDecisionManualEntry(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Param('decisionId') decisionId: string,
    @Param('target') target: string,
    @Body() dto: ManualEntryDto,
  ): Promise<DecisionSyncDto> {
    return this.sync.recordDecisionManualEntry(p, courseId, decisionId, target, dto.reference);
  }

  @ReplicaReads()
  @Get('sync/figures')
  @StaffRoute({ record: 'sync-figures', roles: ['manager', 'integrator'] })
  @ApiOperation({
    operationId: 'getSyncFigures',
    summary: 'How many plan revisions reached every system without manual entry, in a month',
    description: 'For managers: of the plan versions published in the month (Danish time), how many reached every target system your municipality configures without anyone typing them in; per target the counts by state.',
  })
  @ApiOkResponse({ type: SyncFiguresDto })
  @ApiBadRequestResponse({ description: '`sync.month-invalid` (`errors[].field` = `month`), `validation.failed`' })
  @ProblemAnswers({ 400: [Code.MonthInvalid] })
  @ApiForbiddenResponse({ description: '`access.role-required`: managers and integrations only' })
  figures(@CurrentPrincipal() p: Principal, @Query() q: SyncFiguresQuery): Promise<SyncFiguresDto> {
    return this.sync.figures(p, q.month);
  }
}

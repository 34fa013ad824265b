import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CourseAccess, CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { CourseViewerContext, viewerOf, type CourseAccessContext } from '@enplan/core/access';
import { ProblemAnswers, RunsRuleHooks, type Page } from '@enplan/core/common';
import { LEGAL_AREAS } from '@enplan/core/organisation';
import { DecisionErrorCode } from '@enplan/core/plans';
import { DecisionSettingsService } from './decision-settings.service.js';
import {
  ComplaintGuidanceDto,
  CreateDecisionDto,
  DecideDto,
  DecisionDto,
  DecisionPageDto,
  DecisionQuery,
  DecisionSettingsDto,
  NotifyDto,
  PutCommitteeLegalBasesDto,
  PutComplaintGuidanceDto,
  UpdateDecisionDto,
} from './decisions.dto.js';
import { DecisionsErrorCode as Code } from './decisions.error.js';
import { decisionCourses, DecisionsService } from './decisions.service.js';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };
const DECISION_PARAM = { name: 'decisionId', format: 'uuid', description: 'Decision id', example: '5d2b8c1e-7f3a-4e6b-9a0c-1d2e3f4a5b6c' };
const DECISION_ROUTE = { record: 'decision', param: 'decisionId', locate: decisionCourses };
const NOT_FOUND = '`course.not-found`, `decision.not-found` (also a decision you may not see)';
/** What naming a legal basis can refuse: none given (400), one outside the catalogue, or one of another area (422). */
const BASIS_MISSING = [DecisionErrorCode.LegalAreaMissing];
const BASIS_REFUSALS = [DecisionErrorCode.LegalBasisUnknown, DecisionErrorCode.LegalAreaMismatch];
/** What the actions and the period of a draft can refuse (422). */
const DRAFT_REFUSALS = [Code.ActionUnknown, Code.ActionTwice, Code.NoPlan, Code.PeriodInvalid];
const LEGAL_AREA_PARAM = { name: 'legalArea', enum: LEGAL_AREAS, example: 'employment', description: 'A legal area' };
const courseOf = (access: CourseAccessContext | undefined) => access?.facts[0]?.id ?? '';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller({ version: '1' })
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('courses/:courseId/decisions')
  @CourseAccess('update', { record: 'decision' })
  @ApiOperation({
    operationId: 'createDecision',
    summary: 'Draft a decision (afgørelse) on a course',
    description:
      'A draft with its legal basis (a code of GET /legal-bases: the legal area follows), the plan actions it grants or refuses (ids of the ' +
      "plan's current version), the plain-language summary, the decision text, reasoning, complaint guidance (default: your municipality's " +
      'template for the area) and the effective period. Drafting needs no authority; deciding does (`POST /decisions/{id}/decide`).',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: DecisionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: '`decision.course-ended`, `decision.already-superseded`' })
  @ApiUnprocessableEntityResponse({
    description: '`decision.legal-basis-unknown` (a paragraph outside the catalogue), `decision.action-unknown`, `decision.action-twice`, `decision.no-plan`, `decision.period-invalid`, `decision.supersedes-unknown`',
  })
  @ProblemAnswers({ 400: BASIS_MISSING, 409: [Code.CourseEnded, Code.AlreadySuperseded], 422: [...BASIS_REFUSALS, ...DRAFT_REFUSALS, Code.SupersedesUnknown] })
  create(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateDecisionDto, @CourseViewerContext() access?: CourseAccessContext): Promise<DecisionDto> {
    return this.decisions.create(p, courseId, dto, viewerOf(access, courseId));
  }

  @Get('courses/:courseId/decisions')
  @CourseAccess('read', { record: 'decision', external: true })
  @ApiOperation({
    operationId: 'listCourseDecisions',
    summary: "The course's decisions you may see",
    description:
      'Newest first. A decision is content of its legal area: authority-only decisions reach holders of authority in the area; an external ' +
      'participant sees decided decisions only, and only in areas an information-sharing consent in force covers.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: DecisionPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: DecisionQuery, @CourseViewerContext() access?: CourseAccessContext): Promise<Page<DecisionDto>> {
    return this.decisions.list(p, courseId, q, viewerOf(access, courseId));
  }

  @Get('decisions/:decisionId')
  @CourseAccess('read', { ...DECISION_ROUTE, external: true })
  @ApiOperation({ operationId: 'getDecision', summary: 'One decision', description: '`supersededBy` names the decided decision that replaced it.' })
  @ApiParam(DECISION_PARAM)
  @ApiOkResponse({ type: DecisionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentPrincipal() p: Principal, @Param('decisionId') decisionId: string, @CourseViewerContext() access?: CourseAccessContext): Promise<DecisionDto> {
    return this.decisions.get(p, decisionId, viewerOf(access, courseOf(access)));
  }

  @Patch('decisions/:decisionId')
  @CourseAccess('update', DECISION_ROUTE)
  @ApiOperation({
    operationId: 'updateDecisionDraft',
    summary: 'Edit a draft decision',
    description: 'Only a draft changes. A decided decision is never edited (409 `decision.not-editable`, nothing saved): make a new decision with `supersedesId`.',
  })
  @ApiParam(DECISION_PARAM)
  @ApiOkResponse({ type: DecisionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: '`decision.not-editable`: the decision is decided or notified; `decision.course-ended`' })
  @ApiUnprocessableEntityResponse({ description: '`decision.legal-basis-unknown`, `decision.action-unknown`, `decision.action-twice`, `decision.no-plan`, `decision.period-invalid`' })
  @ProblemAnswers({ 400: BASIS_MISSING, 409: [Code.NotEditable, Code.CourseEnded], 422: [...BASIS_REFUSALS, ...DRAFT_REFUSALS] })
  update(@CurrentPrincipal() p: Principal, @Param('decisionId') decisionId: string, @Body() dto: UpdateDecisionDto, @CourseViewerContext() access?: CourseAccessContext): Promise<DecisionDto> {
    return this.decisions.update(p, decisionId, dto, viewerOf(access, courseOf(access)));
  }

  @Post('decisions/:decisionId/decide')
  @HttpCode(200)
  @CourseAccess('update', DECISION_ROUTE)
  @ApiOperation({
    operationId: 'decideDecision',
    summary: 'Make the decision',
    description:
      "The draft becomes the decision, frozen from then on. The decider must hold authority in the legal area under the course model's rule " +
      '(the consultant across the areas they hold; a paired caseworker never in the partner’s area; a substitute only within the cover period). ' +
      "A provision on the municipality's committee list (`GET /decision-settings`) is instead recorded with the committee's approval, and refused without it.",
  })
  @ApiParam(DECISION_PARAM)
  @ApiOkResponse({ type: DecisionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: '`decision.not-draft`, `decision.already-superseded`, `decision.course-ended`' })
  @ApiUnprocessableEntityResponse({
    description:
      "`decision.incomplete` (the fields missing), `decision.committee-approval-required`, `decision.committee-approval-not-needed`, the model's authority code " +
      '(e.g. `paired-caseworkers.partner-area`, `plugin.decision-authority`; the message names the law, paragraph and area), `decision.action-unknown`, `decision.legal-basis-unknown`',
  })
  @ProblemAnswers({
    400: BASIS_MISSING,
    409: [Code.NotDraft, Code.AlreadySuperseded, Code.CourseEnded],
    422: [Code.Incomplete, Code.CommitteeApprovalRequired, Code.CommitteeApprovalNotNeeded, ...BASIS_REFUSALS, ...DRAFT_REFUSALS, Code.SupersedesUnknown],
  })
  @RunsRuleHooks('decisionAuthority')
  decide(@CurrentPrincipal() p: Principal, @Param('decisionId') decisionId: string, @Body() dto: DecideDto, @CourseViewerContext() access?: CourseAccessContext): Promise<DecisionDto> {
    return this.decisions.decide(p, decisionId, dto, viewerOf(access, courseOf(access)));
  }

  @Post('decisions/:decisionId/notify')
  @HttpCode(200)
  @CourseAccess('update', DECISION_ROUTE)
  @ApiOperation({ operationId: 'recordDecisionNotified', summary: 'Record that the citizen was notified', description: 'When and how (Digital Post, letter, in person); once, after the decision.' })
  @ApiParam(DECISION_PARAM)
  @ApiOkResponse({ type: DecisionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: '`decision.not-decided`: a draft, or notified already' })
  @ApiUnprocessableEntityResponse({ description: '`decision.notified-before-decided` (field `notifiedAt`)' })
  @ProblemAnswers({ 409: [Code.NotDecided], 422: [Code.NotifiedBeforeDecided] })
  notify(@CurrentPrincipal() p: Principal, @Param('decisionId') decisionId: string, @Body() dto: NotifyDto, @CourseViewerContext() access?: CourseAccessContext): Promise<DecisionDto> {
    return this.decisions.notify(p, decisionId, dto, viewerOf(access, courseOf(access)));
  }

  @Get('decisions/:decisionId/letter.html')
  @CourseAccess('read', DECISION_ROUTE)
  @ApiOperation({
    operationId: 'getDecisionLetterHtml',
    summary: 'The decision letter as HTML',
    description: "In Danish, with your municipality's letterhead: the plain-language summary first, then the legal part (provision, decision, reasoning, complaint guidance).",
  })
  @ApiParam(DECISION_PARAM)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The letter', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: '`decision.not-decided`: a draft has no letter' })
  @ProblemAnswers({ 409: [Code.NotDecided] })
  async letterHtml(
    @CurrentPrincipal() p: Principal,
    @Param('decisionId') decisionId: string,
    @Res({ passthrough: true }) res: Response,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<string> {
    const html = await this.decisions.letterHtml(p, decisionId, viewerOf(access, courseOf(access)));
    res.type('html');
    return html;
  }

  @Get('decisions/:decisionId/letter.pdf')
  @CourseAccess('read', DECISION_ROUTE)
  @ApiOperation({ operationId: 'getDecisionLetterPdf', summary: 'The decision letter as PDF', description: 'The same letter as the HTML, as an A4 PDF for the citizen’s digital mailbox and the archive.' })
  @ApiParam(DECISION_PARAM)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The letter', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: '`decision.not-decided`: a draft has no letter' })
  @ProblemAnswers({ 409: [Code.NotDecided] })
  async letterPdf(
    @CurrentPrincipal() p: Principal,
    @Param('decisionId') decisionId: string,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<StreamableFile> {
    const pdf = await this.decisions.letterPdf(p, decisionId, viewerOf(access, courseOf(access)));
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="afgoerelse-${decisionId}.pdf"`, length: pdf.length });
  }
}

@ApiTags('decisions')
@ApiBearerAuth()
@Controller({ path: 'decision-settings', version: '1' })
export class DecisionSettingsController {
  constructor(private readonly settings: DecisionSettingsService) {}

  @Get()
  @StaffRoute({ record: 'decision-settings' })
  @ApiOperation({ operationId: 'getDecisionSettings', summary: "Your municipality's decision settings", description: 'The provisions a committee decides, and the complaint guidance per legal area.' })
  @ApiOkResponse({ type: DecisionSettingsDto })
  get(@CurrentPrincipal() p: Principal): Promise<DecisionSettingsDto> {
    return this.settings.get(p);
  }

  @Put('committee-legal-bases')
  @StaffRoute({ record: 'decision-settings', roles: ['admin', 'manager', 'integrator'] })
  @ApiOperation({
    operationId: 'putCommitteeLegalBases',
    summary: 'Set the provisions a committee decides',
    description: "Replaces the list. Default (until set): out-of-home placement (BL-46, BL-47) and residential offers (SEL-107, SEL-108).",
  })
  @ApiOkResponse({ type: DecisionSettingsDto })
  @ApiUnprocessableEntityResponse({ description: '`decision.legal-basis-unknown` naming `committeeLegalBases[i]`' })
  @ProblemAnswers({ 422: [DecisionErrorCode.LegalBasisUnknown] })
  putCommitteeLegalBases(@CurrentPrincipal() p: Principal, @Body() dto: PutCommitteeLegalBasesDto): Promise<DecisionSettingsDto> {
    return this.settings.putCommitteeLegalBases(p, dto);
  }

  @Put('complaint-guidance/:legalArea')
  @StaffRoute({ record: 'decision-settings', roles: ['admin', 'manager', 'integrator'] })
  @ApiOperation({
    operationId: 'putComplaintGuidance',
    summary: "Write your municipality's complaint guidance for a legal area",
    description: 'New decisions in the area start from it; drafts and decisions made already keep theirs.',
  })
  @ApiParam(LEGAL_AREA_PARAM)
  @ApiOkResponse({ type: ComplaintGuidanceDto })
  @ApiNotFoundResponse({ description: '`decision.legal-area-unknown`: not a legal area' })
  @ProblemAnswers({ 404: ['decision.legal-area-unknown'] })
  putComplaintGuidance(@CurrentPrincipal() p: Principal, @Param('legalArea') legalArea: string, @Body() dto: PutComplaintGuidanceDto): Promise<ComplaintGuidanceDto> {
    return this.settings.putComplaintGuidance(p, legalArea, dto);
  }

  @Delete('complaint-guidance/:legalArea')
  @StaffRoute({ record: 'decision-settings', roles: ['admin', 'manager', 'integrator'] })
  @ApiOperation({ operationId: 'resetComplaintGuidance', summary: 'Return to the shipped Danish complaint guidance for a legal area' })
  @ApiParam(LEGAL_AREA_PARAM)
  @ApiOkResponse({ type: ComplaintGuidanceDto })
  @ApiNotFoundResponse({ description: '`decision.legal-area-unknown`: not a legal area' })
  @ProblemAnswers({ 404: ['decision.legal-area-unknown'] })
  resetComplaintGuidance(@CurrentPrincipal() p: Principal, @Param('legalArea') legalArea: string): Promise<ComplaintGuidanceDto> {
    return this.settings.resetComplaintGuidance(p, legalArea);
  }
}

import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
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
import { CourseAccess, CurrentPrincipal, type Principal, ProblemAnswers } from '@enplan/plugin-api';
import { renderAgreementHtml } from './agreement.html.js';
import {
  FlowStatusDto,
  FlowWithWarningsDto,
  MaterialSentDto,
  RecordMeetingDto,
  RecordReReviewDto,
  ReReviewWaiverDto,
  SignAgreementDto,
  StartFlowDto,
  WorksheetDto,
} from './dto.js';
import { StepUpFlowService } from './flow.service.js';
import { StepUpErrorCode as Code } from './vocabulary.js';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of the step-up-meetings model', example: '5b8f0e4a-1c2d-4e3f-9a0b-1c2d3e4f5a6b' };
const WRITE = { record: 'step-up-flow' } as const;
const WRONG_STATE = '`step-up-meetings.wrong-state` (409, names `expectedState` and `currentState`)';

/**
 * The Step-Up flow of one course, served under /api/v1/plugins/step-up-meetings/. Reads need `read` on the
 * course and writes `update` (the course's team, or an integration of the municipality).
 */
@ApiTags('plugin: step-up-meetings')
@ApiBearerAuth()
@Controller({ path: 'courses/:courseId', version: '1' })
export class StepUpFlowController {
  constructor(private readonly flows: StepUpFlowService) {}

  @Post('flow')
  @CourseAccess('update', WRITE)
  @ApiOperation({
    operationId: 'startStepUpFlow',
    summary: 'Start the Step-Up flow: the preparation period begins',
    description:
      'With the years on benefit and the benefit category from the benefit system, checked against the settings minYearsOnBenefit and ' +
      'benefitCategories (422 `step-up-meetings.not-eligible` with `reasons`). The course must be of the step-up-meetings model and referred, ' +
      'assessed or active. The preparation is due `preparationDays` after `startsOn`. A Step-Up course is activated only once its flow has started.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: FlowStatusDto })
  @ApiConflictResponse({ description: '`step-up-meetings.flow-exists`' })
  @ApiUnprocessableEntityResponse({ description: '`step-up-meetings.not-eligible`, `step-up-meetings.wrong-model`, `step-up-meetings.course-ended`, `step-up-meetings.date-invalid`' })
  @ProblemAnswers({ 409: ['step-up-meetings.flow-exists'], 422: ['step-up-meetings.not-eligible', 'step-up-meetings.wrong-model', 'step-up-meetings.course-ended', 'step-up-meetings.date-invalid'] })
  start(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: StartFlowDto): Promise<FlowStatusDto> {
    return this.flows.start(p, courseId, dto);
  }

  @Get('flow')
  @CourseAccess('read', WRITE)
  @ApiOperation({
    operationId: 'getStepUpFlow',
    summary: 'The Step-Up flow: state, deadlines with overdue flags, worksheet, agreement, history',
    description: 'State and overdue flags are computed from today; `re-review-due` begins `materialDaysBefore` days before the re-review due date.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: FlowStatusDto })
  @ApiNotFoundResponse({ description: '`step-up-meetings.flow-not-found`' })
  @ProblemAnswers({ 404: ['step-up-meetings.flow-not-found'] })
  status(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string): Promise<FlowStatusDto> {
    return this.flows.status(p, courseId);
  }

  @Put('flow/worksheet')
  @CourseAccess('update', WRITE)
  @ApiOperation({ operationId: 'saveStepUpWorksheet', summary: "Save the worksheet filled in with the citizen (their situation, wishes and obstacles, in their own words)", description: `Only while preparing, else ${WRONG_STATE}.` })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: FlowStatusDto })
  @ApiConflictResponse({ description: WRONG_STATE })
  @ProblemAnswers({ 404: [Code.FlowNotFound], 409: ['step-up-meetings.wrong-state'], 422: [Code.CourseEnded, Code.DateInvalid] })
  saveWorksheet(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: WorksheetDto): Promise<FlowStatusDto> {
    return this.flows.saveWorksheet(p, courseId, dto);
  }

  @Post('flow/material-sent')
  @CourseAccess('update', WRITE)
  @ApiOperation({
    operationId: 'recordStepUpMaterialSent',
    summary: 'Record that the worksheet and material went to the participating departments',
    description:
      `preparing → material-sent. Refused without the worksheet (422 \`step-up-meetings.worksheet-missing\`) and unless a signed (written or digital) ` +
      'information-sharing consent of the citizen, covering general information and in force on `sentOn`, names each recipient unit ' +
      `(422 \`step-up-meetings.consent-missing\` naming the unit's field). Out of order: ${WRONG_STATE}.`,
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: FlowStatusDto })
  @ApiConflictResponse({ description: WRONG_STATE })
  @ApiUnprocessableEntityResponse({ description: '`step-up-meetings.worksheet-missing`, `step-up-meetings.consent-missing`, `step-up-meetings.unit-unknown`' })
  @ProblemAnswers({ 404: [Code.FlowNotFound], 409: ['step-up-meetings.wrong-state'], 422: [Code.CourseEnded, Code.DateInvalid, 'step-up-meetings.worksheet-missing', 'step-up-meetings.consent-missing', 'step-up-meetings.unit-unknown'] })
  sendMaterial(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: MaterialSentDto): Promise<FlowStatusDto> {
    return this.flows.sendMaterial(p, courseId, dto);
  }

  @Post('flow/meeting')
  @CourseAccess('update', WRITE)
  @ApiOperation({
    operationId: 'recordStepUpMeeting',
    summary: 'Record the step-up meeting',
    description:
      'material-sent → meeting-held. The core meeting must be on this course, of type `step-up`, held (minutes recorded), not before the material ' +
      'went out, with a staff participant in the role `chair`, another in the role `job-consultant`, and the citizen, none declined or no-show. ' +
      'Current team members who were not there come back as warnings.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: FlowWithWarningsDto })
  @ApiConflictResponse({ description: WRONG_STATE })
  @ApiUnprocessableEntityResponse({
    description:
      '`step-up-meetings.meeting-not-found`, `step-up-meetings.meeting-wrong-type`, `step-up-meetings.meeting-not-held`, `step-up-meetings.meeting-too-early`, ' +
      '`step-up-meetings.chair-missing`, `step-up-meetings.job-consultant-missing`, `step-up-meetings.citizen-absent`',
  })
  @ProblemAnswers({ 404: [Code.FlowNotFound], 409: ['step-up-meetings.wrong-state'], 422: [Code.CourseEnded, 'step-up-meetings.meeting-not-found', 'step-up-meetings.meeting-wrong-type', 'step-up-meetings.meeting-not-held', 'step-up-meetings.meeting-too-early', 'step-up-meetings.chair-missing', 'step-up-meetings.job-consultant-missing', 'step-up-meetings.citizen-absent'] })
  recordMeeting(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: RecordMeetingDto): Promise<FlowWithWarningsDto> {
    return this.flows.recordMeeting(p, courseId, dto);
  }

  @Post('flow/agreement')
  @CourseAccess('update', WRITE)
  @ApiOperation({
    operationId: 'signStepUpAgreement',
    summary: 'Record the signed agreement document: the next case step, who is responsible, the order of actions',
    description:
      'meeting-held → agreement-signed. Signed by the citizen, the chair and the job consultant of the meeting (422 `step-up-meetings.signature-missing` / ' +
      '`step-up-meetings.signatory-mismatch` naming the field), each from the meeting day to today. The re-review is due `reReviewAfterMonths` after the last signature.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: FlowStatusDto })
  @ApiConflictResponse({ description: WRONG_STATE })
  @ApiUnprocessableEntityResponse({ description: '`step-up-meetings.signature-missing`, `step-up-meetings.signatory-mismatch`, `step-up-meetings.date-invalid`' })
  @ProblemAnswers({ 404: [Code.FlowNotFound], 409: ['step-up-meetings.wrong-state'], 422: [Code.CourseEnded, 'step-up-meetings.signature-missing', 'step-up-meetings.signatory-mismatch', 'step-up-meetings.date-invalid'] })
  signAgreement(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: SignAgreementDto): Promise<FlowStatusDto> {
    return this.flows.signAgreement(p, courseId, dto);
  }

  @Get('agreement.html')
  @CourseAccess('read', { record: 'step-up-agreement' })
  @ApiOperation({ operationId: 'getStepUpAgreementPage', summary: 'The signed agreement as a plain Danish document (aftaledokument)', description: 'Printable HTML naming the citizen and the signatories.' })
  @ApiParam(COURSE_PARAM)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The document', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`step-up-meetings.agreement-not-found` (not signed yet), `step-up-meetings.flow-not-found`' })
  @ProblemAnswers({ 404: ['step-up-meetings.agreement-not-found', 'step-up-meetings.flow-not-found'] })
  async agreementHtml(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const doc = await this.flows.agreementDocument(p, courseId);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html');
    return renderAgreementHtml(doc);
  }

  @Post('flow/re-review')
  @CourseAccess('update', WRITE)
  @ApiOperation({
    operationId: 'recordStepUpReReview',
    summary: 'Record the re-review meeting (genbehandlingsmøde)',
    description:
      're-review-due → completed. The core meeting must be on this course, of type `re-review`, held, and not before the re-review window opened ' +
      '(`deadlines.reReview.opensOn`).',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: FlowStatusDto })
  @ApiConflictResponse({ description: WRONG_STATE })
  @ApiUnprocessableEntityResponse({ description: '`step-up-meetings.meeting-not-found`, `step-up-meetings.meeting-wrong-type`, `step-up-meetings.meeting-not-held`, `step-up-meetings.meeting-too-early`' })
  @ProblemAnswers({ 404: [Code.FlowNotFound], 409: ['step-up-meetings.wrong-state'], 422: [Code.CourseEnded, 'step-up-meetings.meeting-not-found', 'step-up-meetings.meeting-wrong-type', 'step-up-meetings.meeting-not-held', 'step-up-meetings.meeting-too-early'] })
  recordReReview(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: RecordReReviewDto): Promise<FlowStatusDto> {
    return this.flows.recordReReview(p, courseId, dto);
  }

  @Post('flow/re-review-waiver')
  @CourseAccess('update', WRITE)
  @ApiOperation({
    operationId: 'waiveStepUpReReview',
    summary: 'Record why the course closes without a re-review',
    description:
      'A Step-Up course closes only after its re-review (422 `step-up-meetings.re-review-pending` on closing); when the citizen moves, withdraws or the ' +
      're-review is otherwise moot, the reason is recorded here, with who and when, and the course may then close. Nothing is overdue afterwards.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: FlowStatusDto })
  @ApiConflictResponse({ description: `\`step-up-meetings.re-review-waived\` (already recorded), ${WRONG_STATE} (the re-review was held)` })
  @ProblemAnswers({ 404: [Code.FlowNotFound], 409: ['step-up-meetings.wrong-state', Code.ReReviewWaived], 422: [Code.CourseEnded] })
  waiveReReview(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: ReReviewWaiverDto): Promise<FlowStatusDto> {
    return this.flows.waiveReReview(p, courseId, dto);
  }
}

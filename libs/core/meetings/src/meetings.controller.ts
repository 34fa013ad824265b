import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
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
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CourseAccess, CurrentCourseScope, CurrentPrincipal, Public, StaffRoute, type CourseScope, type Principal } from '@enplan/core/auth';
import { EnplanConfig } from '@enplan/core/config';
import { requestIdFor, type Page, ProblemAnswers, RunsRuleHooks } from '@enplan/core/common';
import { CONCERNS_UNKNOWN, ConsentErrorCode } from '@enplan/core/courses';
import { MeetingsErrorCode } from './meetings.error.js';
import { calendarFeedPath, CalendarService } from './calendar.service.js';
import {
  AddAgendaItemDto,
  AddOutcomeDto,
  AgendaItemDto,
  AssignRoleDto,
  CalendarQuery,
  CreateBoardMeetingDto,
  CreateMeetingDto,
  MeetingDto,
  MeetingPageDto,
  MeetingPlanDraftDto,
  MeetingsQuery,
  OutcomeDto,
  ParticipantDto,
  ParticipantInputDto,
  ParticipantWithWarningsDto,
  PublishFromMeetingDto,
  RecordMinutesDto,
  RescheduleMeetingDto,
  UpdateParticipantDto,
} from './meeting.dto.js';
import { CalendarSubscriptionDto } from './calendar-subscription.dto.js';
import { meetingCourses } from './course-locators.js';
import { MeetingPlanService } from './meeting-plan.service.js';
import { DecisionErrorCode, etag, PLAN_CONTENT_CODES, PlansErrorCode, PlanVersionDto } from '@enplan/core/plans';
import { MeetingsService } from './meetings.service.js';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };
const MEETING_PARAM = { name: 'meetingId', format: 'uuid', description: 'A meeting of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };
const CREATE_422 = '`meeting.ends-before-start` (endsAt), `meeting.type-unknown`, `meeting.participant-unknown`, `meeting.participant-incomplete`';

@ApiTags('meetings')
@ApiBearerAuth()
@ApiParam(COURSE_PARAM)
@Controller({ path: 'courses/:courseId/meetings', version: '1' })
export class CourseMeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting' })
  @ApiOperation({ operationId: 'scheduleMeeting', summary: 'Schedule a meeting on the course', description: 'Overlapping meetings of a staff participant do not block: the answer carries `warnings` with `meeting.staff-overlap`.' })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiUnprocessableEntityResponse({ description: CREATE_422 })
  @ProblemAnswers({ 404: ['course.not-found'], 422: ['meeting.ends-before-start', 'meeting.type-unknown', 'meeting.participant-unknown', 'meeting.participant-incomplete', 'meeting.participant-field-not-applicable', ConsentErrorCode.Missing] })
  create(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateMeetingDto): Promise<MeetingDto> {
    return this.meetings.create(p, courseId, dto);
  }

  @Get()
  @CourseAccess('read', { record: 'meeting' })
  @ApiOperation({ operationId: 'listMeetings', summary: 'The course’s meetings, earliest first' })
  @ApiOkResponse({ type: MeetingPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ProblemAnswers({ 404: ['course.not-found'] })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: MeetingsQuery): Promise<Page<MeetingDto>> {
    return this.meetings.list(p, courseId, q);
  }
}

@ApiTags('meetings')
@ApiBearerAuth()
@Controller({ path: 'meetings', version: '1' })
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly plan: MeetingPlanService,
    private readonly calendar: CalendarService,
  ) {}

  @Post('board')
  @HttpCode(201)
  // The courses come in the body: the service keeps those outside the caller's scope out (as not found).
  @StaffRoute({ record: 'meeting', scope: true })
  @ApiOperation({ operationId: 'scheduleBoardMeeting', summary: 'Schedule a board meeting over several courses' })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiUnprocessableEntityResponse({ description: `${CREATE_422}, \`meeting.courses-missing\`` })
  @ProblemAnswers({ 422: ['meeting.ends-before-start', 'meeting.type-unknown', 'meeting.participant-unknown', 'meeting.participant-incomplete', 'meeting.participant-field-not-applicable', ConsentErrorCode.Missing, MeetingsErrorCode.CoursesMissing] })
  createBoard(@CurrentPrincipal() p: Principal, @CurrentCourseScope() scope: CourseScope, @Body() dto: CreateBoardMeetingDto): Promise<MeetingDto> {
    return this.meetings.createBoard(p, dto, scope);
  }

  @Get(':meetingId.ics')
  @CourseAccess('read', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'getMeetingIcs', summary: 'The meeting as iCalendar (RFC 5545)', description: 'No CPR number, no citizen name, no home address.' })
  @ApiParam(MEETING_PARAM)
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A VCALENDAR with one VEVENT', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ProblemAnswers({ 404: ['meeting.not-found'] })
  async ics(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.calendar.meeting(p, id);
    res.type('text/calendar; charset=utf-8');
    return body;
  }

  @Get(':meetingId')
  @CourseAccess('read', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'getMeeting', summary: 'One meeting with participants, agenda and outcomes' })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ProblemAnswers({ 404: ['meeting.not-found'] })
  get(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string): Promise<MeetingDto> {
    return this.meetings.get(p, id);
  }

  @Patch(':meetingId')
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({
    operationId: 'rescheduleMeeting',
    summary: 'Move the meeting: time, place or online link',
    description:
      'Only the fields sent change. The meeting keeps its id and calendar UID; its SEQUENCE rises, so calendars replace their copy, and the participants get an updated invitation through the outbox (staff a `meeting-update` with the event, citizens who take part or were invited an updated invitation on the channel of their last one). Sending what is already set changes nothing. `warnings` may carry `meeting.staff-overlap` and `meeting.participants-not-notified`.',
  })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiConflictResponse({ description: '`meeting.not-changeable`: the meeting is held or cancelled' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.ends-before-start` (endsAt)' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 409: ['meeting.not-changeable'], 422: ['meeting.ends-before-start'] })
  reschedule(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: RescheduleMeetingDto): Promise<MeetingDto> {
    return this.meetings.reschedule(p, id, dto);
  }

  @Post(':meetingId/participants')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'addMeetingParticipant', summary: 'Invite a participant', description: 'Staff, the citizen, an external person with organisation, or someone of the citizen’s network.' })
  @ApiParam(MEETING_PARAM)
  @ApiCreatedResponse({ type: ParticipantWithWarningsDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiConflictResponse({ description: '`meeting.participant-duplicate`' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.participant-unknown`, `meeting.participant-incomplete`' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 409: ['meeting.participant-duplicate'], 422: ['meeting.participant-unknown', 'meeting.participant-incomplete', 'meeting.participant-field-not-applicable', ConsentErrorCode.Missing] })
  addParticipant(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: ParticipantInputDto): Promise<ParticipantWithWarningsDto> {
    return this.meetings.addParticipant(p, id, dto);
  }

  @Patch(':meetingId/participants/:participantId')
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'updateMeetingParticipant', summary: 'Record attendance or change roles', description: 'A citizen’s no-show is information for the team, not a sanction.' })
  @ApiParam(MEETING_PARAM)
  @ApiParam({ name: 'participantId', format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'A participant of the meeting' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`, `meeting.participant-not-found`' })
  @ProblemAnswers({ 404: ['meeting.not-found', 'meeting.participant-not-found'] })
  updateParticipant(
    @CurrentPrincipal() p: Principal,
    @Param('meetingId') id: string,
    @Param('participantId') participantId: string,
    @Body() dto: UpdateParticipantDto,
  ): Promise<ParticipantDto> {
    return this.meetings.updateParticipant(p, id, participantId, dto);
  }

  @Post(':meetingId/roles')
  @HttpCode(200)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'assignMeetingRole', summary: 'Give a participant a role (chair, note-taker, explorer …)' })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: ParticipantDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.role-not-participant`: the person does not take part in the meeting' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 422: ['meeting.role-not-participant'] })
  assignRole(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: AssignRoleDto): Promise<ParticipantDto> {
    return this.meetings.assignRole(p, id, dto);
  }

  @Post(':meetingId/agenda')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'addAgendaItem', summary: 'Add an agenda item', description: 'Returns the whole agenda in order.' })
  @ApiParam(MEETING_PARAM)
  @ApiCreatedResponse({ type: [AgendaItemDto] })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 422: [CONCERNS_UNKNOWN] })
  addAgendaItem(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: AddAgendaItemDto): Promise<AgendaItemDto[]> {
    return this.meetings.addAgendaItem(p, id, dto);
  }

  @Put(':meetingId/minutes')
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'recordMeetingMinutes', summary: 'Record the minutes', description: 'Only once the meeting has started and if it is not cancelled; marks it held.' })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.not-held-yet`' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 422: ['meeting.not-held-yet'] })
  minutes(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: RecordMinutesDto): Promise<MeetingDto> {
    return this.meetings.recordMinutes(p, id, dto.minutes);
  }

  @Post(':meetingId/cancel')
  @HttpCode(200)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({
    operationId: 'cancelMeeting',
    summary: 'Cancel the meeting',
    description:
      'The calendar event stays (same UID) with STATUS:CANCELLED and a higher SEQUENCE; the participants are told through the outbox as when the meeting is moved. Cancelling it again changes nothing.',
  })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiConflictResponse({ description: '`meeting.not-changeable`: the meeting is held' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 409: ['meeting.not-changeable'] })
  cancel(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string): Promise<MeetingDto> {
    return this.meetings.cancel(p, id);
  }

  @Post(':meetingId/outcomes')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'addMeetingOutcome', summary: 'Record an agreement or decision' })
  @ApiParam(MEETING_PARAM)
  @ApiCreatedResponse({ type: OutcomeDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ProblemAnswers({
    400: [DecisionErrorCode.LegalAreaMissing],
    404: ['meeting.not-found'],
    422: ['meeting.legal-area-not-decision', 'meeting.decision-needs-course', 'meeting.outcome-responsible-unknown', DecisionErrorCode.LegalBasisUnknown, DecisionErrorCode.LegalAreaMismatch],
  })
  @RunsRuleHooks('decisionAuthority')
  addOutcome(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: AddOutcomeDto): Promise<OutcomeDto> {
    return this.meetings.addOutcome(p, id, dto);
  }

  @Post(':meetingId/plan-draft')
  @HttpCode(200)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({
    operationId: 'draftPlanFromMeeting',
    summary: 'Turn the meeting’s outcome into the plan draft',
    description: 'The current draft (or current version) plus the meeting’s agreements as plan agreements, saved as the course’s plan draft. Running it again adds nothing twice.',
  })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingPlanDraftDto, description: 'The saved draft (as GET /courses/{courseId}/plan/draft) with courseId and meetingId', headers: { ETag: { description: 'The new draft revision, e.g. "4"', schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiConflictResponse({ description: '`plan.course-closed`: the course is closed or declined; `plan.draft-conflict`: the draft changed meanwhile' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.no-course` (board meeting) or a plan content rule' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 409: [PlansErrorCode.CourseClosed, PlansErrorCode.DraftConflict], 422: ['meeting.no-course', ...PLAN_CONTENT_CODES] })
  async planDraft(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Res({ passthrough: true }) res: Response): Promise<MeetingPlanDraftDto> {
    const draft = await this.plan.draft(p, id);
    res.setHeader('ETag', etag(draft.revision));
    return draft;
  }

  @Post(':meetingId/publish-plan')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'publishPlanFromMeeting', summary: 'Publish the plan draft as the next version, linked to this meeting', description: 'As POST /courses/{courseId}/plan/versions with sourceMeetingId set.' })
  @ApiParam(MEETING_PARAM)
  @ApiHeader({ name: 'If-Match', required: false, example: '"1"', description: 'The version the draft starts from; or send baseVersion' })
  @ApiCreatedResponse({
    type: PlanVersionDto,
    description: 'The published plan version; sourceMeetingId is this meeting',
    headers: {
      ETag: { description: 'The version as an entity tag, e.g. "2", as POST /courses/{courseId}/plan/versions gives it', schema: { type: 'string' } },
      Location: { description: 'The new version', schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiConflictResponse({ description: '`plan.version-conflict` with `currentVersion`: someone published first; `plan.course-closed`' })
  @ApiResponse({ status: 428, description: '`plan.precondition-required`: neither If-Match nor `baseVersion` was sent' })
  @ProblemAnswers({
    400: [PlansErrorCode.IfMatchInvalid, PlansErrorCode.BaseVersionAmbiguous],
    404: ['meeting.not-found'],
    409: [PlansErrorCode.VersionConflict, PlansErrorCode.CourseClosed],
    422: ['meeting.no-course', PlansErrorCode.DraftMissing, ...PLAN_CONTENT_CODES, CONCERNS_UNKNOWN],
    428: [PlansErrorCode.PreconditionRequired],
  })
  @RunsRuleHooks('decisionAuthority', 'validatePlanPublish', 'onPlanPublished')
  async publishPlan(
    @CurrentPrincipal() p: Principal,
    @Param('meetingId') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: PublishFromMeetingDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersionDto> {
    const v = await this.plan.publish(p, id, ifMatch, dto);
    // The same answer as publishing on the plan itself: a strong entity tag and where the version lives.
    res.setHeader('ETag', etag(v.version));
    res.setHeader('Location', `/api/v1/courses/${v.courseId}/plan/versions/${v.version}`);
    return v;
  }
}

const STAFF_PARAM = { name: 'staffId', format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'You (a staff member of your municipality)' };
const OWNER_ONLY = '`access.denied`: a feed and its subscription are their owner’s only';

@ApiTags('meetings')
@ApiBearerAuth()
@ApiParam(STAFF_PARAM)
@Controller({ path: 'staff/:staffId', version: '1' })
export class StaffCalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly config: EnplanConfig,
  ) {}

  @Get('calendar.ics')
  // Who else may read the feed is the service's rule: its owner only.
  @StaffRoute({ record: 'calendar' })
  @ApiOperation({
    operationId: 'getMyCalendarFeed',
    summary: 'Your meetings as an iCalendar feed',
    description:
      'The owner’s only (a colleague or manager sees meetings through the courses they may open). No CPR numbers, citizen names, home addresses, online links, or place text not marked staff-facing. Every read and refusal is in the access log. Calendar programs cannot send a bearer token: use POST …/calendar-subscription for a subscription URL.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A VCALENDAR', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  @ApiNotFoundResponse({ description: '`staff.not-found`' })
  @ProblemAnswers({ 403: [MeetingsErrorCode.CalendarNotOwner], 404: ['staff.not-found'] })
  async feed(
    @CurrentPrincipal() p: Principal,
    @Param('staffId') staffId: string,
    @Query() q: CalendarQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.calendar.staffFeed(p, staffId, requestIdFor(req), q.pastDays ?? 90);
    res.type('text/calendar; charset=utf-8');
    return body;
  }

  @Post('calendar-subscription')
  @HttpCode(201)
  @StaffRoute({ record: 'calendar-subscription' })
  @ApiOperation({
    operationId: 'subscribeToCalendar',
    summary: 'Make (or rotate) your calendar subscription URL',
    description:
      'Returns a URL with a new random secret, once: Én plan keeps only its SHA-256. Any earlier URL stops working at once (rotation). The URL opens your feed and nothing else, without a bearer token; each use is in the access log. Keep it like a password.',
  })
  @ApiCreatedResponse({ type: CalendarSubscriptionDto })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  @ApiNotFoundResponse({ description: '`staff.not-found`' })
  @ProblemAnswers({ 403: [MeetingsErrorCode.CalendarNotOwner], 404: ['staff.not-found'] })
  async subscribe(@CurrentPrincipal() p: Principal, @Param('staffId') staffId: string, @Req() req: Request): Promise<CalendarSubscriptionDto> {
    const s = await this.calendar.subscribe(p, staffId);
    const path = calendarFeedPath(s.token);
    // Behind a proxy the request's own host may not be what calendar programs reach: ENPLAN_PUBLIC_URL says.
    const origin = this.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    return { url: `${origin}${path}`, webcal: `${origin}${path}`.replace(/^https?:/, 'webcal:'), createdAt: s.createdAt.toISOString(), rotated: s.rotated };
  }

  @Delete('calendar-subscription')
  @HttpCode(204)
  @StaffRoute({ record: 'calendar-subscription' })
  @ApiOperation({ operationId: 'unsubscribeFromCalendar', summary: 'Revoke your calendar subscription URL', description: 'The URL answers 404 from now on; make a new one with POST.' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  @ApiNotFoundResponse({ description: '`staff.not-found`, `calendar-subscription.not-found` (no live subscription)' })
  @ProblemAnswers({ 403: [MeetingsErrorCode.CalendarNotOwner], 404: ['staff.not-found', 'calendar-subscription.not-found'] })
  async unsubscribe(@CurrentPrincipal() p: Principal, @Param('staffId') staffId: string): Promise<void> {
    await this.calendar.unsubscribe(p, staffId);
  }
}

/**
 * The feed behind a subscription URL. Public as far as bearer tokens go (calendar programs cannot send one):
 * the secret in the path is the credential, checked by the service, which also writes the access log.
 */
@ApiTags('meetings')
@Public()
@Controller({ path: 'calendar', version: '1' })
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':token.ics')
  @ApiOperation({
    operationId: 'getCalendarSubscriptionFeed',
    summary: 'A calendar subscription feed (no bearer token: the secret in the URL)',
    // Declared public (no bearer token), not merely undeclared.
    security: [],
    description: 'As GET /staff/{staffId}/calendar.ics for the URL’s owner. An unknown, rotated or revoked URL is 404, and a rotated or revoked one is logged as a refusal.',
  })
  @ApiParam({ name: 'token', description: 'The secret of a subscription URL (POST /staff/{staffId}/calendar-subscription)', example: 'q3Xw…' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A VCALENDAR', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`calendar-subscription.not-found`' })
  @ProblemAnswers({ 404: ['calendar-subscription.not-found'] })
  async feed(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.calendar.tokenFeed(token, requestIdFor(req));
    res.type('text/calendar; charset=utf-8');
    // A feed read with a secret in its URL should not be kept by shared caches.
    res.setHeader('Cache-Control', 'private, no-store');
    return body;
  }
}

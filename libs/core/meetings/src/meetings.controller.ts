import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CourseAccess, CurrentCourseScope, CurrentPrincipal, StaffRoute, type CourseScope, type Principal } from '@enplan/core/auth';
import type { Page } from '@enplan/core/common';
import { CalendarService } from './calendar.service.js';
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
  MeetingsQuery,
  OutcomeDto,
  ParticipantDto,
  ParticipantInputDto,
  ParticipantWithWarningsDto,
  PublishFromMeetingDto,
  RecordMinutesDto,
  UpdateParticipantDto,
} from './meeting.dto.js';
import { meetingCourses } from './course-locators.js';
import { MeetingPlanService } from './meeting-plan.service.js';
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
  @ApiOperation({ summary: 'Schedule a meeting on the course', description: 'Overlapping meetings of a staff participant do not block: the answer carries `warnings` with `meeting.staff-overlap`.' })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiUnprocessableEntityResponse({ description: CREATE_422 })
  create(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateMeetingDto): Promise<MeetingDto> {
    return this.meetings.create(p, courseId, dto);
  }

  @Get()
  @CourseAccess('read', { record: 'meeting' })
  @ApiOperation({ summary: 'The course’s meetings, earliest first' })
  @ApiOkResponse({ type: MeetingPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
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
  @ApiOperation({ summary: 'Schedule a board meeting over several courses' })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiUnprocessableEntityResponse({ description: `${CREATE_422}, \`meeting.courses-missing\`` })
  createBoard(@CurrentPrincipal() p: Principal, @CurrentCourseScope() scope: CourseScope, @Body() dto: CreateBoardMeetingDto): Promise<MeetingDto> {
    return this.meetings.createBoard(p, dto, scope);
  }

  @Get(':meetingId.ics')
  @CourseAccess('read', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'The meeting as iCalendar (RFC 5545)', description: 'No CPR number, no citizen name, no home address.' })
  @ApiParam(MEETING_PARAM)
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A VCALENDAR with one VEVENT', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  async ics(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.calendar.meeting(p, id);
    res.type('text/calendar; charset=utf-8');
    return body;
  }

  @Get(':meetingId')
  @CourseAccess('read', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'One meeting with participants, agenda and outcomes' })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  get(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string): Promise<MeetingDto> {
    return this.meetings.get(p, id);
  }

  @Post(':meetingId/participants')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'Invite a participant', description: 'Staff, the citizen, an external person with organisation, or someone of the citizen’s network.' })
  @ApiParam(MEETING_PARAM)
  @ApiCreatedResponse({ type: ParticipantWithWarningsDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiConflictResponse({ description: '`meeting.participant-duplicate`' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.participant-unknown`, `meeting.participant-incomplete`' })
  addParticipant(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: ParticipantInputDto): Promise<ParticipantWithWarningsDto> {
    return this.meetings.addParticipant(p, id, dto);
  }

  @Patch(':meetingId/participants/:participantId')
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'Record attendance or change roles', description: 'A citizen’s no-show is information for the team, not a sanction.' })
  @ApiParam(MEETING_PARAM)
  @ApiParam({ name: 'participantId', format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'A participant of the meeting' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`, `meeting.participant-not-found`' })
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
  @ApiOperation({ summary: 'Give a participant a role (chair, note-taker, explorer …)' })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: ParticipantDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.role-not-participant`: the person does not take part in the meeting' })
  assignRole(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: AssignRoleDto): Promise<ParticipantDto> {
    return this.meetings.assignRole(p, id, dto);
  }

  @Post(':meetingId/agenda')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'Add an agenda item', description: 'Returns the whole agenda in order.' })
  @ApiParam(MEETING_PARAM)
  @ApiCreatedResponse({ type: [AgendaItemDto] })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  addAgendaItem(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: AddAgendaItemDto): Promise<AgendaItemDto[]> {
    return this.meetings.addAgendaItem(p, id, dto);
  }

  @Put(':meetingId/minutes')
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'Record the minutes', description: 'Only once the meeting has started and if it is not cancelled; marks it held.' })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.not-held-yet`' })
  minutes(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: RecordMinutesDto): Promise<MeetingDto> {
    return this.meetings.recordMinutes(p, id, dto.minutes);
  }

  @Post(':meetingId/cancel')
  @HttpCode(200)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'Cancel the meeting' })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  cancel(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string): Promise<MeetingDto> {
    return this.meetings.cancel(p, id);
  }

  @Post(':meetingId/outcomes')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'Record an agreement or decision' })
  @ApiParam(MEETING_PARAM)
  @ApiCreatedResponse({ type: OutcomeDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  addOutcome(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Body() dto: AddOutcomeDto): Promise<OutcomeDto> {
    return this.meetings.addOutcome(p, id, dto);
  }

  @Post(':meetingId/plan-draft')
  @HttpCode(200)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({
    summary: 'Turn the meeting’s outcome into the plan draft',
    description: 'The current draft (or current version) plus the meeting’s agreements as plan agreements, saved as the course’s plan draft. Running it again adds nothing twice.',
  })
  @ApiParam(MEETING_PARAM)
  @ApiOkResponse({ description: 'The saved draft (as GET /courses/{courseId}/plan/draft) with courseId and meetingId' })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiUnprocessableEntityResponse({ description: '`meeting.no-course` (board meeting) or a plan content rule' })
  planDraft(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string) {
    return this.plan.draft(p, id);
  }

  @Post(':meetingId/publish-plan')
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ summary: 'Publish the plan draft as the next version, linked to this meeting', description: 'As POST /courses/{courseId}/plan/versions with sourceMeetingId set.' })
  @ApiParam(MEETING_PARAM)
  @ApiHeader({ name: 'If-Match', required: false, example: '"1"', description: 'The version the draft starts from; or send baseVersion' })
  @ApiCreatedResponse({ description: 'The published plan version; sourceMeetingId is this meeting' })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiConflictResponse({ description: '`plan.version-conflict`' })
  publishPlan(@CurrentPrincipal() p: Principal, @Param('meetingId') id: string, @Headers('if-match') ifMatch: string | undefined, @Body() dto: PublishFromMeetingDto) {
    return this.plan.publish(p, id, ifMatch, dto);
  }
}

@ApiTags('meetings')
@ApiBearerAuth()
@Controller({ path: 'staff/:staffId', version: '1' })
export class StaffCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calendar.ics')
  @StaffRoute({ record: 'calendar' })
  @ApiOperation({ summary: 'A staff member’s meetings as a subscribable iCalendar feed', description: 'No CPR numbers, citizen names or home addresses.' })
  @ApiParam({ name: 'staffId', format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'A staff member of your municipality' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A VCALENDAR', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`staff.not-found`' })
  async feed(@CurrentPrincipal() p: Principal, @Param('staffId') staffId: string, @Query() q: CalendarQuery, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.calendar.staffFeed(p, staffId, q.pastDays ?? 90);
    res.type('text/calendar; charset=utf-8');
    return body;
  }
}

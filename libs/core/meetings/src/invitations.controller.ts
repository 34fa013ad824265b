import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { meetingCourses } from './course-locators.js';
import { CreateInvitationDto, InvitationDto, InvitationPageDto, InvitationsQuery } from './invitation.dto.js';
import { InvitationsService } from './invitations.service.js';
import { ProblemAnswers } from '@enplan/core/common';

@ApiTags('meetings')
@ApiBearerAuth()
@ApiParam({ name: 'meetingId', format: 'uuid', description: 'A meeting of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' })
@Controller({ path: 'meetings/:meetingId/invitations', version: '1' })
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @HttpCode(201)
  @CourseAccess('update', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({
    operationId: 'inviteCitizenToMeeting',
    summary: 'Invite the citizen to the meeting',
    description:
      'Renders a plain-language Danish invitation (when, where, who comes, what the meeting is for; no CPR number or sensitive details) as HTML and text for the citizen’s preferred channel, and puts it in the outbox for delivery.',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ApiUnprocessableEntityResponse({ description: '`invitation.meeting-over` (cancelled or started), `invitation.no-citizen` (citizenId), `invitation.channel-required` (preferredChannel)' })
  @ProblemAnswers({ 404: ['meeting.not-found'], 422: ['invitation.meeting-over', 'invitation.no-citizen', 'invitation.channel-required'] })
  invite(@CurrentPrincipal() p: Principal, @Param('meetingId') meetingId: string, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.invite(p, meetingId, dto);
  }

  @Get()
  @CourseAccess('read', { record: 'meeting', param: 'meetingId', locate: meetingCourses })
  @ApiOperation({ operationId: 'listMeetingInvitations', summary: 'The meeting’s invitations with their delivery status, oldest first' })
  @ApiOkResponse({ type: InvitationPageDto })
  @ApiNotFoundResponse({ description: '`meeting.not-found`' })
  @ProblemAnswers({ 404: ['meeting.not-found'] })
  list(@CurrentPrincipal() p: Principal, @Param('meetingId') meetingId: string, @Query() q: InvitationsQuery): Promise<InvitationPageDto> {
    return this.invitations.list(p, meetingId, q);
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { PageQuery, type Page, ProblemAnswers } from '@enplan/core/common';
import { CONCERNS_UNKNOWN } from '@enplan/core/courses';
import { ContactDto, ContactPageDto, CreateContactDto, CreateFollowUpDto, FollowUpDto, FollowUpPageDto, FollowUpsQuery, UpdateFollowUpDto } from './contact.dto.js';
import { ContactsService } from './contacts.service.js';
import { contactCourses, followUpCourses } from '@enplan/core/meetings';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };
const FOLLOW_UP_422 = '`follow-up.owner-unknown` (ownerId: not on the course’s team), `follow-up.meeting-unknown` (nextMeetingId: not a planned meeting of the course)';

@ApiTags('contacts')
@ApiBearerAuth()
@ApiParam(COURSE_PARAM)
@Controller({ path: 'courses/:courseId', version: '1' })
export class CourseContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post('contacts')
  @HttpCode(201)
  @CourseAccess('update', { record: 'contact' })
  @ApiOperation({
    operationId: 'logContact',
    summary: 'Log a contact with the citizen',
    description: 'A meeting, call, SMS, e-mail, home visit or letter, with a short note in a legal area. Open points in the note can be given as follow-ups: all is saved in one step, or nothing.',
  })
  @ApiCreatedResponse({ type: ContactDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiUnprocessableEntityResponse({ description: `\`contact.in-future\` (at), \`contact.staff-unknown\` (staffMemberIds[i]), ${FOLLOW_UP_422} with the field as followUps[i].…` })
  @ProblemAnswers({ 404: ['course.not-found'], 422: ['contact.in-future', 'contact.staff-unknown', 'follow-up.owner-unknown', 'follow-up.meeting-unknown', CONCERNS_UNKNOWN] })
  create(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateContactDto): Promise<ContactDto> {
    return this.contacts.create(p, courseId, dto);
  }

  @Get('contacts')
  @CourseAccess('read', { record: 'contact' })
  @ApiOperation({ operationId: 'listContacts', summary: 'The course’s contacts, newest first, with their follow-ups' })
  @ApiOkResponse({ type: ContactPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ProblemAnswers({ 404: ['course.not-found'] })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: PageQuery): Promise<Page<ContactDto>> {
    return this.contacts.list(p, courseId, q);
  }

  @Post('follow-ups')
  @HttpCode(201)
  @CourseAccess('update', { record: 'follow-up' })
  @ApiOperation({ operationId: 'createFollowUp', summary: 'Add a follow-up', description: 'An open point with an owner on the team and a due date, optionally from a contact and linked to the meeting where it is taken up.' })
  @ApiCreatedResponse({ type: FollowUpDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiUnprocessableEntityResponse({ description: `${FOLLOW_UP_422}, \`follow-up.contact-unknown\` (contactId: not a contact of the course)` })
  @ProblemAnswers({ 404: ['course.not-found'], 422: ['follow-up.contact-unknown', 'follow-up.owner-unknown', 'follow-up.meeting-unknown', CONCERNS_UNKNOWN] })
  createFollowUp(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateFollowUpDto): Promise<FollowUpDto> {
    return this.contacts.createFollowUp(p, courseId, dto);
  }

  @Get('follow-ups')
  @CourseAccess('read', { record: 'follow-up' })
  @ApiOperation({ operationId: 'listFollowUps', summary: 'The course’s follow-ups by due date', description: 'Open ones by default; `status=done` or `all`.' })
  @ApiOkResponse({ type: FollowUpPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ProblemAnswers({ 404: ['course.not-found'] })
  listFollowUps(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: FollowUpsQuery): Promise<Page<FollowUpDto>> {
    return this.contacts.listFollowUps(p, courseId, q);
  }
}

@ApiTags('contacts')
@ApiBearerAuth()
@Controller({ path: 'contacts', version: '1' })
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get(':contactId')
  @CourseAccess('read', { record: 'contact', param: 'contactId', locate: contactCourses })
  @ApiOperation({ operationId: 'getContact', summary: 'One contact with its follow-ups' })
  @ApiParam({ name: 'contactId', format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'A contact of your municipality' })
  @ApiOkResponse({ type: ContactDto })
  @ApiNotFoundResponse({ description: '`contact.not-found`' })
  @ProblemAnswers({ 404: ['contact.not-found'] })
  get(@CurrentPrincipal() p: Principal, @Param('contactId') contactId: string): Promise<ContactDto> {
    return this.contacts.get(p, contactId);
  }
}

@ApiTags('contacts')
@ApiBearerAuth()
@Controller({ path: 'follow-ups', version: '1' })
export class FollowUpsController {
  constructor(private readonly contacts: ContactsService) {}

  @Patch(':followUpId')
  @CourseAccess('update', { record: 'follow-up', param: 'followUpId', locate: followUpCourses })
  @ApiOperation({ operationId: 'updateFollowUp', summary: 'Mark a follow-up done, reassign it, link it to a meeting or move its date' })
  @ApiParam({ name: 'followUpId', format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'A follow-up of your municipality' })
  @ApiOkResponse({ type: FollowUpDto })
  @ApiNotFoundResponse({ description: '`follow-up.not-found`' })
  @ApiUnprocessableEntityResponse({ description: FOLLOW_UP_422 })
  @ProblemAnswers({ 404: ['follow-up.not-found'], 422: ['follow-up.owner-unknown', 'follow-up.meeting-unknown'] })
  update(@CurrentPrincipal() p: Principal, @Param('followUpId') id: string, @Body() dto: UpdateFollowUpDto): Promise<FollowUpDto> {
    return this.contacts.updateFollowUp(p, id, dto);
  }
}

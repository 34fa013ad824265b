import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { CourseViewerContext, viewerOf, type CourseAccessContext } from '@enplan/core/access';
import type { Page } from '@enplan/core/common';
import { CreateJournalNoteDto, JournalNoteDto, JournalNotePageDto, JournalNoteQuery } from './journal.dto.js';
import { JournalService, journalNoteCourses } from './journal.service.js';
import { ProblemAnswers } from '@enplan/core/common';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };

@ApiTags('journal')
@ApiBearerAuth()
@Controller({ version: '1' })
export class JournalController {
  constructor(private readonly journal: JournalService) {}

  @Post('courses/:courseId/journal-notes')
  @CourseAccess('update', { record: 'journal-note' })
  @ApiOperation({
    operationId: 'writeJournalNote',
    summary: 'Write a journal note',
    description:
      'A note in a legal area (or `general`), concerning some or all household members, with a visibility. Notes are never edited: ' +
      'a correction is a new note with `correctsId`. Writing in a legal area needs authority there, unless the writer is an integration.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: JournalNoteDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiConflictResponse({ description: '`journal.course-ended`: the course is closed or declined' })
  @ApiUnprocessableEntityResponse({ description: '`journal.no-authority` (field `legalArea`), `journal.concerns-unknown`, `journal.visibility-needs-area`, `journal.corrects-unknown`' })
  @ProblemAnswers({ 404: ['course.not-found'], 409: ['journal.course-ended'], 422: ['journal.no-authority', 'journal.concerns-unknown', 'journal.visibility-needs-area', 'journal.corrects-unknown'] })
  write(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Body() dto: CreateJournalNoteDto,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<JournalNoteDto> {
    return this.journal.write(p, courseId, dto, viewerOf(access, courseId));
  }

  @Get('courses/:courseId/journal-notes')
  @CourseAccess('read', { record: 'journal-note' })
  @ApiOperation({
    operationId: 'listJournalNotes',
    summary: "The course's journal notes you may see",
    description:
      'Newest first. Notes for authority holders only are shown to those with authority in the note\'s area (and to its author). ' +
      'The journal is the municipality\'s own: external participants do not read it (they read the consent-filtered plan).',
  })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: JournalNotePageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ProblemAnswers({ 404: ['course.not-found'] })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('courseId') courseId: string,
    @Query() q: JournalNoteQuery,
    @CourseViewerContext() access?: CourseAccessContext,
  ): Promise<Page<JournalNoteDto>> {
    return this.journal.list(p, courseId, q, viewerOf(access, courseId));
  }

  @Get('journal-notes/:noteId')
  @CourseAccess('read', { record: 'journal-note', param: 'noteId', locate: journalNoteCourses })
  @ApiOperation({ operationId: 'getJournalNote', summary: 'One journal note', description: 'A note you may not see is `journal-note.not-found`, as if it did not exist.' })
  @ApiParam({ name: 'noteId', format: 'uuid', description: 'Journal note id', example: '7a4c2e10-8b3d-4f6a-9c1e-2d3f4a5b6c7d' })
  @ApiOkResponse({ type: JournalNoteDto })
  @ApiNotFoundResponse({ description: '`journal-note.not-found`' })
  @ProblemAnswers({ 404: ['journal-note.not-found'] })
  async get(@CurrentPrincipal() p: Principal, @Param('noteId') noteId: string, @CourseViewerContext() access?: CourseAccessContext): Promise<JournalNoteDto> {
    const courseId = access?.facts[0]?.id ?? '';
    return this.journal.get(p, noteId, viewerOf(access, courseId));
  }
}

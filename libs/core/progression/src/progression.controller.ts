import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
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
import { ReplicaReads } from '@enplan/core/database';
import { page, ProblemAnswers } from '@enplan/core/common';
import { ANSWER_ISSUE_CODES, DEFINITION_ISSUE_CODES, INSTRUMENT_DEFINITION_SCHEMA, RESPONDENT_REFUSAL_CODES, type InstrumentDefinition } from '@enplan/core/progression-instruments';
import { DialogueService, type DialogueView } from './dialogue.service.js';
import { FiguresService, type FiguresView } from './figures.service.js';
import { InstrumentRegistry } from './instrument-registry.service.js';
import { MeasurementsService, measurementCourses } from './measurements.service.js';
import {
  CompleteMeasurementDto,
  DialogueViewDto,
  FiguresViewDto,
  InstrumentSummaryDto,
  InstrumentSummaryPageDto,
  InstrumentsQuery,
  MeasurementDto,
  MeasurementPageDto,
  MeasurementsQuery,
  FiguresQuery,
  ProgressionSeriesQuery,
  RegisterInstrumentDto,
  SaveAnswersDto,
  SkipMeasurementDto,
  StartedMeasurementDto,
  StartMeasurementDto,
} from './progression.dto.js';

const COURSE_PARAM = { name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' };
const MEASUREMENT_PARAM = { name: 'measurementId', format: 'uuid', description: 'A measurement', example: '5b2d1c0e-7a3f-4e6b-9c8d-1e2f3a4b5c6d' };
const ANSWER_PROBLEMS =
  '`measurement.value-outside-scale`, `measurement.item-unknown` (not in the version used), `measurement.item-twice`, `measurement.not-relevant-not-allowed`, `measurement.value-missing`, `measurement.text-missing`: each naming its field (`answers[i].value`); nothing is saved';
/** What starting or skipping a measurement can refuse (422), each naming its field. */
const START_REFUSALS = [
  'instrument.unknown',
  ...RESPONDENT_REFUSAL_CODES,
  'measurement.child-not-in-household',
  'measurement.citizen-not-in-course',
  'measurement.about-required',
  'measurement.respondent-not-in-household',
];

const LOCATE = { record: 'measurement', param: 'measurementId', locate: measurementCourses };

@ApiTags('progression')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ProgressionController {
  constructor(
    private readonly registry: InstrumentRegistry,
    private readonly measurements: MeasurementsService,
    private readonly dialogue: DialogueService,
    private readonly figuresService: FiguresService,
  ) {}

  @ReplicaReads()
  @Get('progression/figures')
  @StaffRoute({ record: 'progression-figures', roles: ['manager', 'integrator'] })
  @ApiOperation({
    operationId: 'getProgressionFigures',
    summary: 'Management figures of one instrument and respondent',
    description: 'Per model, target group and unit (the primary contact\'s), and for the municipality: courses with baseline, follow-up and end measurements, completion rate and the average change per sub-scale from baseline to latest. A cell with fewer than 5 citizens is suppressed whole (`suppressed: true`, numbers null).',
  })
  @ApiOkResponse({ type: FiguresViewDto, description: 'The figures' })
  @ApiUnprocessableEntityResponse({ description: '`instrument.unknown`' })
  @ProblemAnswers({ 422: ['instrument.unknown'] })
  figures(@CurrentPrincipal() p: Principal, @Query() q: FiguresQuery): Promise<FiguresView> {
    return this.figuresService.figures(p, q.instrumentId, q.respondentType);
  }

  @ReplicaReads()
  @Get('progression/instruments/:instrumentId/evaluation.csv')
  @StaffRoute({ record: 'progression-evaluation-export', roles: ['manager', 'integrator'] })
  @ApiOperation({
    operationId: 'exportProgressionEvaluation',
    summary: 'Evaluation export of one instrument (CSV)',
    description: 'One row per completed measurement: a pseudonymous course key and person key (HMAC-SHA256 of the ids with this deployment\'s secret; never a CPR number or name), model, target group, respondent, occasion, date, version and every score.',
  })
  @ApiParam({ name: 'instrumentId', example: 'employment-readiness' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, RFC 4180', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`instrument.not-found`: no such instrument in your municipality' })
  @ProblemAnswers({ 404: ['instrument.not-found'] })
  async evaluationCsv(@CurrentPrincipal() p: Principal, @Param('instrumentId') instrumentId: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { csv } = await this.figuresService.evaluationCsv(p, instrumentId);
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${instrumentId.replace(/[^a-z0-9-]/g, '')}-evaluation.csv"`);
    return csv;
  }

  @Get('progression/instruments')
  @StaffRoute({ record: 'progression-instrument' })
  @ApiOperation({ operationId: 'listProgressionInstruments', summary: 'The progression instruments you may use', description: 'Shipped instruments and the versions your municipality registered.' })
  @ApiOkResponse({ type: InstrumentSummaryPageDto })
  async instruments(@CurrentPrincipal() p: Principal, @Query() q: InstrumentsQuery): Promise<InstrumentSummaryPageDto> {
    const all = await this.registry.all(p.municipalityId);
    const byId = new Map<string, InstrumentSummaryDto>();
    for (const { source, definition: d } of all) {
      const row = byId.get(d.id) ?? { id: d.id, versions: [], source, titleDa: d.title.da, subject: d.subject, respondents: [] };
      row.versions.push(d.version);
      row.titleDa = d.title.da;
      row.respondents = d.respondents.map((r) => r.type);
      byId.set(d.id, row);
    }
    // A handful per municipality, from the registry's cache: paged in memory for the same shape as every list.
    const rows = [...byId.values()];
    const offset = q.offset ?? 0;
    return page(rows.slice(offset, offset + (q.limit ?? rows.length)), rows.length, q);
  }

  @Get('progression/instrument-schema')
  @StaffRoute({ record: 'progression-instrument' })
  @ApiOperation({ operationId: 'getInstrumentDefinitionSchema', summary: 'The JSON Schema of instrument definitions (format 1)' })
  @ApiOkResponse({ description: 'A JSON Schema (draft-07)', schema: { type: 'object' } })
  schema(): object {
    return INSTRUMENT_DEFINITION_SCHEMA;
  }

  @Get('progression/instruments/:instrumentId/versions/:version')
  @StaffRoute({ record: 'progression-instrument' })
  @ApiOperation({ operationId: 'getProgressionInstrumentVersion', summary: 'One version of an instrument', description: 'The definition exactly as answers of that version were given.' })
  @ApiParam({ name: 'instrumentId', example: 'employment-readiness' })
  @ApiParam({ name: 'version', type: 'integer', example: 1 })
  @ApiOkResponse({ description: 'The definition', schema: { type: 'object' } })
  @ApiNotFoundResponse({ description: '`instrument.not-found`: no such instrument or version in your municipality' })
  @ProblemAnswers({ 404: ['instrument.not-found'] })
  async instrument(@CurrentPrincipal() p: Principal, @Param('instrumentId') id: string, @Param('version') version: string): Promise<InstrumentDefinition> {
    return this.registry.named(p.municipalityId, id, /^\d{1,6}$/.test(version) ? Number(version) : -1);
  }

  @Post('progression/instruments')
  @StaffRoute({ record: 'progression-instrument', roles: ['admin', 'integrator'] })
  @ApiOperation({
    operationId: 'registerProgressionInstrument',
    summary: "Register a version of your municipality's own instrument",
    description: 'Validated against the JSON Schema and for references that resolve (a sub-scale naming a missing item is refused). A registered version never changes: a change is a new version.',
  })
  @ApiCreatedResponse({ description: 'The registered definition', schema: { type: 'object' } })
  @ApiConflictResponse({ description: '`instrument.version-published`' })
  @ApiUnprocessableEntityResponse({ description: '`instrument.schema`, `instrument.item-unknown`, `instrument.subscale-unknown`, `instrument.scale-unknown`, … each naming its field under `definition.`; `instrument.id-taken`' })
  @ProblemAnswers({ 409: ['instrument.version-published'], 422: [...DEFINITION_ISSUE_CODES, 'instrument.id-taken'] })
  register(@CurrentPrincipal() p: Principal, @Body() dto: RegisterInstrumentDto): Promise<InstrumentDefinition> {
    return this.registry.register(p, dto.definition);
  }

  @Post('courses/:courseId/measurements')
  @CourseAccess('update', { record: 'measurement' })
  @ApiOperation({
    operationId: 'startMeasurement',
    summary: 'Start a progression measurement',
    description: 'Returns the measurement and the instrument version to show, so a screen needs no other call. Then save answers (as often as needed) and complete: three calls in all.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: StartedMeasurementDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiConflictResponse({ description: '`measurement.course-not-open`' })
  @ApiUnprocessableEntityResponse({
    description: '`instrument.unknown`, `measurement.respondent-not-allowed`, `measurement.respondent-too-young` (field `respondentType`), `measurement.child-not-in-household`, `measurement.citizen-not-in-course`, `measurement.about-required` (field `aboutCitizenId`), `measurement.respondent-not-in-household` (field `respondentCitizenId`)',
  })
  @ProblemAnswers({ 409: ['measurement.course-not-open'], 422: START_REFUSALS })
  start(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: StartMeasurementDto): Promise<StartedMeasurementDto> {
    return this.measurements.start(p, courseId, dto);
  }

  @Post('courses/:courseId/measurements/skipped')
  @CourseAccess('update', { record: 'measurement' })
  @ApiOperation({ operationId: 'skipMeasurement', summary: 'Record that a scheduled measurement is not taken, and why', description: 'E.g. the end measurement at closing, when the citizen declines. It then no longer shows as due.' })
  @ApiParam(COURSE_PARAM)
  @ApiCreatedResponse({ type: MeasurementDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiConflictResponse({ description: '`measurement.course-not-open`' })
  @ApiUnprocessableEntityResponse({ description: 'As for starting one' })
  @ProblemAnswers({ 409: ['measurement.course-not-open'], 422: START_REFUSALS })
  skip(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: SkipMeasurementDto): Promise<MeasurementDto> {
    return this.measurements.skip(p, courseId, dto);
  }

  @Get('courses/:courseId/measurements')
  @CourseAccess('read', { record: 'measurement' })
  @ApiOperation({ operationId: 'listMeasurements', summary: "The course's progression measurements", description: 'Oldest first, with answers, comments and scores.' })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: MeasurementPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: MeasurementsQuery): Promise<MeasurementPageDto> {
    return this.measurements.list(p, courseId, q);
  }

  @Get('measurements/:measurementId')
  @CourseAccess('read', LOCATE)
  @ApiOperation({ operationId: 'getMeasurement', summary: 'One progression measurement' })
  @ApiParam(MEASUREMENT_PARAM)
  @ApiOkResponse({ type: MeasurementDto })
  @ApiNotFoundResponse({ description: '`measurement.not-found`' })
  get(@CurrentPrincipal() p: Principal, @Param('measurementId') id: string): Promise<MeasurementDto> {
    return this.measurements.get(p, id);
  }

  @Put('measurements/:measurementId/answers')
  @CourseAccess('update', LOCATE)
  @ApiOperation({
    operationId: 'saveMeasurementAnswers',
    summary: 'Save answers (partial saves welcome)',
    description: 'Each answer replaces what the item had; items not named keep theirs. Answered, skipped or not relevant, with a comment per item and one for the measurement.',
  })
  @ApiParam(MEASUREMENT_PARAM)
  @ApiOkResponse({ type: MeasurementDto })
  @ApiNotFoundResponse({ description: '`measurement.not-found`' })
  @ApiConflictResponse({ description: '`measurement.not-in-progress`: completed or skipped measurements never change' })
  @ApiUnprocessableEntityResponse({ description: ANSWER_PROBLEMS })
  @ProblemAnswers({ 409: ['measurement.not-in-progress'], 422: ANSWER_ISSUE_CODES })
  save(@CurrentPrincipal() p: Principal, @Param('measurementId') id: string, @Body() dto: SaveAnswersDto): Promise<MeasurementDto> {
    return this.measurements.save(p, id, dto);
  }

  @Post('measurements/:measurementId/complete')
  @CourseAccess('update', LOCATE)
  @ApiOperation({ operationId: 'completeMeasurement', summary: 'Complete a measurement and score it', description: 'Optionally with last answers. Items never answered count as skipped; a score below the minimum answered share is marked incomplete.' })
  @ApiParam(MEASUREMENT_PARAM)
  @ApiCreatedResponse({ type: MeasurementDto })
  @ApiNotFoundResponse({ description: '`measurement.not-found`' })
  @ApiConflictResponse({ description: '`measurement.not-in-progress`' })
  @ApiUnprocessableEntityResponse({ description: ANSWER_PROBLEMS })
  @ProblemAnswers({ 409: ['measurement.not-in-progress'], 422: ANSWER_ISSUE_CODES })
  complete(@CurrentPrincipal() p: Principal, @Param('measurementId') id: string, @Body() dto: CompleteMeasurementDto): Promise<MeasurementDto> {
    return this.measurements.complete(p, id, dto);
  }

  @Get('courses/:courseId/progression')
  @CourseAccess('read', { record: 'measurement' })
  @ApiOperation({
    operationId: 'getProgressionDialogue',
    summary: 'The dialogue view: every measurement side by side',
    description: 'Per instrument, respondent and person: each item and sub-scale over the completed measurements, with the change since the previous one and since the baseline, and whether that is better or worse.',
  })
  @ApiParam(COURSE_PARAM)
  @ApiOkResponse({ type: DialogueViewDto, description: 'The series' })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  view(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: ProgressionSeriesQuery): Promise<DialogueView> {
    return this.dialogue.view(p, courseId, q);
  }

  @Get('courses/:courseId/progression/chart.svg')
  @CourseAccess('read', { record: 'measurement' })
  @ApiOperation({ operationId: 'getProgressionChart', summary: 'The progression as an SVG chart', description: "Server-rendered SVG of one series' sub-scales (filter as for the dialogue view); for the citizen's plan and board meetings." })
  @ApiParam(COURSE_PARAM)
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'The chart', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  async chart(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: ProgressionSeriesQuery, @Res({ passthrough: true }) res: Response): Promise<string> {
    const svg = await this.dialogue.chart(p, courseId, q);
    res.type('image/svg+xml');
    return svg;
  }
}

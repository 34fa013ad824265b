import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CITIZEN_ROLES, CourseAccess, CurrentCourseScope, CurrentPrincipal, StaffRoute, type CourseScope, type Principal } from '@enplan/core/auth';
import { CourseDto, CoursePageDto, CourseQuery, CreateCourseDto, CreateTransitionDto } from './course.dto.js';
import { CoursesService } from './courses.service.js';
import { CONCERNS_UNKNOWN } from './disclosure.js';
import { ProblemAnswers, RunsRuleHooks } from '@enplan/core/common';

/** The citizens a course response names (its citizen; a family course's household is logged by id on its own routes). */
const courseCitizens = (c: { citizen: { id: string } | null }): string[] => (c.citizen ? [c.citizen.id] : []);

@ApiTags('courses')
@ApiBearerAuth()
@Controller({ path: 'courses', version: '1' })
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Post()
  @StaffRoute({ record: 'course', roles: CITIZEN_ROLES, citizens: (b) => courseCitizens(b as CourseDto) })
  @ApiOperation({
    operationId: 'referCourse',
    summary: 'Refer a citizen or household to a course',
    description:
      'Creates the course in status `referred` and records the referral as its first transition. The model must be "generic" or a plugin ' +
      'enabled for your municipality (else 422 `course.model-unknown`); a citizen or household has at most one open course (409 `course.already-open`).',
  })
  @ApiCreatedResponse({ type: CourseDto })
  @ProblemAnswers({ 409: ['course.already-open'], 422: ['course.model-unknown', 'course.subject-required', 'course.citizen-unknown', 'course.household-unknown', 'course.citizen-not-in-household', 'course.referring-unit-unknown', 'course.date-in-future'] })
  @RunsRuleHooks('eligibility', 'onReferral')
  refer(@CurrentPrincipal() p: Principal, @Body() dto: CreateCourseDto): Promise<CourseDto> {
    return this.courses.refer(p, dto);
  }

  @Get()
  @StaffRoute({ record: 'course', roles: CITIZEN_ROLES, scope: true, citizens: (b) => (b as CoursePageDto).items.flatMap(courseCitizens) })
  @ApiOperation({ operationId: 'listCourses', summary: "List your municipality's courses", description: 'Filter by status, model, primary contact, target group, citizen or household; newest referral first unless sorted otherwise.' })
  @ApiOkResponse({ type: CoursePageDto })
  list(@CurrentPrincipal() p: Principal, @CurrentCourseScope() scope: CourseScope, @Query() q: CourseQuery): Promise<CoursePageDto> {
    return this.courses.list(p.municipalityId, q, scope);
  }

  @Get(':id')
  @CourseAccess('read', { record: 'course', param: 'id' })
  @ApiOperation({ operationId: 'getCourse', summary: 'One course with its current team, primary contact and status history' })
  @ApiOkResponse({ type: CourseDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CourseDto> {
    return this.courses.get(p.municipalityId, id);
  }

  @Post(':id/transitions')
  @CourseAccess('update', { record: 'course', param: 'id' })
  @ApiOperation({
    operationId: 'transitionCourse',
    summary: 'Change the status of a course',
    description:
      'referred → assessed → active → closed; declined from referred or assessed; active ⇄ paused; closed from paused. Anything else is 422 ' +
      '`course.transition-not-allowed`. Closing needs outcomeCode (outcomeText for "other") and endDate. Activation is refused with 422 ' +
      "`course.capacity-reached` when the model's cap (deployment setting `maxActiveCourses`) is reached.",
  })
  @ApiCreatedResponse({ type: CourseDto })
  @ProblemAnswers({ 404: ['course.not-found'], 409: ['course.already-open'], 422: ['course.transition-not-allowed', 'course.capacity-reached', 'course.outcome-required', 'course.outcome-text-required', 'course.outcome-not-allowed', 'course.end-date-required', 'course.end-date-before-referral', 'course.end-date-not-allowed', 'course.date-in-future', CONCERNS_UNKNOWN] })
  @RunsRuleHooks('closingChecks', 'teamRules', 'caseload', 'onActivation', 'onClosing')
  transition(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateTransitionDto): Promise<CourseDto> {
    return this.courses.transition(p, id, dto);
  }
}

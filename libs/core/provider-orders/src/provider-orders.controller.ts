import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CourseAccess, CurrentPrincipal, type Principal } from '@enplan/core/auth';
import { PageQuery, type Page, ProblemAnswers, RunsRuleHooks } from '@enplan/core/common';
import { providerOrderCourses } from '@enplan/core/meetings';
import { CreateProviderOrderDto, CreateProviderReportDto, ProviderOrderDto, ProviderOrderPageDto, ProviderReportDto, ProviderReportPageDto } from './provider-order.dto.js';
import { ProviderOrdersService } from './provider-orders.service.js';

const ORDER_PARAM = { name: 'orderId', format: 'uuid', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', description: 'A provider order of your municipality' };

@ApiTags('provider-orders')
@ApiBearerAuth()
@ApiParam({ name: 'courseId', format: 'uuid', description: 'A course of your municipality', example: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' })
@Controller({ path: 'courses/:courseId/provider-orders', version: '1' })
export class CourseProviderOrdersController {
  constructor(private readonly orders: ProviderOrdersService) {}

  @Post()
  @HttpCode(201)
  @CourseAccess('update', { record: 'provider-order' })
  @ApiOperation({
    operationId: 'createProviderOrder',
    summary: 'Order an action of the published plan from a provider',
    description: 'Purpose, provider unit (and person), the expected report cadence in days and the start. One order per plan action.',
  })
  @ApiCreatedResponse({ type: ProviderOrderDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ApiConflictResponse({ description: '`provider-order.duplicate` (actionId)' })
  @ApiUnprocessableEntityResponse({
    description: '`provider-order.action-unknown` (actionId), `provider-order.unit-unknown` (providerUnitId), `provider-order.staff-unknown` (providerStaffId), `provider-order.ends-before-start` (endsOn)',
  })
  @ProblemAnswers({ 404: ['course.not-found'], 409: ['provider-order.duplicate'], 422: ['provider-order.action-unknown', 'provider-order.unit-unknown', 'provider-order.staff-unknown', 'provider-order.ends-before-start'] })
  @RunsRuleHooks('decisionAuthority')
  create(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Body() dto: CreateProviderOrderDto): Promise<ProviderOrderDto> {
    return this.orders.create(p, courseId, dto);
  }

  @Get()
  @CourseAccess('read', { record: 'provider-order' })
  @ApiOperation({ operationId: 'listProviderOrders', summary: 'The course’s provider orders with their report status' })
  @ApiOkResponse({ type: ProviderOrderPageDto })
  @ApiNotFoundResponse({ description: '`course.not-found`' })
  @ProblemAnswers({ 404: ['course.not-found'] })
  list(@CurrentPrincipal() p: Principal, @Param('courseId') courseId: string, @Query() q: PageQuery): Promise<Page<ProviderOrderDto>> {
    return this.orders.list(p, courseId, q);
  }
}

@ApiTags('provider-orders')
@ApiBearerAuth()
@ApiParam(ORDER_PARAM)
@Controller({ path: 'provider-orders/:orderId', version: '1' })
export class ProviderOrdersController {
  constructor(private readonly orders: ProviderOrdersService) {}

  @Get()
  @CourseAccess('read', { record: 'provider-order', param: 'orderId', locate: providerOrderCourses })
  @ApiOperation({ operationId: 'getProviderOrder', summary: 'One provider order with its report status' })
  @ApiOkResponse({ type: ProviderOrderDto })
  @ApiNotFoundResponse({ description: '`provider-order.not-found`' })
  @ProblemAnswers({ 404: ['provider-order.not-found'] })
  get(@CurrentPrincipal() p: Principal, @Param('orderId') orderId: string): Promise<ProviderOrderDto> {
    return this.orders.get(p, orderId);
  }

  @Post('reports')
  @HttpCode(201)
  @CourseAccess('update', { record: 'provider-order', param: 'orderId', locate: providerOrderCourses })
  @ApiOperation({ operationId: 'addProviderReport', summary: 'Record a report received from the provider', description: 'The next report is then expected a cadence after this one.' })
  @ApiCreatedResponse({ type: ProviderReportDto })
  @ApiNotFoundResponse({ description: '`provider-order.not-found`' })
  @ApiUnprocessableEntityResponse({ description: '`provider-report.before-start`, `provider-report.in-future` (receivedOn)' })
  @ProblemAnswers({ 404: ['provider-order.not-found'], 422: ['provider-report.before-start', 'provider-report.in-future'] })
  addReport(@CurrentPrincipal() p: Principal, @Param('orderId') orderId: string, @Body() dto: CreateProviderReportDto): Promise<ProviderReportDto> {
    return this.orders.addReport(p, orderId, dto);
  }

  @Get('reports')
  @CourseAccess('read', { record: 'provider-order', param: 'orderId', locate: providerOrderCourses })
  @ApiOperation({ operationId: 'listProviderReports', summary: 'The order’s reports, newest first' })
  @ApiOkResponse({ type: ProviderReportPageDto })
  @ApiNotFoundResponse({ description: '`provider-order.not-found`' })
  @ProblemAnswers({ 404: ['provider-order.not-found'] })
  reports(@CurrentPrincipal() p: Principal, @Param('orderId') orderId: string, @Query() q: PageQuery): Promise<Page<ProviderReportDto>> {
    return this.orders.reports(p, orderId, q);
  }
}

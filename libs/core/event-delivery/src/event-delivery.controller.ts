import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, StaffRoute, type Principal, type Role } from '@enplan/core/auth';
import { ReplicaReads } from '@enplan/core/database';
import { ProblemAnswers } from '@enplan/core/common';
import { EventDeliveryErrorCode as Code } from './event-delivery.error.js';
import { DeadLettersService } from './dead-letters.service.js';
import {
  CreateWebhookDto,
  DeliveriesQuery,
  EventDeliveryDto,
  EventDeliveryPageDto,
  EventFeedDto,
  EventsQuery,
  RotateSecretDto,
  WebhookDto,
  WebhookPageDto,
  WebhooksQuery,
  WebhookWithSecretDto,
} from './event-delivery.dto.js';
import { EventsFeedService } from './events-feed.service.js';
import { WebhooksService } from './webhooks.service.js';

/** Integrations read the feed; the municipality's integration or admin manage webhooks and dead letters. */
const FEED_ROLES: readonly Role[] = ['integrator'];
const OPERATOR_ROLES: readonly Role[] = ['integrator', 'admin'];

@ApiTags('events')
@ApiBearerAuth()
@Controller({ path: 'events', version: '1' })
export class EventsController {
  constructor(private readonly feed: EventsFeedService) {}

  @ReplicaReads()
  @Get()
  @StaffRoute({ record: 'domain-event', roles: FEED_ROLES })
  @ApiOperation({
    operationId: 'listDomainEvents',
    summary: "Your municipality's domain events after a cursor, oldest first",
    description:
      'The pull feed for integrations: pass the `next` of the previous page as `after` and you get every event once, in a stable order, ' +
      'also after downtime. Events carry record ids and kinds only; fetch the records through the API.',
  })
  @ApiOkResponse({ type: EventFeedDto })
  @ProblemAnswers({ 400: [Code.CursorInvalid] })
  list(@CurrentPrincipal() p: Principal, @Query() q: EventsQuery): Promise<EventFeedDto> {
    return this.feed.page(p, q.after, q.limit);
  }
}

@ApiTags('events')
@ApiBearerAuth()
@Controller({ path: 'webhooks', version: '1' })
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @StaffRoute({ record: 'webhook', roles: OPERATOR_ROLES })
  @ApiOperation({
    operationId: 'createWebhook',
    summary: 'Register a webhook for your municipality',
    description:
      'Events are POSTed to `url`, signed per Standard Webhooks. The answer shows the signing secret once. `url` must be https and its host must resolve to public ' +
      'addresses only (never private, loopback, link-local or a metadata service; checked again before each delivery).',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ProblemAnswers({ 400: [Code.WebhookUrlInvalid, Code.WebhookUrlNotHttps, Code.WebhookUrlAddressForbidden, Code.WebhookUrlUnresolvable, Code.WebhookEventTypeUnknown] })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(p, dto);
  }

  @Get()
  @StaffRoute({ record: 'webhook', roles: OPERATOR_ROLES })
  @ApiOperation({ operationId: 'listWebhooks', summary: "Your municipality's webhooks (without their secrets)" })
  @ApiOkResponse({ type: WebhookPageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: WebhooksQuery): Promise<WebhookPageDto> {
    return this.webhooks.list(p, q);
  }

  @Get(':id')
  @StaffRoute({ record: 'webhook', roles: OPERATOR_ROLES })
  @ApiOperation({ operationId: 'getWebhook', summary: 'One webhook (without its secret)' })
  @ApiOkResponse({ type: WebhookDto })
  @ProblemAnswers({ 404: [Code.WebhookNotFound] })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<WebhookDto> {
    return this.webhooks.get(p, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @StaffRoute({ record: 'webhook', roles: OPERATOR_ROLES })
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: "Replace a webhook's signing secret, keeping the previous one valid for an overlap",
    description: 'The new secret is shown once. Until `previousSecretUntil` every message carries a signature with each secret.',
  })
  @ApiOkResponse({ type: WebhookWithSecretDto })
  @ProblemAnswers({ 404: [Code.WebhookNotFound] })
  rotate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: RotateSecretDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotate(p, id, dto.overlapHours);
  }

  @Delete(':id')
  @HttpCode(204)
  @StaffRoute({ record: 'webhook', roles: OPERATOR_ROLES })
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Stop delivering to a webhook' })
  @ApiNoContentResponse()
  @ProblemAnswers({ 404: [Code.WebhookNotFound] })
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    return this.webhooks.remove(p, id);
  }
}

@ApiTags('events')
@ApiBearerAuth()
@Controller({ path: 'event-deliveries', version: '1' })
export class EventDeliveriesController {
  constructor(private readonly deliveries: DeadLettersService) {}

  @Get()
  @StaffRoute({ record: 'event-delivery', roles: OPERATOR_ROLES })
  @ApiOperation({ operationId: 'listEventDeliveries', summary: 'Deliveries of events to webhooks and sector adapters (default: the dead letters)' })
  @ApiOkResponse({ type: EventDeliveryPageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: DeliveriesQuery): Promise<EventDeliveryPageDto> {
    return this.deliveries.list(p, q);
  }

  @Get(':id')
  @StaffRoute({ record: 'event-delivery', roles: OPERATOR_ROLES })
  @ApiOperation({ operationId: 'getEventDelivery', summary: 'One delivery: its target, attempts and last error' })
  @ApiOkResponse({ type: EventDeliveryDto })
  @ProblemAnswers({ 404: [Code.DeliveryNotFound] })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<EventDeliveryDto> {
    return this.deliveries.get(p, id);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @StaffRoute({ record: 'event-delivery', roles: OPERATOR_ROLES })
  @ApiOperation({ operationId: 'replayEventDelivery', summary: 'Put a dead-lettered delivery back in the queue (same idempotency key)' })
  @ApiOkResponse({ type: EventDeliveryDto })
  @ProblemAnswers({ 404: [Code.DeliveryNotFound], 409: [Code.DeliveryNotDead] })
  replay(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<EventDeliveryDto> {
    return this.deliveries.replay(p, id);
  }
}

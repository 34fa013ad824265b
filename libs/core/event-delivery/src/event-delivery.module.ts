import { Module } from '@nestjs/common';
import { DeadLettersService } from './dead-letters.service.js';
import { EventDeliveriesController, EventsController, WebhooksController } from './event-delivery.controller.js';
import { EventDeliveryWorker } from './delivery-worker.js';
import { EventsFeedService } from './events-feed.service.js';
import { WebhooksService } from './webhooks.service.js';

/** The pull feed, webhooks, the operator's dead letters and the delivery worker. */
@Module({
  controllers: [EventsController, WebhooksController, EventDeliveriesController],
  providers: [EventsFeedService, WebhooksService, DeadLettersService, EventDeliveryWorker],
  exports: [EventDeliveryWorker],
})
export class EventDeliveryModule {}

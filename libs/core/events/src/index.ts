export * from './event-types.js';
export * from './domain-event.entity.js';
export * from './event-delivery.entity.js';
export * from './webhook.entity.js';
export * from './domain-events.js';
export * from './core-delivery-targets.js';
export * from './webhook-signing.js';
export * from './requeue.js';

import { DomainEvent } from './domain-event.entity.js';
import { EventDelivery } from './event-delivery.entity.js';
import { Webhook } from './webhook.entity.js';

/** The entities of this library, for the host's schema. */
export const eventEntities = [DomainEvent, EventDelivery, Webhook];

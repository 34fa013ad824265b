import { Injectable } from '@nestjs/common';
import type { DomainEventType, EventData } from './event-types.js';

/** An event as a core delivery target receives it: ids and kinds, never content. */
export interface CoreDeliveryEvent {
  id: string;
  municipalityId: string;
  municipalityCode: string;
  type: DomainEventType;
  occurredAt: Date;
  data: Readonly<EventData>;
}

/** One attempt of one delivery (`event_delivery` row). */
export interface CoreDeliveryAttempt {
  /** The delivery row's id: the same on every attempt for this (event, target); `webhook-id: msg_<key>` when signed. */
  idempotencyKey: string;
  /** 1 for the first attempt. */
  attempt: number;
}

/**
 * A feature library that delivers events to systems the core itself knows (the sync targets of the deployment
 * file), registered with `CoreDeliveryTargets` at module init. The delivery worker (`@enplan/core/event-delivery`)
 * routes and retries them exactly as it does webhooks and plugin adapters, without importing the feature library:
 * the dependency is inverted through this infrastructure interface.
 */
export interface CoreDeliveryProvider {
  /** Unique among providers; the delivery row's target id is `<provider>/<target>` with target kind `core`. */
  readonly provider: string;
  /**
   * The targets of a municipality (by code) that take this event; synchronous (read from configuration and the
   * event's ids and kinds, e.g. a decision's `legalArea`).
   */
  targetsFor(municipalityCode: string, type: DomainEventType, data: Readonly<EventData>): string[];
  /**
   * Delivers the event to one target. Called outside any database transaction (HTTP calls hold no locks); the
   * provider writes its own records in short transactions of its own. Throws on failure with a message fit for
   * storage (a status code or error kind, never content): the worker retries with back-off and dead-letters.
   */
  deliver(event: CoreDeliveryEvent, target: string, attempt: CoreDeliveryAttempt): Promise<{ reference: string | null }>;
}

/** The registry the worker reads; provided by the global `DomainEventsModule`. */
@Injectable()
export class CoreDeliveryTargets {
  private readonly providers = new Map<string, CoreDeliveryProvider>();

  register(p: CoreDeliveryProvider): void {
    if (this.providers.has(p.provider)) throw new Error(`core delivery provider ${p.provider} registered twice`);
    this.providers.set(p.provider, p);
  }

  /** Every `<provider>/<target>` key a municipality's event goes to. */
  targetsFor(municipalityCode: string, type: DomainEventType, data: Readonly<EventData> = {}): string[] {
    return [...this.providers.values()].flatMap((p) => p.targetsFor(municipalityCode, type, data).map((t) => `${p.provider}/${t}`));
  }

  deliver(key: string, event: CoreDeliveryEvent, attempt: CoreDeliveryAttempt): Promise<{ reference: string | null }> {
    const slash = key.indexOf('/');
    const p = slash > 0 ? this.providers.get(key.slice(0, slash)) : undefined;
    if (!p) return Promise.reject(new Error('the delivery target is no longer provided'));
    return p.deliver(event, key.slice(slash + 1), attempt);
  }
}

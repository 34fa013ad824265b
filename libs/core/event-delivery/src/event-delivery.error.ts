import { DomainError } from '@enplan/core/common';

export enum EventDeliveryErrorCode {
  CursorInvalid = 'events.cursor-invalid',
  WebhookNotFound = 'webhook.not-found',
  WebhookUrlInvalid = 'webhook.url-invalid',
  WebhookUrlNotHttps = 'webhook.url-not-https',
  WebhookUrlAddressForbidden = 'webhook.url-address-forbidden',
  WebhookUrlUnresolvable = 'webhook.url-unresolvable',
  WebhookEventTypeUnknown = 'webhook.event-type-unknown',
  DeliveryNotFound = 'event-delivery.not-found',
  DeliveryNotDead = 'event-delivery.not-dead',
}

export const eventDeliveryError = {
  cursor: () => DomainError.field(EventDeliveryErrorCode.CursorInvalid, 'after', 'after must be a cursor this feed returned (a non-negative integer)', 'invalid'),
  webhookNotFound: () => DomainError.notFound(EventDeliveryErrorCode.WebhookNotFound, 'The webhook'),
  url: () => DomainError.field(EventDeliveryErrorCode.WebhookUrlInvalid, 'url', 'url must be an absolute https URL without credentials', 'invalid'),
  urlNotHttps: () => DomainError.field(EventDeliveryErrorCode.WebhookUrlNotHttps, 'url', 'url must be https (plain http only to a loopback address, and only where ENPLAN_WEBHOOK_ALLOW_LOOPBACK is set)', 'invalid'),
  urlAddressForbidden: () =>
    DomainError.field(EventDeliveryErrorCode.WebhookUrlAddressForbidden, 'url', 'url must reach a public address: its host resolves to a private, loopback, link-local or metadata address', 'invalid'),
  urlUnresolvable: () => DomainError.field(EventDeliveryErrorCode.WebhookUrlUnresolvable, 'url', 'the host of url does not resolve', 'invalid'),
  eventType: (i: number, t: string) =>
    DomainError.field(EventDeliveryErrorCode.WebhookEventTypeUnknown, `eventTypes[${i}]`, `${JSON.stringify(t).slice(0, 80)} is not a domain event type`, 'invalid'),
  deliveryNotFound: () => DomainError.notFound(EventDeliveryErrorCode.DeliveryNotFound, 'The delivery'),
  notDead: (status: string) => DomainError.field(EventDeliveryErrorCode.DeliveryNotDead, 'id', `only a dead-lettered delivery can be replayed (this one is ${status})`, 'conflict'),
};

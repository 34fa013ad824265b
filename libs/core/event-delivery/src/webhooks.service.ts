import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { page, type Page, type PageQuery } from '@enplan/core/common';
import { EnplanConfig } from '@enplan/core/config';
import { isDomainEventType, Webhook } from '@enplan/core/events';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { eventDeliveryError } from './event-delivery.error.js';
import type { CreateWebhookDto, WebhookDto, WebhookWithSecretDto } from './event-delivery.dto.js';
import { newWebhookSecret, secretHint } from './webhook-signing.js';
import { checkWebhookUrl } from './webhook-url.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A municipality's webhooks: registered, listed, rotated and removed by its integration or admin. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: EnplanConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(p: Principal, dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    const url = await this.validUrl(dto.url);
    const eventTypes = [...new Set(dto.eventTypes ?? [])];
    eventTypes.forEach((t, i) => {
      if (!isDomainEventType(t)) throw eventDeliveryError.eventType(i, t);
    });
    const secret = newWebhookSecret();
    const row = await this.ds.getRepository(Webhook).save({
      municipalityId: p.municipalityId,
      url,
      eventTypes,
      secret,
      previousSecret: null,
      previousSecretUntil: null,
      active: true,
      createdAt: this.clock.now(),
      createdBy: p.userId,
      rotatedAt: null,
    });
    return { ...view(row), secret };
  }

  async list(p: Principal, q: PageQuery): Promise<Page<WebhookDto>> {
    const [rows, total] = await this.ds.getRepository(Webhook).findAndCount({ where: { municipalityId: p.municipalityId, active: true }, order: { createdAt: 'ASC', id: 'ASC' }, take: q.limit, skip: q.offset });
    return page(rows.map(view), total, q);
  }

  async get(p: Principal, id: string): Promise<WebhookDto> {
    return view(await this.find(p, id));
  }

  /**
   * A new secret, shown once; the previous one stays valid (and every message is signed with both) for
   * `overlapHours`, so the receiver can switch without losing a message.
   */
  async rotate(p: Principal, id: string, overlapHours = this.config.events.secretOverlapHours): Promise<WebhookWithSecretDto> {
    return this.ds.transaction(async (em) => {
      const hook = await em.findOne(Webhook, { where: { id: this.id(id), municipalityId: p.municipalityId, active: true }, lock: { mode: 'pessimistic_write' } });
      if (!hook) throw eventDeliveryError.webhookNotFound();
      const now = this.clock.now();
      const secret = newWebhookSecret();
      hook.previousSecret = hook.secret;
      hook.previousSecretUntil = new Date(now.getTime() + overlapHours * 3600_000);
      hook.secret = secret;
      hook.rotatedAt = now;
      await em.save(hook);
      return { ...view(hook), secret };
    });
  }

  /** Stops deliveries to it; pending deliveries fail and reach the dead letters, where nothing is lost. */
  async remove(p: Principal, id: string): Promise<void> {
    const hook = await this.find(p, id);
    await this.ds.getRepository(Webhook).update({ id: hook.id, municipalityId: p.municipalityId }, { active: false });
  }

  private async find(p: Principal, id: string): Promise<Webhook> {
    const hook = await this.ds.getRepository(Webhook).findOne({ where: { id: this.id(id), municipalityId: p.municipalityId, active: true } });
    if (!hook) throw eventDeliveryError.webhookNotFound();
    return hook;
  }

  /** The SSRF guard (see `checkWebhookUrl`): https, no credentials, public addresses only; every refusal names `url`. */
  private async validUrl(raw: string): Promise<string> {
    const r = await checkWebhookUrl(raw, { allowLoopback: this.config.events.allowLoopbackWebhooks });
    if (r.ok) return r.url;
    if (r.problem === 'not-https') throw eventDeliveryError.urlNotHttps();
    if (r.problem === 'address-forbidden') throw eventDeliveryError.urlAddressForbidden();
    if (r.problem === 'unresolvable') throw eventDeliveryError.urlUnresolvable();
    throw eventDeliveryError.url();
  }

  private id(id: string): string {
    if (!UUID.test(id)) throw eventDeliveryError.webhookNotFound();
    return id;
  }
}

function view(h: Webhook): WebhookDto {
  return {
    id: h.id,
    url: h.url,
    eventTypes: h.eventTypes,
    active: h.active,
    secretHint: secretHint(h.secret),
    previousSecretUntil: h.previousSecretUntil ? h.previousSecretUntil.toISOString() : null,
    createdAt: h.createdAt.toISOString(),
  };
}

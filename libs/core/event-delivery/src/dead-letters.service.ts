import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { page, type Page } from '@enplan/core/common';
import { DomainEvent, EventDelivery, requeueDeadDeliveries } from '@enplan/core/events';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { eventDeliveryError } from './event-delivery.error.js';
import type { DeliveriesQuery, EventDeliveryDto } from './event-delivery.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The operator's view of deliveries: list (dead letters by default), inspect, replay. */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(p: Principal, o: DeliveriesQuery): Promise<Page<EventDeliveryDto>> {
    const [rows, total] = await this.ds
      .getRepository(EventDelivery)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.event', 'e')
      .where('d.municipalityId = :m', { m: p.municipalityId })
      .andWhere('d.status = :s', { s: o.status ?? 'dead' })
      .andWhere(o.eventId ? 'd.eventId = :eventId' : 'TRUE', { eventId: o.eventId })
      .orderBy('d.createdAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      // The join is many-to-one (a delivery's event), so a plain LIMIT is exact; `take` would add a distinct pass.
      .limit(o.limit)
      .offset(o.offset)
      .getManyAndCount();
    return page(rows.map(view), total, o);
  }

  async get(p: Principal, id: string): Promise<EventDeliveryDto> {
    return view(await this.find(p, id));
  }

  /** Puts a dead letter back in the queue, due now, with its attempt count reset; the idempotency key stays. */
  async replay(p: Principal, id: string): Promise<EventDeliveryDto> {
    return this.ds.transaction(async (em) => {
      const d = await this.find(p, id, em);
      if (d.status !== 'dead') throw eventDeliveryError.notDead(d.status);
      await requeueDeadDeliveries(em, p.municipalityId, [d.id], this.clock.now());
      return view({ ...d, status: 'pending', attempts: 0, nextAttemptAt: this.clock.now(), deadAt: null, replays: d.replays + 1 });
    });
  }

  /** With `em`: inside that transaction, the row locked (PGlite has one session: a second connection would wait on it). */
  private async find(p: Principal, id: string, em: EntityManager = this.ds.manager): Promise<EventDelivery & { event?: DomainEvent }> {
    if (!UUID.test(id)) throw eventDeliveryError.deliveryNotFound();
    const d = await em.findOne(EventDelivery, { where: { id, municipalityId: p.municipalityId }, relations: { event: true } });
    if (!d) throw eventDeliveryError.deliveryNotFound();
    return d;
  }
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function view(d: EventDelivery): EventDeliveryDto {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.event?.type ?? '',
    targetKind: d.targetKind,
    targetId: d.targetId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: new Date(d.nextAttemptAt).toISOString(),
    lastAttemptAt: iso(d.lastAttemptAt),
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    targetReference: d.targetReference,
    deadAt: iso(d.deadAt),
    replays: d.replays,
  };
}

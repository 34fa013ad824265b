import { In, type EntityManager } from 'typeorm';
import { EventDelivery } from './event-delivery.entity.js';

/**
 * Puts dead deliveries back in the queue, due `now`: attempts reset, the replay counted, the same row and so the
 * same idempotency key. The one rule for a replay: the operator's dead-letter replay and a course's "send again"
 * (`POST /courses/{id}/sync/retry`) both use it. Runs in the caller's transaction; returns the rows requeued.
 */
export async function requeueDeadDeliveries(em: EntityManager, municipalityId: string, ids: readonly string[], now: Date): Promise<number> {
  if (!ids.length) return 0;
  const r = await em
    .createQueryBuilder()
    .update(EventDelivery)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, deadAt: null, replays: () => 'replays + 1' })
    .where({ municipalityId, id: In([...ids]), status: 'dead' })
    .execute();
  return r.affected ?? 0;
}

/** Brings deliveries waiting out a back-off forward to `now` (a person asked to send again). Not a claimed one in flight. */
export async function hastenPendingDeliveries(em: EntityManager, municipalityId: string, ids: readonly string[], now: Date): Promise<number> {
  if (!ids.length) return 0;
  const r = await em
    .createQueryBuilder()
    .update(EventDelivery)
    .set({ nextAttemptAt: now })
    // Only rows whose last attempt failed: a row claimed by a worker right now has no error yet and keeps its lease.
    .where({ municipalityId, id: In([...ids]), status: 'pending' })
    .andWhere('last_error IS NOT NULL')
    .execute();
  return r.affected ?? 0;
}

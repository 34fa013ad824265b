import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { eventDeliveryError } from './event-delivery.error.js';
import type { EventFeedDto } from './event-delivery.dto.js';

/**
 * The pull feed: the caller's municipality's events after a cursor, in `sequence` order.
 *
 * Why a client cannot miss an event: sequence numbers are taken at insert, but transactions commit in any order,
 * so an event with a lower sequence may become visible after one with a higher sequence. The feed therefore
 * serves only events written by transactions older than the oldest one still open (`tx_id` below
 * `pg_snapshot_xmin` of the reading snapshot): every event below the last served cursor is then committed (or
 * rolled back and gone for good). An open transaction holds the feed back until it ends, never longer; the horizon is
 * the server's, so a writing transaction in another database on the same server counts too.
 */
@Injectable()
export class EventsFeedService {
  constructor(private readonly ds: DataSource) {}

  async page(p: Principal, after: string | undefined, limit = 100): Promise<EventFeedDto> {
    const cursor = after === undefined || after === '' ? '0' : after;
    if (!/^\d{1,18}$/.test(cursor)) throw eventDeliveryError.cursor();
    const rows: { id: string; cursor: string; type: string; occurred_at: Date; data: Record<string, string | number | null> }[] = await this.ds.query(
      // Ordered by the bigint column, not by the text alias the driver gets (which would put 10 before 4).
      `SELECT e.id, e.sequence::text AS cursor, e.type, e.occurred_at, e.data FROM domain_event e
        WHERE e.municipality_id = $1 AND e.sequence > $2::bigint AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        ORDER BY e.sequence LIMIT $3`,
      [p.municipalityId, cursor, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      events: page.map((r) => ({ id: r.id, cursor: r.cursor, type: r.type, occurredAt: new Date(r.occurred_at).toISOString(), data: r.data })),
      next: page.length ? page[page.length - 1].cursor : String(BigInt(cursor)),
      hasMore: rows.length > limit,
    };
  }
}

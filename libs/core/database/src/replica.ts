import { AsyncLocalStorage } from 'node:async_hooks';
import cluster from 'node:cluster';
import { SetMetadata } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Reads from a PostgreSQL streaming replica (DATABASE_REPLICA_URL, TypeORM replication). Everything goes to the
 * primary unless a piece of work runs inside `readsFromReplica`: there, reads without a transaction (TypeORM's
 * select query builders, and plain `SELECT` statements through `DataSource.query`) go to the replica, while
 * writes, transactions and locking reads stay on the primary. The access interceptor opens that scope around
 * the handler of a route marked `@ReplicaReads()` (never around its own access check or log entry), and only
 * when the caller has not written in the last few seconds (read-your-writes).
 */
const scope = new AsyncLocalStorage<{ replica: boolean }>();

/** Marks a read-only route whose reads may come from the replica: heavy lists and figures, never a plan. */
export const REPLICA_READS = 'enplan:replica-reads';
export const ReplicaReads = (): MethodDecorator & ClassDecorator => SetMetadata(REPLICA_READS, true);

/** Runs `fn` with its reads on the replica (when the data source has one). */
export function readsFromReplica<T>(fn: () => T): T {
  return scope.run({ replica: true }, fn);
}

/** Whether the current piece of work reads from the replica. */
export function onReplica(): boolean {
  return scope.getStore()?.replica === true;
}

const READ_ONLY = /^\s*SELECT\b/i;
const LOCKING = /\bFOR\s+(UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)\b/i;

/** Whether a data source was made with a replica (see `withReplica`). */
export function hasReplica(ds: DataSource): boolean {
  return Boolean((ds.options as { replication?: unknown }).replication);
}

/**
 * Routes reads inside `readsFromReplica` to the replica; every other statement keeps going to the primary
 * (TypeORM's own default for reads would be the replica: here it is the primary unless asked).
 */
export function routeReadsToReplica(ds: DataSource): DataSource {
  if (!hasReplica(ds)) return ds;
  ds.defaultReplicationModeForReads = () => (onReplica() ? 'slave' : 'master');
  const query = ds.query.bind(ds);
  ds.query = (async (sql: string, parameters?: unknown[], runner?: QueryRunner) => {
    if (runner || !onReplica() || !READ_ONLY.test(sql) || LOCKING.test(sql)) return query(sql, parameters, runner);
    const replica = ds.createQueryRunner('slave');
    try {
      return await replica.query(sql, parameters);
    } finally {
      await replica.release();
    }
  }) as DataSource['query'];
  return ds;
}

/**
 * Who wrote recently, so their next reads come from the primary: a write is remembered for `windowMs` in this
 * process and, under ENPLAN_WORKERS, passed through the cluster's primary to every other worker. (Separate
 * servers behind a load balancer do not share it: route a caller to one server, or rely on replica lag staying
 * under the window; every route that reads a plan reads from the primary anyway.)
 */
export class RecentWriters {
  private readonly at = new Map<string, number>();
  constructor(
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (cluster.isWorker) {
      process.on('message', (m: unknown) => {
        const msg = m as { enplanWrote?: string; at?: number };
        if (typeof msg?.enplanWrote === 'string' && typeof msg.at === 'number') this.remember(msg.enplanWrote, msg.at);
      });
    }
  }

  wrote(userId: string): void {
    const at = this.now();
    this.remember(userId, at);
    if (cluster.isWorker && process.send) process.send({ enplanWrote: userId, at });
  }

  /** True when `userId` wrote within the window. */
  recent(userId: string): boolean {
    const at = this.at.get(userId);
    if (at === undefined) return false;
    if (this.now() - at <= this.windowMs) return true;
    this.at.delete(userId);
    return false;
  }

  private remember(userId: string, at: number): void {
    if ((this.at.get(userId) ?? 0) < at) this.at.set(userId, at);
    // Bounded: forget expired entries now and then.
    if (this.at.size > 10_000) for (const [id, t] of this.at) if (this.now() - t > this.windowMs) this.at.delete(id);
  }
}

/** The cluster primary relays each worker's "wrote" to the other workers (called by the host's cluster runner). */
export function relayRecentWrites(): void {
  cluster.on('message', (from, m: unknown) => {
    const msg = m as { enplanWrote?: string };
    if (typeof msg?.enplanWrote !== 'string') return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from && w.isConnected()) w.send(m as object);
  });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner, ReplicationMode } from 'typeorm';

interface HeldTransaction {
  readonly ds: DataSource;
  readonly runner: QueryRunner;
  open: boolean;
}

const held = new AsyncLocalStorage<HeldTransaction>();

/**
 * Runs `work` in one transaction that every query made through `ds` within `work`'s async context joins:
 * `ds.manager`, repositories, query builders, and a service's own `ds.transaction(...)` (which simply joins:
 * see `joinable`). A request's write, the re-check of its access and its access-log row thus commit together or
 * not at all, without every service having to be handed the transaction's EntityManager.
 *
 * Why AsyncLocalStorage and a joining `createQueryRunner` rather than passing `em` down: the write paths are
 * many (core services, plugin services and hooks), and one that missed the hand-over would silently write
 * outside the transaction on PostgreSQL, and wait for itself on PGlite (one session, leased per query runner).
 * Joining at the DataSource makes every path join by construction. (nestjs-cls is CommonJS only; see README.)
 */
export async function inUnitOfWork<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction(async (em) => {
    if (!em.queryRunner) throw new Error('a transaction without its query runner');
    const tx: HeldTransaction = { ds, runner: joinable(em.queryRunner), open: true };
    try {
      return await held.run(tx, () => work(em));
    } finally {
      // Whatever the work left running (a stray promise) gets its own connection from here on, not a released one.
      tx.open = false;
    }
  });
}

/**
 * Makes `ds` hand out the unit of work's query runner, when one is open in the caller's async context, instead
 * of a new connection. Applied once, where the DataSource is created.
 */
export function joinUnitsOfWork(ds: DataSource): DataSource {
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (mode?: ReplicationMode) => {
    const tx = held.getStore();
    return tx?.open && tx.ds === ds ? tx.runner : create(mode);
  };
  return ds;
}

/**
 * The held runner as a joiner sees it: the same connection and transaction. A joiner's `release()` must not hand
 * the connection back mid-transaction; the unit of work releases it after commit or rollback. A joiner's own
 * transaction (start, commit, rollback) is the unit's, not a savepoint: a failure inside a joiner fails the
 * request and rolls the whole unit back, which is what every caller does with it (none catches and goes on), so
 * a savepoint pair would only add two statements to every write.
 */
const JOINED = new Set<PropertyKey>(['release', 'startTransaction', 'commitTransaction', 'rollbackTransaction']);
function joinable(runner: QueryRunner): QueryRunner {
  const keep = async () => undefined;
  return new Proxy(runner, { get: (target, key) => (JOINED.has(key) ? keep : Reflect.get(target, key, target)) });
}

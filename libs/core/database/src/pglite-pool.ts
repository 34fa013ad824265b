import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';

/**
 * A `pg` driver module over one PGlite instance, for TypeORM's `driver` option.
 *
 * TypeORM talks to it exactly as to PostgreSQL: the Pool is node-postgres' own, and its one connection
 * speaks the wire protocol to PGlite through PGlite's node-postgres adapter. So every value is serialised
 * and parsed by `pg` itself, whatever types existed when the database was opened. (Our earlier pool called
 * PGlite's query API, which parses enum arrays into JS arrays once their types exist at open, i.e. on every
 * restart of a data directory, where `pg` and TypeORM expect the text form.)
 *
 * PGlite is one Postgres session, so the pool holds one connection: a caller leases it exclusively from
 * `connect()` until TypeORM releases it, which gives real transaction isolation by serialising. The price:
 * code holding a transaction must not query outside it, or it waits for itself; the connection timeout turns
 * that into a loud error instead of a hang.
 */
export interface PgliteHandle {
  readonly db: PGlite;
  /** The `pg` module with its Pool bound to this PGlite; pass as TypeORM's `driver`. */
  readonly driver: typeof pg;
}

const LEASE_WAIT_LIMIT_MS = 30_000;

/**
 * PGlite on disk belongs to one process: a second process opening the same directory (say the CLI's
 * `migrate` while the API runs) would corrupt it. A pid lock file makes that a clear error instead.
 */
async function lockDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const lock = join(dataDir, '.enplan.lock');
  try {
    const pid = Number(await readFile(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATABASE_URL to use PostgreSQL.`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await writeFile(lock, String(process.pid));
}

export async function unlockDataDir(dataDir: string): Promise<void> {
  await rm(join(dataDir, '.enplan.lock'), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openPglite(dataDir: string | 'memory'): Promise<PGlite> {
  if (dataDir !== 'memory') await lockDataDir(dataDir);
  return PGlite.create({
    dataDir: dataDir === 'memory' ? 'memory://' : dataDir,
    extensions: { uuid_ossp, pgcrypto },
  });
}

export function pglitePool(db: PGlite, onClose?: () => Promise<void>): PgliteHandle {
  const connection = createPgConfig(db);
  class Pool extends pg.Pool {
    constructor(options?: pg.PoolConfig) {
      super({
        ...options,
        ...connection,
        max: 1,
        // The one connection is the database session itself: never drop it for idleness.
        idleTimeoutMillis: 0,
        connectionTimeoutMillis: LEASE_WAIT_LIMIT_MS,
      });
    }
    // TypeORM ends the pool with a callback, other callers await it: close PGlite (and its lock) either way.
    override end(cb?: (err?: Error) => void): Promise<void> {
      const done = super.end().then(() => db.close()).then(() => onClose?.());
      if (!cb) return done;
      done.then(() => cb(), (e: Error) => cb(e));
      return undefined as unknown as Promise<void>;
    }
  }
  return { db, driver: { ...pg, Pool } as typeof pg };
}

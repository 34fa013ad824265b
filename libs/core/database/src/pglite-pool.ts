import { EventEmitter } from 'node:events';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import pg from 'pg';

// `pg` exports its value serialiser at runtime; @types/pg does not declare it.
const prepareValue = (pg as unknown as { utils: { prepareValue(v: unknown): unknown } }).utils.prepareValue;

/**
 * A `pg`-compatible Pool over one PGlite instance, for TypeORM's `driver` option.
 *
 * PGlite is one Postgres session. typeorm-pglite's pool hands that session to every caller at once, so
 * two concurrent transactions interleave their statements and a rollback can keep another's rows. Here a
 * caller leases the session exclusively from `connect()` until TypeORM releases it, which gives real
 * transaction isolation (by serialising). The price: code holding a transaction must not query outside
 * it, or it waits for itself; the lease timeout turns that into a loud error instead of a hang.
 *
 * We keep our own pool rather than typeorm-pglite's because that one is a process-wide singleton (tests
 * boot several hosts in one process) and does not report affected row counts to TypeORM.
 */
export interface PgliteHandle {
  readonly db: PGlite;
  readonly Pool: new (options?: unknown) => EventEmitter;
}

const LEASE_WAIT_LIMIT_MS = 30_000;

const boolSerializer = (val: unknown) => (val === true || val === 'true' || val === 1 ? 'TRUE' : val === false || val === 'false' || val === 0 ? 'FALSE' : val);

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
    // Same number type as `pg` with parseInt8: counts and bigint ids come back as numbers on both engines.
    parsers: { [types.INT8]: (v: string) => Number(v) },
    serializers: { [types.BOOL]: boolSerializer as (v: unknown) => string },
  });
}

function commandOf(sql: string): string {
  return sql.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? '';
}

export function pglitePool(db: PGlite, onClose?: () => Promise<void>): PgliteHandle {
  let tail: Promise<void> = Promise.resolve();
  let waiting = 0;

  /** Resolves with a release function once every earlier lease has been released. */
  function lease(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const before = tail;
    tail = tail.then(() => mine);
    waiting++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`PGlite session still busy after ${LEASE_WAIT_LIMIT_MS} ms: a query was probably issued outside the transaction that holds it`)),
        LEASE_WAIT_LIMIT_MS,
      );
      timer.unref();
      void before.then(() => {
        clearTimeout(timer);
        waiting--;
        let released = false;
        resolve(() => {
          if (!released) {
            released = true;
            release();
          }
        });
      });
    });
  }

  async function run(sql: string, params?: unknown[]) {
    if (params && params.length > 0) {
      // Serialise parameters exactly as the `pg` driver does (arrays as array literals, objects as JSON),
      // so both engines receive the same text; PGlite alone would stringify an enum array as "a,b".
      const prepared = params.map((p) => (p === null || p === undefined || Buffer.isBuffer(p) ? p : prepareValue(p)));
      const r = await db.query<Record<string, unknown>>(sql, prepared);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length, command: commandOf(sql), fields: r.fields };
    }
    // No parameters: may be several statements (migrations); TypeORM wants the last result.
    const all = await db.exec(sql);
    const last = all[all.length - 1];
    return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0, command: commandOf(sql), fields: last?.fields ?? [] };
  }

  class Client extends EventEmitter {
    query(sql: string, params?: unknown[] | ((err: unknown, res?: unknown) => void), cb?: (err: unknown, res?: unknown) => void) {
      if (typeof params === 'function') {
        cb = params;
        params = undefined;
      }
      const p = run(sql, params as unknown[] | undefined);
      if (cb) p.then((r) => cb!(null, r), (e) => cb!(e));
      return p;
    }
  }

  class Pool extends EventEmitter {
    constructor(_options?: unknown) {
      super();
    }
    get totalCount() {
      return 1;
    }
    get waitingCount() {
      return waiting;
    }
    connect(cb?: (err: unknown, client?: Client, done?: (err?: unknown) => void) => void) {
      const p = lease().then((release) => {
        const client = new Client() as Client & { release: () => void };
        client.release = release;
        return { client, release };
      });
      if (!cb) return p.then(({ client }) => client);
      p.then(({ client, release }) => cb(null, client, () => release()), (e) => cb(e));
      return undefined;
    }
    async query(sql: string, params?: unknown[]) {
      const release = await lease();
      try {
        return await run(sql, params);
      } finally {
        release();
      }
    }
    end(cb?: (err: unknown) => void) {
      const p = db.close().then(() => onClose?.());
      if (cb) p.then(() => cb(null), (e) => cb(e));
      return p;
    }
  }

  return { db, Pool };
}

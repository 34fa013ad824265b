import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { createTestDatabase, testEngine, type TestDatabase } from '@enplan/core/testing';
import { startReceiver } from '../events/event-test-fixtures.js';

/**
 * The delivery worker killed mid-delivery (SIGKILL: no shutdown hook runs) while the receiver holds the request
 * open; after a restart on the same database the event is delivered again with the same idempotency key.
 * PostgreSQL only: the worker runs on pg-boss there, and a second process can reach the database (PGlite is
 * in-process). Real processes and real time: the waits poll for what the test waits for, with a deadline.
 */
const root = join(import.meta.dirname, '../../../..');
const apiMain = join(root, 'dist/apps/api/src/main.js');
const cliMain = join(root, 'dist/apps/cli/src/main.js');
const onPostgres = testEngine() === 'postgres';

async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`the delivery worker across a crash (${testEngine()})`, () => {
  let dataDir: string;
  let db: TestDatabase;
  const procs: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'enplan-crash-'));
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  function env(): NodeJS.ProcessEnv {
    const { NODE_OPTIONS: _n, ...rest } = process.env;
    return {
      ...rest,
      ENPLAN_DATA_DIR: dataDir,
      DATABASE_URL: db.settings.kind === 'postgres' ? db.settings.url : '',
      ENPLAN_SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      ENPLAN_EVENTS_WORKER: 'true',
      ENPLAN_EVENTS_POLL_MS: '200',
      ENPLAN_EVENTS_LEASE_MS: '1500',
      // The receiver is a plain-http server on loopback.
      ENPLAN_WEBHOOK_ALLOW_LOOPBACK: 'true',
    };
  }

  async function startApi(): Promise<{ proc: ChildProcessWithoutNullStreams; base: string }> {
    const proc = spawn(process.execPath, [apiMain], { env: env() });
    procs.push(proc);
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const port = await until('the API to listen', () => out.match(/listening on http:\/\/127\.0\.0\.1:(\d+) /)?.[1], 90_000);
    return { proc, base: `http://127.0.0.1:${port}` };
  }

  (onPostgres ? it : it.skip)(
    'redelivers with the same idempotency key after the worker was killed mid-delivery',
    async () => {
      const receiver = await startReceiver();
      const client = new pg.Client({ connectionString: db.settings.kind === 'postgres' ? db.settings.url : '' });
      try {
        receiver.hold(true);
        const first = await startApi();
        const token = spawnSync(process.execPath, [cliMain, 'token', '--roles', 'integrator'], { env: env(), encoding: 'utf8' }).stdout.trim();
        const created = await fetch(`${first.base}/api/v1/webhooks`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url: receiver.url }),
        });
        expect(created.status).toBe(201);
        const { secret } = (await created.json()) as { secret: string };

        await client.connect();
        const [{ id: eventId }] = (
          await client.query(
            `INSERT INTO domain_event (municipality_id, type, data, occurred_at, tx_id)
             SELECT id, 'course.team-changed', '{}'::jsonb, now(), pg_current_xact_id()::text::bigint FROM municipality WHERE code = '999' RETURNING id`,
          )
        ).rows as { id: string }[];

        // The receiver holds the first attempt open; the worker is killed while it waits for the answer.
        await until('the first attempt', () => receiver.received.length >= 1);
        const exited = new Promise((r) => first.proc.on('exit', r));
        first.proc.kill('SIGKILL');
        await exited;
        // The held request died with the worker's socket; it is never answered.
        receiver.hold(false);
        const [claimed] = (await client.query(`SELECT status, attempts FROM event_delivery WHERE event_id = $1`, [eventId])).rows as { status: string; attempts: number }[];
        expect(claimed).toEqual({ status: 'pending', attempts: 1 });

        const second = await startApi();
        await until('the redelivery', () => receiver.received.some((r) => r.status === 200));
        const [a, b] = receiver.received;
        expect(b.headers['webhook-id']).toBe(a.headers['webhook-id']);
        expect(new Webhook(secret).verify(b.body, b.headers as Record<string, string>)).toMatchObject({ type: 'course.team-changed', data: { id: eventId } });
        const done = await until('the delivery marked delivered', async () => {
          const rows = (await client.query(`SELECT id, status, attempts FROM event_delivery WHERE event_id = $1`, [eventId])).rows as { id: string; status: string; attempts: number }[];
          return rows[0]?.status === 'delivered' ? rows[0] : null;
        });
        expect(done.attempts).toBe(2);
        expect(a.headers['webhook-id']).toBe(`msg_${done.id}`);
        expect(receiver.received.filter((r) => r.status === 200)).toHaveLength(1);

        const stopped = new Promise<number | null>((r) => second.proc.on('exit', (code) => r(code)));
        second.proc.kill('SIGTERM');
        expect(await stopped).toBe(0);
      } finally {
        await client.end().catch(() => undefined);
        await receiver.close();
      }
    },
    240_000,
  );
});

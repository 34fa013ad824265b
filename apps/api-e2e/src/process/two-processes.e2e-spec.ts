import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { REMINDER_QUEUE } from '@enplan/core/cadence';
import { createTestDatabase, testEngine, type TestDatabase } from '@enplan/core/testing';

/**
 * More than one API server on one PostgreSQL database (issue 17): two real processes of the built API, started
 * as an operator starts them, each its own port. Publishes from one base version spread over both give exactly
 * one new version; the reminder job, triggered until both processes have run it, writes each staff member's
 * reminder once for the day. And ENPLAN_WORKERS runs several workers on one port under node's cluster module.
 * PostgreSQL only: the embedded database is one process (on PGlite ENPLAN_WORKERS is ignored with a warning,
 * which the last test checks). Real processes and real time: waits poll for what they wait for, with a deadline.
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

interface Api {
  proc: ChildProcessWithoutNullStreams;
  base: string;
  out: () => string;
}

describe(`two API processes on one database (${testEngine()})`, () => {
  let dataDir: string;
  let db: TestDatabase;
  const procs: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'enplan-two-'));
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const url = () => (db.settings.kind === 'postgres' ? db.settings.url : '');
  function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const { NODE_OPTIONS: _n, ...rest } = process.env;
    return {
      ...rest,
      ENPLAN_DATA_DIR: dataDir,
      DATABASE_URL: url(),
      ENPLAN_SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      ENPLAN_EVENTS_WORKER: 'false',
      ...extra,
    };
  }

  async function start(extra: NodeJS.ProcessEnv = {}, listening = 1): Promise<Api> {
    const proc = spawn(process.execPath, [apiMain], { env: env(extra) });
    procs.push(proc);
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const port = await until(
      'the API to listen',
      () => {
        const ports = [...out.matchAll(/listening on http:\/\/127\.0\.0\.1:(\d+) /g)].map((m) => m[1]);
        return ports.length >= listening ? ports[0] : null;
      },
      120_000,
    );
    return { proc, base: `http://127.0.0.1:${port}`, out: () => out };
  }

  async function stop(api: Api): Promise<{ code: number | null; out: string }> {
    const exited = new Promise<number | null>((r) => api.proc.on('exit', (code) => r(code)));
    api.proc.kill('SIGTERM');
    return { code: await exited, out: api.out() };
  }

  (onPostgres ? it : it.skip)(
    'gives one success to concurrent publishes from one base across two processes, and runs the reminder job once a day',
    async () => {
      // The first process migrates and plants the demo; the second finds both done.
      const a = await start({ ENPLAN_REMINDERS_CRON: '0 6 * * *' });
      const b = await start({ ENPLAN_REMINDERS_CRON: '0 6 * * *' });
      expect(b.out()).toContain('demo data not planted');
      const token = spawnSync(process.execPath, [cliMain, 'token'], { env: env(), encoding: 'utf8' }).stdout.trim();
      const call = (api: Api, path: string, init: RequestInit = {}) =>
        fetch(`${api.base}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

      // A demo course with a published plan.
      const courses = (await (await call(a, '/courses?status=active')).json()) as { items: { id: string }[] };
      let courseId = '';
      let plan: { version: number; content: unknown } | undefined;
      for (const c of courses.items) {
        const res = await call(b, `/courses/${c.id}/plan`);
        if (res.status === 200) {
          courseId = c.id;
          plan = (await res.json()) as { version: number; content: unknown };
          break;
        }
      }
      expect(plan).toBeDefined();

      // Eight publishes from the same base at once, four on each process.
      const answers = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const res = await call(i % 2 ? b : a, `/courses/${courseId}/plan/versions`, {
            method: 'POST',
            body: JSON.stringify({ baseVersion: plan!.version, changeSummary: `Samtidig ${i}`, content: plan!.content }),
          });
          return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as { code?: string; version?: number } };
        }),
      );
      const won = answers.filter((r) => r.status === 201);
      expect(won).toHaveLength(1);
      expect(won[0].body.version).toBe(plan!.version + 1);
      for (const lost of answers.filter((r) => r.status !== 201)) {
        expect([409, 412]).toContain(lost.status);
        expect(lost.type).toContain('application/problem+json');
        expect(lost.body.code).toBe('plan.version-conflict');
      }
      for (const api of [a, b]) {
        const now = (await (await call(api, `/courses/${courseId}/plan`)).json()) as { version: number };
        expect(now.version).toBe(plan!.version + 1);
      }

      // The reminder job: ticks sent to the shared queue (as the cron schedule sends them), two at a time, until
      // each process has run at least one; whatever ran where, each staff member is reminded once for the day.
      const boss = new PgBoss({ connectionString: url(), schema: 'pgboss', max: 1, schedule: false, supervise: false });
      const client = new pg.Client({ connectionString: url() });
      await boss.start();
      await client.connect();
      try {
        const runs = (api: Api) => [...api.out().matchAll(/reminders written: (\d+)/g)].map((m) => Number(m[1]));
        for (let round = 0; round < 20 && !(runs(a).length && runs(b).length); round++) {
          const ids = await Promise.all([boss.send(REMINDER_QUEUE, {}), boss.send(REMINDER_QUEUE, {})]);
          for (const id of ids) {
            await until(`reminder job ${id}`, async () => ['completed', 'failed'].includes((await boss.getJobById(REMINDER_QUEUE, id!))?.state ?? ''), 60_000);
          }
        }
        expect(runs(a).length).toBeGreaterThan(0);
        expect(runs(b).length).toBeGreaterThan(0);
        const rows = (await client.query(`SELECT recipient_id, dedupe_key FROM outbox_message WHERE topic = 'work-list-reminder'`)).rows as { dedupe_key: string }[];
        // The demo has due work; its reminders were written once, by whichever run came first.
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(rows.length);
        expect([...runs(a), ...runs(b)].reduce((n, w) => n + w, 0)).toBe(rows.length);
        expect([...runs(a), ...runs(b)].filter((w) => w > 0)).toHaveLength(1);
      } finally {
        await boss.stop({ graceful: false, close: true }).catch(() => undefined);
        await client.end().catch(() => undefined);
      }

      for (const api of [a, b]) {
        const { code, out } = await stop(api);
        expect(code).toBe(0);
        expect(out).toContain('shutdown complete');
      }
    },
    360_000,
  );

  (onPostgres ? it : it.skip)(
    'runs ENPLAN_WORKERS=2 worker processes on one port, and stops them all on SIGTERM',
    async () => {
      const api = await start({ ENPLAN_WORKERS: '2', ENPLAN_SEED_DEMO: 'false' }, 2);
      const ports = new Set([...api.out().matchAll(/listening on http:\/\/127\.0\.0\.1:(\d+) /g)].map((m) => m[1]));
      expect(ports.size).toBe(1);
      const pids = new Set([...api.out().matchAll(/"pid":(\d+)[^\n]*listening on/g)].map((m) => m[1]));
      expect(pids.size).toBe(2);
      expect(pids.has(String(api.proc.pid))).toBe(false);
      for (let i = 0; i < 4; i++) expect((await fetch(`${api.base}/health/ready`)).status).toBe(200);
      const { code, out } = await stop(api);
      expect(code).toBe(0);
      expect(out.match(/"msg":"shutdown complete"/g)?.length).toBe(3);
    },
    240_000,
  );

  (onPostgres ? it.skip : it)(
    'ignores ENPLAN_WORKERS on the embedded database, saying so, and runs one process',
    async () => {
      const api = await start({ ENPLAN_WORKERS: '2', ENPLAN_SEED_DEMO: 'false' });
      expect(api.out()).toContain('ENPLAN_WORKERS=2 is ignored');
      expect((await fetch(`${api.base}/health/ready`)).status).toBe(200);
      expect(api.out().match(/listening on/g)).toHaveLength(1);
      const { code } = await stop(api);
      expect(code).toBe(0);
    },
    240_000,
  );
});

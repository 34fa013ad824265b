import cluster, { type Worker } from 'node:cluster';
import { EnplanConfig, validateEnvironment } from '@enplan/core/config';
import { relayRecentWrites } from '@enplan/core/database';
import type { HostOptions } from './app.module.js';
import { startApi } from './bootstrap.js';

/** One JSON log line in the shape the API's own (pino) lines have, for the cluster's primary, which runs no Nest. */
function log(level: 'info' | 'warn' | 'error', msg: string): void {
  const n = { info: 30, warn: 40, error: 50 }[level];
  process.stdout.write(`${JSON.stringify({ level: n, time: Date.now(), pid: process.pid, context: 'Cluster', msg })}\n`);
}

/**
 * Starts the API as configured: one process, or with `ENPLAN_WORKERS=n` (n > 1) on PostgreSQL, n worker processes
 * under node's cluster module, sharing the port (the primary hands connections round-robin to them). The API
 * keeps no state in memory that another process needs (sessions are bearer tokens, locks and queues live in
 * PostgreSQL), so any worker can answer any request. The first worker starts alone and applies the migrations and
 * the demo seed; the others start when it listens, so they never race over the schema.
 * On the embedded database (PGlite, one process holds it) the setting is ignored with a warning.
 */
export async function runApi(options: HostOptions = {}): Promise<void> {
  if (!cluster.isPrimary) {
    await startApi(options);
    return;
  }
  // The host validates again (and names a bad variable); here only the two settings that decide the shape matter.
  const config = new EnplanConfig(validateEnvironment(process.env));
  if (config.workers > 1 && config.database.kind !== 'postgres') {
    log('warn', `ENPLAN_WORKERS=${config.workers} is ignored: the embedded database (PGlite) is one process; set DATABASE_URL to run several`);
  }
  if (config.workers <= 1 || config.database.kind !== 'postgres') {
    await startApi(options);
    return;
  }
  await runPrimary(config.workers, config.shutdownGraceMs);
}

async function runPrimary(n: number, graceMs: number): Promise<void> {
  let stopping = false;
  let started = false;
  const workers = new Set<Worker>();
  const fork = (): Worker => {
    const w = cluster.fork();
    workers.add(w);
    w.on('exit', (code, signal) => {
      workers.delete(w);
      if (stopping) {
        if (!workers.size) {
          log('info', 'shutdown complete');
          process.exit(0);
        }
        return;
      }
      if (!started) return; // the first worker failed at boot: runPrimary reports it and exits
      // A worker that dies is replaced (after a second, so a crash at boot cannot spin the machine).
      log('error', `worker ${w.process.pid} exited (${signal ?? code}): starting another`);
      setTimeout(() => !stopping && fork(), 1_000).unref();
    });
    return w;
  };
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', `${signal} received: stopping ${workers.size} worker(s)`);
    for (const w of workers) w.process.kill('SIGTERM');
    // Each worker waits SHUTDOWN_GRACE_MS for its requests; the primary a little longer for them all.
    setTimeout(() => {
      log('error', `workers still running after ${graceMs + 2_000} ms: exiting`);
      process.exit(1);
    }, graceMs + 2_000).unref();
    if (!workers.size) process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // Read-your-writes across workers: a worker's "this caller wrote" reaches the others.
  relayRecentWrites();

  // The first worker migrates and seeds; it must come up before the others start.
  const first = fork();
  const up = await new Promise<boolean>((resolve) => {
    first.once('listening', () => resolve(true));
    first.once('exit', () => resolve(false));
  });
  if (!up) {
    log('error', 'the first worker did not start (see its message above)');
    process.exit(1);
  }
  started = true;
  for (let i = 1; i < n && !stopping; i++) fork();
  log('info', `${n} API workers on one port (ENPLAN_WORKERS=${n})`);
}

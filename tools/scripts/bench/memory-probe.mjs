// Preloaded into the API by memory.mjs (`node --expose-gc --import memory-probe.mjs …`): on SIGUSR2 it reads the
// memory figures, forces two full garbage collections, reads them again and appends both as one JSON line to
// $MEMORY_PROBE_OUT; with $MEMORY_PROBE_SNAPSHOT_DIR set it also writes a heap snapshot there. Nothing else.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';

const mb = (x) => Math.round((x / 1048576) * 10) / 10;
let n = 0;
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  globalThis.gc?.();
  globalThis.gc?.();
  const after = process.memoryUsage();
  const dir = process.env.MEMORY_PROBE_SNAPSHOT_DIR;
  const snapshot = dir ? v8.writeHeapSnapshot(join(dir, `heap-${++n}.heapsnapshot`)) : null;
  const line = { rssBefore: mb(before.rss), heapUsedBefore: mb(before.heapUsed), heapTotalBefore: mb(before.heapTotal), rss: mb(after.rss), heapUsed: mb(after.heapUsed), heapTotal: mb(after.heapTotal), external: mb(after.external), snapshot };
  appendFileSync(process.env.MEMORY_PROBE_OUT, `${JSON.stringify(line)}\n`);
});

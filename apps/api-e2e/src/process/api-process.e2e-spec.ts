import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ContractValidator, createTestDatabase, testEngine, type TestDatabase } from '@enplan/core/testing';

/**
 * The built API and CLI as an operator runs them: real processes, real signals. `npm test` builds dist/
 * before Jest starts.
 */
const root = join(import.meta.dirname, '../../../..');
const apiMain = join(root, 'dist/apps/api/src/main.js');
const cliMain = join(root, 'dist/apps/cli/src/main.js');

function baseEnv(dataDir: string, db: TestDatabase): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _n, ...rest } = process.env;
  return {
    ...rest,
    ENPLAN_DATA_DIR: dataDir,
    DATABASE_URL: db.settings.kind === 'postgres' ? db.settings.url : '',
    ENPLAN_SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
  };
}

function waitForLine(proc: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${buffer}`)), timeoutMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = buffer.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}:\n${buffer}`));
    });
  });
}

describe(`the API process (${testEngine()})`, () => {
  let dataDir: string;
  let db: TestDatabase;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'enplan-proc-'));
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start on a bad setting, naming the variable', () => {
    const r = spawnSync(process.execPath, [apiMain], { env: { ...baseEnv(dataDir, db), PORT: 'eighty' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('"eighty"');
  });

  it('refuses to start on an unreadable deployment file, naming it', () => {
    const r = spawnSync(process.execPath, [apiMain], {
      env: { ...baseEnv(dataDir, db), ENPLAN_DEPLOYMENT_FILE: join(dataDir, 'missing.json') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.json');
  });

  it('serves a CLI token, then shuts down gracefully on SIGTERM', async () => {
    const proc = spawn(process.execPath, [apiMain], { env: { ...baseEnv(dataDir, db), PORT: '0', HOST: '127.0.0.1' } });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      // The address actually bound, not "localhost".
      const [, port] = await waitForLine(proc, /listening on http:\/\/127\.0\.0\.1:(\d+) /);
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      // Idle connections are kept 75 s (past a load balancer's 60 s), and the server says so.
      expect(health.headers.get('keep-alive')).toBe('timeout=75');
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);

      const cli = spawnSync(process.execPath, [cliMain, 'token', '--roles', 'caseworker,manager'], { env: baseEnv(dataDir, db), encoding: 'utf8' });
      expect(cli.status).toBe(0);
      const token = cli.stdout.trim();
      expect(cli.stdout).toBe(`${token}\n`); // nothing but the token on stdout
      expect(token.split('.')).toHaveLength(3);
      const me = await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ municipalityCode: '999', roles: ['caseworker', 'manager'] });

      const openApi = await fetch(`${base}/api/openapi.json`);
      expect(((await openApi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
      let out = '';
      proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
      proc.kill('SIGTERM');
      const code = await exited;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(out).toContain('shutdown complete');
    }
  });

  it('drains before it stops: health answers 503 shutting_down while requests are still served (SHUTDOWN_DRAIN_MS)', async () => {
    const proc = spawn(process.execPath, [apiMain], { env: { ...baseEnv(dataDir, db), PORT: '0', HOST: '127.0.0.1', SHUTDOWN_DRAIN_MS: '4000' } });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    const [, port] = await waitForLine(proc, /listening on http:\/\/127\.0\.0\.1:(\d+) /);
    const base = `http://127.0.0.1:${port}`;
    const contract = new ContractValidator((await (await fetch(`${base}/api/openapi.json`)).json()) as OpenAPIObject);
    // Each answer is held to the document the process serves (and counted for the contract coverage).
    const call = async (path: string, init?: RequestInit) => {
      const res = await fetch(`${base}${path}`, init);
      const text = await res.text();
      const body = text ? (JSON.parse(text) as unknown) : undefined;
      expect(contract.check({ method: init?.method ?? 'GET', url: path, status: res.status, contentType: res.headers.get('content-type') ?? undefined, body, empty: !text })).toEqual([]);
      return { status: res.status, body };
    };
    expect((await call('/health')).status).toBe(200);
    const cli = spawnSync(process.execPath, [cliMain, 'token', '--roles', 'caseworker'], { env: baseEnv(dataDir, db), encoding: 'utf8' });
    const auth = { headers: { Authorization: `Bearer ${cli.stdout.trim()}` } };
    proc.kill('SIGTERM');
    // The signal arrives asynchronously: ask until the probe sees the drain (bounded; the drain lasts 4 s).
    let live = await call('/health');
    for (let i = 0; i < 50 && live.status === 200; i++) live = await call('/health');
    expect(live).toEqual({ status: 503, body: { status: 'shutting_down', info: {}, error: {}, details: {} } });
    expect((await call('/health/ready')).status).toBe(503);
    // Meanwhile the API still answers: a request the balancer sent before it noticed is served, not refused.
    expect((await call('/api/v1/me', auth)).status).toBe(200);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('says why it planted no demo data when the deployment file lacks the demo municipality', async () => {
    const file = join(dataDir, 'halsnaes.json');
    await writeFile(file, JSON.stringify({ municipalities: [{ code: '260', name: 'Halsnæs Kommune', plugins: [] }] }));
    const proc = spawn(process.execPath, [apiMain], {
      env: { ...baseEnv(dataDir, db), PORT: '0', HOST: '127.0.0.1', ENPLAN_SEED_DEMO: 'true', ENPLAN_DEPLOYMENT_FILE: file },
    });
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    try {
      // Boot logs it before listening; SIGTERM is handled once it listens.
      const [, line] = await waitForLine(proc, /(demo data not planted[^"]*)[\s\S]*listening on/);
      expect(line).toContain('does not serve the demo municipality 999 (it serves 260)');
      expect(line).toContain('token --municipality');
    } finally {
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

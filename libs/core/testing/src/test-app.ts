import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadOrCreateLocalKey, mintToken } from '@enplan/core/auth';
import { DEMO_DEPLOYMENT, EnplanConfig, type Deployment } from '@enplan/core/config';
import { createApp, DEMO, openApiDocumentOf, type HostOptions } from '@enplan/core/host';
import type { PluginDefinition } from '@enplan/core/extensions';
import { FixedClock } from '@enplan/shared/util';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { ContractValidator, validatingAgent } from './contract.js';

export interface TestAppOptions {
  deployment?: Deployment;
  env?: Record<string, string | undefined>;
  /** Start of the test's own clock (default 2026-01-05T09:00:00Z, a Monday). */
  now?: string;
  seedDemo?: boolean;
  /** Keep the JSON log lines, to assert what is (not) logged. */
  captureLogs?: boolean;
  /** The plugin catalogue the host boots with (default none); the deployment enables them per municipality. */
  plugins?: readonly PluginDefinition[];
  /** A database the test owns (e.g. `createTestDatabase(engine, { persistent: true })`), kept when the host closes. */
  database?: TestDatabase;
}

export interface TokenOptions {
  userId?: string;
  municipality?: string;
  roles?: string[];
  ttlSeconds?: number;
  issuedAt?: Date;
}

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly db: TestDatabase;
  readonly clock: FixedClock;
  readonly dataDir: string;
  readonly logs: string[];
  /**
   * supertest on the host. Every answer is checked against the OpenAPI document (see ContractValidator): one
   * the document does not describe fails the request. `unchecked` (say why) is for deliberately raw calls only.
   */
  http(o?: { unchecked: string }): ReturnType<typeof request>;
  token(o?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real API host (every module, real guards, filters and pipes) on a fresh database, with a
 * controllable clock and a private data directory holding its signing key.
 */
export async function startTestApp(o: TestAppOptions = {}): Promise<TestApp> {
  const db = o.database ?? (await createTestDatabase());
  const ownsDatabase = !o.database;
  const dataDir = await mkdtemp(join(tmpdir(), 'enplan-test-'));
  const clock = new FixedClock(o.now ?? '2026-01-05T09:00:00Z');
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      if (o.captureLogs) logs.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const host: HostOptions = {
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: o.captureLogs ? 'info' : 'silent',
      ENPLAN_DATA_DIR: dataDir,
      ENPLAN_SEED_DEMO: o.seedDemo ? 'true' : 'false',
      AUTH_JWKS_URL: '',
      DATABASE_URL: '',
      ...o.env,
    },
    deployment: o.deployment ?? DEMO_DEPLOYMENT,
    plugins: o.plugins ?? [],
    database: db.settings,
    clock,
    logStream,
  };
  let app: NestExpressApplication;
  try {
    app = await createApp(host);
  } catch (e) {
    if (ownsDatabase) await db.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
  const contract = new ContractValidator(openApiDocumentOf(app));
  const key = await loadOrCreateLocalKey(dataDir);
  // Tokens carry whatever issuer and audience this host was configured to require.
  const { issuer, audience } = app.get(EnplanConfig).auth;
  return {
    app,
    db,
    clock,
    dataDir,
    logs,
    http: (h?: { unchecked: string }) => (h?.unchecked ? request(app.getHttpServer()) : validatingAgent(request(app.getHttpServer()), contract)),
    token: (t: TokenOptions = {}) =>
      mintToken(key, {
        userId: t.userId ?? DEMO.caseworkerId,
        municipality: t.municipality ?? DEMO.municipalityCode,
        roles: t.roles ?? ['caseworker'],
        issuer,
        audience,
        ttlSeconds: t.ttlSeconds ?? 3600,
        now: t.issuedAt ?? clock.now(),
      }),
    close: async () => {
      await app.close();
      if (ownsDatabase) await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The error a host refuses to start with (a broken deployment, plugin or instrument); fails the test if it starts.
 * Tests of boot-time checks assert on its name and message.
 */
export async function startFailure(o: TestAppOptions = {}): Promise<Error> {
  let started: TestApp;
  try {
    started = await startTestApp(o);
  } catch (e) {
    return e as Error;
  }
  await started.close();
  throw new Error('the host started');
}

/** Two municipalities, for tests that prove nothing crosses between them. */
export const TWO_MUNICIPALITIES: Deployment = {
  municipalities: [
    { code: '999', name: 'Demo Kommune', plugins: [] },
    { code: '101', name: 'Anden Kommune', plugins: [] },
  ],
};

/**
 * Short-hands for /api/v1 calls with a bearer token; `auth` is read at call time because tests mint their
 * tokens in beforeAll, after the helpers are made.
 */
export function apiClient(app: () => TestApp, auth: () => string) {
  const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, as?: string) =>
    app().http()[method](`/api/v1${path}`).set('Authorization', as ?? auth());
  return {
    get: (path: string, as?: string) => call('get', path, as),
    post: (path: string, body: object, as?: string) => call('post', path, as).send(body),
    put: (path: string, body: object, as?: string) => call('put', path, as).send(body),
    patch: (path: string, body: object, as?: string) => call('patch', path, as).send(body),
    del: (path: string, as?: string) => call('delete', path, as),
  };
}

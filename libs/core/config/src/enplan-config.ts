import { isAbsolute, resolve } from 'node:path';
import type { EnvironmentVariables } from './environment.js';

export type DatabaseSettings =
  | { kind: 'pglite'; dataDir: string | 'memory' }
  | { kind: 'postgres'; url: string; poolSize: number };

/** The typed, defaulted view of the configuration that the rest of the code injects. */
export class EnplanConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseSettings;
  readonly runMigrations: boolean;
  /** A streaming replica for read-only heavy routes (DATABASE_REPLICA_URL) and how long a writer's reads stay on the primary. */
  readonly replica: { url: string | undefined; stickyMs: number };
  /** API processes under node's cluster module (ENPLAN_WORKERS; only on PostgreSQL, see libs/core/host/src/cluster.ts). */
  readonly workers: number;
  readonly seedDemo: boolean;
  readonly deploymentFile: string | undefined;
  readonly logLevel: string;
  readonly auth: { jwksUrl?: string; issuer: string; audience: string };
  readonly shutdownGraceMs: number;
  readonly shutdownDrainMs: number;
  /** Idle keep-alive and request-header timeouts of the HTTP server (announced in the `Keep-Alive` header). */
  readonly http: { keepAliveTimeoutMs: number; headersTimeoutMs: number };
  /** Years a closed or declined course is kept after its end date (ENPLAN_RETENTION_YEARS). */
  readonly retentionYears: number;
  /** Cron expression (Europe/Copenhagen) for the work-list reminder job; the job runs only on PostgreSQL. */
  readonly remindersCron: string | undefined;
  /** The API's public address without a trailing slash (ENPLAN_PUBLIC_URL), for URLs handed out (calendar subscriptions). */
  readonly publicUrl: string | undefined;
  /** Whether responses carry the number of SQL statements they ran (ENPLAN_SQL_STATEMENT_HEADER; off by default). */
  readonly sqlStatementHeader: boolean;
  /** Where every request's SQL statements are appended, for `npm run bench:explain` (ENPLAN_SQL_CAPTURE_FILE; absolute). */
  readonly sqlCaptureFile: string | undefined;
  /** Whether the measurement schedules put due measurements on work lists (ENPLAN_PROGRESSION_SCHEDULES). */
  readonly progressionSchedules: boolean;
  /** Domain-event delivery (libs/core/events): worker on/off, poll interval, attempts before dead letter, claim lease, secret overlap. */
  readonly events: {
    worker: boolean;
    pollMs: number;
    maxAttempts: number;
    leaseMs: number;
    secretOverlapHours: number;
    /** ENPLAN_WEBHOOK_ALLOW_LOOPBACK (default true only when NODE_ENV=test): plain-http loopback webhooks allowed. */
    allowLoopbackWebhooks: boolean;
    /** ENPLAN_EVENTS_RETENTION_DAYS (default 90): delivered events older than this are deleted by the retention job. */
    retentionDays: number;
  };
  /** Where the document-archive drop writes (ENPLAN_ARCHIVE_DIR, absolute); unset = the archive target fails and says so in the ledger. */
  readonly archiveDir: string | undefined;
  /**
   * The letterhead of letters (decision letters) where the deployment names none for the municipality:
   * address lines (ENPLAN_LETTERHEAD_ADDRESS, `|`-separated) and a logo file (ENPLAN_LETTERHEAD_LOGO).
   * The name is always the municipality's own (deployment file), unless its `letterhead.name` says otherwise.
   */
  readonly letterhead: { addressLines: string[]; logoFile: string | undefined };

  constructor(vars: EnvironmentVariables, cwd = process.cwd()) {
    this.env = vars.NODE_ENV ?? 'development';
    this.port = vars.PORT ?? 3000;
    this.host = vars.HOST ?? '0.0.0.0';
    const dataDir = vars.ENPLAN_DATA_DIR ?? './data';
    this.dataDir = isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir);
    this.database = vars.DATABASE_URL
      ? { kind: 'postgres', url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE ?? 10 }
      : { kind: 'pglite', dataDir: resolve(this.dataDir, 'pglite') };
    this.runMigrations = vars.ENPLAN_MIGRATIONS_RUN ?? true;
    this.replica = { url: vars.DATABASE_REPLICA_URL, stickyMs: vars.DATABASE_REPLICA_STICKY_MS ?? 10_000 };
    this.workers = vars.ENPLAN_WORKERS ?? 1;
    // Demo data only appears by default on the embedded database, never silently in production.
    this.seedDemo = vars.ENPLAN_SEED_DEMO ?? this.database.kind === 'pglite';
    this.deploymentFile = vars.ENPLAN_DEPLOYMENT_FILE ? resolve(cwd, vars.ENPLAN_DEPLOYMENT_FILE) : undefined;
    this.logLevel = vars.LOG_LEVEL ?? (this.env === 'test' ? 'silent' : 'info');
    this.auth = {
      jwksUrl: vars.AUTH_JWKS_URL,
      issuer: vars.AUTH_ISSUER ?? 'enplan-local',
      audience: vars.AUTH_AUDIENCE ?? 'enplan-api',
    };
    this.shutdownGraceMs = vars.SHUTDOWN_GRACE_MS ?? 10_000;
    this.shutdownDrainMs = vars.SHUTDOWN_DRAIN_MS ?? 0;
    // 75 s outlives the common 60 s idle timeout of load balancers, so the proxy closes first, never us mid-reuse.
    const keepAliveTimeoutMs = vars.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 75_000;
    this.http = { keepAliveTimeoutMs, headersTimeoutMs: Math.max(vars.HTTP_HEADERS_TIMEOUT_MS ?? 0, keepAliveTimeoutMs + 1_000) };
    this.retentionYears = vars.ENPLAN_RETENTION_YEARS ?? 5;
    this.remindersCron = vars.ENPLAN_REMINDERS_CRON?.trim() || undefined;
    this.publicUrl = vars.ENPLAN_PUBLIC_URL?.replace(/\/+$/, '') || undefined;
    this.sqlStatementHeader = vars.ENPLAN_SQL_STATEMENT_HEADER ?? false;
    this.sqlCaptureFile = vars.ENPLAN_SQL_CAPTURE_FILE ? resolve(cwd, vars.ENPLAN_SQL_CAPTURE_FILE) : undefined;
    // Off in tests by default (their work lists predate the schedules); the progression tests switch it on.
    this.progressionSchedules = vars.ENPLAN_PROGRESSION_SCHEDULES ?? this.env !== 'test';
    this.events = {
      // Off in tests by default: they run delivery passes by hand on the fixed clock.
      worker: (vars.ENPLAN_EVENTS_WORKER ?? (this.env === 'test' ? 'false' : 'true')) === 'true',
      pollMs: vars.ENPLAN_EVENTS_POLL_MS ?? 2_000,
      maxAttempts: vars.ENPLAN_EVENTS_MAX_ATTEMPTS ?? 8,
      leaseMs: vars.ENPLAN_EVENTS_LEASE_MS ?? 60_000,
      secretOverlapHours: vars.ENPLAN_WEBHOOK_SECRET_OVERLAP_HOURS ?? 24,
      allowLoopbackWebhooks: (vars.ENPLAN_WEBHOOK_ALLOW_LOOPBACK ?? (this.env === 'test' ? 'true' : 'false')) === 'true',
      retentionDays: vars.ENPLAN_EVENTS_RETENTION_DAYS ?? 90,
    };
    this.archiveDir = vars.ENPLAN_ARCHIVE_DIR ? resolve(cwd, vars.ENPLAN_ARCHIVE_DIR) : undefined;
    this.letterhead = {
      addressLines: (vars.ENPLAN_LETTERHEAD_ADDRESS ?? '').split('|').map((l) => l.trim()).filter(Boolean),
      logoFile: vars.ENPLAN_LETTERHEAD_LOGO ? resolve(cwd, vars.ENPLAN_LETTERHEAD_LOGO) : undefined,
    };
  }
}

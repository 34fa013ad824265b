import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Five cron fields (minute hour day-of-month month day-of-week), optionally a sixth for seconds first. */
const CRON_FIELD = '[0-9A-Za-z*/,?#-]+';
const CRON = new RegExp(`^${CRON_FIELD}(\\s+${CRON_FIELD}){4,5}$`);

/** Variables whose values must never be echoed back in a boot error. */
const SENSITIVE = new Set(['DATABASE_URL', 'DATABASE_REPLICA_URL']);

/**
 * Every environment variable the host reads, validated once at boot.
 * Documented in the README's configuration table; keep the two in step.
 */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  ENPLAN_DATA_DIR?: string;

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE?: number;

  /** A PostgreSQL streaming replica the read-only heavy routes read from (TypeORM replication); PostgreSQL only. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_REPLICA_URL must be a postgres:// connection URL' })
  DATABASE_REPLICA_URL?: string;

  /** How long after a write the caller's reads stay on the primary (read-your-writes), in milliseconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  DATABASE_REPLICA_STICKY_MS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  ENPLAN_MIGRATIONS_RUN?: boolean;

  /** API processes to run under node's cluster module, sharing the port (PostgreSQL only; ignored on PGlite). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64)
  ENPLAN_WORKERS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  ENPLAN_SEED_DEMO?: boolean;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  ENPLAN_DEPLOYMENT_FILE?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  AUTH_ISSUER?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  AUTH_AUDIENCE?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(300_000)
  SHUTDOWN_GRACE_MS?: number;

  /** How long after SIGTERM the API keeps serving with its health checks at 503, before it stops accepting. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(300_000)
  SHUTDOWN_DRAIN_MS?: number;

  /** How long an idle keep-alive connection stays open: longer than the load balancer's idle timeout (60 s on most). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1_000) @Max(600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS?: number;

  /** How long a client may take to send a request's headers; must exceed the keep-alive timeout (Node's rule). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1_000) @Max(600_000)
  HTTP_HEADERS_TIMEOUT_MS?: number;

  /** Years a closed or declined course is kept after its end date before the retention purge may delete it. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  ENPLAN_RETENTION_YEARS?: number;

  /** The API's address as browsers and calendar programs reach it (behind a proxy); subscription URLs start with it. */
  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'ENPLAN_PUBLIC_URL must be an http(s) URL, e.g. https://enplan.kommune.dk' })
  ENPLAN_PUBLIC_URL?: string;

  /** Whether due and overdue progression measurements appear on work lists and boards (default: on, off in tests). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  ENPLAN_PROGRESSION_SCHEDULES?: boolean;

  /** Adds `Enplan-Sql-Statements: <n>` to every response: the SQL statements the request ran (tests, benchmarks). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  ENPLAN_SQL_STATEMENT_HEADER?: boolean;

  /** A file every request's SQL statements are appended to, with parameters, CPR-like values masked (`npm run bench:explain` only). */
  @IsOptional() @Transform(emptyToUndefined) @IsString()
  ENPLAN_SQL_CAPTURE_FILE?: string;

  /** The folder the document-archive drop writes each plan version's PDF and metadata into (one subfolder per municipality). */
  @IsOptional() @Transform(emptyToUndefined) @IsString({ message: 'ENPLAN_ARCHIVE_DIR must be a folder path' })
  ENPLAN_ARCHIVE_DIR?: string;

  /** When the work-list reminder job runs (cron, Danish time); only on PostgreSQL. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(CRON, { message: 'ENPLAN_REMINDERS_CRON must be a cron expression of 5 fields, e.g. "0 6 * * 1-5"' })
  ENPLAN_REMINDERS_CRON?: string;

  /** Whether this process runs the domain-event delivery worker (webhooks, sector adapters). */
  @IsOptional() @Transform(emptyToUndefined) @IsIn(['true', 'false'], { message: 'ENPLAN_EVENTS_WORKER must be true or false' })
  ENPLAN_EVENTS_WORKER?: string;

  /** How often the delivery worker looks for due deliveries, in milliseconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(50) @Max(3_600_000)
  ENPLAN_EVENTS_POLL_MS?: number;

  /** Attempts per delivery before it is dead-lettered. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  ENPLAN_EVENTS_MAX_ATTEMPTS?: number;

  /** How long a claimed delivery is held before another worker may take it again (a crashed worker's lease). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(500) @Max(3_600_000)
  ENPLAN_EVENTS_LEASE_MS?: number;

  /** How long a rotated webhook secret stays valid (and signed with) next to the new one, in hours. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(24 * 30)
  ENPLAN_WEBHOOK_SECRET_OVERLAP_HOURS?: number;

  /**
   * Development and tests only: lets a webhook be registered at a plain-http loopback address (127.0.0.1, ::1,
   * localhost). Otherwise a webhook must be https and resolve to public addresses only.
   */
  @IsOptional() @Transform(emptyToUndefined) @IsIn(['true', 'false'], { message: 'ENPLAN_WEBHOOK_ALLOW_LOOPBACK must be true or false' })
  ENPLAN_WEBHOOK_ALLOW_LOOPBACK?: string;

  /** Days a domain event is kept once every delivery of it has been delivered (dead letters are kept until handled). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  ENPLAN_EVENTS_RETENTION_DAYS?: number;
  /** Letterhead of decision letters: address lines separated by `|` (the municipality's name heads them). */
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(500)
  ENPLAN_LETTERHEAD_ADDRESS?: string;

  /** Letterhead logo: a PNG or JPEG file (read at boot); absent, the letter is headed by the name alone. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/\.(png|jpe?g)$/i, { message: 'ENPLAN_LETTERHEAD_LOGO must be the path of a .png or .jpg file' })
  ENPLAN_LETTERHEAD_LOGO?: string;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates raw environment values; throws a ConfigurationError naming each bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length) {
    throw new ConfigurationError(
      errors.map((e) => {
        const shown = SENSITIVE.has(e.property) ? '(value hidden)' : JSON.stringify(raw[e.property]);
        return { variable: e.property, message: `${Object.values(e.constraints ?? {}).join('; ')} (got ${shown})` };
      }),
    );
  }
  return env;
}

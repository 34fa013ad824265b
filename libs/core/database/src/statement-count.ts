import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { Logger, QueryRunner } from 'typeorm';
import { scrubCpr } from '@enplan/shared/util';

/**
 * Counts the SQL statements a piece of work sends through TypeORM (every query runner reports each statement
 * to the data source's logger, whatever the logging setting). The host opens one scope per HTTP request when
 * ENPLAN_SQL_STATEMENT_HEADER is on, so tests and the benchmark read "statements per request" from the real
 * driver without timing anything: a list whose count grows with its rows is an N+1.
 *
 * With a capture file (ENPLAN_SQL_CAPTURE_FILE, `npm run bench:explain` only) each statement of a scope is also
 * appended to that file as a JSON line with its parameters and the scope's label (the request id), CPR-like
 * values masked: the explain script re-runs the reads under EXPLAIN (ANALYZE). Nothing goes to stdout.
 */
const scope = new AsyncLocalStorage<{ statements: number; label?: string }>();
let captureFile: string | undefined;

/** Runs `fn` in a fresh counting scope; `read()` tells how many statements it has sent so far. */
export function countStatements<T>(fn: (read: () => number) => T, label?: string): T {
  const counter = { statements: 0, label };
  return scope.run(counter, () => fn(() => counter.statements));
}

/** From now on every statement inside a counting scope is appended to `file` (undefined: stop capturing). */
export function captureStatementsTo(file: string | undefined): void {
  captureFile = file;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A parameter as captured: strings with CPR-like numbers masked (ids are left whole), arrays element by element. */
function masked(value: unknown): unknown {
  if (typeof value === 'string') return UUID.test(value) ? value : scrubCpr(value);
  if (Array.isArray(value)) return value.map(masked);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.parse(scrubCpr(JSON.stringify(value)));
  return value;
}

const ignore = (): void => undefined;

/** TypeORM's logger for the data source: logs nothing (logging stays off), only counts inside a scope. */
export class StatementCountingLogger implements Logger {
  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    const counter = scope.getStore();
    if (!counter) return;
    counter.statements++;
    if (captureFile) appendFileSync(captureFile, `${JSON.stringify({ label: counter.label, query: scrubCpr(query), parameters: (parameters ?? []).map(masked) })}\n`, { mode: 0o600 });
  }
  // Everything else is what `logging: false` logs: nothing (errors reach the caller as exceptions).
  logQueryError = ignore;
  logQuerySlow = ignore;
  logSchemaBuild = ignore;
  logMigration = ignore;
  log = ignore;
}

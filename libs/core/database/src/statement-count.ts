import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements a piece of work sends through TypeORM (every query runner reports each statement
 * to the data source's logger, whatever the logging setting). The host opens one scope per HTTP request when
 * ENPLAN_SQL_STATEMENT_HEADER is on, so tests and the benchmark read "statements per request" from the real
 * driver without timing anything: a list whose count grows with its rows is an N+1.
 */
const scope = new AsyncLocalStorage<{ statements: number }>();

/** Runs `fn` in a fresh counting scope; `read()` tells how many statements it has sent so far. */
export function countStatements<T>(fn: (read: () => number) => T): T {
  const counter = { statements: 0 };
  return scope.run(counter, () => fn(() => counter.statements));
}

const ignore = (): void => undefined;

/** TypeORM's logger for the data source: logs nothing (logging stays off), only counts inside a scope. */
export class StatementCountingLogger implements Logger {
  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const counter = scope.getStore();
    if (counter) counter.statements++;
  }
  // Everything else is what `logging: false` logs: nothing (errors reach the caller as exceptions).
  logQueryError = ignore;
  logQuerySlow = ignore;
  logSchemaBuild = ignore;
  logMigration = ignore;
  log = ignore;
}

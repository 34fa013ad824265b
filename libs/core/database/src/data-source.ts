import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { DatabaseSettings } from '@enplan/core/config';
import { openPglite, pglitePool, unlockDataDir } from './pglite-pool.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { StatementCountingLogger } from './statement-count.js';
import { joinUnitsOfWork } from './unit-of-work.js';
import { routeReadsToReplica } from './replica.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationList = MixedList<Function | string>;

export interface SchemaParts {
  entities: EntityList;
  migrations: MigrationList;
}

export const MIGRATIONS_TABLE = 'schema_migration';

function commonOptions(parts: SchemaParts) {
  return {
    type: 'postgres' as const,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each' as const,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: 'enplan',
    logging: false,
    logger: new StatementCountingLogger(),
  };
}

/**
 * Builds the options (and, for PGlite, opens the embedded database) for the configured engine. With a replica
 * URL (PostgreSQL only) the options use TypeORM replication with the primary as the default for every statement;
 * `routeReadsToReplica` sends the reads of marked routes to the replica.
 */
export async function dataSourceOptions(settings: DatabaseSettings, parts: SchemaParts, replicaUrl?: string): Promise<DataSourceOptions> {
  if (settings.kind === 'postgres') {
    if (replicaUrl) {
      return {
        ...commonOptions(parts),
        replication: { master: { url: settings.url }, slaves: [{ url: replicaUrl }], defaultMode: 'master' },
        poolSize: settings.poolSize,
        parseInt8: true,
      };
    }
    return { ...commonOptions(parts), url: settings.url, poolSize: settings.poolSize, parseInt8: true };
  }
  const db = await openPglite(settings.dataDir);
  const dataDir = settings.dataDir;
  const { driver } = pglitePool(db, dataDir === 'memory' ? undefined : () => unlockDataDir(dataDir));
  return { ...commonOptions(parts), driver, parseInt8: true } as DataSourceOptions;
}

export async function createDataSource(settings: DatabaseSettings, parts: SchemaParts, replicaUrl?: string): Promise<DataSource> {
  return routeReadsToReplica(joinUnitsOfWork(new DataSource(await dataSourceOptions(settings, parts, settings.kind === 'postgres' ? replicaUrl : undefined))));
}

/** SQL that would bring the database in line with the entities; empty when migrations match them. */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}

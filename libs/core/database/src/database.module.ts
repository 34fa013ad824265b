import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { EnplanConfig } from '@enplan/core/config';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { createDataSource, type SchemaParts } from './data-source.js';
import { RecentWriters } from './replica.js';

type OptionsWithConfig = TypeOrmModuleOptions & { enplanConfig: EnplanConfig };

@Global()
@Module({})
export class DatabaseModule {
  /** One DataSource for core and every enabled plugin; migrations run at boot unless switched off. */
  static forRoot(parts: SchemaParts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [EnplanConfig],
          useFactory: (config: EnplanConfig): OptionsWithConfig => ({
            type: 'postgres',
            retryAttempts: config.env === 'test' ? 0 : 5,
            retryDelay: 2000,
            enplanConfig: config,
          }),
          dataSourceFactory: async (options) => {
            const config = (options as OptionsWithConfig).enplanConfig;
            if (config.replica.url && config.database.kind !== 'postgres') {
              new Logger('Database').warn('DATABASE_REPLICA_URL is ignored: the embedded database (PGlite) has no replicas; set DATABASE_URL');
            }
            const ds = await createDataSource(config.database, parts, config.replica.url);
            await ds.initialize();
            if (config.runMigrations) {
              const ran = await ds.runMigrations({ transaction: 'each' });
              if (ran.length) new Logger('Database').log(`applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
            }
            return ds;
          },
        }),
      ],
      // Read-your-writes on the injected clock, so tests move time instead of waiting.
      providers: [{ provide: RecentWriters, inject: [EnplanConfig, CLOCK], useFactory: (config: EnplanConfig, clock: Clock) => new RecentWriters(config.replica.stickyMs, () => clock.now().getTime()) }],
      exports: [TypeOrmModule, RecentWriters],
    };
  }
}

import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { EnplanConfig } from '@enplan/core/config';
import { createDataSource, type SchemaParts } from './data-source.js';

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
            const ds = await createDataSource(config.database, parts);
            await ds.initialize();
            if (config.runMigrations) {
              const ran = await ds.runMigrations({ transaction: 'each' });
              if (ran.length) new Logger('Database').log(`applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
            }
            return ds;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}

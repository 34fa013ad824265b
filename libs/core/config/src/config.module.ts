import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EnplanConfig } from './enplan-config.js';
import { EnvironmentVariables, validateEnvironment } from './environment.js';
import { DEPLOYMENT } from './deployment.token.js';
import type { Deployment } from './deployment.js';

@Global()
@Module({})
export class EnplanConfigModule {
  /**
   * @param deployment the parsed deployment (municipalities and plugins), global like the settings
   * @param overrides values that win over process.env (tests boot several differently configured hosts in one process)
   * @param adjust last word on settings that have no variable (tests: an in-memory database)
   */
  static forRoot(
    deployment: Deployment,
    overrides: Record<string, string | undefined> = {},
    adjust: (c: EnplanConfig) => EnplanConfig = (c) => c,
  ): DynamicModule {
    const raw = { ...process.env, ...overrides };
    let validated: EnvironmentVariables | undefined;
    const validate = () => (validated ??= validateEnvironment(raw)) as unknown as Record<string, unknown>;
    return {
      module: EnplanConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, isGlobal: true, validate })],
      providers: [
        {
          provide: EnplanConfig,
          useFactory: () => adjust(new EnplanConfig(validate() as unknown as EnvironmentVariables)),
        },
        { provide: DEPLOYMENT, useValue: deployment },
      ],
      exports: [EnplanConfig, DEPLOYMENT],
    };
  }
}

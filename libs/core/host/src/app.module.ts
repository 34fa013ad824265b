import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { EnplanConfig, EnplanConfigModule, loadDeployment, validateEnvironment, type DatabaseSettings, type Deployment } from '@enplan/core/config';
import { ClockModule, ProblemFilter } from '@enplan/core/common';
import { DatabaseModule } from '@enplan/core/database';
import { AuthModule } from '@enplan/core/auth';
import { AccessModule } from '@enplan/core/access';
import { PluginHostModule } from '@enplan/core/plugin-host';
import { HealthModule } from '@enplan/core/health';
import { OrganisationModule } from '@enplan/core/organisation';
import { CitizensModule } from '@enplan/core/citizens';
import { CoursesModule } from '@enplan/core/courses';
import { PlansModule } from '@enplan/core/plans';
import { MeetingsModule } from '@enplan/core/meetings';
import { ContactsModule } from '@enplan/core/contacts';
import { ProviderOrdersModule } from '@enplan/core/provider-orders';
import { CadenceModule } from '@enplan/core/cadence';
import { JournalModule } from '@enplan/core/journal';
import { ProgressionModule } from '@enplan/core/progression';
import { DecisionsModule } from '@enplan/core/decisions';
import { RecordsModule } from '@enplan/core/records';
import { DomainEventsModule } from '@enplan/core/events';
import { EventDeliveryModule } from '@enplan/core/event-delivery';
import { SyncModule } from '@enplan/core/sync';
import { ExtensionsModule, PluginRegistry, pluginModules, type PluginDefinition } from '@enplan/core/extensions';
import type { Clock } from '@enplan/shared/util';
import { BootService } from './boot.service.js';
import { coreCatalogue, hostSchema } from './core-catalogue.js';
import { DemoSeeder } from './demo-seed.js';
import { demoDeployment, demoLogins } from './demo-deployment.js';
import { demoSignInController } from './demo-sign-in.controller.js';
import { pinoParams } from './logging.js';

export interface HostOptions {
  /** Environment values that win over process.env. */
  env?: Record<string, string | undefined>;
  /** A deployment given in code instead of ENPLAN_DEPLOYMENT_FILE. */
  deployment?: Deployment;
  /** Overrides the configured database (tests use a fresh database per file). */
  database?: DatabaseSettings;
  clock?: Clock;
  /** Where JSON logs go (default stdout); tests capture them to prove what is and is not logged. */
  logStream?: NodeJS.WritableStream;
  /**
   * The plugins this build can run (the apps pass their catalogue; the host never imports a plugin). The
   * deployment enables them per municipality; boot fails, naming the plugin, if it lists one that is not here.
   */
  plugins?: readonly PluginDefinition[];
}

/** The core's feature modules, mounted under /api/v1. */
export const coreFeatureModules: Type[] = [
  OrganisationModule,
  CitizensModule,
  CoursesModule,
  PlansModule,
  MeetingsModule,
  ContactsModule,
  ProviderOrdersModule,
  CadenceModule,
  JournalModule,
  RecordsModule,
  EventDeliveryModule,
  SyncModule,
  ProgressionModule,
  DecisionsModule,
];

@Module({})
export class AppModule {
  static register(options: HostOptions = {}): DynamicModule {
    const env = { ...process.env, ...options.env };
    // Without a deployment file: the demo deployment, the core's demo municipality plus each plugin's.
    const deployment = options.deployment ?? (env.ENPLAN_DEPLOYMENT_FILE ? loadDeployment(env.ENPLAN_DEPLOYMENT_FILE) : demoDeployment(options.plugins ?? []));
    const config = EnplanConfigModule.forRoot(deployment, options.env ?? {}, (c) =>
      options.database ? Object.assign(Object.create(EnplanConfig.prototype), c, { database: options.database }) : c,
    );
    const registry = PluginRegistry.create({ catalogue: options.plugins ?? [], deployment, core: coreCatalogue() });
    const active = registry.activePlugins();
    const demo = demoSignIn(env, options, deployment);
    return {
      module: AppModule,
      imports: [
        config,
        ClockModule.forRoot(options.clock),
        LoggerModule.forRootAsync({
          inject: [EnplanConfig],
          useFactory: (c: EnplanConfig) => pinoParams(c.logLevel, options.logStream),
        }),
        DatabaseModule.forRoot(hostSchema(active)),
        ExtensionsModule.forRoot(registry),
        AuthModule,
        AccessModule,
        PluginHostModule,
        DomainEventsModule,
        HealthModule,
        ...coreFeatureModules,
        ...pluginModules(active),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        DemoSeeder,
        BootService,
        ...(demo ? [demo.provider] : []),
      ],
      controllers: demo ? [demo.controller] : [],
    };
  }
}

/**
 * The web app's demo sign-in, mounted only when the demo data is planted and tokens are signed with the local key;
 * beside an identity provider (AUTH_JWKS_URL) or without the demo seed the route does not exist. Lists only the demo
 * staff of municipalities this deployment serves.
 */
function demoSignIn(env: Record<string, string | undefined>, options: HostOptions, deployment: Deployment) {
  let seedDemo: boolean;
  let jwksUrl: string | undefined;
  try {
    const vars = validateEnvironment(env);
    jwksUrl = vars.AUTH_JWKS_URL;
    seedDemo = vars.ENPLAN_SEED_DEMO ?? (options.database ? options.database.kind === 'pglite' : !vars.DATABASE_URL);
  } catch {
    return undefined; // the configuration module reports the bad variable
  }
  if (!seedDemo || jwksUrl) return undefined;
  const served = new Set(deployment.municipalities.map((m) => m.code));
  return demoSignInController(demoLogins(options.plugins ?? []).filter((l) => served.has(l.municipalityCode)));
}

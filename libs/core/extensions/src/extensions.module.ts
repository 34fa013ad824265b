import { DynamicModule, Global, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { DeploymentController } from './deployment.controller.js';
import { PluginEnabledGuard } from './plugin-enabled.guard.js';
import { PluginRegistry } from './plugin-registry.js';

/** Gives the registry's hooks the application's providers and clock once the app is built. */
@Injectable()
class RegistryAttacher implements OnModuleInit {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly moduleRef: ModuleRef,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.attach({ get: (token) => this.moduleRef.get(token as never, { strict: false }), now: () => this.clock.now() });
  }
}

/** The plugin registry (global) and GET /api/v1/deployment. */
@Global()
@Module({})
export class ExtensionsModule {
  static forRoot(registry: PluginRegistry): DynamicModule {
    return {
      module: ExtensionsModule,
      controllers: [DeploymentController],
      providers: [{ provide: PluginRegistry, useValue: registry }, RegistryAttacher, PluginEnabledGuard],
      exports: [PluginRegistry, PluginEnabledGuard],
    };
  }
}

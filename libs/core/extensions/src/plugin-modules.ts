import { UseGuards, type DynamicModule, type Type } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import type { PluginDefinition } from './plugin-definition.js';
import { PLUGIN_ID_METADATA, PluginEnabledGuard } from './plugin-enabled.guard.js';

/** Where a plugin's controllers are served, below /api/v1. */
export function pluginRoutePath(pluginId: string): string {
  return `plugins/${pluginId}`;
}

function controllersOf(module: Type<unknown> | DynamicModule): Type<unknown>[] {
  const dynamic = 'module' in module ? module : undefined;
  const declared = (Reflect.getMetadata('controllers', dynamic?.module ?? module) as Type<unknown>[] | undefined) ?? [];
  return [...declared, ...(dynamic?.controllers ?? [])];
}

/**
 * The Nest modules of the active plugins, each mounted under /api/v1/plugins/<id>/ with the guard that
 * answers 404 to municipalities that have not enabled it.
 */
export function pluginModules(plugins: readonly PluginDefinition[]): (Type<unknown> | DynamicModule)[] {
  const withModule = plugins.filter((p): p is PluginDefinition & { module: Type<unknown> | DynamicModule } => p.module !== undefined);
  for (const p of withModule) {
    for (const controller of controllersOf(p.module)) {
      if (Reflect.getMetadata(PLUGIN_ID_METADATA, controller) === p.id) continue;
      Reflect.defineMetadata(PLUGIN_ID_METADATA, p.id, controller);
      UseGuards(PluginEnabledGuard)(controller);
    }
  }
  if (!withModule.length) return [];
  const routes = withModule.map((p) => ({ path: pluginRoutePath(p.id), module: 'module' in p.module ? p.module.module : p.module }));
  return [...withModule.map((p) => p.module), RouterModule.register(routes)];
}

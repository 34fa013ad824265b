import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Principal } from '@enplan/core/auth';
import { extensionError } from './extensions.error.js';
import { PluginRegistry } from './plugin-registry.js';

/** Set on a plugin's controllers by the host: the plugin they belong to. */
export const PLUGIN_ID_METADATA = 'enplan:plugin-id';

/**
 * On every route of a plugin's controllers: the caller's municipality must have enabled the plugin, else
 * 404 `plugin.not-enabled` (another municipality's plugin is as absent as its records).
 */
@Injectable()
export class PluginEnabledGuard implements CanActivate {
  constructor(private readonly registry: PluginRegistry) {}

  canActivate(ctx: ExecutionContext): boolean {
    const pluginId = Reflect.getMetadata(PLUGIN_ID_METADATA, ctx.getClass()) as string | undefined;
    if (!pluginId) return true;
    const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    // A route the plugin marked @Public() has no caller to ask about.
    if (!principal) return true;
    if (!this.registry.isEnabled(principal.municipalityCode, pluginId)) throw extensionError.notEnabled(pluginId);
    return true;
  }
}

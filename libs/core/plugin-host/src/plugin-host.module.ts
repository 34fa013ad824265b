import { Global, Module } from '@nestjs/common';
import { AccessModule } from '@enplan/core/access';
import { PluginHost } from '@enplan/core/extensions';
import { PluginHostService } from './plugin-host.service.js';

/** Provides `PluginHost` (the plugin-scoped services) to the whole application, plugins' modules included. */
@Global()
@Module({
  imports: [AccessModule],
  providers: [PluginHostService, { provide: PluginHost, useExisting: PluginHostService }],
  exports: [PluginHost],
})
export class PluginHostModule {}

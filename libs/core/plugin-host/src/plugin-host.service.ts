import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessLogService } from '@enplan/core/access';
import type { Principal } from '@enplan/core/auth';
import { PluginHost, PluginRegistry, type PluginScope, type ScopeBinding } from '@enplan/core/extensions';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { corePorts } from './core-ports.js';
import { pluginDb } from './plugin-db.js';

/**
 * The host side of the plugin scope: binds a plugin's settings, its own tables, the core's read ports, the
 * access log and a logger to one transaction and municipality. Extension points get theirs from the
 * registry (over the core's running transaction); a plugin's own routes ask for one with `scope` or
 * `transaction`.
 */
@Injectable()
export class PluginHostService extends PluginHost {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: PluginRegistry,
    private readonly accessLog: AccessLogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  scope<S = unknown>(pluginId: string, principal: Principal): PluginScope<S> {
    return this.forCaller<S>(pluginId, principal, this.ds.manager);
  }

  transaction<S, T>(pluginId: string, principal: Principal, fn: (scope: PluginScope<S>) => Promise<T>): Promise<T> {
    return this.ds.transaction((em) => fn(this.forCaller<S>(pluginId, principal, em)));
  }

  bind<S>(b: ScopeBinding): PluginScope<S> {
    const em = b.tx as EntityManager;
    const definition = this.registry.catalogue().find((d) => d.id === b.pluginId);
    if (!definition) throw new Error(`Unknown plugin ${b.pluginId}`);
    const logger = new Logger(`plugin:${b.pluginId}`);
    const principal = b.principal;
    const registry = this.registry;
    const accessLog = this.accessLog;
    const meta = (m?: Record<string, unknown>) => (m ? ` ${JSON.stringify(m)}` : '');
    return Object.freeze({
      pluginId: b.pluginId,
      municipalityId: b.municipalityId,
      municipalityCode: b.municipalityCode,
      settings: b.settings as S,
      now: b.now,
      today: danishDay(b.now),
      db: pluginDb(b.pluginId, definition.entities ?? [], em),
      core: corePorts({ em, municipalityId: b.municipalityId, now: b.now, caseload: (modelId) => registry.caseload(b.municipalityCode, modelId) }),
      audit: {
        async record(e) {
          await accessLog.append(
            {
              municipalityId: b.municipalityId,
              actorId: principal?.userId ?? `plugin:${b.pluginId}`,
              actorRoles: principal?.roles ?? [],
              operation: e.operation,
              outcome: 'allowed',
              recordType: `${b.pluginId}.${e.recordType}`,
              recordId: e.recordId ?? null,
              courseIds: e.courseIds,
              citizenIds: e.citizenIds,
              route: `plugin:${b.pluginId}`,
              basis: 'plugin',
              reason: e.reason ?? null,
            },
            em,
          );
        },
      },
      logger: {
        log: (m, x) => logger.log(m + meta(x)),
        warn: (m, x) => logger.warn(m + meta(x)),
        error: (m, x) => logger.error(m + meta(x)),
      },
    });
  }

  private forCaller<S>(pluginId: string, principal: Principal, em: EntityManager): PluginScope<S> {
    const settings = this.registry.settings(principal.municipalityCode, pluginId);
    return this.bind<S>({
      pluginId,
      municipalityId: principal.municipalityId,
      municipalityCode: principal.municipalityCode,
      tx: em,
      principal,
      settings: settings ?? {},
      now: this.clock.now(),
    });
  }
}

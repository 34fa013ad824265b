import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { EntityClass, PluginDb } from '@enplan/core/extensions';

/**
 * A plugin's database handle: its own entities only, in the given transaction. Naming any other class (a
 * core entity, another plugin's) throws, so a plugin cannot reach the core's tables through it.
 */
export function pluginDb(pluginId: string, entities: readonly EntityClass[], em: EntityManager): PluginDb {
  const own = new Set(entities);
  const repo = <T extends ObjectLiteral>(entity: new () => T) => {
    if (!own.has(entity)) {
      throw new Error(`Plugin ${pluginId} may only use its own entities; ${entity?.name ?? String(entity)} is not declared in its definition`);
    }
    return em.getRepository(entity);
  };
  return {
    repository: repo,
    find: (entity, options) => repo(entity).find(options),
    findOne: (entity, options) => repo(entity).findOne(options),
    exists: (entity, options) => repo(entity).exists(options),
    insert: async (entity, values) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const r = await repo(entity).insert(values as any);
      return { identifiers: r.identifiers };
    },
    update: async (entity, where, values) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await repo(entity).update(where, values as any);
    },
    save: (entity, value) => repo(entity).save(repo(entity).create(value)),
  };
}

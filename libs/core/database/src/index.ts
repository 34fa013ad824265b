export * from './pglite-pool.js';
export * from './snake-naming.strategy.js';
export * from './municipality.entity.js';
export * from './tenant.entity.js';
export * from './data-source.js';
export * from './unit-of-work.js';
export * from './database.module.js';
export * from './migrations/index.js';

export * from './core-ports.js';
export * from './plugin-db.js';
export * from './plugin-host.service.js';
export * from './plugin-host.module.js';

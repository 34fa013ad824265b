export * from './health.module.js';
export * from './shutdown-drain.js';

export * from './environment.js';
export * from './enplan-config.js';
export * from './config.module.js';

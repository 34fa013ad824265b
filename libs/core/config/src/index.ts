export * from './environment.js';
export * from './enplan-config.js';
export * from './config.module.js';
export * from './deployment.js';
export * from './deployment.token.js';

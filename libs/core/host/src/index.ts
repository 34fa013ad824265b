export * from './app.module.js';
export * from './bootstrap.js';
export * from './deployment.js';
export * from './core-schema.js';
export * from './demo-seed.js';
export * from './tokens.js';
export * from './boot.service.js';

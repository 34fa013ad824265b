export * from './app.module.js';
export * from './bootstrap.js';
export * from './cluster.js';
export * from './core-schema.js';
export * from './demo-seed.js';
export * from './demo-deployment.js';
export * from './boot.service.js';
export * from './core-catalogue.js';
export { MISSING_OPERATION_ID } from './openapi-contract.js';

export * from './domain-error.js';
export * from './problem.js';
export * from './problem.filter.js';
export * from './request-id.js';
export * from './validation.js';
export * from './clock.module.js';
export * from './pagination.js';
export * from './input-guard.js';

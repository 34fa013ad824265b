export * from './principal.js';
export * from './auth.error.js';
export * from './key-store.js';
export * from './tokens.js';
export * from './auth.guard.js';
export * from './auth.module.js';
export * from './me.controller.js';
export * from './access.decorators.js';

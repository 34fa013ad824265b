export * from './plan-content.js';
export * from './plan.entity.js';
export * from './plans.error.js';
export * from './legal-basis.catalogue.js';
export * from './plan-diff.js';
export * from './plans.service.js';
export * from './legal-basis.service.js';
export * from './plans.module.js';

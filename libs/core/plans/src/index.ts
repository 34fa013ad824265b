export * from './plan-content.js';
export * from './plan.entity.js';

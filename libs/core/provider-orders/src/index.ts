export * from './provider-orders.service.js';
export * from './provider-orders.module.js';

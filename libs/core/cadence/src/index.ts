export * from './cadence.js';
export * from './provider-orders.js';
export * from './work-list.service.js';
export * from './reminders.service.js';
export * from './reminder-job.js';
export * from './cadence.module.js';

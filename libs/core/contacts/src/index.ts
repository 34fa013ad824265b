export * from './contacts.service.js';
export * from './contacts.module.js';

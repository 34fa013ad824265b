export * from './cpr.js';
export * from './clock.js';
export * from './calendar.js';

export * from './cpr.js';
export * from './clock.js';

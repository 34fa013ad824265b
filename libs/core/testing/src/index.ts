export * from './test-database.js';
export * from './test-app.js';

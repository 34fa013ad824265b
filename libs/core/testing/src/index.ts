export * from './test-database.js';
export * from './test-app.js';
export * from './schema-facts.js';
export * from './contract.js';

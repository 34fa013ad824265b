export * from './vocabulary.js';
export * from './citizen.entity.js';
export * from './household.entity.js';

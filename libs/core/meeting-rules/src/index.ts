export * from './vocabulary.js';
export * from './ical.js';
export * from './invitation.js';

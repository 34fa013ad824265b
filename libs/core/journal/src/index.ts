export * from './journal-visibility.js';
export * from './journal-note.entity.js';
export * from './journal.error.js';
export * from './journal.dto.js';
export * from './journal.service.js';
export * from './journal.module.js';

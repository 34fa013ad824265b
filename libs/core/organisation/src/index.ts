export * from './vocabulary.js';
export * from './org-unit.entity.js';
export * from './staff-member.entity.js';

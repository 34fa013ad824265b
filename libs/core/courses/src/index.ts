export * from './vocabulary.js';
export * from './course.entity.js';
export * from './team-assignment.entity.js';

export * from './definition.js';
export * from './definition.schema.js';
export * from './validate.js';
export * from './scoring.js';
export * from './answers.js';
export * from './shipped.js';
export * from './dialogue.js';
export * from './chart.js';

export * from './letter.js';
export * from './letter-html.js';
export * from './letter-pdf.js';

/** The parsed deployment (municipalities and their plugins). */
export const DEPLOYMENT = Symbol.for('enplan.deployment');

/**
 * The only surface a plugin may import from the core (enforced by @nx/enforce-module-boundaries).
 * Everything exported here is a stable contract; the plugin issue fills in the extension points.
 */
export { DomainError, type ErrorKind, type FieldProblem } from '@enplan/core/common';
export type { Principal } from '@enplan/core/auth';
export { CLOCK, type Clock } from '@enplan/shared/util';

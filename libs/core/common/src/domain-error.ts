/**
 * The one error type domain code throws. Services never throw HTTP exceptions: they say what kind of
 * failure it is and which stable code it has, and the problem filter turns that into RFC 9457 JSON.
 * Codes are part of the public API: integrators branch on them, so never rename one.
 */
export type ErrorKind =
  | 'invalid' // 400: the request is malformed or a field is wrong
  | 'unprocessable' // 422: well-formed but breaks a domain rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404 (also for records of another municipality: their existence is not disclosed)
  | 'conflict' // 409: optimistic concurrency, uniqueness
  | 'precondition-required' // 428: a write that needs If-Match
  | 'unavailable' // 503
  | 'internal'; // 500

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unprocessable: 422,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-required': 428,
  unavailable: 503,
  internal: 500,
};

export const TITLE_BY_KIND: Record<ErrorKind, string> = {
  invalid: 'The request is invalid',
  unprocessable: 'The request breaks a rule',
  unauthenticated: 'Authentication is required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict with the current state',
  'precondition-required': 'A precondition is required',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

/** One problem with one input field; `field` is a path such as `goals[0].targetDate`. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    /** Extra members for the problem body (e.g. `errors`, `currentVersion`). Never personal data. */
    readonly extensions: { errors?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }

  /** A rule broken by one field's value: 422 naming the field. */
  static field(code: string, field: string, message: string, kind: ErrorKind = 'unprocessable'): DomainError {
    return new DomainError(code, kind, message, { errors: [{ field, code, message }] });
  }

  static notFound(code: string, what: string): DomainError {
    return new DomainError(code, 'not-found', `${what} was not found`);
  }
}

import type { FieldProblem } from './domain-error.js';

/** RFC 9457 problem details, plus enplan's stable `code`, the request id and field problems. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:enplan:problem:${code}`;
}

import type { NextFunction, Request, Response } from 'express';
import { DomainError, type FieldProblem } from './domain-error.js';

/**
 * How deeply objects and arrays may nest in a body or query. The deepest real input (plan content:
 * content.goals[0].concerns[0]) is four levels; class-transformer recurses once per level, so thousands of
 * levels overflow its stack and would answer 500.
 */
export const MAX_INPUT_DEPTH = 32;

/** Keys that name JavaScript machinery rather than data: class-transformer drops them silently, we refuse them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * With the u flag a surrogate pair is one code point, so this matches only lone surrogates (what
 * String.prototype.isWellFormed() refuses; our TypeScript lib is ES2023, which does not declare it).
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

/** Field paths echo key names the caller chose: keep them short and printable. */
function safeKey(key: string): string {
  const printable = key.replace(LONE_SURROGATES, '\uFFFD').replaceAll('\u0000', '\uFFFD');
  return printable.length > 100 ? `${printable.slice(0, 100)}…` : printable;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${safeKey(key)}` : safeKey(key);
}

/** A text the database cannot store as given: PostgreSQL refuses NUL, and jsonb refuses lone surrogates. */
function textProblem(text: string, field: string): FieldProblem | undefined {
  if (text.includes('\u0000')) return { field, code: 'nul-character', message: `${field} must not contain the NUL character (\\u0000)` };
  if (LONE_SURROGATE.test(text)) return { field, code: 'ill-formed-unicode', message: `${field} must be well-formed Unicode (no lone surrogates)` };
  return undefined;
}

/**
 * Finds what no field of any DTO may hold, before class-transformer sees the value: nesting deeper than
 * MAX_INPUT_DEPTH, NUL characters and lone surrogates in strings (and in keys), and prototype keys. Walks
 * with an explicit stack, so hostile depth cannot overflow this check either. Field paths read like the
 * validation pipe's: `content.goals[0].title`.
 */
export function scanInput(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  for (let item = stack.pop(); item && problems.length < 20; item = stack.pop()) {
    const { value: v, path, depth } = item;
    if (typeof v === 'string') {
      const p = textProblem(v, path || 'body');
      if (p) problems.push(p);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field: path || 'body', code: 'too-deep', message: `Input may nest at most ${MAX_INPUT_DEPTH} levels deep` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: childPath(path, i), depth: depth + 1 });
      continue;
    }
    // JSON.parse (and so express.json) makes "__proto__" an own property; Object.keys sees it.
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const field = childPath(path, key);
      const keyProblem = textProblem(key, field);
      if (keyProblem) problems.push(keyProblem);
      else if (FORBIDDEN_KEYS.has(key)) problems.push({ field, code: 'unknown-field', message: `${field} is not a known field` });
      else stack.push({ value: (v as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return problems;
}

export function inputProblem(errors: FieldProblem[]): DomainError {
  return new DomainError('validation.failed', 'invalid', 'One or more fields are invalid', { errors });
}

/**
 * Express middleware, mounted right after the body parser: refuses a body or query string that no DTO could
 * accept (see scanInput) with 400 naming the field, for every route, before guards, pipes or services run.
 */
export function inputGuard(req: Request, _res: Response, next: NextFunction): void {
  const problems = [...scanInput(req.body), ...scanInput(req.query)];
  next(problems.length ? inputProblem(problems) : undefined);
}

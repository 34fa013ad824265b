import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = { parameters?: { in: string }[]; requestBody?: unknown; responses?: Record<string, unknown>; security?: unknown[] };

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details with enplan’s stable `code` (branch on it), the request id and, for input problems, the fields at fault.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:enplan:problem:course.not-found' },
    title: { type: 'string', example: 'Not found' },
    status: { type: 'integer', example: 404 },
    detail: { type: 'string', example: 'Course was not found' },
    code: { type: 'string', example: 'course.not-found' },
    requestId: { type: 'string', example: 'b3c1d2e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string', example: 'content.goals[0].targetDate' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

/**
 * Documents on every operation the error answers the whole API shares, as problem+json, so an integrator's
 * generated client knows them: 401 and 403 (access is decided record by record), 404 where the path names a
 * record, 400 where there is input, 422 for a write. An operation's own descriptions of these answers are kept.
 */
export function withProblemResponses(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Problem = PROBLEM_SCHEMA;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      // An operation without bearer security is public (a calendar subscription feed): no token, so no 401 or 403.
      const add: Record<string, ReturnType<typeof problem>> = op.security?.length
        ? {
            '401': problem('No valid bearer token (`auth.token-missing`, `auth.token-invalid`, `auth.token-expired`)'),
            '403': problem('Not allowed for this caller or record (`access.denied`, `access.consent-missing`, `access.role-required`)'),
          }
        : {};
      if (path.includes('{')) add['404'] = problem('No such record in your municipality (another municipality’s records are not found either)');
      if (op.requestBody || op.parameters?.some((p) => p.in === 'query')) add['400'] = problem('Malformed input or unknown fields; `errors[]` names each field');
      if (method !== 'get') add['422'] = problem('Well-formed but breaks a rule; `code` says which, `errors[]` names the field');
      const own = (op.responses ?? {}) as Record<string, { description?: string; content?: unknown }>;
      // An operation's own description of a shared answer wins; the problem+json body is added where it has none.
      for (const [status, shared] of Object.entries(add)) own[status] = own[status] ? { ...shared, ...own[status], content: own[status].content ?? shared.content } : shared;
      op.responses = own;
    }
  }
  return doc;
}

import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { ACCESS_EXTENSION, type AccessDescription } from '@enplan/core/auth';
import { PROBLEM_ANSWERS_EXTENSION, PROBLEM_CONTENT_TYPE, problemTitle, RULE_HOOKS_EXTENSION, type ProblemCodesByStatus, type RuleHook } from '@enplan/core/common';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; schema?: Schema; required?: boolean; description?: string };
type Response = { description?: string; content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> };
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: unknown;
  responses?: Record<string, Response>;
  security?: unknown[];
  tags?: string[];
  [ext: `x-${string}`]: unknown;
};

const UUID_EXAMPLE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The operationId Nest would invent (`Controller_method`): a route without its own is marked, and the contract test fails it. */
export const MISSING_OPERATION_ID = 'MISSING-operationId';
export const operationIdFactory = (controllerKey: string, methodKey: string) => `${MISSING_OPERATION_ID}:${controllerKey}.${methodKey}`;

/** The extension members the server puts on problems (`DomainError` extensions); a client reads them by name. */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details with enplan’s stable `code` (branch on it), the request id and, for input problems, the fields at fault. Each operation lists the codes it can answer as the `enum` of `code`; `x-enplan-problem-catalogue` at the top of the document gives every code’s status and title.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:enplan:problem:course.not-found' },
    title: { type: 'string', example: 'Not found' },
    status: { type: 'integer', example: 404 },
    detail: { type: 'string', example: 'Course was not found' },
    instance: { type: 'string', description: 'The path of the request (never its query string)', example: '/api/v1/courses/6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' },
    code: { type: 'string', example: 'course.not-found' },
    requestId: { type: 'string', description: 'Also in the X-Request-Id response header; quote it when reporting a problem', example: 'b3c1d2e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string', example: 'content.goals[0].targetDate' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
    currentVersion: { type: 'integer', minimum: 0, description: '`plan.version-conflict`, `plan.not-published`: the plan’s current version (0: none published)' },
    currentRevision: { type: 'integer', minimum: 0, description: '`plan.draft-conflict`: the draft’s current revision' },
    courseId: { type: 'string', format: 'uuid', description: '`course.already-open`: the open course of the citizen or household' },
    modelId: { type: 'string', description: '`course.model-disabled`: the course’s model, no longer enabled' },
    meetingStatus: { type: 'string', description: '`meeting.not-changeable`: the meeting’s status' },
    maxActiveCourses: { type: 'integer', description: '`course.capacity-reached`: the model’s limit of active courses' },
    capacity: { type: 'integer', description: '`plugin.caseload-cap`: the staff member’s cap' },
    activeCourses: { type: 'integer', description: '`course.capacity-reached`, `plugin.caseload-cap`: how many are active now' },
    reasons: { type: 'array', items: { type: 'string' }, description: 'A model’s eligibility refusal: why the citizen is not in its target group' },
    rules: {
      type: 'array',
      description: 'A model’s team rules the change breaks',
      items: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
    step: { type: 'string', description: 'A plugin flow’s step that was refused' },
    expectedState: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'The state(s) the step needs' },
    currentState: { type: 'string', description: 'The flow’s state now' },
  },
};

/** The problem codes every operation of a kind can answer, from its shape and its access rule (`x-enplan-access`). */
function sharedCodes(path: string, method: string, op: Operation): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  const add = (status: number, ...codes: string[]) => (out[status] = [...(out[status] ?? []), ...codes]);
  const access = op[ACCESS_EXTENSION] as AccessDescription | undefined;
  if (op.security?.length) {
    add(401, 'auth.token-missing', 'auth.token-invalid', 'auth.token-expired', 'auth.claims-invalid');
    add(403, ...(access?.denials ?? ['access.route-unclassified']));
  }
  if (access?.notFound && path.includes('{')) add(404, access.notFound);
  if (access?.writeRefusals && method !== 'get') add(409, ...access.writeRefusals);
  const params = op.parameters ?? [];
  // A write takes a body even where it declares none (one it does not take is refused: `validation.failed`).
  const body = Boolean(op.requestBody) || method !== 'get';
  if (body || params.some((p) => p.in === 'query')) add(400, 'validation.failed');
  if (body) add(400, 'request.malformed-body');
  // The body parser: a JSON body over 1 MB, or in a charset other than UTF-8, is refused before any route sees it.
  if (body) add(413, 'request.too-large');
  if (body) add(415, 'request.unsupported-media-type');
  // A plugin's routes answer 404 in a municipality that does not enable it (PluginEnabledGuard).
  if (path.startsWith('/api/v1/plugins/')) add(404, 'plugin.not-enabled');
  // Any operation can fail unexpectedly (the database gone, an access-log entry that cannot be written): a problem
  // without details, never a stack trace.
  add(500, 'internal.unexpected');
  return out;
}

const isProblemStatus = (status: string) => /^[45]\d\d$/.test(status);

/**
 * Completes the generated document into the integrators' contract, from metadata only (no path is named here):
 * - each operation's problem answers list the codes it can give, as an `enum` on `code` (shared codes from its
 *   access rule and shape, plus its own `@ProblemAnswers`), and the catalogue of every code's status and title;
 * - the codes the deployment's plugins declare for an extension point go onto the operations that run it (`RunsRuleHooks`);
 * - id path parameters are uuids; `X-Request-Id` is declared on every request and response;
 * - `servers` and the declared tags.
 */
export function withContract(
  doc: OpenAPIObject,
  o: { publicUrl?: string; tags: { name: string; description: string }[]; ruleCodes?: Partial<Record<RuleHook, ProblemCodesByStatus>> },
): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Problem = PROBLEM_SCHEMA;
  doc.components.headers = {
    ...doc.components.headers,
    'X-Request-Id': { description: 'The request id (yours, if you sent a harmless X-Request-Id, else a new one); also in every problem body', schema: { type: 'string' } },
  };
  doc.components.parameters = {
    ...doc.components.parameters,
    RequestId: {
      name: 'X-Request-Id',
      in: 'header',
      required: false,
      description: 'Your correlation id (8–64 of A–Z, a–z, 0–9, `.`, `_`, `-`); kept and echoed when harmless, replaced otherwise',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{8,64}$' },
    },
  };
  doc.servers = [{ url: o.publicUrl ?? '/', description: o.publicUrl ? 'This deployment' : 'The host serving this document' }];
  const catalogue: Record<string, { status: number; title: string }> = {};
  const conflicting: string[] = [];
  const used = new Set<string>();

  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      for (const t of op.tags ?? []) used.add(t);
      op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/RequestId' } as never];
      for (const p of op.parameters) {
        // Every record id in a path is a uuid (the access check answers 404 to anything else), unless the route
        // documents another kind of id (an instrument's slug, say) by its example.
        const example = (p.schema as { example?: unknown } | undefined)?.example ?? (p as { example?: unknown }).example;
        const otherId = example !== undefined && !(typeof example === 'string' && UUID_EXAMPLE.test(example));
        if (p.in === 'path' && /(^id$|Id$)/.test(p.name) && !otherId) p.schema = { ...p.schema, type: 'string', format: 'uuid' };
      }
      const responses = (op.responses ??= {});
      if (path.startsWith('/api/')) catalogueProblems(path, method, op, responses);
      for (const r of Object.values(responses)) r.headers = { ...r.headers, 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } };
    }
  }
  if (conflicting.length) throw new Error(`A problem code is answered with two statuses: ${[...new Set(conflicting)].join('; ')}`);
  (doc as unknown as Record<string, unknown>)['x-enplan-problem-catalogue'] = Object.fromEntries(Object.entries(catalogue).sort(([a], [b]) => a.localeCompare(b)));
  const declared = new Map(o.tags.map((t) => [t.name, t]));
  for (const t of used) if (!declared.has(t) && t.startsWith('plugin: ')) declared.set(t, { name: t, description: `Routes of the ${t.slice(8)} plugin; served only where the municipality enables it` });
  doc.tags = [...declared.values()].filter((t) => used.has(t.name));
  openUntypedObjects(doc);
  return doc;

  /** The operation's problem answers, each with the codes it can give; every code into the catalogue. */
  function catalogueProblems(path: string, method: string, op: Operation, responses: Record<string, Response>): void {
    const codes: Record<string, Set<string>> = {};
    const own = (op[PROBLEM_ANSWERS_EXTENSION] ?? {}) as ProblemCodesByStatus;
    const plugins = ((op[RULE_HOOKS_EXTENSION] ?? []) as RuleHook[]).flatMap((hook) => Object.entries(o.ruleCodes?.[hook] ?? {}));
    for (const [status, list] of [...Object.entries(sharedCodes(path, method, op)), ...Object.entries(own), ...plugins]) {
      for (const code of list as string[]) (codes[status] ??= new Set()).add(code);
    }
    for (const [status, set] of Object.entries(codes)) {
      for (const code of set) {
        const known = catalogue[code];
        if (known && known.status !== Number(status)) conflicting.push(`${code}: ${known.status} and ${status}`);
        catalogue[code] ??= { status: Number(status), title: problemTitle(Number(status)) };
      }
      responses[status] ??= { description: problemTitle(Number(status)) };
    }
    for (const [status, r] of Object.entries(responses)) {
      if (!isProblemStatus(status)) continue;
      const enumCodes = [...(codes[status] ?? [])].sort();
      const schema = enumCodes.length
        ? { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { code: { type: 'string', enum: enumCodes } } }] }
        : { $ref: '#/components/schemas/Problem' };
      r.content = { [PROBLEM_CONTENT_TYPE]: { schema } };
    }
  }
}

/**
 * An object schema that names no properties (a FHIR bundle, an instrument definition, figures) is an open map,
 * and says so (`additionalProperties: true`): common generators otherwise type it as an object with no members
 * (openapi-typescript: `Record<string, never>`), which a client cannot read.
 */
function openUntypedObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(openUntypedObjects);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !schema.allOf && !schema.oneOf && !schema.anyOf) {
    schema.additionalProperties = true;
  }
  for (const v of Object.values(schema)) openUntypedObjects(v);
}

/** Where @nestjs/swagger keeps a property's OpenAPI options. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const DATE_ONLY_SOURCE = String.raw`^\d{4}-\d{2}-\d{2}$`;

/**
 * Carries what class-validator enforces into the OpenAPI options of the same property, once for every DTO,
 * so the document says what the server requires: `@IsInt` → `integer`, `@IsUUID` → `format: uuid`, a
 * YYYY-MM-DD `@Matches` → `format: date`, `@IsIn` → `enum`. An option the DTO states itself wins.
 */
export function documentValidationRules(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, { target: object; propertyName: string; name?: string; type: string; constraints?: unknown[] }[]> };
  for (const [target, metas] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    const proto = (target as { prototype: object }).prototype;
    for (const m of metas) {
      const current = Reflect.getMetadata(API_MODEL_PROPERTIES, proto, m.propertyName) as Record<string, unknown> | undefined;
      if (!current) continue;
      const each = (m as { each?: boolean }).each;
      const patch: Record<string, unknown> = {};
      if (m.name === 'isInt' && !each) patch.type = 'integer';
      else if (m.name === 'isUuid' && !current.format && !each) patch.format = 'uuid';
      else if (m.name === 'matches' && (m.constraints?.[0] as RegExp | undefined)?.source === DATE_ONLY_SOURCE && !each) patch.format = 'date';
      else if (m.name === 'isIn' && !current.enum && !each) patch.enum = m.constraints?.[0];
      if (Object.keys(patch).length) Reflect.defineMetadata(API_MODEL_PROPERTIES, { ...patch, ...current, ...(patch.type ? { type: patch.type } : {}) }, proto, m.propertyName);
    }
  }
}

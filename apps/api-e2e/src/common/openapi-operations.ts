import { randomUUID } from 'node:crypto';

/**
 * The OpenAPI document as the e2e tests that are driven by it read it: every operation, a plausible value for a
 * path parameter, and a plausible body from a request schema (its examples first). A test driven by the document
 * calls an operation added tomorrow without being edited.
 */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
};
export type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
export type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface DocumentedOperation {
  id: string;
  method: HttpMethod;
  /** The path template, e.g. `/api/v1/courses/{courseId}`. */
  path: string;
  /** The path with each parameter filled by `pathValue`. */
  url: string;
  op: Operation;
}

const METHODS = new Set<string>(['get', 'post', 'put', 'patch', 'delete']);

/** A value of the declared type for a path parameter: routing needs one, and refusals that come first never read it. */
export function pathValue(p: Parameter): string {
  const s = p.schema ?? {};
  if (s.enum?.length) return String(s.enum[0]);
  if (s.type === 'integer' || s.type === 'number') return '1';
  if (s.format === 'uuid') return randomUUID();
  return 'x';
}

/** Every operation of the document, with its path filled. */
export function documentedOperations(doc: OpenApiDoc): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => {
        const params = new Map((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, pathValue(p)]));
        return { id: op.operationId, method: method as HttpMethod, path, url: path.replace(/\{([^}]+)\}/g, (_, name: string) => params.get(name) ?? 'x'), op };
      }),
  );
}

/** Resolves references and builds plausible values from a document's schemas. */
export function schemaSamples(doc: OpenApiDoc) {
  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.slice(s.$ref.lastIndexOf('/') + 1)]);
    if (s.allOf?.length === 1) return { ...resolve(s.allOf[0]), ...s, allOf: undefined };
    return s;
  };
  /** A plausible value: the documented example, else one of the right type (required properties only). */
  const sample = (raw: Schema, depth = 0): unknown => {
    const s = resolve(raw);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.type === 'array') return [];
    if (s.type === 'object' || s.properties) {
      if (depth > 4) return {};
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {}, depth + 1)]));
    }
    if (s.type === 'boolean') return true;
    if (s.type === 'number' || s.type === 'integer') return 1;
    if (s.format === 'uuid') return randomUUID();
    if (s.format === 'date') return '2026-01-10';
    if (s.format === 'date-time') return '2026-01-10T10:00:00.000Z';
    return 'x';
  };
  /** The sample body of an operation's JSON request, or undefined when it takes none. */
  const body = (op: Operation): unknown => {
    const schema = op.requestBody?.content['application/json']?.schema;
    return schema ? sample(schema) : undefined;
  };
  return { resolve, sample, body };
}

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

type Response = { content?: Record<string, unknown> };
type Operation = { operationId?: string; responses?: Record<string, Response> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One HTTP exchange as supertest saw it. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  /** Parsed JSON (supertest's `body`), or the text for other types. */
  body: unknown;
  empty: boolean;
}

interface Route {
  method: string;
  path: string;
  pattern: RegExp;
  literals: number;
  op: Operation;
}

/** Where a run's observed (operationId, status) pairs go when ENPLAN_CONTRACT_COVERAGE is set (see tools/scripts/contract-coverage.mjs). */
export const CONTRACT_COVERAGE_DIR = join(process.cwd(), 'dist', 'contract-coverage');

/**
 * Checks HTTP answers against the OpenAPI document the host serves: the status must be declared for the
 * operation, the content type declared for that status, the body valid against the declared schema (a
 * problem's `code` against the operation's enum). A path no operation matches may only answer the
 * generic 404 `http.route-not-found`. Uses ajv (with ajv-formats) over the document's own schemas.
 */
export class ContractValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly coverage = process.env.ENPLAN_CONTRACT_COVERAGE ? CONTRACT_COVERAGE_DIR : undefined;

  constructor(private readonly doc: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(nullableAsAnyOf({ $id: 'openapi', components: doc.components, paths: doc.paths }) as object);
    this.routes = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({
          method,
          path,
          pattern: new RegExp(`^${path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`),
          literals: path.split('/').filter((s) => s && !s.includes('{')).length,
          op: (item as Record<string, Operation>)[method],
        })),
      )
      // The most specific template first: `/citizen-view.html` before `/{version}`.
      .sort((a, b) => b.literals - a.literals || b.path.length - a.path.length);
    if (this.coverage) {
      mkdirSync(this.coverage, { recursive: true });
      const pairs = this.routes.flatMap((r) => Object.keys(r.op.responses ?? {}).map((status) => JSON.stringify({ operationId: r.op.operationId, status, path: r.path })));
      appendFileSync(join(this.coverage, 'documented.jsonl'), pairs.join('\n') + '\n');
    }
  }

  /** What is wrong with the exchange, or [] when the document describes it. */
  check(x: Exchange): string[] {
    const path = x.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0].split('#')[0];
    const method = x.method.toLowerCase();
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    const where = `${x.method.toUpperCase()} ${path} → ${x.status}`;
    if (!route) {
      // Not an operation: the docs themselves, or an unknown route, which answers the generic 404.
      if (path === '/api/openapi.json' || path.startsWith('/api/docs')) return [];
      if (this.routes.some((r) => r.pattern.test(path)) && x.status === 405) return [];
      if (x.status === 404 && (x.body as { code?: string } | undefined)?.code === 'http.route-not-found') return this.validate('#/components/schemas/Problem', x.body, where);
      // The body parser runs before routing: a malformed, too large or non-UTF-8 body is refused on any path.
      const code = (x.body as { code?: string } | undefined)?.code;
      if ([400, 413, 415].includes(x.status) && ['request.malformed-body', 'request.too-large', 'request.unsupported-media-type'].includes(code ?? '')) {
        return this.validate('#/components/schemas/Problem', x.body, where);
      }
      return [`${where}: no operation of the OpenAPI document matches ${x.method.toUpperCase()} ${path}`];
    }
    const id = route.op.operationId ?? `${method} ${route.path}`;
    if (this.coverage) appendFileSync(join(this.coverage, 'observed.jsonl'), JSON.stringify({ operationId: id, status: String(x.status) }) + '\n');
    const declared = route.op.responses?.[String(x.status)] ?? route.op.responses?.default;
    if (!declared) return [`${where}: ${id} does not declare status ${x.status} (declared: ${Object.keys(route.op.responses ?? {}).join(', ')})${problemCode(x.body)}`];
    if (x.empty && x.status !== 200) return [];
    const type = x.contentType?.split(';')[0].trim().toLowerCase();
    const content = declared.content ?? {};
    if (!type) return Object.keys(content).length && !x.empty ? [`${where}: ${id} answered a body without a content type`] : [];
    if (!(type in content)) return [`${where}: ${id} does not declare ${type} for ${x.status} (declared: ${Object.keys(content).join(', ') || 'no body'})${problemCode(x.body)}`];
    const pointer = `#/paths/${escape(route.path)}/${method}/responses/${x.status in (route.op.responses ?? {}) ? x.status : 'default'}/content/${escape(type)}/schema`;
    if (!(content[type] as { schema?: unknown }).schema) return [];
    // A text or binary answer (HTML, CSV, SVG, PDF) is a string of its type; only JSON bodies have a structure to check.
    if (!/[/+]json$/.test(type)) return [];
    return this.validate(pointer, x.body, `${where} (${id}, ${type})`);
  }

  private validate(pointer: string, body: unknown, where: string): string[] {
    let fn = this.compiled.get(pointer);
    if (!fn) {
      fn = this.ajv.getSchema(`openapi${pointer}`);
      if (!fn) return [`${where}: the schema at ${pointer} cannot be compiled`];
      this.compiled.set(pointer, fn);
    }
    if (fn(body)) return [];
    return (fn.errors ?? []).slice(0, 8).map((e) => `${where}: body${e.instancePath} ${e.message}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}${problemCode(body)}`);
  }
}

/**
 * OpenAPI 3.0's `nullable: true` says "or null" for the whole schema, also beside an `allOf` of a reference
 * (how a nullable enum or object is written); JSON Schema, which ajv speaks, would still hold the null to the
 * referenced schema. So each nullable schema becomes `anyOf: [null, the schema]` for validation.
 */
function nullableAsAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsAnyOf);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nullableAsAnyOf(v)]));
  if (out.nullable !== true) return out;
  delete out.nullable;
  const { description, example, ...schema } = out;
  return { description, example, anyOf: [{ type: 'null' }, schema] };
}

function safely(check: () => string[]): string[] {
  try {
    return check();
  } catch (e) {
    return [`the contract check itself failed: ${(e as Error).message}`];
  }
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const problemCode = (body: unknown) => {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? ` [problem ${code}]` : '';
};

/**
 * A response the document does not describe fails its test at once. Only for a diagnosis run,
 * ENPLAN_CONTRACT_STRICT=0 records the mismatches instead (dist/contract-coverage/mismatches.txt) and lets the
 * tests go on, so one run lists them all; `tools/scripts/contract-mismatches.mjs` then fails on any new one.
 */
const CONTRACT_STRICT = process.env.ENPLAN_CONTRACT_STRICT !== '0';

/** A mismatch as the committed list names it: by operation, not by the request's path (`GET /x/{id} → 404 (getX…` → `GET → 404 (getX…`). */
export const mismatchKey = (problem: string) =>
  problem
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}')
    .replace(/\n/g, ' ')
    .trim()
    .replace(/^([A-Z]+) \S+ → /, '$1 → ');

/**
 * docs/contract-mismatches.txt: mismatches known when the gate was made strict, still being worked off. Each
 * is recorded but does not fail its test; the list may only shrink (contract-mismatches.mjs --amend), and
 * anything not on it fails at once. Empty or absent: every mismatch fails.
 */
const KNOWN_MISMATCHES = (() => {
  const file = join(process.cwd(), 'docs', 'contract-mismatches.txt');
  if (!existsSync(file)) return new Set<string>();
  return new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
})();

/**
 * The mismatches a run found, one line each with record ids replaced by `{id}`, appended to
 * dist/contract-coverage/mismatches.txt (also in a strict run, where each has failed its test already);
 * tools/scripts/contract-mismatches.mjs fails the run on any of them.
 */
export function recordMismatches(problems: readonly string[]): void {
  mkdirSync(CONTRACT_COVERAGE_DIR, { recursive: true });
  appendFileSync(join(CONTRACT_COVERAGE_DIR, 'mismatches.txt'), problems.map(mismatchKey).join('\n') + '\n');
}

/**
 * Makes every supertest request of `agent` check its answer against the contract: a response the
 * document does not describe fails the request (as a failed `.expect` would), naming what is wrong.
 */
export function validatingAgent<T extends object>(agent: T, contract: ContractValidator): T {
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !(METHODS as readonly string[]).includes(prop) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) => {
        const test = (value as (...a: unknown[]) => { end: (fn: (err: unknown, res: unknown) => void) => unknown })(url, ...rest);
        const end = test.end.bind(test);
        test.end = (fn) =>
          end((err: unknown, res: unknown) => {
            const r = res as { status?: number; headers?: Record<string, string>; body?: unknown; text?: string } | undefined;
            const status = r?.status;
            if (r && status !== undefined) {
              const isJson = /[/+]json/i.test(r.headers?.['content-type'] ?? '');
              // A check that throws must still settle the request (else the test hangs until its timeout).
              const problems = safely(() => contract.check({
                method: prop,
                url,
                status,
                contentType: r.headers?.['content-type'],
                body: isJson ? r.body : r.text,
                empty: !r.text && (r.body === undefined || r.body === '' || (typeof r.body === 'object' && r.body !== null && !Buffer.isBuffer(r.body) && Object.keys(r.body).length === 0 && !isJson)),
              }));
              if (problems.length) {
                recordMismatches(problems);
                // The request fails, as a failed `.expect` would, unless each mismatch is on the known list (or a
                // diagnosis run asked only to record).
                const unknown = problems.filter((p) => !KNOWN_MISMATCHES.has(mismatchKey(p)));
                if (CONTRACT_STRICT && unknown.length) return fn(err ?? new Error(`The response is not what the OpenAPI document describes:\n  ${unknown.join('\n  ')}`), res);
              }
            }
            return fn(err, res);
          });
        return test;
      };
    },
  });
}

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO } from '@enplan/core/host';
import { startTestApp, type TestApp } from '@enplan/core/testing';
import { schemaSamples, type OpenApiDoc, type Schema } from './openapi-operations.js';

/**
 * Generated hostile input: every write operation of the OpenAPI document gets garbage (deep nesting, NUL,
 * lone surrogates, null, wrong types, arrays for objects, prototype keys, oversized and malformed bodies),
 * and must answer problem+json below 500, naming the field, without changing a row. The document drives
 * it, so a new operation is covered the day it is added.
 */

/** One request to send, and the field its problem must name (when the garbage sits in one field). */
interface Case {
  label: string;
  method: string;
  path: string;
  /** A value is sent as JSON; a string is sent as it is, as an application/json body. */
  body?: unknown;
  raw?: string;
  field?: string;
  auth: string;
  ifMatch?: string;
}

/** Tables whose rows record the refusals themselves (who tried to read what; messages to send). */
const LOG_TABLES = new Set(['access_log', 'outbox_message']);

describe('hostile input to every write operation', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let resolve: ReturnType<typeof schemaSamples>['resolve'];
  let sample: ReturnType<typeof schemaSamples>['sample'];
  let tokens: Record<'integrator' | 'caseworker' | 'manager', string>;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    doc = (await t.http().get('/api/openapi.json')).body as OpenApiDoc;
    ({ resolve, sample } = schemaSamples(doc));
    tokens = {
      integrator: `Bearer ${await t.token({ roles: ['integrator'] })}`,
      caseworker: `Bearer ${await t.token({ roles: ['caseworker'] })}`,
      manager: `Bearer ${await t.token({ userId: DEMO.managerId, roles: ['manager', 'caseworker'] })}`,
    };
  });
  afterAll(() => t?.close());

  /** Every property path of a body schema (nested objects and the first item of arrays of objects), with its schema. */
  const fields = (raw: Schema, prefix = '', depth = 0): { path: string; schema: Schema }[] => {
    const s = resolve(raw);
    if (depth > 4 || !s.properties) return [];
    return Object.entries(s.properties).flatMap(([k, p]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      const ps = resolve(p);
      const nested = ps.type === 'array' ? fields(ps.items ?? {}, `${path}[0]`, depth + 1) : fields(ps, path, depth + 1);
      return [{ path, schema: { ...ps, nullable: p.nullable ?? ps.nullable } }, ...nested];
    });
  };

  /** Sets `path` (a.b[0].c) in a copy of `body`, building what is missing from the schema's samples. */
  const withValue = (body: unknown, path: string, value: unknown): unknown => {
    const copy = structuredClone(body) as Record<string, unknown>;
    const steps = path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));
    let at: Record<string | number, unknown> = copy;
    steps.forEach((step, i) => {
      if (i === steps.length - 1) {
        at[step] = value;
        return;
      }
      const next = typeof steps[i + 1] === 'number' ? [] : {};
      if (at[step] === null || typeof at[step] !== 'object' || Array.isArray(at[step]) !== Array.isArray(next)) at[step] = next;
      at = at[step] as Record<string | number, unknown>;
    });
    return copy;
  };

  const wrongType = (s: Schema): unknown => {
    if (s.type === 'string') return 12345;
    if (s.type === 'number' || s.type === 'integer' || s.type === 'boolean') return 'not-a-value';
    if (s.type === 'array') return { not: 'an array' };
    if (s.properties) return [];
    return undefined;
  };

  /** Tenant tables by checksum, so "nothing changed" covers every row of every table. */
  const checksum = async (): Promise<Record<string, string>> => {
    const ds = t.app.get(DataSource);
    const tables = (
      (await ds.query(
        `SELECT DISTINCT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'municipality_id'`,
      )) as { name: string }[]
    )
      .map((r) => r.name)
      .filter((n) => !LOG_TABLES.has(n))
      .sort();
    const out: Record<string, string> = {};
    for (const name of [...tables, 'municipality']) {
      const [row] = (await ds.query(`SELECT md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS h, count(*)::int AS n FROM "${name}" x`)) as { h: string; n: number }[];
      out[name] = `${row.n}:${row.h}`;
    }
    return out;
  };

  const send = (c: Case) => {
    const req = t.http()[c.method as 'post'](c.path).set('Authorization', c.auth);
    if (c.ifMatch) req.set('If-Match', c.ifMatch);
    if (c.raw !== undefined) return req.set('Content-Type', 'application/json').send(c.raw);
    return c.body === undefined ? req : req.send(c.body as object);
  };

  it('refuses every piece of garbage with problem+json naming the field, and changes nothing', async () => {
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ['post', 'put', 'patch'].includes(m))
        .map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(38);

    // A world to aim at: the demo's records, and one record of each collection created through the API
    // with the documented examples, so path parameters mostly name real records.
    const ids = new Map<string, string>();
    const api = (path: string) => `/api/v1${path}`;
    const courses = (await t.http().get(api('/courses?status=active')).set('Authorization', tokens.integrator)).body.items as { id: string }[];
    const citizens = (await t.http().get(api('/citizens')).set('Authorization', tokens.integrator)).body.items as { id: string }[];
    ids.set('courses', courses[0].id);
    ids.set('citizens', citizens[0].id);
    ids.set('staff', DEMO.caseworkerId);
    const [household] = (await t.app.get(DataSource).query('SELECT id FROM household LIMIT 1')) as { id: string }[];
    ids.set('households', household.id);
    /** Operations whose path names a record the world lacks: they answer 404 before the body is looked at. */
    const unresolved = new Set<string>();
    const fill = (path: string) =>
      path.replace(/([a-z-]+)\/\{[^}]+\}/g, (_m, collection: string) => {
        const id = ids.get(collection) ?? ids.get(`*/${collection}`);
        if (!id) unresolved.add(path);
        return `${collection}/${id ?? randomUUID()}`;
      });
    // Which token the operation is for: guards run before the validation pipe, so a refused token hides it.
    const authFor = new Map<string, string>();
    for (const { path, method, op } of ops) {
      const schema = op.requestBody?.content['application/json']?.schema;
      for (const auth of [tokens.integrator, tokens.caseworker, tokens.manager]) {
        const res = await send({ label: 'probe', method, path: fill(path), body: schema ? sample(schema) : undefined, auth });
        if (res.status === 401 || res.status === 403) continue;
        authFor.set(`${method} ${path}`, auth);
        const id = (res.body as { id?: string })?.id;
        const collection = /\/([a-z-]+)$/.exec(path)?.[1];
        if (res.status < 300 && typeof id === 'string' && collection) {
          if (!ids.has(collection)) ids.set(collection, id);
          if (!ids.has(`*/${collection}`)) ids.set(`*/${collection}`, id);
        }
        break;
      }
    }

    const cases: Case[] = [];
    for (const { path, method, op } of ops) {
      const auth = authFor.get(`${method} ${path}`) ?? tokens.integrator;
      const url = fill(path);
      // Where the path names no record, the 404 comes first, before the body is looked at: no field to name.
      const noRecord = unresolved.has(path);
      const add = (label: string, c: Partial<Case>, early = false) =>
        cases.push({ label: `${method} ${path}: ${label}`, method, path: url, auth, ...c, ...(noRecord && !early ? { field: undefined } : {}) });
      const schema = op.requestBody?.content['application/json']?.schema;
      const first = schema ? Object.keys(resolve(schema).properties ?? {})[0] : undefined;
      const key = first ?? 'anything';
      const base = schema ? (sample(schema) as Record<string, unknown>) : {};
      const baseJson = JSON.stringify(base).slice(1, -1);
      const join = (extra: string) => `{${extra}${baseJson ? `,${baseJson}` : ''}}`;

      add('5 000 levels of nesting', { raw: `{"${key}":${'['.repeat(5000)}${']'.repeat(5000)}}`, field: key }, true);
      add('5 000 levels of objects', { raw: `{"${key}":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, field: key }, true);
      add('__proto__ key', { raw: join('"__proto__":{"isAdmin":true}'), field: '__proto__' }, true);
      add('constructor key', { raw: join('"constructor":{"prototype":{"x":1}}'), field: 'constructor' }, true);
      // An operation without a body refuses one too (UnexpectedBodyInterceptor).
      add('unknown field', { body: { ...base, notAField: 1 }, field: 'notAField' });
      add('NUL in a key', { body: { ...base, 'a\u0000b': 1 } });
      add('malformed JSON', { raw: '{"a":' });
      add('body over 1 MB', { body: { ...base, [key]: 'x'.repeat(1_100_000) } });
      if (schema) add('array body', { body: [base] });
      add('NUL in the query string', { body: base, path: `${url}?q=a%00b`, field: 'q' }, true);

      for (const { path: field, schema: fs } of schema ? fields(schema) : []) {
        if (fs.type === 'string') {
          add(`NUL in ${field}`, { body: withValue(base, field, 'ab\u0000cd'), field }, true);
          add(`lone surrogate in ${field}`, { body: withValue(base, field, 'ab\ud800cd'), field }, true);
          add(`lone low surrogate in ${field}`, { body: withValue(base, field, '\udc00'), field }, true);
          if (fs.maxLength) add(`900 kB in ${field}`, { body: withValue(base, field, 'x'.repeat(900_000)), field });
          if (fs.format === 'date') add(`impossible date in ${field}`, { body: withValue(base, field, '2026-02-30'), field });
          if (fs.format === 'uuid') add(`not a uuid in ${field}`, { body: withValue(base, field, 'not-a-uuid'), field });
        }
        if (!fs.nullable) add(`null for ${field}`, { body: withValue(base, field, null), field });
        const wrong = wrongType(fs);
        if (wrong !== undefined) add(`wrong type for ${field}`, { body: withValue(base, field, wrong), field });
        if (fs.properties) add(`__proto__ inside ${field}`, { raw: JSON.stringify(withValue(base, field, { marker: 1 })).replace('"marker":1', '"__proto__":{"x":1}'), field: `${field}.__proto__` }, true);
      }
    }

    // Well-formed, but breaking a rule only the service can check: each must be refused naming the field.
    const meetingId = ids.get('meetings');
    const rule = (label: string, method: string, path: string, body: unknown, field: string) =>
      cases.push({ label: `rule: ${label}`, method, path: api(path), body, field, auth: tokens.integrator });
    rule('CPR born in the future', 'post', '/citizens', { cpr: '010145-5123', name: 'Fremtidig Person' }, 'cpr');
    rule('follow-up from an unknown contact', 'post', `/courses/${courses[0].id}/follow-ups`, { text: 'x', ownerId: DEMO.caseworkerId, dueOn: '2026-01-20', contactId: randomUUID() }, 'contactId');
    const draft = (await t.http().get(api(`/courses/${courses[0].id}/plan/draft`)).set('Authorization', tokens.integrator)).body as { content: { overallGoal: object }; revision: number };
    rule('overall goal agreed in the future', 'put', `/courses/${courses[0].id}/plan/draft`, { content: { ...draft.content, overallGoal: { ...draft.content.overallGoal, agreedOn: '2027-01-01' } } }, 'content.overallGoal.agreedOn');
    cases[cases.length - 1].ifMatch = `"${draft.revision}"`;
    if (meetingId) {
      rule('array for the responsible object', 'post', `/meetings/${meetingId}/outcomes`, { kind: 'agreement', text: 'x', responsible: [] }, 'responsible');
      rule('unknown responsible staff member', 'post', `/meetings/${meetingId}/outcomes`, { kind: 'agreement', text: 'x', responsible: { kind: 'staff', id: randomUUID() } }, 'responsible.id');
      rule('citizenId on a staff participant', 'post', `/meetings/${meetingId}/participants`, { kind: 'staff', staffMemberId: DEMO.managerId, citizenId: citizens[0].id }, 'citizenId');
      rule('participantId and staffMemberId', 'post', `/meetings/${meetingId}/roles`, { role: 'chair', participantId: randomUUID(), staffMemberId: DEMO.caseworkerId }, 'staffMemberId');
    }
    expect(meetingId).toBeDefined();

    const before = await checksum();
    const failures: string[] = [];
    // In small batches: fast, without flooding the two-core machine.
    for (let i = 0; i < cases.length; i += 8) {
      await Promise.all(
        cases.slice(i, i + 8).map(async (c) => {
          const res = await send(c);
          const body = res.body as { code?: string; errors?: { field: string }[] };
          const fail = (why: string) => failures.push(`${c.label} -> ${res.status} ${why} ${JSON.stringify(body).slice(0, 300)}`);
          if (res.status >= 500) return fail('5xx');
          if (res.status < 400) return fail('accepted');
          if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) return fail('not problem+json');
          if (typeof body.code !== 'string') return fail('no code');
          if (c.field) {
            const named = (body.errors ?? []).some((e) => e.field === c.field || e.field.startsWith(`${c.field}.`) || e.field.startsWith(`${c.field}[`));
            if (!named) fail(`does not name ${c.field}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(await checksum()).toEqual(before);
    expect(cases.length).toBeGreaterThan(500);
  }, 600_000); // ~1 500 requests in one case: generous for a loaded 2-core machine (the run takes ~40 s alone)
});

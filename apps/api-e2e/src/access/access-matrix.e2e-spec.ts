import { DataSource } from 'typeorm';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { arrangeAccessWorld, arrangeCaseRecords, concretePath, type AccessWorld, type Actors, type ApiRoute } from './access-world.js';
import { documentedOperations, type OpenApiDoc } from '../common/openapi-operations.js';

/**
 * Every route of the API, called by every kind of caller: the expected answer comes from the rules of the
 * issue written out here by path, not from the routes' own declarations, so a route declared too open (or
 * too closed) fails. A route added later must fit one of the families below or get a line of its own.
 */
type Actor = keyof Actors | 'anonymous';
const ACTORS: Actor[] = ['anonymous', 'otherMunicipality', 'outsider', 'externalNoConsent', 'external', 'manager', 'team', 'integration'];
type Expectation = 'allowed' | 401 | 403 | 404;

const COURSE_SCOPED = [
  /^\/courses\/\{(courseId|id)\}/,
  /^\/meetings\/\{meetingId\}/,
  /^\/consents\/\{/,
  /^\/access-grants\/\{/,
  /^\/journal-notes\/\{/,
  /^\/follow-ups\/\{/,
  /^\/provider-orders\/\{/,
  /^\/contacts\/\{/,
  /^\/measurements\/\{measurementId\}/,
  /^\/decisions\/\{/,
];
const CITIZEN_SCOPED = [/^\/citizens\/\{id\}/, /^\/households\/\{id\}/];
/** Citizen routes about the whole case file: for managers and integrations only. */
const CITIZEN_OVERSIGHT = [/^\/citizens\/\{id\}\/access-log$/, /^\/citizens\/\{id\}\/access-request/];
/** Course routes a manager overseeing the course may write. */
const MANAGER_WRITES = [
  /\/team(\/|$)/,
  /\/primary-contact$/,
  /^\/courses\/\{courseId\}\/access-grants$/,
  /^\/access-grants\/\{grantId\}\/revoke$/,
  // Releasing a withheld free text to household members: the team, or a manager overseeing the course.
  /^\/courses\/\{courseId\}\/disclosure-releases$/,
];
/** Course routes only a manager overseeing the course (or an integration) may use, not the team. */
const OVERSIGHT_ONLY = [/^\/courses\/\{courseId\}\/access-log$/, /^\/courses\/\{courseId\}\/access-grants$/, /^\/access-grants\/\{grantId\}\/revoke$/];
/** What an external participant may read, within their consent. */
const EXTERNAL_READS = new Set(['GET /courses/{courseId}/plan', 'GET /courses/{courseId}/decisions']);
/** Organisation data: read by all staff, written by managers, admins and integrations. */
const ORGANISATION_WRITES = new Set(['POST /org-units', 'POST /staff', 'PATCH /staff/{id}']);
const CATALOGUE_WRITES = new Set(['POST /legal-bases', 'POST /progression/instruments']);
/** Municipality-level figures (sync, progression) and the pseudonymous evaluation export: for managers and integrations (their own municipality's; our other-municipality caller holds both roles). */
const MANAGEMENT_READS = new Set(['GET /sync/figures', 'GET /progression/figures', 'GET /progression/instruments/{instrumentId}/evaluation.csv']);
/** The shipped instruments are the same in every municipality: another municipality's caller finds them too. */
const SHARED_CATALOGUE_READS = new Set(['GET /progression/instruments/{instrumentId}/versions/{version}']);
/** The municipality's decision settings (committee provisions, complaint guidance): managers, admins and integrations. */
const DECISION_SETTINGS_WRITES = new Set([
  'PUT /decision-settings/committee-legal-bases',
  'PUT /decision-settings/complaint-guidance/{legalArea}',
  'DELETE /decision-settings/complaint-guidance/{legalArea}',
]);
/** The integration surface (the event feed, webhooks, dead letters): integrations and admins; an unknown id is the service's 404. */
const INTEGRATION_ROUTES = /^\/(events|webhooks|event-deliveries)(\/|$)/;
/** A staff member's calendar feed and subscription URL: the owner's only (the fixture's staffId is the team member). */
const OWNER_ONLY = /^\/staff\/\{staffId\}\/calendar(\.ics|-subscription)$/;
/** No bearer token: the secret in the path is the credential (an unknown one is a 404 for everyone). */
const PUBLIC = new Set(['GET /calendar/{token}.ics']);

function expected(actor: Actor, method: string, path: string): Expectation {
  const route = `${method} ${path}`;
  if (PUBLIC.has(route)) return 'allowed';
  if (actor === 'anonymous') return 401;
  if (OWNER_ONLY.test(path)) return actor === 'team' ? 'allowed' : actor === 'otherMunicipality' ? 404 : 403;
  const read = method === 'GET';
  if (COURSE_SCOPED.some((r) => r.test(path))) {
    if (actor === 'otherMunicipality') return 404;
    if (actor === 'integration') return 'allowed';
    if (actor === 'outsider' || actor === 'externalNoConsent') return 403;
    // The fixture's decision is a draft: an external participant reads decided ones only, so to them it does not exist.
    if (actor === 'external' && route === 'GET /decisions/{decisionId}') return 404;
    if (actor === 'external') return EXTERNAL_READS.has(route) ? 'allowed' : 403;
    if (actor === 'manager') return read || MANAGER_WRITES.some((r) => r.test(path)) ? 'allowed' : 403;
    return OVERSIGHT_ONLY.some((r) => r.test(path)) && !(read && path.endsWith('/access-grants')) ? 403 : 'allowed';
  }
  if (CITIZEN_SCOPED.some((r) => r.test(path))) {
    if (actor === 'otherMunicipality') return 404;
    if (actor === 'external' || actor === 'externalNoConsent') return 403;
    if (CITIZEN_OVERSIGHT.some((r) => r.test(path))) return actor === 'manager' || actor === 'integration' ? 'allowed' : 403;
    return 'allowed';
  }
  if (actor === 'external' || actor === 'externalNoConsent') return route === 'GET /me' ? 'allowed' : 403;
  // Organisation data is not citizens' data: another municipality's id is simply not found by the service.
  if (ORGANISATION_WRITES.has(route)) return actor === 'manager' || actor === 'integration' || actor === 'otherMunicipality' ? 'allowed' : 403;
  if (DECISION_SETTINGS_WRITES.has(route)) return actor === 'manager' || actor === 'integration' || actor === 'otherMunicipality' ? 'allowed' : 403;
  if (CATALOGUE_WRITES.has(route)) return actor === 'integration' || actor === 'otherMunicipality' ? 'allowed' : 403;
  if (MANAGEMENT_READS.has(route)) return actor === 'manager' || actor === 'integration' || actor === 'otherMunicipality' ? 'allowed' : 403;
  if (SHARED_CATALOGUE_READS.has(route)) return 'allowed';
  if (INTEGRATION_ROUTES.test(path)) return actor === 'integration' || actor === 'otherMunicipality' ? 'allowed' : 403;
  if (actor === 'otherMunicipality' && path.includes('{')) return 404;
  // "My work list" needs a staff record; an integration (and our other-municipality caller) has none.
  if (route === 'GET /work-list' && (actor === 'integration' || actor === 'otherMunicipality')) return 404;
  return 'allowed';
}

/** 404s that mean "no such record here" (the access answer), as opposed to a domain answer such as "no plan yet". */
const RECORD_NOT_FOUND = /^(course|meeting|consent|access-grant|citizen|household|org-unit|staff|staff-member|journal-note|follow-up|provider-order|contact|team|measurement|decision)\.not-found$/;

function verdict(status: number, code: string | undefined): Expectation | 'error' {
  if (status >= 500) return 'error';
  if (status === 401 || status === 403) return status;
  if (status === 404 && code && RECORD_NOT_FOUND.test(code)) return 404;
  return 'allowed';
}

describe('access matrix: every route × every kind of caller', () => {
  let t: TestApp;
  let w: AccessWorld;
  let routes: ApiRoute[];
  let fill: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-02-02T09:00:00Z' });
    w = await arrangeAccessWorld(t);
    ({ fill, routes } = await arrangeCaseRecords(t, w));
    const doc = (await t.http().get('/api/openapi.json')).body as OpenApiDoc;
    bodyless = new Set(documentedOperations(doc).filter((c) => c.method !== 'get' && !c.op.requestBody).map((c) => `${c.method.toUpperCase()} ${c.path.replace(/^\/api\/v1/, '')}`));
    // The grant ends tomorrow: the outsider's access through it is tested in access.e2e-spec; here they are an outsider.
    t.clock.set('2026-02-05T09:00:00Z');
  });
  afterAll(() => t?.close());

  const concrete = (path: string) => concretePath(path, w, fill);
  /** `METHOD /path` of the writes that take no body. */
  let bodyless: Set<string>;

  it('leaves only the health checks and the calendar subscription feed public', async () => {
    expect((await t.http().get('/health')).status).toBe(200);
    expect((await t.http().get('/api/openapi.json')).status).toBe(200);
    const feed = await t.http().get(`/api/v1/calendar/${'A'.repeat(43)}.ics`);
    expect([feed.status, feed.body.code]).toEqual([404, 'calendar-subscription.not-found']);
    expect(routes.filter((r) => PUBLIC.has(`${r.method} ${r.path}`))).toHaveLength(PUBLIC.size);
  });

  it('covers the API (the matrix is not vacuous)', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => COURSE_SCOPED.some((x) => x.test(r.path))).length).toBeGreaterThan(20);
  });

  it('answers each caller as the rules say, on every route', async () => {
    const mismatches: string[] = [];
    for (const actor of ACTORS) {
      for (const { method, path } of routes) {
        const want = expected(actor, method, path);
        const url = `/api/v1${concrete(path)}`;
        let req = t.http()[method.toLowerCase() as 'get'](url);
        if (actor !== 'anonymous') req = req.set('Authorization', w.as[actor]);
        // A write that passes the access check then fails validation on the probe field, so nothing changes. A write
        // that takes no body gets none: its record check may sit in its handler (the calendar subscription's owner
        // check), which a refused body would pre-empt.
        const res = method === 'GET' ? await req : bodyless.has(`${method} ${path}`) ? await req : await req.send({ __probe: true });
        const got = verdict(res.status, res.body?.code);
        if (got !== want) mismatches.push(`${actor.padEnd(18)} ${method} ${path}: expected ${want}, got ${res.status} ${res.body?.code ?? ''}`);
        if (got === 403 || got === 404 || got === 401) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('logs every allowed call of the team member on case routes, and every refusal of the outsider', async () => {
    const ds = t.app.get(DataSource);
    const rows: { route: string; outcome: string; actor_id: string; citizen_ids: string[] }[] = await ds.query(
      `SELECT route, outcome, actor_id, citizen_ids FROM access_log WHERE actor_id = ANY($1)`,
      [[w.ids.teamMember, w.ids.outsider]],
    );
    const missing: string[] = [];
    for (const { method, path } of routes) {
      const template = `${method} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const course = COURSE_SCOPED.some((r) => r.test(path));
      const citizen = CITIZEN_SCOPED.some((r) => r.test(path));
      if (!course && !citizen) continue;
      if (expected('team', method, path) === 'allowed') {
        const hit = rows.find((r) => r.actor_id === w.ids.teamMember && r.route === template && r.outcome !== 'denied');
        if (!hit || !hit.citizen_ids.includes(w.citizenId)) missing.push(`team ${template}`);
      }
      if (course && expected('outsider', method, path) === 403) {
        if (!rows.some((r) => r.actor_id === w.ids.outsider && r.route === template && r.outcome === 'denied')) missing.push(`outsider ${template}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

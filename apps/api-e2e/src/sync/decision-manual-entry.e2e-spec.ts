import type { Deployment } from '@enplan/core/config';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { arrangeProgressionWorld, type ProgressionWorld } from '../progression/progression-world.js';

/**
 * A decided decision and a sector system without an interface (target kind `manual`): the decision waits there as
 * "needs manual entry" in the course's ledger until someone records having typed it in, as a plan version does.
 * Refusals (a decision that is not decided or not the course's, a malformed id, a target that does not take it,
 * a second entry) are problem+json with nothing written.
 */
const DEPLOYMENT = { municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [], sync: [{ id: 'dubu', kind: 'manual', label: 'DUBU' }] }] } as Deployment;

describe(`a decision's manual entry into a system without an interface (${testEngine()})`, () => {
  let t: TestApp;
  let w: ProgressionWorld;
  let decided: string;
  let draft: string;
  const call = (method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', w.caseworker);
    return body ? req.send(body) : req;
  };
  const entry = (decisionId: string, target = 'dubu', body: object = { reference: 'DUBU-2026-0042' }) => call('put', `/courses/${w.courseId}/sync/decisions/${decisionId}/targets/${target}/manual-entry`, body);
  const decisionTargets = async () => {
    const res = await call('get', `/courses/${w.courseId}/sync`);
    expect(res.status).toBe(200);
    return res.body.decisions.map((d: { decisionId: string; complete: boolean; targets: { target: string; state: string; manual: boolean; targetReference: string | null }[] }) => [
      d.decisionId,
      d.complete,
      d.targets.map((x) => [x.target, x.state, x.manual, x.targetReference]),
    ]);
  };

  beforeAll(async () => {
    t = await startTestApp({ deployment: DEPLOYMENT, now: '2026-01-05T09:00:00Z' });
    w = await arrangeProgressionWorld(t);
    const content = {
      citizenWords: { worries: 'Huslejen.', whatWorks: 'Madlavning.', dreamsAndWishes: 'Et job i et køkken.' },
      overallGoal: { text: 'Jeg vil have et job i et køkken.', citizenAgreed: true, agreedOn: '2026-01-05' },
      goals: [{ id: 'g-job', title: 'Praktik i et køkken', status: 'in-progress', concerns: [] }],
      actions: [{ id: 'a-praktik', goalId: 'g-job', title: 'Virksomhedspraktik', legalBasis: 'LAB-57', responsible: { kind: 'unit', id: w.unitId }, startDate: '2026-02-01', status: 'planned' }],
      agreements: [],
    };
    const published = await t.http().post(`/api/v1/courses/${w.courseId}/plan/versions`).set('Authorization', w.caseworker).set('If-Match', '"0"').send({ changeSummary: 'Første plan', content });
    expect(published.status).toBe(201);
    const body = { legalBasis: 'LAB-57', actions: [{ actionId: 'a-praktik', outcome: 'granted' }], summary: 'Du får praktik.', text: 'Jobcentret bevilger praktik.', reasoning: 'Det afklarer dit arbejde.', effectiveFrom: '2026-02-01' };
    const d1 = await call('post', `/courses/${w.courseId}/decisions`, body);
    expect(d1.status).toBe(201);
    const decide = await call('post', `/decisions/${d1.body.id}/decide`, {});
    expect(decide.status).toBe(200);
    decided = d1.body.id;
    const d2 = await call('post', `/courses/${w.courseId}/decisions`, body);
    expect(d2.status).toBe(201);
    draft = d2.body.id;
  });
  afterAll(() => t?.close());

  it('shows the decided decision waiting for manual entry in the system without an interface (a draft is not listed)', async () => {
    expect(await decisionTargets()).toEqual([[decided, false, [['dubu', 'needs-manual-entry', false, null]]]]);
  });

  it('refuses a draft, another id, a malformed id and a target that does not exist, writing nothing', async () => {
    for (const [id, target, status, code] of [
      [draft, 'dubu', 404, 'decision.not-found'],
      ['6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', 'dubu', 404, 'decision.not-found'],
      ['not-a-uuid', 'dubu', 404, 'decision.not-found'],
      [decided, 'acadre', 422, 'sync.target-unknown'],
    ] as const) {
      const res = await entry(id, target);
      expect([res.status, res.body.code, res.headers['content-type']]).toEqual([status, code, expect.stringContaining('application/problem+json')]);
    }
    const bad = await entry(decided, 'dubu', { reference: '' });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'reference']);
    expect(await decisionTargets()).toEqual([[decided, false, [['dubu', 'needs-manual-entry', false, null]]]]);
  });

  it('records the entry with its reference, counted as manual (so not "complete"), once', async () => {
    const res = await entry(decided);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decisionId: decided, complete: false, targets: [{ target: 'dubu', label: 'DUBU', state: 'delivered', manual: true, targetReference: 'DUBU-2026-0042' }] });
    expect(await decisionTargets()).toEqual([[decided, false, [['dubu', 'delivered', true, 'DUBU-2026-0042']]]]);
    const again = await entry(decided, 'dubu', { reference: 'DUBU-2026-0043' });
    expect([again.status, again.body.code]).toEqual([409, 'sync.already-delivered']);
    expect(await decisionTargets()).toEqual([[decided, false, [['dubu', 'delivered', true, 'DUBU-2026-0042']]]]);
  });
});

import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import type { PlanContent } from '@enplan/core/plans';
import { arrangeWorld, CASEWORKER_ID, planContent, type PlanWorld } from './plan-test-fixtures.js';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

describe(`the one plan, versioned (${testEngine()})`, () => {
  let t: TestApp;
  let w: PlanWorld;
  let auth: string;
  const url = (path = '') => `/api/v1/courses/${w.courseId}/plan${path}`;

  beforeAll(async () => {
    t = await startTestApp();
    w = await arrangeWorld(t);
    auth = `Bearer ${await t.token({ roles: INTEGRATION })}`;
  });
  afterAll(() => t?.close());

  const publish = (body: object, ifMatch?: string) => {
    const r = t.http().post(url('/versions')).set('Authorization', auth);
    return (ifMatch === undefined ? r : r.set('If-Match', ifMatch)).send(body);
  };

  it('has no plan before the first version is published', async () => {
    const res = await t.http().get(url()).set('Authorization', auth).expect(404);
    expect(res.body).toMatchObject({ code: 'plan.not-published', currentVersion: 0 });
    const versions = await t.http().get(url('/versions')).set('Authorization', auth).expect(200);
    expect(versions.body).toMatchObject({ items: [], total: 0 });
  });

  it('publishes the first version from base 0', async () => {
    const res = await publish({ changeSummary: 'Første møde: mål og praktik aftalt', content: planContent(w) }, '"0"').expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/courses/${w.courseId}/plan/versions/1`);
    expect(res.body).toMatchObject({
      courseId: w.courseId,
      version: 1,
      authorId: CASEWORKER_ID,
      authorName: 'Mette Holm',
      publishedAt: '2026-01-05T09:00:00.000Z',
      changeSummary: 'Første møde: mål og praktik aftalt',
      sourceMeetingId: null,
      content: planContent(w),
    });

    const current = await t.http().get(url()).set('Authorization', auth).expect(200);
    expect(current.headers.etag).toBe('"1"');
    expect(current.body).toMatchObject({ version: 1, hasDraft: false, content: planContent(w) });
    // The ETag is a real validator: an unchanged plan is not sent again.
    await t.http().get(url()).set('Authorization', auth).set('If-None-Match', '"1"').expect(304);
  });

  it('requires If-Match (or baseVersion) to publish and refuses a stale one', async () => {
    const missing = await publish({ changeSummary: 'x', content: planContent(w) }).expect(428);
    expect(missing.body.code).toBe('plan.precondition-required');
    const stale = await publish({ changeSummary: 'x', content: planContent(w) }, '"0"').expect(409);
    expect(stale.body).toMatchObject({ code: 'plan.version-conflict', currentVersion: 1 });
    const staleBody = await publish({ changeSummary: 'x', content: planContent(w), baseVersion: 0 }).expect(409);
    expect(staleBody.body.currentVersion).toBe(1);
    const ambiguous = await publish({ changeSummary: 'x', content: planContent(w), baseVersion: 0 }, '"1"').expect(400);
    expect(ambiguous.body.code).toBe('plan.base-version-ambiguous');
    const garbage = await publish({ changeSummary: 'x', content: planContent(w) }, '*').expect(400);
    expect(garbage.body.code).toBe('plan.if-match-invalid');
  });

  let v2: PlanContent;
  it('saves a draft from the current version, with optimistic concurrency on its revision', async () => {
    const empty = await t.http().get(url('/draft')).set('Authorization', auth).expect(200);
    expect(empty.body).toMatchObject({ exists: false, baseVersion: 1, content: planContent(w) });
    const startRevision = empty.body.revision as number;
    expect(empty.headers.etag).toBe(`"${startRevision}"`);

    v2 = planContent(w);
    v2.goals.push({ id: 'g-bolig', parentId: 'g-job', title: 'Få styr på huslejen', status: 'not-started', concerns: [] });
    v2.actions.push({
      id: 'a-bostotte',
      goalId: 'g-bolig',
      title: 'Bostøtte to gange om ugen',
      legalBasis: 'SEL-85',
      responsible: { kind: 'staff', id: w.staffId },
      startDate: '2026-01-15',
      status: 'active',
    });
    const saved = await t.http().put(url('/draft')).set('Authorization', auth).send({ content: v2 }).expect(200);
    expect(saved.body).toMatchObject({ exists: true, baseVersion: 1, revision: startRevision + 1, updatedBy: CASEWORKER_ID, content: v2 });
    expect(saved.headers.etag).toBe(`"${startRevision + 1}"`);

    const noIfMatch = await t.http().put(url('/draft')).set('Authorization', auth).send({ content: v2 }).expect(428);
    expect(noIfMatch.body.code).toBe('plan.precondition-required');
    const stale = await t.http().put(url('/draft')).set('Authorization', auth).set('If-Match', `"${startRevision}"`).send({ content: v2 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'plan.draft-conflict', currentRevision: startRevision + 1 });

    const again = await t.http().put(url('/draft')).set('Authorization', auth).set('If-Match', `"${startRevision + 1}"`).send({ content: v2 }).expect(200);
    expect(again.body.revision).toBe(startRevision + 2);
    const read = await t.http().get(url('/draft')).set('Authorization', auth).expect(200);
    expect(read.body).toMatchObject({ exists: true, revision: startRevision + 2, content: v2 });
    expect((await t.http().get(url()).set('Authorization', auth).expect(200)).body.hasDraft).toBe(true);
  });

  it('publishes the draft as version 2, adding a sub-goal and an action under SEL-85, and clears the draft', async () => {
    const draftBefore = (await t.http().get(url('/draft')).set('Authorization', auth)).body;
    const res = await publish({ changeSummary: 'Bostøtte aftalt' }, '"1"').expect(201);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ version: 2, content: v2 });
    expect(res.body.content.actions[1]).toMatchObject({ legalBasis: 'SEL-85', goalId: 'g-bolig' });

    const draft = await t.http().get(url('/draft')).set('Authorization', auth).expect(200);
    expect(draft.body).toMatchObject({ exists: false, baseVersion: 2, content: v2 });
    // An editor still holding the published draft's revision gets a conflict, not a silent new draft.
    const stale = await t.http().put(url('/draft')).set('Authorization', auth).set('If-Match', `"${draftBefore.revision}"`).send({ content: v2 }).expect(409);
    expect(stale.body.code).toBe('plan.draft-conflict');

    const nothing = await publish({ changeSummary: 'Intet' }, '"2"').expect(422);
    expect(nothing.body).toMatchObject({ code: 'plan.draft-missing', errors: [{ field: 'content' }] });
  });

  it('lets exactly one of two concurrent publishes from the same base win', async () => {
    const a = planContent(w);
    a.agreements[0].done = true;
    const b = planContent(w);
    b.citizenWords.whatWorks = 'Min søster hjælper mig.';
    const results = await Promise.all([
      publish({ changeSummary: 'Fra mødet (A)', content: a }, '"2"'),
      publish({ changeSummary: 'Fra mødet (B)', content: b }, '"2"'),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const lost = results.find((r) => r.status === 409)!;
    expect(lost.body).toMatchObject({ code: 'plan.version-conflict', currentVersion: 3 });
    const won = results.find((r) => r.status === 201)!;
    expect(won.body.version).toBe(3);
    const versions = await t.http().get(url('/versions')).set('Authorization', auth).expect(200);
    expect(versions.body.total).toBe(3);
  });

  it('lists versions newest first without content, and reads one in full', async () => {
    const list = await t.http().get(url('/versions?limit=2')).set('Authorization', auth).expect(200);
    expect(list.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    expect(list.body.items[0]).not.toHaveProperty('content');
    expect(list.body.items[1]).toMatchObject({ changeSummary: 'Bostøtte aftalt', authorName: 'Mette Holm' });

    const one = await t.http().get(url('/versions/1')).set('Authorization', auth).expect(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.body).toMatchObject({ version: 1, content: planContent(w) });
    expect((await t.http().get(url('/versions/9')).set('Authorization', auth).expect(404)).body.code).toBe('plan.version-not-found');
    expect((await t.http().get(url('/versions/abc')).set('Authorization', auth).expect(404)).body.code).toBe('plan.version-not-found');
  });

  it('diffs two versions over HTTP', async () => {
    const res = await t.http().get(url('/diff?from=1&to=2')).set('Authorization', auth).expect(200);
    expect(res.body).toMatchObject({ from: 1, to: 2, identical: false, citizenWords: [], overallGoal: [] });
    expect(res.body.goals.added).toEqual([{ id: 'g-bolig', parentId: 'g-job', title: 'Få styr på huslejen', status: 'not-started', concerns: [] }]);
    expect(res.body.actions.added.map((a: { id: string }) => a.id)).toEqual(['a-bostotte']);
    expect(res.body.actions.removed).toEqual([]);

    const latest = await t.http().get(url('/diff')).set('Authorization', auth).expect(200);
    expect(latest.body).toMatchObject({ from: 2, to: 3 });
    expect(latest.body.actions.removed.map((a: { id: string }) => a.id)).toEqual(['a-bostotte']);

    const first = await t.http().get(url('/diff?from=0&to=1')).set('Authorization', auth).expect(200);
    expect(first.body.goals.added).toHaveLength(1);

    expect((await t.http().get(url('/diff?from=1&to=7')).set('Authorization', auth).expect(404)).body.code).toBe('plan.version-not-found');
    expect((await t.http().get(url('/diff?to=zero')).set('Authorization', auth).expect(400)).body.code).toBe('validation.failed');
  });

  it('shows the citizen their plan in plain Danish, without paragraphs or CPR', async () => {
    // Republish v2's content so the view has the SEL-85 action to (not) show.
    await publish({ changeSummary: 'Bostøtte igen', content: v2 }, '"3"').expect(201);
    const res = await t.http().get(url('/citizen-view')).set('Authorization', auth).expect(200);
    expect(res.body).toMatchObject({
      lang: 'da',
      title: 'Min plan',
      citizenName: 'Anna Jensen',
      version: 4,
      goal: { label: 'Mit mål', text: 'Jeg vil have et job i et køkken.' },
      subGoals: { label: 'Delmål' },
      actions: { label: 'Det gør vi' },
      agreements: { label: 'Aftaler' },
      whoDoesWhat: { label: 'Hvem gør hvad – og hvornår' },
    });
    expect(res.body.myWords.sections.map((s: { label: string }) => s.label)).toEqual(['Det bekymrer mig', 'Det går godt', 'Mine drømme og ønsker']);
    expect(res.body.actions.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Bostøtte to gange om ugen', who: 'Mette Holm (Socialcenter)', status: 'I gang' }),
        expect.objectContaining({ title: 'Virksomhedspraktik i kantine', who: 'Socialcenter', status: 'Planlagt' }),
      ]),
    );
    expect(res.body.agreements.items[0]).toMatchObject({ who: 'Dig selv' });
    const json = JSON.stringify(res.body);
    for (const hidden of ['SEL-85', 'LAB-57', '§', '0101901234', '010190', w.staffId]) expect(json).not.toContain(hidden);

    for (const path of ['/citizen-view.html', '/citizen-view?format=html']) {
      const html = await t.http().get(url(path)).set('Authorization', auth).expect(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toContain('<html lang="da">');
      expect(html.text).toContain('@media print');
      for (const label of ['Det bekymrer mig', 'Det går godt', 'Mine drømme og ønsker', 'Mit mål', 'Delmål', 'Det gør vi', 'Aftaler', 'Hvem gør hvad – og hvornår', 'Dig selv']) {
        expect(html.text).toContain(label);
      }
      for (const hidden of ['SEL-85', 'LAB-57', '§', '0101901234']) expect(html.text).not.toContain(hidden);
    }
  });

  it('escapes what people typed in the printable page', async () => {
    const c = planContent(w);
    c.citizenWords.worries = '<script>alert("x")</script> & mere';
    await publish({ changeSummary: 'Test af tegn', content: c }, '"4"').expect(201);
    const html = await t.http().get(url('/citizen-view.html')).set('Authorization', auth).expect(200);
    expect(html.text).not.toContain('<script>');
    expect(html.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; mere');
  });

  it('discards a draft only with the right revision', async () => {
    const d0 = (await t.http().get(url('/draft')).set('Authorization', auth)).body;
    const saved = await t.http().put(url('/draft')).set('Authorization', auth).set('If-Match', `"${d0.revision}"`).send({ content: planContent(w) }).expect(200);
    expect((await t.http().delete(url('/draft')).set('Authorization', auth).expect(428)).body.code).toBe('plan.precondition-required');
    expect((await t.http().delete(url('/draft')).set('Authorization', auth).set('If-Match', `"${d0.revision}"`).expect(409)).body.code).toBe('plan.draft-conflict');
    await t.http().delete(url('/draft')).set('Authorization', auth).set('If-Match', `"${saved.body.revision}"`).expect(204);
    expect((await t.http().delete(url('/draft')).set('Authorization', auth).set('If-Match', '"1"').expect(404)).body.code).toBe('plan.draft-not-found');
  });

  it('answers 404 course.not-found for an unknown course', async () => {
    for (const id of ['6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60', 'not-a-uuid']) {
      const res = await t.http().get(`/api/v1/courses/${id}/plan`).set('Authorization', auth).expect(404);
      expect(res.body.code).toBe('course.not-found');
    }
  });

  it('needs a token', async () => {
    await t.http().get(url()).expect(401);
  });
});

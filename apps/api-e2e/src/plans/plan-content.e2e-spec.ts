import { DataSource } from 'typeorm';
import { Course } from '@enplan/core/courses';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import type { PlanContent } from '@enplan/core/plans';
import { arrangeWorld, planContent, type PlanWorld } from './plan-test-fixtures.js';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

const OTHER_UUID = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';

describe(`plan content rules (${testEngine()})`, () => {
  let t: TestApp;
  let w: PlanWorld;
  let auth: string;
  const url = (path = '', courseId = w.courseId) => `/api/v1/courses/${courseId}/plan${path}`;

  beforeAll(async () => {
    t = await startTestApp();
    w = await arrangeWorld(t);
    auth = `Bearer ${await t.token({ roles: INTEGRATION })}`;
  });
  afterAll(() => t?.close());

  const publish = (content: unknown, extra: object = {}) =>
    t.http().post(url('/versions')).set('Authorization', auth).set('If-Match', '"0"').send({ changeSummary: 'Første møde', content, ...extra });

  /** Publishing `change(content)` fails with 422, naming exactly this field and code. */
  async function rejects(change: (c: PlanContent) => void, field: string, code: string) {
    const c = planContent(w);
    change(c);
    const res = await publish(c).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code });
    expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
  }

  it('names the field of each broken cross-reference', async () => {
    await rejects((c) => c.actions.push({ ...c.actions[0] }), 'content.actions[1].id', 'plan.duplicate-id');
    await rejects((c) => (c.agreements[0].id = 'g-job'), 'content.agreements[0].id', 'plan.duplicate-id');
    await rejects(
      (c) => c.goals.push({ id: 'g-2', parentId: 'g-in-another-plan', title: 'Delmål', status: 'not-started', concerns: [] }),
      'content.goals[1].parentId',
      'plan.goal-parent-unknown',
    );
    await rejects((c) => (c.goals[0].parentId = 'g-job'), 'content.goals[0].parentId', 'plan.goal-cycle');
    await rejects((c) => (c.actions[0].goalId = 'g-nowhere'), 'content.actions[0].goalId', 'plan.action-goal-unknown');
    await rejects((c) => (c.actions[0].legalBasis = 'SEL-999'), 'content.actions[0].legalBasis', 'plan.legal-basis-unknown');
    await rejects((c) => (c.actions[0].deadline = '2026-01-31'), 'content.actions[0].deadline', 'plan.dates-out-of-order');
    await rejects((c) => (c.actions[0].responsible = { kind: 'staff', id: OTHER_UUID }), 'content.actions[0].responsible.id', 'plan.responsible-unknown');
    await rejects((c) => (c.actions[0].responsible = { kind: 'unit', id: w.staffId }), 'content.actions[0].responsible.id', 'plan.responsible-unknown');
    await rejects((c) => (c.agreements[0].responsible = { kind: 'unit' }), 'content.agreements[0].responsible.id', 'plan.responsible-id-missing');
    await rejects((c) => (c.agreements[0].responsible = { kind: 'citizen', id: w.staffId }), 'content.agreements[0].responsible.id', 'plan.responsible-id-unexpected');
    await rejects((c) => (c.goals[0].concerns = [OTHER_UUID]), 'content.goals[0].concerns[0]', 'plan.concerns-unknown');
  });

  it('publishes only with an overall goal the citizen has said yes to', async () => {
    await rejects((c) => (c.overallGoal.citizenAgreed = false), 'content.overallGoal.citizenAgreed', 'plan.citizen-agreement-missing');
    await rejects((c) => (c.overallGoal.text = ' '), 'content.overallGoal.text', 'plan.overall-goal-missing');
  });

  it('lists every broken rule at once, the first one heading the problem', async () => {
    const c = planContent(w);
    c.actions[0].legalBasis = 'NOPE-1';
    c.overallGoal.citizenAgreed = false;
    const res = await publish(c).expect(422);
    expect(res.body.code).toBe('plan.legal-basis-unknown');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['content.actions[0].legalBasis', 'content.overallGoal.citizenAgreed']);
  });

  it('checks the shape with 400, naming nested fields', async () => {
    const c = planContent(w) as unknown as { actions: Record<string, unknown>[]; goals: Record<string, unknown>[] };
    c.actions[0].startDate = '2026-02-30';
    c.goals[0].status = 'maybe';
    const res = await publish(c).expect(400);
    expect(res.body.code).toBe('validation.failed');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['content.actions[0].startDate', 'content.goals[0].status']));
    expect(JSON.stringify(res.body)).not.toContain('maybe');
  });

  it('rejects unknown fields with 400, at any depth', async () => {
    const top = await publish(planContent(w), { approvedBy: 'x' }).expect(400);
    expect(top.body.errors).toEqual([expect.objectContaining({ field: 'approvedBy', code: 'unknown-field' })]);
    const nested = planContent(w) as unknown as { actions: Record<string, unknown>[] };
    nested.actions[0].internalNote = 'Må ikke ses af borgeren';
    const deep = await publish(nested).expect(400);
    expect(deep.body.errors).toEqual([expect.objectContaining({ field: 'content.actions[0].internalNote', code: 'unknown-field' })]);
  });

  it('validates drafts too, except the publish-only rules', async () => {
    const unfinished = planContent(w);
    unfinished.overallGoal = { text: '', citizenAgreed: false };
    await t.http().put(url('/draft')).set('Authorization', auth).send({ content: unfinished }).expect(200);
    const broken = planContent(w);
    broken.actions[0].goalId = 'g-nowhere';
    const res = await t.http().put(url('/draft')).set('Authorization', auth).set('If-Match', '"1"').send({ content: broken }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'content.actions[0].goalId', code: 'plan.action-goal-unknown' })]);
    // Publishing the unfinished draft trips the publish rules, with the same field paths.
    const pub = await t.http().post(url('/versions')).set('Authorization', auth).set('If-Match', '"0"').send({ changeSummary: 'x' }).expect(422);
    expect(pub.body.errors.map((e: { code: string }) => e.code)).toEqual(['plan.overall-goal-missing', 'plan.citizen-agreement-missing']);
  });

  it('creates the plan exactly once when two first publishes race', async () => {
    const second = await arrangeWorld(t, { staffId: '00000000-0000-4000-8000-000000000002', cpr: '0202902345' });
    const body = { changeSummary: 'Første møde', content: planContent(second) };
    const results = await Promise.all(
      [0, 1].map(() => t.http().post(url('/versions', second.courseId)).set('Authorization', auth).set('If-Match', '"0"').send(body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'plan.version-conflict', currentVersion: 1 });
  });

  it('freezes the plan of a closed course', async () => {
    const closed = await arrangeWorld(t, { staffId: '00000000-0000-4000-8000-000000000003', cpr: '0303903456' });
    await t.app.get(DataSource).getRepository(Course).update({ id: closed.courseId }, { status: 'closed' });
    const res = await t.http().post(url('/versions', closed.courseId)).set('Authorization', auth).set('If-Match', '"0"').send({ changeSummary: 'x', content: planContent(closed) }).expect(409);
    expect(res.body.code).toBe('plan.course-closed');
  });
});

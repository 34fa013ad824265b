import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { arrangeWorld, planContent, type PlanWorld } from './plan-test-fixtures.js';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

/** Two municipalities on one installation: each sees its own catalogue additions and its own courses only. */
describe(`legal bases and tenancy (${testEngine()})`, () => {
  let t: TestApp;
  let a: PlanWorld;
  let b: PlanWorld;
  let authA: string;
  let authB: string;

  beforeAll(async () => {
    t = await startTestApp({
      deployment: {
        municipalities: [
          { code: '999', name: 'A', plugins: [] },
          { code: '101', name: 'B', plugins: [] },
        ],
      },
    });
    a = await arrangeWorld(t);
    const staffB = '00000000-0000-4000-8000-0000000000b1';
    b = await arrangeWorld(t, { code: '101', staffId: staffB });
    authA = `Bearer ${await t.token({ roles: INTEGRATION })}`;
    authB = `Bearer ${await t.token({ roles: INTEGRATION, municipality: '101', userId: staffB })}`;
  });
  afterAll(() => t?.close());

  it('ships the core catalogue', async () => {
    const res = await t.http().get('/api/v1/legal-bases').set('Authorization', authA).expect(200);
    const byCode = new Map(res.body.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get('SEL-85')).toEqual({ code: 'SEL-85', law: 'Serviceloven', paragraph: '§ 85', title: 'Socialpædagogisk bistand', legalArea: 'social-adults', source: 'core' });
    expect(byCode.get('LAB-57')).toMatchObject({ law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 57', legalArea: 'employment' });
    // Each item carries its legal area: who decides under it needs authority there.
    for (const [code, area] of [['BL-32', 'children'], ['SUL-141', 'health']]) expect(byCode.get(code)).toMatchObject({ legalArea: area });
    for (const code of ['SEL-99', 'SEL-101', 'BL-32', 'SUL-141', 'LAB-167']) expect(byCode.has(code)).toBe(true);
  });

  it('adds a municipal legal basis that only its own municipality sees and can cite', async () => {
    const body = { code: 'KOM-12', law: 'Lov om kommunal indsats for unge under 25 år', paragraph: '§ 2 a', title: 'Uddannelsesvejledning for unge' };
    const created = await t.http().post('/api/v1/legal-bases').set('Authorization', authA).send(body).expect(201);
    // A municipal law the catalogue cannot place carries no area.
    expect(created.body).toEqual({ ...body, legalArea: null, source: 'municipality' });

    const listA = await t.http().get('/api/v1/legal-bases').set('Authorization', authA).expect(200);
    expect(listA.body.items.at(-1)).toEqual({ ...body, legalArea: null, source: 'municipality' });
    const listB = await t.http().get('/api/v1/legal-bases').set('Authorization', authB).expect(200);
    expect(listB.body.items.map((i: { code: string }) => i.code)).not.toContain('KOM-12');

    const cite = (w: PlanWorld, auth: string) => {
      const c = planContent(w);
      c.actions[0].legalBasis = 'KOM-12';
      return t.http().post(`/api/v1/courses/${w.courseId}/plan/versions`).set('Authorization', auth).set('If-Match', '"0"').send({ changeSummary: 'x', content: c });
    };
    await cite(a, authA).expect(201);
    const other = await cite(b, authB).expect(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'content.actions[0].legalBasis', code: 'plan.legal-basis-unknown' })]);

    // Another municipality may use the same code for its own provision.
    await t.http().post('/api/v1/legal-bases').set('Authorization', authB).send(body).expect(201);
  });

  it('refuses a code that clashes with the core or with the municipality’s own', async () => {
    const base = { law: 'Serviceloven', paragraph: '§ 85', title: 'Egen variant' };
    const core = await t.http().post('/api/v1/legal-bases').set('Authorization', authA).send({ ...base, code: 'SEL-85' }).expect(409);
    expect(core.body).toMatchObject({ code: 'legal-basis.code-exists', errors: [{ field: 'code' }] });
    const own = await t.http().post('/api/v1/legal-bases').set('Authorization', authA).send({ ...base, code: 'KOM-12' }).expect(409);
    expect(own.body.code).toBe('legal-basis.code-exists');
    const bad = await t.http().post('/api/v1/legal-bases').set('Authorization', authA).send({ ...base, code: 'sel 85' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    await t.http().post('/api/v1/legal-bases').set('Authorization', authA).send({ ...base, code: 'KOM-13', extra: 1 }).expect(400);
  });

  it('does not disclose another municipality’s course or plan', async () => {
    // a's course has a published plan (previous test); b's caller must not learn even that it exists.
    for (const path of ['', '/versions', '/versions/1', '/draft', '/diff', '/citizen-view', '/citizen-view.html']) {
      const res = await t.http().get(`/api/v1/courses/${a.courseId}/plan${path}`).set('Authorization', authB).expect(404);
      expect(res.body.code).toBe('course.not-found');
    }
    const put = await t.http().put(`/api/v1/courses/${a.courseId}/plan/draft`).set('Authorization', authB).send({ content: planContent(a) }).expect(404);
    expect(put.body.code).toBe('course.not-found');
    const pub = await t.http().post(`/api/v1/courses/${a.courseId}/plan/versions`).set('Authorization', authB).set('If-Match', '"1"').send({ changeSummary: 'x', content: planContent(a) }).expect(404);
    expect(pub.body.code).toBe('course.not-found');
    // And it is still A's plan, unchanged.
    const mine = await t.http().get(`/api/v1/courses/${a.courseId}/plan`).set('Authorization', authA).expect(200);
    expect(mine.body.version).toBe(1);
  });

  it('only lets a plan name staff and units of its own municipality', async () => {
    const c = planContent(b);
    c.actions[0].responsible = { kind: 'unit', id: a.unitId };
    c.agreements[0].responsible = { kind: 'staff', id: a.staffId };
    const res = await t.http().put(`/api/v1/courses/${b.courseId}/plan/draft`).set('Authorization', authB).send({ content: c }).expect(422);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['content.actions[0].responsible.id', 'plan.responsible-unknown'],
      ['content.agreements[0].responsible.id', 'plan.responsible-unknown'],
    ]);
  });
});

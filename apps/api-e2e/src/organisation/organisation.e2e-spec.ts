import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

/** Organisational units and staff over HTTP, each municipality seeing only its own. */
describe('organisation API', () => {
  let t: TestApp;
  let auth: string;
  let other: string;
  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES });
    auth = `Bearer ${await t.token({ roles: INTEGRATION })}`;
    other = `Bearer ${await t.token({ roles: INTEGRATION, municipality: '101' })}`;
  });
  afterAll(() => t?.close());

  const { post, get, patch } = apiClient(() => t, () => auth);

  let jobCentre: string;
  let family: string;
  let foreignUnit: string;

  it('registers and reads organisational units', async () => {
    const res = await post('/org-units', { kind: 'job-centre', name: 'Jobcenter Nord' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), kind: 'job-centre', name: 'Jobcenter Nord', createdAt: expect.any(String) });
    jobCentre = res.body.id;
    family = (await post('/org-units', { kind: 'children-family', name: 'Børn og Familie' })).body.id;
    foreignUnit = (await post('/org-units', { kind: 'job-centre', name: 'Jobcenter Anden' }, other)).body.id;

    expect((await get(`/org-units/${jobCentre}`)).body.name).toBe('Jobcenter Nord');
    const list = await get('/org-units');
    expect(list.body).toMatchObject({ total: 2, limit: 25, offset: 0 });
    expect(list.body.items.map((u: { name: string }) => u.name)).toEqual(['Børn og Familie', 'Jobcenter Nord']);
    expect((await get('/org-units?kind=children-family')).body.items.map((u: { id: string }) => u.id)).toEqual([family]);
  });

  it("answers 404 for another municipality's unit and for a malformed id", async () => {
    for (const id of [foreignUnit, 'not-a-uuid']) {
      const res = await get(`/org-units/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('org-unit.not-found');
    }
  });

  it('rejects an unknown unit kind and unknown fields', async () => {
    const res = await post('/org-units', { kind: 'ministry', name: 'X', budget: 10 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation.failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'kind', code: 'isIn' }), expect.objectContaining({ field: 'budget', code: 'unknown-field' })]),
    );
  });

  let mette: string;
  const ali = '7d3c1c52-0c0e-4c1a-9d7e-3f1f2b9c0a01';

  it('registers staff with defaults, or with the id their token carries', async () => {
    const res = await post('/staff', { name: 'Mette Holm', unitId: jobCentre, function: 'caseworker', authorityAreas: ['employment', 'active-social-policy'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Mette Holm',
      unitId: jobCentre,
      function: 'caseworker',
      authorityAreas: ['employment', 'active-social-policy'],
      isProvider: false,
      fte: 1,
      active: true,
      createdAt: expect.any(String),
    });
    mette = res.body.id;
    const mentor = await post('/staff', { id: ali, name: 'Ali Mentor', unitId: family, function: 'mentor', isProvider: true, fte: 0.5 });
    expect(mentor.status).toBe(201);
    expect(mentor.body).toMatchObject({ id: ali, authorityAreas: [], isProvider: true, fte: 0.5 });
    expect((await get(`/staff/${ali}`)).body.name).toBe('Ali Mentor');
  });

  it('refuses a second staff member with the same id', async () => {
    const res = await post('/staff', { id: ali, name: 'Someone Else', unitId: foreignUnit, function: 'caseworker' }, other);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('staff.id-exists');
  });

  it("refuses a unit of another municipality or no unit at all, naming unitId", async () => {
    for (const unitId of [foreignUnit, '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01']) {
      const res = await post('/staff', { name: 'Per', unitId, function: 'caseworker' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('staff.unit-unknown');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'unitId', code: 'staff.unit-unknown' })]);
    }
  });

  it('rejects invalid staff fields, naming each', async () => {
    const res = await post('/staff', { name: 'Per', unitId: 'x', function: 'wizard', authorityAreas: ['employment', 'magic'], fte: 1.5 });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['unitId', 'function', 'authorityAreas', 'fte']));
  });

  it('lists staff by unit, function and active flag, paged', async () => {
    await post('/staff', { name: 'Bo Familie', unitId: family, function: 'family-counsellor', authorityAreas: ['children'] });
    const all = await get('/staff?limit=2');
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((s: { name: string }) => s.name)).toEqual(['Ali Mentor', 'Bo Familie']);
    expect((await get('/staff?limit=2&offset=2')).body.items.map((s: { name: string }) => s.name)).toEqual(['Mette Holm']);
    expect((await get(`/staff?unitId=${family}`)).body.items.map((s: { name: string }) => s.name)).toEqual(['Ali Mentor', 'Bo Familie']);
    expect((await get('/staff?function=mentor')).body.items.map((s: { id: string }) => s.id)).toEqual([ali]);
    expect((await get('/staff', other)).body.total).toBe(0);
    expect((await get('/staff?limit=500')).status).toBe(400);
  });

  it('changes authority, provider role, function, FTE and active flag', async () => {
    const res = await patch(`/staff/${mette}`, { authorityAreas: ['employment', 'social-adults'], isProvider: true, function: 'citizen-consultant', fte: 0.8 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ authorityAreas: ['employment', 'social-adults'], isProvider: true, function: 'citizen-consultant', fte: 0.8, active: true });
    expect((await patch(`/staff/${mette}`, { active: false })).body.active).toBe(false);
    expect((await get(`/staff/${mette}`)).body).toMatchObject({ function: 'citizen-consultant', fte: 0.8, active: false, name: 'Mette Holm' });
    expect((await get('/staff?active=false')).body.items.map((s: { id: string }) => s.id)).toEqual([mette]);
    expect((await get('/staff?active=true')).body.total).toBe(2);
  });

  it('moves staff only to a unit of the same municipality', async () => {
    expect((await patch(`/staff/${mette}`, { unitId: family })).body.unitId).toBe(family);
    const res = await patch(`/staff/${mette}`, { unitId: foreignUnit });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('unitId');
  });

  it('rejects unknown fields on a change, and changes to another municipality\'s staff', async () => {
    const res = await patch(`/staff/${mette}`, { salary: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'salary', code: 'unknown-field' })]);
    const foreign = await patch(`/staff/${mette}`, { active: true }, other);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('staff.not-found');
    expect((await get(`/staff/${mette}`, other)).status).toBe(404);
  });
});

import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

/** Citizens and households over HTTP: CPR numbers validated, masked in lists, never echoed in errors. */
describe('citizens API', () => {
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

  let sara: string;

  it('registers a citizen, deriving the birth date from the CPR number', async () => {
    const res = await post('/citizens', { cpr: '150385-4123', name: 'Sara Nielsen', languageNeeds: 'interpreter: Arabic' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      cpr: '1503854123',
      cprMasked: '150385-****',
      name: 'Sara Nielsen',
      birthDate: '1985-03-15',
      contactChannel: 'digital-post',
      languageNeeds: 'interpreter: Arabic',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    sara = res.body.id;
    // Serial digit 4 with year 10: born in this century.
    expect((await post('/citizens', { cpr: '0207104321', name: 'Mads Nielsen', contactChannel: 'letter' })).body).toMatchObject({ birthDate: '2010-07-02', contactChannel: 'letter' });
  });

  it.each([
    ['3204901234', 'an impossible date'],
    ['2902001123', 'a leap day in a non-leap year'],
    ['01019012345', 'too many digits'],
    ['0101 901234', 'a space'],
  ])('rejects %s (%s) as citizen.cpr-invalid without echoing it', async (cpr) => {
    const res = await post('/citizens', { cpr, name: 'X' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('citizen.cpr-invalid');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cpr', code: 'citizen.cpr-invalid' })]);
    expect(JSON.stringify(res.body)).not.toContain(cpr);
    expect(JSON.stringify(res.body)).not.toContain(cpr.replace(/\D/g, '').slice(0, 6));
  });

  it('refuses a CPR number already registered in the municipality, however it is written', async () => {
    for (const cpr of ['1503854123', '150385-4123']) {
      const res = await post('/citizens', { cpr, name: 'Sara Again' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('citizen.cpr-exists');
      expect(JSON.stringify(res.body)).not.toMatch(/150385/);
    }
  });

  it('lets another municipality register the same person', async () => {
    const res = await post('/citizens', { cpr: '1503854123', name: 'Sara Nielsen' }, other);
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(sara);
  });

  it('rejects unknown fields and wrong types', async () => {
    const res = await post('/citizens', { cpr: '0101901234', name: 'X', birthDate: '1990-01-01', contactChannel: 'pigeon' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'birthDate', code: 'unknown-field' }),
        expect.objectContaining({ field: 'contactChannel', code: 'isIn' }),
      ]),
    );
    expect(JSON.stringify(res.body)).not.toContain('0101901234');
  });

  it('reads one citizen with the full CPR number', async () => {
    const res = await get(`/citizens/${sara}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: sara, cpr: '1503854123', cprMasked: '150385-****' });
  });

  it("answers 404 for another municipality's citizen, an unknown id and a CPR number in the URL", async () => {
    for (const [path, as] of [[`/citizens/${sara}`, other], ['/citizens/9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b', auth], ['/citizens/1503854123', auth]] as const) {
      const res = await get(path, as);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('citizen.not-found');
      expect(JSON.stringify(res.body.detail)).not.toContain('1503854123');
    }
  });

  it('lists citizens by name with masked CPR numbers only, paged', async () => {
    for (const [cpr, name] of [
      ['0101801001', 'Anna Holm'],
      ['0101801002', 'Bent 100% Hansen'],
      ['0101801003', 'Carl Nielsen'],
    ]) {
      expect((await post('/citizens', { cpr, name })).status).toBe(201);
    }
    const res = await get('/citizens?limit=2');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['Anna Holm', 'Bent 100% Hansen']);
    expect(res.body.items[0]).not.toHaveProperty('cpr');
    expect(res.body.items[0].cprMasked).toBe('010180-****');
    expect(JSON.stringify(res.body)).not.toMatch(/0101801001|0101801002/);
    expect((await get('/citizens?limit=2&offset=4')).body.items.map((c: { name: string }) => c.name)).toEqual(['Sara Nielsen']);

    const nielsen = await get('/citizens?name=nielsen');
    expect(nielsen.body.items.map((c: { name: string }) => c.name)).toEqual(['Carl Nielsen', 'Mads Nielsen', 'Sara Nielsen']);
    // Wildcards in the filter are taken literally.
    expect((await get('/citizens?name=%25')).body.items.map((c: { name: string }) => c.name)).toEqual(['Bent 100% Hansen']);
    expect((await get('/citizens?name=nielsen', other)).body.total).toBe(1);
    expect((await get('/citizens?cpr=1503854123')).status).toBe(400);
  });

  it('changes name, contact channel and language needs, but never the CPR number', async () => {
    const res = await patch(`/citizens/${sara}`, { contactChannel: 'phone', languageNeeds: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contactChannel: 'phone', languageNeeds: null, name: 'Sara Nielsen' });
    const cpr = await patch(`/citizens/${sara}`, { cpr: '0101901234' });
    expect(cpr.status).toBe(400);
    expect(cpr.body.errors).toEqual([expect.objectContaining({ field: 'cpr', code: 'unknown-field' })]);
    expect((await patch(`/citizens/${sara}`, { name: 'Hacked' }, other)).status).toBe(404);
    expect((await get(`/citizens/${sara}`)).body.name).toBe('Sara Nielsen');
  });

  it('looks a citizen up by CPR number in the body', async () => {
    const found = await post('/citizens/lookup', { cpr: '150385-4123' });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: sara, cpr: '1503854123' });
    const missing = await post('/citizens/lookup', { cpr: '0101901234' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('citizen.not-found');
    expect(JSON.stringify(missing.body)).not.toContain('0101901234');
    const invalid = await post('/citizens/lookup', { cpr: '9999999999' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('citizen.cpr-invalid');
    expect(JSON.stringify(invalid.body)).not.toContain('9999999999');
    // 101 has its own Sara: the look-up never crosses municipalities.
    expect((await post('/citizens/lookup', { cpr: '1503854123' }, other)).body.id).not.toBe(sara);
  });

  describe('households', () => {
    let mads: string;
    let foreigner: string;
    let household: string;

    beforeAll(async () => {
      mads = (await post('/citizens/lookup', { cpr: '0207104321' })).body.id;
      foreigner = (await post('/citizens', { cpr: '0101701234', name: 'Ole Andersen' }, other)).body.id;
    });

    it('registers a household with members shown with masked CPR numbers', async () => {
      const res = await post('/households', { label: 'Family Nielsen', members: [{ citizenId: sara, relation: 'parent' }, { citizenId: mads, relation: 'child' }] });
      expect(res.status).toBe(201);
      household = res.body.id;
      expect(res.body).toEqual({
        id: expect.any(String),
        label: 'Family Nielsen',
        createdAt: expect.any(String),
        members: [
          { id: expect.any(String), citizenId: sara, name: 'Sara Nielsen', cprMasked: '150385-****', birthDate: '1985-03-15', relation: 'parent', custody: true },
          { id: expect.any(String), citizenId: mads, name: 'Mads Nielsen', cprMasked: '020710-****', birthDate: '2010-07-02', relation: 'child', custody: null },
        ],
      });
      const read = await get(`/households/${household}`);
      expect(read.body).toEqual(res.body);
      expect(JSON.stringify(read.body)).not.toContain('1503854123');
    });

    it("refuses another municipality's citizen as a member, naming members[i].citizenId", async () => {
      const res = await post('/households', { label: 'Mixed', members: [{ citizenId: sara, relation: 'partner' }, { citizenId: foreigner, relation: 'partner' }] });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('household.member-unknown');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'members[1].citizenId', code: 'household.member-unknown' })]);
    });

    it('refuses the same citizen twice in one request', async () => {
      const res = await post('/households', { label: 'Twice', members: [{ citizenId: sara, relation: 'parent' }, { citizenId: sara, relation: 'other' }] });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].field).toBe('members[1].citizenId');
    });

    it('validates member entries and rejects unknown fields in them', async () => {
      const res = await post('/households', { label: 'Bad', members: [{ citizenId: 'x', relation: 'cousin', cpr: '0101901234' }] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'members[0].citizenId' }),
          expect.objectContaining({ field: 'members[0].relation' }),
          expect.objectContaining({ field: 'members[0].cpr', code: 'unknown-field' }),
        ]),
      );
    });

    it('adds a member once', async () => {
      const carl = (await get('/citizens?name=carl')).body.items[0].id;
      const res = await post(`/households/${household}/members`, { citizenId: carl, relation: 'partner' });
      expect(res.status).toBe(201);
      expect(res.body.members.map((m: { name: string }) => m.name)).toEqual(['Carl Nielsen', 'Sara Nielsen', 'Mads Nielsen']);
      const again = await post(`/households/${household}/members`, { citizenId: carl, relation: 'other' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('household.member-exists');
      const foreign = await post(`/households/${household}/members`, { citizenId: foreigner, relation: 'other' });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors[0].field).toBe('citizenId');
    });

    it("answers 404 for another municipality's household", async () => {
      expect((await get(`/households/${household}`, other)).body.code).toBe('household.not-found');
      expect((await post(`/households/${household}/members`, { citizenId: foreigner, relation: 'other' }, other)).status).toBe(404);
      expect((await get('/households/nope')).status).toBe(404);
    });
  });
});

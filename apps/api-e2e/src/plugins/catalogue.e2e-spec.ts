import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { apiClient, startFailure, startTestApp, type TestApp } from '@enplan/core/testing';

const YEAR = 365 * 86_400;

/**
 * The plugins this build ships, composed as a real deployment would: Hillerød runs the paired model for adults
 * and the all-in-one consultant for families, Esbjerg runs Step-Up meetings. Each sees only its own models.
 */
describe('the shipped plugin catalogue in one deployment', () => {
  let t: TestApp;
  let hillerod: string;
  let esbjerg: string;

  beforeAll(async () => {
    t = await startTestApp({
      plugins: PLUGIN_CATALOGUE,
      deployment: {
        municipalities: [
          { code: '219', name: 'Hillerød Kommune', plugins: [{ id: 'paired-caseworkers' }, { id: 'citizen-consultant', settings: { capPerFte: 15 } }] },
          { code: '561', name: 'Esbjerg Kommune', plugins: [{ id: 'step-up-meetings' }] },
        ],
      },
    });
    hillerod = `Bearer ${await t.token({ municipality: '219', roles: ['integrator'], ttlSeconds: YEAR })}`;
    esbjerg = `Bearer ${await t.token({ municipality: '561', roles: ['integrator'], ttlSeconds: YEAR })}`;
  });
  afterAll(() => t?.close());

  const { get, post } = apiClient(() => t, () => hillerod);

  it('ships the four organisational models', () => {
    expect(PLUGIN_CATALOGUE.map((p) => p.id).sort()).toEqual(['citizen-consultant', 'paired-caseworkers', 'plan-coordinator', 'step-up-meetings']);
    expect(PLUGIN_CATALOGUE.every((p) => p.model)).toBe(true);
  });

  it('tells each municipality its own models, and no other', async () => {
    const h = await get('/deployment');
    expect(h.status).toBe(200);
    expect(h.body.models.map((m: { id: string }) => m.id).sort()).toEqual(['citizen-consultant', 'generic', 'paired-caseworkers']);
    const e = await get('/deployment', esbjerg);
    expect(e.body.models.map((m: { id: string }) => m.id).sort()).toEqual(['generic', 'step-up-meetings']);
  });

  it("refuses a referral to another municipality's model, naming modelId", async () => {
    const citizen = await post('/citizens', { cpr: '0101801234', name: 'Citizen A' }, esbjerg);
    const res = await post(
      '/courses',
      {
        citizenId: citizen.body.id,
        targetGroup: 'adults',
        modelId: 'paired-caseworkers',
        referredBy: 'Jobcenter',
        referredOn: '2026-01-02',
        referralReasonCode: 'long-term-benefit',
        referralReason: 'Længe på ydelse',
      },
      esbjerg,
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'course.model-unknown', errors: [{ field: 'modelId' }] });
  });

  it("does not serve a plugin's routes where it is not enabled", async () => {
    const res = await get('/plugins/step-up-meetings/courses/00000000-0000-4000-8000-000000000000/flow');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('plugin.not-enabled');
  });

  it('refuses to start with an unknown plugin or an invalid setting, naming it', async () => {
    const boot = (plugins: { id: string; settings?: Record<string, unknown> }[]) =>
      startFailure({ plugins: PLUGIN_CATALOGUE, deployment: { municipalities: [{ code: '219', name: 'Hillerød Kommune', plugins }] } });
    const unknown = await boot([{ id: 'paired-caseworker' }]);
    expect(unknown.name).toBe('PluginError');
    expect(unknown.message).toContain('plugin "paired-caseworker" in municipality 219 (Hillerød Kommune): is not a known plugin');
    const invalid = await boot([{ id: 'citizen-consultant', settings: { capPerFte: 'many' } }]);
    expect(invalid.message).toContain('plugin "citizen-consultant" in municipality 219 (Hillerød Kommune): setting "capPerFte"');
  });
});

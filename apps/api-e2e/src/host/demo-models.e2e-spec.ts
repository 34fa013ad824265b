import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { DemoSeeder, demoDeployment, demoLogins } from '@enplan/core/host';
import { createTestDatabase, startTestApp, testEngine, type TestApp, type TestDatabase } from '@enplan/core/testing';

/**
 * What `npm start` serves without a deployment file: the demo municipality 999 and one demo municipality per
 * organisational model, each planted by its plugin with a course that shows the model at work. Tokens come from the
 * built CLI (`enplan token --municipality <code>`), as the README tells a newcomer to get them.
 */
const root = join(import.meta.dirname, '../../../..');
const cliMain = join(root, 'dist/apps/cli/src/main.js');

const MODELS: Record<string, string> = { '991': 'plan-coordinator', '992': 'paired-caseworkers', '993': 'citizen-consultant', '994': 'step-up-meetings' };

describe(`the demo deployment's four models (${testEngine()})`, () => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    // The real clock's day: the CLI mints with the real time, and the demo places its dates from today.
    t = await startTestApp({ deployment: demoDeployment(PLUGIN_CATALOGUE), plugins: PLUGIN_CATALOGUE, seedDemo: true, now: new Date().toISOString() });
    for (const code of ['999', ...Object.keys(MODELS)]) {
      const { NODE_OPTIONS: _n, ...env } = process.env;
      const r = spawnSync(process.execPath, [cliMain, 'token', '--municipality', code], { env: { ...env, ENPLAN_DATA_DIR: t.dataDir, AUTH_JWKS_URL: '', LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 60_000 });
      expect([r.status, r.stderr]).toEqual([0, '']);
      tokens.set(code, r.stdout.trim());
    }
  });
  afterAll(() => t?.close());
  const get = (code: string, path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${tokens.get(code)}`);
  async function onlyActiveCourse(code: string): Promise<{ id: string; modelId: string }> {
    const res = await get(code, '/courses?status=active');
    expect(res.status).toBe(200);
    return res.body.items[0];
  }

  it('serves 999 and one demo municipality per model, each with its model enabled (GET /deployment)', async () => {
    for (const [code, model] of Object.entries(MODELS)) {
      const d = await get(code, '/deployment');
      expect([code, d.status]).toEqual([code, 200]);
      expect(d.body.municipality.code).toBe(code);
      expect(d.body.municipality.name).toMatch(/^Demo /);
      expect(d.body.plugins.map((p: { id: string }) => p.id)).toEqual([model]);
      expect(d.body.models.map((m: { id: string }) => m.id)).toContain(model);
    }
    const core = await get('999', '/deployment');
    expect([core.status, core.body.plugins]).toEqual([200, []]);
  });

  it('gives each municipality a CLI token of a real demo staff member (GET /me), listed by demoLogins', async () => {
    for (const code of ['999', ...Object.keys(MODELS)]) {
      const me = await get(code, '/me');
      expect([code, me.status]).toEqual([code, 200]);
      const login = demoLogins(PLUGIN_CATALOGUE).find((l) => l.municipalityCode === code);
      expect(JSON.stringify(me.body)).toContain(login!.userId);
    }
  });

  it('991 (Ballerup): a coordinator course with a start-up meeting she chaired and network meetings', async () => {
    const course = await onlyActiveCourse('991');
    expect(course.modelId).toBe('plan-coordinator');
    const c = await get('991', `/plugins/plan-coordinator/courses/${course.id}/coordination`);
    expect(c.status).toBe(200);
    expect(c.body.teamProblems).toEqual([]);
    expect(c.body.consent).toMatchObject({ informationSharing: true, participation: true, uncoveredTeamUnitIds: [] });
    expect(c.body.activationBlockers).toEqual([]);
    expect(c.body.startUp.chairedByCoordinator).toBe(true);
    expect(c.body.network.overdue).toBe(false);
    expect(c.body.network.lastMeetingId).toEqual(expect.any(String));
    expect(c.body.network.scheduledMeetingId).toEqual(expect.any(String));
    const meetings = await get('991', `/courses/${course.id}/meetings`);
    const network = meetings.body.items.filter((m: { type: string; status: string }) => m.type === 'network' && m.status === 'held');
    expect(network.length).toBe(2);
  });

  it('992 (Hillerød): a paired course whose plan was revised at a joint meeting the pair held together', async () => {
    const course = await onlyActiveCourse('992');
    expect(course.modelId).toBe('paired-caseworkers');
    const meetings = await get('992', `/courses/${course.id}/meetings`);
    const joint = meetings.body.items.find((m: { type: string; status: string }) => m.type === 'joint' && m.status === 'held');
    expect(joint).toBeDefined();
    const plan = await get('992', `/courses/${course.id}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.version).toBe(2);
    expect(plan.body.sourceMeetingId).toBe(joint.id);
  });

  it('993 (Halsnæs): the citizen consultant carries 14 active courses under the cap of 15', async () => {
    const consultant = demoLogins(PLUGIN_CATALOGUE).find((l) => l.municipalityCode === '993')!.userId;
    const caseload = await get('993', `/staff/${consultant}/caseload`);
    expect(caseload.status).toBe(200);
    const model = caseload.body.models.find((m: { modelId: string }) => m.modelId === 'citizen-consultant');
    expect([model.activeCourses, model.target]).toEqual([14, 15]);
    const load = await get('993', `/plugins/citizen-consultant/consultants/${consultant}/load`);
    expect(load.status).toBe(200);
    expect(load.body).toMatchObject({ cap: 15, activeCourses: 14, remaining: 1, atCap: false });
  });

  it('994 (Esbjerg): a Step-Up flow with a signed agreement whose re-review is now due', async () => {
    const course = await onlyActiveCourse('994');
    expect(course.modelId).toBe('step-up-meetings');
    const flow = await get('994', `/plugins/step-up-meetings/courses/${course.id}/flow`);
    expect(flow.status).toBe(200);
    expect(flow.body.state).toBe('re-review-due');
    expect(flow.body.signedConsentInForce).toBe(true);
    expect(flow.body.deadlines.reReview).toMatchObject({ overdue: false });
    // Where the caseworker looks: the re-review is due on their work list.
    const work = await get('994', '/work-list');
    expect(work.status).toBe(200);
    expect(work.body.items).toContainEqual(expect.objectContaining({ kind: 'plugin-deadline', plugin: 'step-up-meetings', ref: 're-review', courseId: course.id, state: 'due' }));
    const html = await get('994', `/plugins/step-up-meetings/courses/${course.id}/agreement.html`);
    expect(html.status).toBe(200);
  });

  it("seeds valid plans: every demo course's plan passes the API's own validation", async () => {
    for (const code of Object.keys(MODELS)) {
      const courses = await get(code, '/courses?status=active');
      for (const c of courses.body.items) {
        const plan = await get(code, `/courses/${c.id}/plan`);
        if (plan.status === 404) continue;
        expect([code, plan.status]).toEqual([code, 200]);
        const draft = await t.http().put(`/api/v1/courses/${c.id}/plan/draft`).set('Authorization', `Bearer ${tokens.get(code)}`).send({ content: plan.body.content });
        expect([code, draft.status, draft.body.errors]).toEqual([code, 200, undefined]);
      }
    }
  });

  it('plants each municipality once: a second run plants nothing', async () => {
    const reports = await t.app.get(DemoSeeder).seedAll();
    expect(reports.map((r) => [r.municipalityCode, r.outcome])).toEqual([
      ['999', 'has-data'],
      ...Object.keys(MODELS).map((code) => [code, 'has-data']),
    ]);
  });
});

/** The demo across a restart: nothing planted twice, the plugins' course routes answer as before. */
describe(`the demo deployment across a restart (${testEngine()})`, () => {
  const now = new Date().toISOString();
  let db: TestDatabase;
  const boot = () => startTestApp({ database: db, deployment: demoDeployment(PLUGIN_CATALOGUE), plugins: PLUGIN_CATALOGUE, seedDemo: true, now });
  beforeAll(async () => {
    db = await createTestDatabase(testEngine(), { persistent: true });
  });
  afterAll(() => db?.drop());

  /** Every plugin route about the demo courses, read as the municipality's default demo login. */
  async function readPluginRoutes(t: TestApp): Promise<Map<string, { status: number; body: unknown }>> {
    const out = new Map<string, { status: number; body: unknown }>();
    for (const [code, model] of Object.entries(MODELS)) {
      const login = demoLogins(PLUGIN_CATALOGUE).find((l) => l.municipalityCode === code)!;
      const auth = `Bearer ${await t.token({ userId: login.userId, municipality: code, roles: [...login.roles] })}`;
      const courses = await t.http().get('/api/v1/courses?status=active&limit=100').set('Authorization', auth);
      const paths = courses.body.items.flatMap((c: { id: string }) =>
        ({
          'plan-coordinator': [`/plugins/plan-coordinator/courses/${c.id}/coordination`],
          'paired-caseworkers': [`/plugins/paired-caseworkers/courses/${c.id}/substitutes`],
          'citizen-consultant': [`/plugins/citizen-consultant/courses/${c.id}/covers`],
          'step-up-meetings': [`/plugins/step-up-meetings/courses/${c.id}/flow`, `/plugins/step-up-meetings/courses/${c.id}/agreement.html`],
        })[model] ?? [],
      );
      if (model === 'citizen-consultant') paths.push(`/plugins/citizen-consultant/consultants/${login.userId}/load`);
      for (const path of paths) {
        const res = await t.http().get(`/api/v1${path}`).set('Authorization', auth);
        out.set(path, { status: res.status, body: res.headers['content-type']?.includes('json') ? res.body : res.text });
      }
    }
    return out;
  }

  it('plants once, and after a restart the plugin course routes of the demo courses answer the same', async () => {
    const first = await boot();
    let before: Map<string, { status: number; body: unknown }>;
    try {
      before = await readPluginRoutes(first);
    } finally {
      await first.close();
    }
    // coordination, substitutes, 14 covers and the consultant's load, the flow and its agreement: all readable.
    expect(before.size).toBe(19);
    expect([...before.entries()].filter(([, a]) => a.status !== 200)).toEqual([]);
    const second = await boot();
    try {
      // The second boot found data in every demo municipality and planted nothing (same routes, same answers).
      expect((await second.app.get(DemoSeeder).seedAll()).every((r) => r.outcome === 'has-data')).toBe(true);
      const after = await readPluginRoutes(second);
      expect(after).toEqual(before);
    } finally {
      await second.close();
    }
  });
});

import { DataSource } from 'typeorm';
import { pendingSchemaChanges } from '@enplan/core/database';
import { apiClient, startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { PLUGIN_API_VERSION } from '@enplan/plugin-api';
import { localRulesPlugin, otherModelPlugin } from './fixtures/local-rules.plugin.js';
import { pairModelPlugin } from './fixtures/pair-model.plugin.js';

const YEAR = 365 * 86_400;
// Staff with fixed ids, so tokens can be minted for them before they exist.
const ANNE = '00000000-0000-4000-8000-0000000000a1'; // job centre: employment
const SOFIE = '00000000-0000-4000-8000-0000000000a2'; // adult social services: social-adults
const KARL = '00000000-0000-4000-8000-0000000000a3'; // job centre: employment
const BO = '00000000-0000-4000-8000-0000000000b1'; // municipality B
// The integrations' own ids (not staff: a referral by staff would put the referrer on the team).
const INTEGRATION_A = '00000000-0000-4000-8000-0000000000f1';
const INTEGRATION_B = '00000000-0000-4000-8000-0000000000f2';

/**
 * A deployment with two plugins for municipality A (999: a model plugin and an add-on) and another model
 * plugin for B (101), booted through the real host: each municipality sees only its own models, routes and
 * rules; a plugin's table comes from its migration; its hooks write in the core's transaction.
 */
describe(`plugins in a deployment (${testEngine()})`, () => {
  let t: TestApp;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await startTestApp({
      plugins: [pairModelPlugin, localRulesPlugin, otherModelPlugin],
      deployment: {
        municipalities: [
          { code: '999', name: 'Kommune A', plugins: [{ id: 'pair-model', settings: { capPerFte: 1, integrationKey: 's3cret' } }, { id: 'local-rules' }] },
          // A `generic` entry gives the core model settings: here a cap of one course per FTE in capped roles.
          { code: '101', name: 'Kommune B', plugins: [{ id: 'other-model' }, { id: 'generic', settings: { capPerFte: 1 } }] },
        ],
      },
    });
    // Integrations may act on every course of their municipality, so these tests are about the plugins, not access.
    a = `Bearer ${await t.token({ userId: INTEGRATION_A, roles: ['integrator'], ttlSeconds: YEAR })}`;
    b = `Bearer ${await t.token({ userId: INTEGRATION_B, municipality: '101', roles: ['integrator'], ttlSeconds: YEAR })}`;
  });
  afterAll(() => t?.close());

  const { get, post } = apiClient(() => t, () => a);
  let serial = 2000;

  async function staff(id: string, unitKind: string, authorityAreas: string[], as = a): Promise<string> {
    const unit = await post('/org-units', { kind: unitKind, name: `Unit ${serial++}` }, as);
    expect(unit.status).toBe(201);
    const res = await post('/staff', { id, name: `Staff ${id.slice(-2)}`, unitId: unit.body.id, function: 'caseworker', authorityAreas }, as);
    expect(res.status).toBe(201);
    return id;
  }

  async function refer(modelId: string, extra: object = {}, as = a) {
    const c = await post('/citizens', { cpr: `010180${serial++}`, name: `Citizen ${serial}` }, as);
    expect(c.status).toBe(201);
    return post(
      '/courses',
      {
        citizenId: c.body.id,
        targetGroup: 'adults',
        modelId,
        referredBy: 'Jobcenter, team 3',
        referredOn: '2026-01-02',
        referralReasonCode: 'multiple-complex-problems',
        referralReason: 'Many actors, no shared plan',
        ...extra,
      },
      as,
    );
  }

  async function referred(modelId: string, extra: object = {}, as = a): Promise<string> {
    const res = await refer(modelId, extra, as);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const move = (id: string, to: string, extra: object = {}, as = a) => post(`/courses/${id}/transitions`, { to, reason: `to ${to}`, ...extra }, as);
  const addToTeam = (id: string, staffMemberId: string, role = 'caseworker') => post(`/courses/${id}/team`, { staffMemberId, role, startsOn: '2026-01-05' });
  const events = async (courseId: string) => (await get(`/plugins/pair-model/events?courseId=${courseId}`)).body.events;

  beforeAll(async () => {
    await staff(ANNE, 'job-centre', ['employment']);
    await staff(SOFIE, 'adult-social', ['social-adults']);
    await staff(KARL, 'job-centre', ['employment']);
    await staff(BO, 'job-centre', ['employment'], b);
  });

  describe('GET /deployment', () => {
    it("shows municipality A its plugins with validated settings, models, meeting types, roles, cadence and caseload", async () => {
      const res = await get('/deployment');
      expect(res.status).toBe(200);
      expect(res.body.municipality).toEqual({ code: '999', name: 'Kommune A' });
      expect(res.body.coreVersion).toMatch(/^\d+\.\d+\.\d+/);
      expect(res.body.pluginApiVersion).toBe(PLUGIN_API_VERSION);
      expect(res.body.plugins).toEqual([
        // Defaults filled in; the sensitive setting masked.
        { id: 'pair-model', displayName: 'Makkerpar (test)', version: '1.0.0', model: true, settings: { jointMeetingsPerYear: 6, capPerFte: 1, integrationKey: '***' } },
        { id: 'local-rules', displayName: 'Lokale regler (test)', version: '0.3.0', model: false, settings: {} },
      ]);
      expect(res.body.models.map((m: { id: string }) => m.id)).toEqual(['generic', 'pair-model']);
      const [generic, pair] = res.body.models;
      expect(generic.caseload).toEqual({ targetPerFte: 45, capPerFte: null, cappedRoles: ['primary-contact', 'coordinator'], maxActiveCourses: null });
      expect(generic.cadence.id).toBe('core-default');
      expect(pair.caseload).toEqual({ targetPerFte: 40, capPerFte: 1, cappedRoles: ['caseworker'], maxActiveCourses: null });
      expect(pair.cadence.rules).toContainEqual({ id: 'joint-meetings', meetingType: 'joint', everyDays: 60, description: '6 joint meetings a year' });
      expect(pair.cadence.suppressions).toEqual([{ rule: 'plan-every-60-days', legalReason: 'The plan is revised at the joint meetings' }]);
      const types = res.body.meetingTypes.map((m: { id: string; source: string }) => `${m.id}:${m.source}`);
      expect(types).toEqual(expect.arrayContaining(['start-up:core', 'joint:core', 'pair-review:pair-model']));
      expect(res.body.meetingTypes.find((m: { id: string }) => m.id === 'start-up').label).toEqual({ da: 'Opstartsmøde', en: 'Start-up meeting' });
      const roles = res.body.roles.map((r: { id: string; kind: string; source: string }) => `${r.kind}:${r.id}:${r.source}`);
      expect(roles).toEqual(expect.arrayContaining(['team:primary-contact:core', 'meeting:chair:core', 'meeting:explorer:pair-model', 'meeting:witness:pair-model']));
    });

    it('shows municipality B only its own', async () => {
      const res = await get('/deployment', b);
      expect(res.body.municipality).toEqual({ code: '101', name: 'Kommune B' });
      expect(res.body.plugins.map((p: { id: string }) => p.id)).toEqual(['other-model']);
      expect(res.body.models.map((m: { id: string }) => m.id)).toEqual(['generic', 'other-model']);
      expect(res.body.meetingTypes.some((m: { source: string }) => m.source !== 'core')).toBe(false);
      expect(res.body.roles.some((r: { id: string }) => r.id === 'explorer')).toBe(false);
    });

    it('is documented in OpenAPI, with the plugin routes under /api/v1/plugins/<id>/', async () => {
      const doc = (await t.http().get('/api/openapi.json')).body;
      expect(doc.paths['/api/v1/deployment'].get.summary).toBeTruthy();
      expect(doc.paths['/api/v1/plugins/pair-model/events']).toBeDefined();
    });

    it('needs a token', async () => {
      expect((await t.http().get('/api/v1/deployment')).status).toBe(401);
    });
  });

  describe('course models per municipality', () => {
    it("lets each municipality refer with its own models only", async () => {
      expect((await refer('pair-model')).status).toBe(201);
      expect((await refer('other-model', {}, b)).status).toBe(201);
      expect((await refer('generic', {}, b)).status).toBe(201);
      for (const [model, as] of [['other-model', a], ['pair-model', b], ['local-rules', a]] as const) {
        const res = await refer(model, {}, as);
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('course.model-unknown');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'modelId' })]);
      }
    });

    it("applies an add-on's target-group rule to every model of its municipality, and nowhere else", async () => {
      for (const model of ['generic', 'pair-model']) {
        const res = await refer(model, { targetGroup: 'youth', referralReasonCode: 'transition-to-adulthood' });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'local-rules.youth-age', plugin: 'local-rules', errors: [{ field: 'modelId', code: 'local-rules.youth-age' }] });
        expect(res.body.detail).toContain('Youth courses are for citizens under 30');
      }
      // Refused referrals left nothing behind.
      expect((await get('/courses?targetGroup=youth')).body.total).toBe(0);
      expect((await refer('generic', { targetGroup: 'youth', referralReasonCode: 'transition-to-adulthood' }, b)).status).toBe(201);
    });
  });

  describe("a plugin's REST endpoints", () => {
    it('are served under /api/v1/plugins/<id>/ for a municipality that enabled the plugin', async () => {
      const id = await referred('pair-model');
      const res = await get(`/plugins/pair-model/events?courseId=${id}`);
      expect(res.status).toBe(200);
      // onReferral reached the plugin's own service and wrote in the referral's transaction.
      expect(res.body).toEqual({ events: ['referred'], jointMeetingsPerYear: 6 });
    });

    it('are 404 for a municipality that has not', async () => {
      const res = await get('/plugins/pair-model/events', b);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('plugin.not-enabled');
    });
  });

  describe('team rules, caseload cap and lifecycle hooks', () => {
    let pair: string;

    it('refuses to activate a course whose team breaks the model, naming the rule', async () => {
      pair = await referred('pair-model');
      expect((await move(pair, 'assessed')).status).toBe(201);
      const res = await move(pair, 'active');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'plugin.team-rule',
        errors: [{ field: 'to', code: 'plugin.team-rule' }],
        rules: [{ plugin: 'pair-model', rule: 'two-authority-holders', code: 'plugin.team-rule' }],
      });
      expect((await get(`/courses/${pair}`)).body).toMatchObject({ status: 'assessed', activatedOn: null });
    });

    it('activates once the team fits, and runs onActivation', async () => {
      expect((await addToTeam(pair, ANNE)).status).toBe(201);
      expect((await addToTeam(pair, SOFIE)).status).toBe(201);
      expect((await move(pair, 'active')).status).toBe(201);
      expect(await events(pair)).toEqual(['referred', 'activated']);
    });

    it('refuses team changes of an active course that break a rule it kept', async () => {
      const team = (await get(`/courses/${pair}/team`)).body.items;
      const sofie = team.find((x: { staffMemberId: string }) => x.staffMemberId === SOFIE).id;
      const end = await post(`/courses/${pair}/team/${sofie}/end`, { endsOn: '2026-01-05' });
      expect(end.status).toBe(422);
      expect(end.body).toMatchObject({ code: 'plugin.team-rule', errors: [{ field: 'assignmentId' }], rules: [{ rule: 'two-authority-holders' }] });
      const third = await addToTeam(pair, KARL);
      expect(third.status).toBe(422);
      expect(third.body.errors).toEqual([expect.objectContaining({ field: 'staffMemberId', code: 'plugin.team-rule' })]);
      // Roles the rule does not count are fine.
      expect((await addToTeam(pair, KARL, 'buddy')).status).toBe(201);
    });

    it("enforces the model's caseload cap per FTE at activation", async () => {
      const second = await referred('pair-model');
      await move(second, 'assessed');
      await addToTeam(second, ANNE);
      await addToTeam(second, SOFIE);
      const res = await move(second, 'active');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plugin.caseload-cap', capacity: 1, activeCourses: 1, errors: [{ field: 'to', code: 'plugin.caseload-cap' }] });
      expect((await get(`/courses/${second}`)).body.status).toBe('assessed');
    });

    it('enforces a cap per FTE when someone takes a capped role on an active course (the generic model, from its settings)', async () => {
      const [g1, g2] = [await referred('generic', {}, b), await referred('generic', {}, b)];
      for (const id of [g1, g2]) {
        await move(id, 'assessed', {}, b);
        expect((await move(id, 'active', {}, b)).status).toBe(201);
      }
      const assign = (id: string, role: string) => post(`/courses/${id}/team`, { staffMemberId: BO, role, startsOn: '2026-01-05' }, b);
      expect((await assign(g1, 'primary-contact')).status).toBe(201);
      const res = await assign(g2, 'primary-contact');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plugin.caseload-cap', capacity: 1, activeCourses: 1, errors: [{ field: 'staffMemberId', code: 'plugin.caseload-cap' }] });
      // A role the cap does not count is fine.
      expect((await assign(g2, 'buddy')).status).toBe(201);
    });

    it('rolls the activation back, hook writes included, when a hook refuses', async () => {
      const probation = await referred('pair-model', { referralReasonCode: 'crime' });
      await move(probation, 'assessed');
      // Karl and Sofie: Sofie is at her cap of one active pair course, so the cap would refuse; end that first.
      await move(pair, 'paused');
      await addToTeam(probation, KARL);
      await addToTeam(probation, SOFIE);
      const before = (await get(`/courses/${probation}`)).body;
      const res = await move(probation, 'active');
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('pair-model.probation-not-taken');
      const after = (await get(`/courses/${probation}`)).body;
      expect(after).toMatchObject({ status: 'assessed', activatedOn: null });
      expect(after.transitions).toEqual(before.transitions);
      // The hook's own insert went with the rollback.
      expect(await events(probation)).toEqual(['referred']);
      expect((await move(pair, 'active')).status).toBe(201);
      expect(await events(pair)).toEqual(['referred', 'activated', 'resumed']);
    });
  });

  describe('plan publishing', () => {
    let course: string;
    const content = (actions: object[]) => ({
      citizenWords: { worries: 'Gæld', whatWorks: 'Madlavning', dreamsAndWishes: 'Et job i et køkken' },
      overallGoal: { text: 'Et job i et køkken', citizenAgreed: true, agreedOn: '2026-01-05' },
      goals: [{ id: 'g1', title: 'Praktik', status: 'in-progress', concerns: [] }],
      actions,
      agreements: [],
    });
    const action = (id: string, legalBasis: string, extra: object = {}) => ({
      id,
      goalId: 'g1',
      title: `Action ${id}`,
      legalBasis,
      responsible: { kind: 'citizen' },
      startDate: '2026-02-01',
      deadline: '2026-04-30',
      status: 'planned',
      ...extra,
    });
    const as = (userId: string) => t.token({ userId, roles: ['integrator'], ttlSeconds: YEAR }).then((x) => `Bearer ${x}`);
    const publish = async (actions: object[], version: number, userId = ANNE) =>
      t.http().post(`/api/v1/courses/${course}/plan/versions`).set('Authorization', await as(userId)).set('If-Match', `"${version}"`).send({ content: content(actions), changeSummary: 'Plan' });

    beforeAll(async () => {
      course = await referred('pair-model');
      await move(course, 'assessed');
    });

    it("refuses an action in the other caseworker's legal area, naming it (the model's decision authority)", async () => {
      const res = await publish([action('a1', 'LAB-57'), action('a2', 'SEL-85')], 0);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plugin.decision-authority', errors: [{ field: 'content.actions[1].legalBasis', code: 'plugin.decision-authority' }] });
      expect(res.body.detail).toContain('social-adults');
    });

    it("refuses what an add-on's publish validation finds, with its code and field", async () => {
      const res = await publish([action('a1', 'LAB-57', { deadline: undefined })], 0);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'local-rules.deadline-required', errors: [{ field: 'content.actions[0].deadline', code: 'local-rules.deadline-required' }] });
    });

    it('publishes within the rules and runs onPlanPublished; an unchanged action decided by someone else is not re-decided', async () => {
      expect((await publish([action('a1', 'LAB-57')], 0)).status).toBe(201);
      expect((await publish([action('a1', 'LAB-57'), action('a2', 'SEL-85')], 1, SOFIE)).status).toBe(201);
      expect(await events(course)).toEqual(['referred', 'plan-v1', 'plan-v2']);
    });

    it("keeps the generic model's publishing as it was: a plan is not a decision there", async () => {
      const generic = await referred('generic', {}, b);
      // Bo holds authority in employment only, and publishes a social-services action.
      const res = await t
        .http()
        .post(`/api/v1/courses/${generic}/plan/versions`)
        .set('Authorization', `Bearer ${await t.token({ userId: BO, municipality: '101', roles: ['integrator'] })}`)
        .set('If-Match', '"0"')
        .send({ content: content([action('a1', 'SEL-85', { deadline: undefined })]), changeSummary: 'Plan' });
      expect(res.status).toBe(201);
    });
  });

  describe('closing', () => {
    it('runs onClosing', async () => {
      const id = await referred('pair-model');
      expect((await move(id, 'declined')).status).toBe(201);
      expect(await events(id)).toEqual(['referred', 'declined']);
    });
  });

  describe("the plugin's tables", () => {
    it('are created by its migration, recorded next to the core ones, and match its entities', async () => {
      const ds = t.app.get(DataSource);
      const tables: { table_name: string }[] = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'pair_model_%'`);
      expect(tables.map((r) => r.table_name)).toEqual(['pair_model_event']);
      const ran: { name: string }[] = await ds.query(`SELECT name FROM schema_migration WHERE name LIKE 'PairModel%'`);
      expect(ran.map((r) => r.name)).toEqual(['PairModelInit1795500000000']);
      expect(await pendingSchemaChanges(ds)).toEqual([]);
    });
  });
});

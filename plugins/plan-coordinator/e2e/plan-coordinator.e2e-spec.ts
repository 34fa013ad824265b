import { readFileSync } from 'node:fs';
import type { Deployment } from '@enplan/core/config';
import { apiClient, startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { planCoordinatorPlugin } from '@enplan/plugin-plan-coordinator';

const YEAR = 365 * 86_400;
// Staff with fixed ids, so tokens can be minted for them before they exist.
// Ballerup (151): the coordinator from the job centre, a colleague of hers, a social worker, a children-and-family caseworker.
const ANNE = '00000000-0000-4000-8000-00000000c001';
const KARL = '00000000-0000-4000-8000-00000000c002';
const SOFIE = '00000000-0000-4000-8000-00000000c003';
const BENTE = '00000000-0000-4000-8000-00000000c004';
const OUTSIDER = '00000000-0000-4000-8000-00000000c005';
// Gladsaxe (159): a coordinator from the youth unit with authority for job-centre matters, and a social worker.
const GITTE = '00000000-0000-4000-8000-00000000d001';
const SVEND = '00000000-0000-4000-8000-00000000d002';
// The integrations' own ids (not staff).
const INTEGRATION = '00000000-0000-4000-8000-00000000f151';
const GLADSAXE_INTEGRATION = '00000000-0000-4000-8000-00000000f159';

/**
 * The plan-coordinator model through the real host, booted with the example deployment file
 * (deployments/plan-coordinator.json: Ballerup with the family buddy, Gladsaxe's coordinator with authority
 * in further areas, Fredensborg with the defaults) plus a municipality that has not enabled the plugin.
 * One Ballerup course walks the model: refer → consent → team → activate → start-up meeting → plan, with
 * the refusals the model makes along the way.
 */
describe(`the plan-coordinator plugin (${testEngine()})`, () => {
  let t: TestApp;
  let ballerup: string;
  let gladsaxe: string;
  let demo: string;
  const caseworker: Record<string, string> = {};

  beforeAll(async () => {
    const example = JSON.parse(readFileSync(new URL('../../../deployments/plan-coordinator.json', import.meta.url), 'utf8')) as Deployment;
    t = await startTestApp({
      plugins: [planCoordinatorPlugin],
      deployment: { municipalities: [...example.municipalities, { code: '999', name: 'Demo Kommune', plugins: [] }] },
      now: '2026-01-05T09:00:00Z',
    });
    ballerup = `Bearer ${await t.token({ userId: INTEGRATION, municipality: '151', roles: ['integrator'], ttlSeconds: YEAR })}`;
    gladsaxe = `Bearer ${await t.token({ userId: GLADSAXE_INTEGRATION, municipality: '159', roles: ['integrator'], ttlSeconds: YEAR })}`;
    demo = `Bearer ${await t.token({ userId: INTEGRATION, municipality: '999', roles: ['integrator'], ttlSeconds: YEAR })}`;
    for (const id of [ANNE, KARL, SOFIE, BENTE, OUTSIDER]) caseworker[id] = `Bearer ${await t.token({ userId: id, municipality: '151', ttlSeconds: YEAR })}`;
    for (const id of [GITTE, SVEND]) caseworker[id] = `Bearer ${await t.token({ userId: id, municipality: '159', ttlSeconds: YEAR })}`;
  });
  afterAll(() => t?.close());

  const { get, post, put } = apiClient(() => t, () => ballerup);
  let serial = 3000;
  const units: Record<string, string> = {};

  async function unit(kind: string, name: string, as = ballerup): Promise<string> {
    const res = await post('/org-units', { kind, name }, as);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function staff(id: string, unitId: string, authorityAreas: string[], as = ballerup): Promise<void> {
    const res = await post('/staff', { id, name: `Medarbejder ${id.slice(-4)}`, unitId, function: 'caseworker', authorityAreas }, as);
    expect(res.status).toBe(201);
  }

  async function citizen(as: string): Promise<string> {
    const res = await post('/citizens', { cpr: `010185${serial++}`, name: `Borger ${serial}` }, as);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function refer(as: string, extra: object = {}): Promise<{ id: string; citizenId: string }> {
    const citizenId = await citizen(as);
    const res = await post(
      '/courses',
      {
        citizenId,
        targetGroup: 'adults',
        modelId: 'plan-coordinator',
        referredBy: 'Jobcentret, team 2',
        referredOn: '2026-01-05',
        referralReasonCode: 'multiple-complex-problems',
        referralReason: 'Langvarig ledighed, misbrug og gæld; tre forvaltninger involveret',
        ...extra,
      },
      as,
    );
    expect(res.status).toBe(201);
    return { id: res.body.id, citizenId };
  }

  const move = (id: string, to: string, as: string) => post(`/courses/${id}/transitions`, { to, reason: `til ${to}` }, as);
  const addToTeam = (id: string, staffMemberId: string, role: string, as: string) => post(`/courses/${id}/team`, { staffMemberId, role, startsOn: '2026-01-05' }, as);
  const coordination = (id: string, as: string) => get(`/plugins/plan-coordinator/courses/${id}/coordination`, as);
  const sharingConsent = (id: string, citizenId: string, partyUnitIds: string[], as: string) =>
    post(
      `/courses/${id}/consents`,
      { kind: 'information-sharing', citizenId, partyUnitIds, purpose: 'Koordinere indsatsen på tværs af forvaltningerne', categories: ['general', 'employment', 'social-adults'], validFrom: '2026-01-05', form: 'written' },
      as,
    );

  const content = (actions: object[]) => ({
    citizenWords: { worries: 'Gælden og at drikke for meget', whatWorks: 'Min søster', dreamsAndWishes: 'Et job i et køkken' },
    overallGoal: { text: 'Et job i et køkken', citizenAgreed: true, agreedOn: '2026-01-05' },
    goals: [{ id: 'g1', title: 'Stabil hverdag', status: 'in-progress', concerns: [] }],
    actions,
    agreements: [],
  });
  const action = (id: string, legalBasis: string) => ({
    id,
    goalId: 'g1',
    title: `Indsats ${id}`,
    legalBasis,
    responsible: { kind: 'citizen' },
    startDate: '2026-02-01',
    deadline: '2026-04-30',
    status: 'planned',
  });
  const publish = (courseId: string, actions: object[], version: number, as: string) =>
    t.http().post(`/api/v1/courses/${courseId}/plan/versions`).set('Authorization', as).set('If-Match', `"${version}"`).send({ content: content(actions), changeSummary: 'Planen' });

  beforeAll(async () => {
    units.job = await unit('job-centre', 'Jobcenter Ballerup');
    units.social = await unit('adult-social', 'Socialcenter, voksne');
    units.family = await unit('children-family', 'Børne- og ungerådgivningen');
    await staff(ANNE, units.job, ['employment']);
    await staff(KARL, units.job, ['employment']);
    await staff(SOFIE, units.social, ['social-adults']);
    await staff(BENTE, units.family, ['children']);
    await staff(OUTSIDER, units.social, ['social-adults']);
  });

  describe('one course through the model (Ballerup)', () => {
    let course: string;
    let citizenId: string;
    let startUp: string;

    it('is referred by the coordinator-to-be, who lands on the team, and assessed', async () => {
      ({ id: course, citizenId } = await refer(caseworker[ANNE]));
      expect((await move(course, 'assessed', caseworker[ANNE])).status).toBe(201);
      const res = await coordination(course, caseworker[ANNE]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ courseId: course, status: 'assessed', activatedOn: null, coordinators: [], consent: { informationSharing: false } });
      // Anne, an authority holder, is on the team as a caseworker; nobody coordinates yet.
      expect(res.body.activationBlockers).toEqual(['coordinator-required', 'consent-before-activation']);
      expect(res.body.startUp).toMatchObject({ rule: 'plan-coordinator-start-up', withinDays: 14, dueOn: null });
    });

    it('refuses activation without a coordinator, with the plugin’s code naming the rule', async () => {
      const res = await move(course, 'active', caseworker[ANNE]);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'plan-coordinator.coordinator-required',
        errors: [{ field: 'to', code: 'plan-coordinator.coordinator-required' }],
        rules: [{ plugin: 'plan-coordinator', rule: 'coordinator-required', code: 'plan-coordinator.coordinator-required' }],
      });
      expect((await get(`/courses/${course}`, caseworker[ANNE])).body).toMatchObject({ status: 'assessed', activatedOn: null });
    });

    it("refuses activation while the only other authority holder sits in the coordinator's own unit", async () => {
      // Once Anne coordinates, her own authority no longer counts as another department's.
      expect((await addToTeam(course, ANNE, 'coordinator', caseworker[ANNE])).status).toBe(201);
      expect((await addToTeam(course, KARL, 'caseworker', caseworker[ANNE])).status).toBe(201);
      const res = await move(course, 'active', caseworker[ANNE]);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plan-coordinator.authority-holder-required', rules: [{ rule: 'authority-holder-from-other-unit' }] });
      expect(res.body.rules).toHaveLength(1);
    });

    it('refuses activation until the coordinator has gathered consent to share information', async () => {
      expect((await addToTeam(course, SOFIE, 'caseworker', caseworker[ANNE])).status).toBe(201);
      const res = await move(course, 'active', caseworker[ANNE]);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plan-coordinator.consent-required', rule: 'consent-before-activation', errors: [{ field: 'to', code: 'plan-coordinator.consent-required' }] });
      // A consent to take part is not a consent to share information.
      const participation = await post(`/courses/${course}/consents`, { kind: 'participation', citizenId, purpose: 'Deltage i forløbet', validFrom: '2026-01-05', form: 'written' }, caseworker[ANNE]);
      expect(participation.status).toBe(201);
      expect((await move(course, 'active', caseworker[ANNE])).body.code).toBe('plan-coordinator.consent-required');
      expect((await get(`/courses/${course}`, caseworker[ANNE])).body.status).toBe('assessed');
    });

    it('activates once consent is recorded, and summarises the coordination', async () => {
      // The consent names the job centre only, so the summary shows the social unit is not covered.
      expect((await sharingConsent(course, citizenId, [units.job], caseworker[ANNE])).status).toBe(201);
      const activated = await move(course, 'active', caseworker[ANNE]);
      expect(activated.status).toBe(201);
      expect(activated.body.activatedOn).toBe('2026-01-05');

      const res = await coordination(course, caseworker[SOFIE]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'active',
        activatedOn: '2026-01-05',
        coordinators: [{ staffMemberId: ANNE, unitId: units.job, unitKind: 'job-centre', since: '2026-01-05', authorityAreas: ['employment'], decidesIn: ['employment'] }],
        teamProblems: [],
        activationBlockers: [],
        consent: { informationSharing: true, participation: true, inForce: 1, coveredUnitIds: [units.job], uncoveredTeamUnitIds: [units.social] },
        startUp: { dueOn: '2026-01-19', overdue: false, heldMeetingId: null, scheduledMeetingId: null, chairedByCoordinator: null },
        network: { rule: 'plan-coordinator-network', everyDays: 90, dueOn: '2026-04-05', overdue: false, lastMeetingId: null },
        plan: { currentVersion: 0, publishedAt: null, publishedByCoordinator: null },
      });
      type Holder = { staffMemberId: string; roles: string[]; isCoordinator: boolean };
      const byArea = Object.fromEntries(
        res.body.authorityHolders.map((a: { legalArea: string; holders: Holder[] }) => [a.legalArea, a.holders.map((h) => `${h.staffMemberId}:${[...h.roles].sort().join('+')}:${h.isCoordinator}`).sort()]),
      );
      // Anne referred the course (which made her a caseworker on it) and is its coordinator: listed once, with both roles.
      expect(byArea).toEqual({ employment: [`${ANNE}:caseworker+coordinator:true`, `${KARL}:caseworker:false`].sort(), 'social-adults': [`${SOFIE}:caseworker:false`] });
    });

    it('refuses a team change of the active course that breaks a rule it kept', async () => {
      const team = (await get(`/courses/${course}/team`, caseworker[ANNE])).body.items;
      const sofie = team.find((x: { staffMemberId: string }) => x.staffMemberId === SOFIE).id;
      const end = await post(`/courses/${course}/team/${sofie}/end`, { endsOn: '2026-01-05' }, caseworker[ANNE]);
      expect(end.status).toBe(422);
      expect(end.body).toMatchObject({ code: 'plan-coordinator.authority-holder-required', errors: [{ field: 'assignmentId' }], rules: [{ rule: 'authority-holder-from-other-unit' }] });
      // Ending the colleague from the coordinator's own unit keeps the rules.
      const karl = team.find((x: { staffMemberId: string }) => x.staffMemberId === KARL).id;
      expect((await post(`/courses/${course}/team/${karl}/end`, { endsOn: '2026-01-05' }, caseworker[ANNE])).status).toBe(201);
    });

    it('shows the start-up meeting the coordinator convenes and chairs, and then that it took place', async () => {
      const res = await post(
        `/courses/${course}/meetings`,
        {
          type: 'start-up',
          startsAt: '2026-01-12T09:00:00Z',
          endsAt: '2026-01-12T10:30:00Z',
          placeKind: 'cafe',
          participants: [
            { kind: 'staff', staffMemberId: ANNE, roles: ['chair'] },
            { kind: 'staff', staffMemberId: SOFIE },
            { kind: 'citizen', citizenId },
          ],
        },
        caseworker[ANNE],
      );
      expect(res.status).toBe(201);
      startUp = res.body.id;
      expect((await coordination(course, caseworker[ANNE])).body.startUp).toMatchObject({ dueOn: '2026-01-19', scheduledMeetingId: startUp, chairedByCoordinator: true });

      t.clock.set('2026-01-12T11:00:00Z');
      expect((await put(`/meetings/${startUp}/minutes`, { minutes: 'Fælles opstart; aftalt hvem gør hvad.' }, caseworker[ANNE])).status).toBe(200);
      const after = (await coordination(course, caseworker[ANNE])).body;
      expect(after.startUp).toMatchObject({ dueOn: null, overdue: false, heldMeetingId: startUp, scheduledMeetingId: null, chairedByCoordinator: true });
      expect(after.network.dueOn).toBe('2026-04-05');
    });

    it("refuses the coordinator's decision outside her own legal areas (the model's decision authority)", async () => {
      const res = await publish(course, [action('a1', 'LAB-57'), action('a2', 'SEL-101')], 0, caseworker[ANNE]);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plugin.decision-authority', errors: [{ field: 'content.actions[1].legalBasis', code: 'plugin.decision-authority' }] });
      expect(res.body.detail).toContain('social-adults');
      expect(res.body.detail).toContain('decide-in-own-areas');
      expect((await coordination(course, caseworker[ANNE])).body.plan.currentVersion).toBe(0);
    });

    it('publishes the plan the coordinator keeps; the social worker decides in her own area', async () => {
      const v1 = await publish(course, [action('a1', 'LAB-57')], 0, caseworker[ANNE]);
      expect(v1.status).toBe(201);
      expect((await coordination(course, caseworker[ANNE])).body.plan).toEqual({ currentVersion: 1, publishedAt: '2026-01-12T11:00:00.000Z', publishedByCoordinator: true });
      const v2 = await publish(course, [action('a1', 'LAB-57'), action('a2', 'SEL-101')], 1, caseworker[SOFIE]);
      expect(v2.status).toBe(201);
      expect((await coordination(course, caseworker[ANNE])).body.plan).toMatchObject({ currentVersion: 2, publishedByCoordinator: false });
    });

    it('refuses to resume a paused course once the consent is revoked', async () => {
      expect((await move(course, 'paused', caseworker[ANNE])).status).toBe(201);
      const consents = (await get(`/courses/${course}/consents`, caseworker[ANNE])).body.items;
      const sharing = consents.find((c: { kind: string }) => c.kind === 'information-sharing');
      expect((await post(`/consents/${sharing.id}/revoke`, { note: 'Trukket tilbage mundtligt' }, caseworker[ANNE])).status).toBe(201);
      const res = await move(course, 'active', caseworker[ANNE]);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('plan-coordinator.consent-required');
      expect(res.body.detail).toContain('resumes');
      expect((await coordination(course, caseworker[ANNE])).body).toMatchObject({ status: 'paused', consent: { informationSharing: false }, activationBlockers: ['consent-before-activation'] });
      expect((await sharingConsent(course, citizenId, [units.job, units.social], caseworker[ANNE])).status).toBe(201);
      expect((await move(course, 'active', caseworker[ANNE])).status).toBe(201);
    });

    it('is read only by those who may read the course', async () => {
      const res = await coordination(course, caseworker[OUTSIDER]);
      expect(res.status).toBe(403);
      expect((await coordination(course, ballerup)).status).toBe(200);
    });
  });

  describe('the family buddy (Ballerup: requireFamilyBuddy)', () => {
    it('refuses a family course without a buddy from the children-and-family area, and activates with one', async () => {
      const parent = await citizen(ballerup);
      const child = await citizen(ballerup);
      const household = await post('/households', { label: 'Familie', members: [{ citizenId: parent, relation: 'parent' }, { citizenId: child, relation: 'child' }] });
      expect(household.status).toBe(201);
      const res = await post('/courses', {
        householdId: household.body.id,
        citizenId: parent,
        targetGroup: 'families',
        modelId: 'plan-coordinator',
        referredBy: 'Børne- og ungerådgivningen',
        referredOn: '2026-01-05',
        referralReasonCode: 'family-at-risk',
        referralReason: 'Forælder på uddannelseshjælp, børn 0-5 år',
      });
      expect(res.status).toBe(201);
      const id = res.body.id;
      await move(id, 'assessed', ballerup);
      expect((await addToTeam(id, ANNE, 'coordinator', ballerup)).status).toBe(201);
      expect((await addToTeam(id, SOFIE, 'caseworker', ballerup)).status).toBe(201);
      expect((await sharingConsent(id, parent, [units.job, units.social, units.family], ballerup)).status).toBe(201);
      // A buddy from another area does not count.
      expect((await addToTeam(id, KARL, 'buddy', ballerup)).status).toBe(201);
      const refused = await move(id, 'active', ballerup);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'plan-coordinator.family-buddy-required', rules: [{ plugin: 'plan-coordinator', rule: 'family-buddy' }] });
      expect((await addToTeam(id, BENTE, 'buddy', ballerup)).status).toBe(201);
      expect((await move(id, 'active', ballerup)).status).toBe(201);
    });
  });

  describe("Gladsaxe's variant: the coordinator decides in further areas (extraCoordinatorAreas)", () => {
    let course: string;

    beforeAll(async () => {
      const youth = await unit('job-centre', 'Ungeenheden', gladsaxe);
      const social = await unit('adult-social', 'Socialafdelingen', gladsaxe);
      await staff(GITTE, youth, ['employment'], gladsaxe);
      await staff(SVEND, social, ['social-adults'], gladsaxe);
      const legalBasis = await post('/legal-bases', { code: 'LAS-11', law: 'Lov om aktiv socialpolitik', paragraph: '§ 11', title: 'Hjælp til forsørgelse' }, gladsaxe);
      expect(legalBasis.status).toBe(201);
      let citizenId: string;
      ({ id: course, citizenId } = await refer(gladsaxe, { referralReasonCode: 'addiction' }));
      await move(course, 'assessed', gladsaxe);
      expect((await addToTeam(course, GITTE, 'coordinator', gladsaxe)).status).toBe(201);
      expect((await addToTeam(course, SVEND, 'caseworker', gladsaxe)).status).toBe(201);
      expect((await sharingConsent(course, citizenId, [youth, social], gladsaxe)).status).toBe(201);
      expect((await move(course, 'active', gladsaxe)).status).toBe(201);
    });

    it('shows the areas the coordinator decides in', async () => {
      const res = await coordination(course, caseworker[GITTE]);
      expect(res.status).toBe(200);
      expect(res.body.coordinators).toEqual([expect.objectContaining({ staffMemberId: GITTE, authorityAreas: ['employment'], decidesIn: ['employment', 'active-social-policy'] })]);
    });

    it('lets the coordinator decide a youth-benefit matter, but no other team member', async () => {
      const bySvend = await publish(course, [action('a1', 'LAS-11')], 0, caseworker[SVEND]);
      expect(bySvend.status).toBe(422);
      expect(bySvend.body).toMatchObject({
        code: 'plan-coordinator.extra-area-coordinator-only',
        errors: [{ field: 'content.actions[0].legalBasis', code: 'plan-coordinator.extra-area-coordinator-only' }],
      });
      expect((await publish(course, [action('a1', 'LAS-11')], 0, caseworker[GITTE])).status).toBe(201);
      // Still not in the social worker's area.
      const social = await publish(course, [action('a1', 'LAS-11'), action('a2', 'SEL-85')], 1, caseworker[GITTE]);
      expect(social.status).toBe(422);
      expect(social.body).toMatchObject({ code: 'plugin.decision-authority', errors: [{ field: 'content.actions[1].legalBasis' }] });
    });
  });

  describe('in the deployment', () => {
    it('shows each municipality its settings, the model, its cadence and the stafetholder role', async () => {
      const res = await get('/deployment', gladsaxe);
      expect(res.status).toBe(200);
      expect(res.body.plugins).toEqual([
        {
          id: 'plan-coordinator',
          displayName: 'Plankoordinator',
          version: '1.0.0',
          model: true,
          settings: { startUpWithinDays: 14, networkMeetingEveryDays: 90, extraCoordinatorAreas: ['employment', 'active-social-policy'], requireFamilyBuddy: false, caseloadTarget: 25 },
        },
      ]);
      const model = res.body.models.find((m: { id: string }) => m.id === 'plan-coordinator');
      expect(model).toMatchObject({ displayName: 'Plankoordinator', caseload: { targetPerFte: 25, capPerFte: null, cappedRoles: ['coordinator'], maxActiveCourses: null } });
      expect(model.cadence.rules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'plan-coordinator-start-up', meetingType: 'start-up', withinDays: 14, of: 'activation' }),
          expect.objectContaining({ id: 'plan-coordinator-network', meetingType: 'network', everyDays: 90 }),
        ]),
      );
      expect(model.cadence.suppressions).toEqual([expect.objectContaining({ rule: 'start-up-within-14-days' })]);
      expect(res.body.roles).toContainEqual(expect.objectContaining({ id: 'stafetholder', kind: 'meeting', source: 'plan-coordinator' }));
      const ballerupModel = (await get('/deployment', ballerup)).body.models.find((m: { id: string }) => m.id === 'plan-coordinator');
      expect(ballerupModel.caseload.maxActiveCourses).toBe(25);
    });

    it('is absent where the plugin is not enabled', async () => {
      const res = await get(`/plugins/plan-coordinator/courses/00000000-0000-4000-8000-000000000999/coordination`, demo);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('plugin.not-enabled');
      const refer = await post('/courses', { citizenId: await citizen(demo), targetGroup: 'adults', modelId: 'plan-coordinator', referredBy: 'x', referredOn: '2026-01-05', referralReasonCode: 'other', referralReason: 'x' }, demo);
      expect(refer.status).toBe(422);
      expect(refer.body.code).toBe('course.model-unknown');
    });

    it('has no coordination for a course of another model', async () => {
      const { id } = await refer(ballerup, { modelId: 'generic' });
      const res = await coordination(id, ballerup);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('plan-coordinator.not-a-coordinated-course');
    });

    it('is documented in OpenAPI', async () => {
      const doc = (await t.http().get('/api/openapi.json')).body;
      const op = doc.paths['/api/v1/plugins/plan-coordinator/courses/{courseId}/coordination']?.get;
      expect(op?.summary).toBeTruthy();
    });
  });
});

import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { Deployment } from '@enplan/core/config';
import { pendingSchemaChanges } from '@enplan/core/database';
import { apiClient, ranMigrations, startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { pairedCaseworkersPlugin } from '@enplan/plugin-paired-caseworkers';

const YEAR = 365 * 86_400;
// Staff with fixed ids, so tokens can be minted for them before they exist.
const ANNE = '00000000-0000-4000-8000-0000000000a1'; // job centre: employment (refers the citizen)
const SOFIE = '00000000-0000-4000-8000-0000000000a2'; // adult social services: social-adults (Anne's partner)
const KARL = '00000000-0000-4000-8000-0000000000a3'; // job centre: employment (Anne's substitute)
const MENTOR = '00000000-0000-4000-8000-0000000000a5'; // provider, no authority
const EVA = '00000000-0000-4000-8000-0000000000a6'; // children and family: children
const LEADER = '00000000-0000-4000-8000-0000000000a7'; // manager of Anne's job-centre unit
const LINE = '00000000-0000-4000-8000-0000000000a8'; // adult social services: social-adults (Sofie's substitute, later)
const OLE = '00000000-0000-4000-8000-0000000000a9'; // adult social services: social-adults, not of the pair
const BO = '00000000-0000-4000-8000-0000000000b1'; // municipality 101, which has not enabled the plugin
const INTEGRATION = '00000000-0000-4000-8000-0000000000f1';
const INTEGRATION_B = '00000000-0000-4000-8000-0000000000f2';
const INTEGRATION_HELSINGOR = '00000000-0000-4000-8000-0000000000f3';

const HILLEROD = '219';
const SUBSTITUTES = (courseId: string) => `/plugins/paired-caseworkers/courses/${courseId}/substitutes`;

/**
 * The API booted with the real plugin and the example deployment (deployments/paired-caseworkers.json:
 * Hillerød and Helsingør with their own settings) plus a municipality that has not enabled it. One Hillerød
 * course walks the model (makkerpar): referral by a caseworker, a team of two from different legal areas,
 * activation, a joint meeting held with both, a plan version published from it, and a named substitute
 * deciding in the covered area while the cover is in force; with the refusals the model makes, each with its
 * own problem code.
 */
describe(`paired-caseworkers model (${testEngine()})`, () => {
  let t: TestApp;
  const bearer: Record<string, string> = {};
  beforeAll(async () => {
    const example = JSON.parse(readFileSync(new URL('../../../deployments/paired-caseworkers.json', import.meta.url), 'utf8')) as Deployment;
    t = await startTestApp({
      plugins: [pairedCaseworkersPlugin],
      deployment: { municipalities: [...example.municipalities, { code: '101', name: 'Anden Kommune', plugins: [] }] },
      now: '2026-01-05T09:00:00Z',
    });
    const mint = async (userId: string, roles: string[], municipality = HILLEROD) => `Bearer ${await t.token({ userId, roles, ttlSeconds: YEAR, municipality })}`;
    bearer.integration = await mint(INTEGRATION, ['integrator']);
    bearer.helsingor = await mint(INTEGRATION_HELSINGOR, ['integrator'], '217');
    bearer.integrationB = await mint(INTEGRATION_B, ['integrator'], '101');
    for (const [name, id] of [['anne', ANNE], ['sofie', SOFIE], ['karl', KARL]] as const) bearer[name] = await mint(id, ['caseworker']);
    bearer.leader = await mint(LEADER, ['manager']);
    bearer.bo = await mint(BO, ['caseworker'], '101');
  });
  afterAll(() => t?.close());

  const { get, post, put, patch } = apiClient(() => t, () => bearer.integration);
  const as = (who: string) => bearer[who];

  async function unit(kind: string, name: string, auth = bearer.integration): Promise<string> {
    const res = await post('/org-units', { kind, name }, auth);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function staff(id: string, unitId: string, fn: string, authorityAreas: string[], extra: object = {}, auth = bearer.integration): Promise<void> {
    const res = await post('/staff', { id, name: `Staff ${id.slice(-2)}`, unitId, function: fn, authorityAreas, ...extra }, auth);
    expect(res.status).toBe(201);
  }

  let jobCentre: string;
  beforeAll(async () => {
    jobCentre = await unit('job-centre', 'Jobcenter, team 3');
    const social = await unit('adult-social', 'Voksenområdet');
    await staff(ANNE, jobCentre, 'caseworker', ['employment']);
    await staff(SOFIE, social, 'social-worker', ['social-adults']);
    await staff(KARL, jobCentre, 'job-consultant', ['employment']);
    await staff(MENTOR, await unit('adult-social', 'Mentorkorpset'), 'mentor', [], { isProvider: true });
    await staff(EVA, await unit('children-family', 'Børn og familie'), 'family-counsellor', ['children']);
    await staff(LEADER, jobCentre, 'manager', []);
    await staff(BO, await unit('job-centre', 'Jobcenter B', bearer.integrationB), 'caseworker', ['employment'], {}, bearer.integrationB);
  });

  const content = (actions: object[]) => ({
    citizenWords: { worries: 'Gæld og dårlig søvn', whatWorks: 'Madlavning', dreamsAndWishes: 'Et job i et køkken' },
    overallGoal: { text: 'Et job i et køkken', citizenAgreed: true, agreedOn: '2026-01-05' },
    goals: [{ id: 'g1', title: 'Praktik i et køkken', status: 'in-progress', concerns: [] }],
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
    deadline: '2026-06-30',
    status: 'planned',
  });
  const LAB_57 = action('a-praktik', 'LAB-57'); // employment: Anne's area
  const SEL_85 = action('a-bostoette', 'SEL-85'); // social-adults: Sofie's area
  const LAB_66 = action('a-loentilskud', 'LAB-66'); // employment
  const SEL_99 = action('a-kontaktperson', 'SEL-99'); // social-adults

  let course: string;
  let citizen: string;
  const move = (to: string, who = 'anne') => post(`/courses/${course}/transitions`, { to, reason: `to ${to}` }, as(who));
  const addToTeam = (staffMemberId: string, role: string, who = 'anne') => post(`/courses/${course}/team`, { staffMemberId, role, startsOn: '2026-01-05' }, as(who));
  const publish = (who: string, baseVersion: number, actions: object[], extra: object = {}) =>
    post(`/courses/${course}/plan/versions`, { content: content(actions), changeSummary: 'Fællesmødets konklusioner', baseVersion, ...extra }, as(who));

  describe('the model in GET /deployment', () => {
    it("shows Hillerød its settings: joint meetings every 61 days, the plan-meeting rule replaced, the pair's caseload", async () => {
      const res = await get('/deployment');
      expect(res.status).toBe(200);
      expect(res.body.plugins).toEqual([
        {
          id: 'paired-caseworkers',
          displayName: 'Makkerpar',
          version: '0.1.0',
          model: true,
          settings: { jointMeetingsPerYear: 6, planRevisedAtJointMeeting: true, capPerFte: 40, targetPerFte: 30, maxActiveCourses: 120 },
        },
      ]);
      const model = res.body.models.find((m: { id: string }) => m.id === 'paired-caseworkers');
      expect(model.caseload).toEqual({ targetPerFte: 30, capPerFte: 40, cappedRoles: ['caseworker', 'primary-contact'], maxActiveCourses: 120 });
      expect(model.cadence.rules).toContainEqual(expect.objectContaining({ id: 'joint-meetings', meetingType: 'joint', everyDays: 61 }));
      expect(model.cadence.suppressions).toEqual([expect.objectContaining({ rule: 'plan-every-60-days' })]);
      const roles = res.body.roles.filter((r: { source: string }) => r.source === 'paired-caseworkers').map((r: { id: string }) => r.id);
      expect(roles).toEqual(['explorer', 'captain', 'witness', 'pair-substitute']);
    });

    it('documents its endpoints in OpenAPI under /api/v1/plugins/paired-caseworkers/', async () => {
      const doc = (await t.http().get('/api/openapi.json')).body;
      const path = doc.paths['/api/v1/plugins/paired-caseworkers/courses/{courseId}/substitutes'];
      expect(path.post.summary).toBe('Name a substitute for one of the pair for a period');
      expect(path.get.summary).toBeTruthy();
    });

    it('shows Helsingør its own: four joint meetings a year, defaults for the rest', async () => {
      const res = await get('/deployment', bearer.helsingor);
      expect(res.body.plugins[0].settings).toEqual({ jointMeetingsPerYear: 4, planRevisedAtJointMeeting: true, capPerFte: 50 });
      const model = res.body.models.find((m: { id: string }) => m.id === 'paired-caseworkers');
      expect(model.cadence.rules).toContainEqual(expect.objectContaining({ id: 'joint-meetings', everyDays: 91 }));
      expect(model.caseload).toMatchObject({ targetPerFte: 50, capPerFte: 50, maxActiveCourses: null });
    });
  });

  describe('referral, team and activation', () => {
    it('takes a referral by a caseworker, who joins the team', async () => {
      const c = await post('/citizens', { cpr: '0101801234', name: 'Borger Makkerpar' }, as('anne'));
      expect(c.status).toBe(201);
      citizen = c.body.id;
      const res = await post(
        '/courses',
        {
          citizenId: citizen,
          targetGroup: 'adults',
          modelId: 'paired-caseworkers',
          referredBy: 'Jobcenter, team 3',
          referredOn: '2026-01-05',
          referralReasonCode: 'multiple-complex-problems',
          referralReason: 'Ledighed og misbrug; mange aktører uden fælles plan',
        },
        as('anne'),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ modelId: 'paired-caseworkers', status: 'referred' });
      course = res.body.id;
      const team = (await get(`/courses/${course}/team`, as('anne'))).body.items;
      expect(team.map((a: { staffMemberId: string; role: string }) => `${a.staffMemberId}:${a.role}`)).toEqual([`${ANNE}:caseworker`]);
      expect((await move('assessed')).status).toBe(201);
    });

    it('refuses to activate with one authority holder', async () => {
      const res = await move('active');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'paired-caseworkers.two-authority-holders',
        errors: [{ field: 'to', code: 'paired-caseworkers.two-authority-holders' }],
        rules: [{ plugin: 'paired-caseworkers', rule: 'two-authority-holders', code: 'paired-caseworkers.two-authority-holders' }],
      });
    });

    it('refuses to activate with two caseworkers of the same legal area, naming the rule', async () => {
      expect((await addToTeam(KARL, 'caseworker')).status).toBe(201);
      const res = await move('active');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'paired-caseworkers.different-legal-areas',
        errors: [{ field: 'to', code: 'paired-caseworkers.different-legal-areas' }],
        rules: [{ plugin: 'paired-caseworkers', rule: 'different-legal-areas', code: 'paired-caseworkers.different-legal-areas' }],
      });
      expect(res.body.detail).toContain('employment and employment');
      expect((await get(`/courses/${course}`, as('anne'))).body).toMatchObject({ status: 'assessed', activatedOn: null });
      // Karl leaves the team again.
      const karl = (await get(`/courses/${course}/team`, as('anne'))).body.items.find((a: { staffMemberId: string }) => a.staffMemberId === KARL);
      expect((await post(`/courses/${course}/team/${karl.id}/end`, { endsOn: '2026-01-05' }, as('anne'))).status).toBe(201);
    });

    it('activates with a pair from two legal areas', async () => {
      expect((await addToTeam(SOFIE, 'primary-contact')).status).toBe(201);
      const res = await move('active');
      expect(res.status).toBe(201);
      expect((await get(`/courses/${course}`, as('sofie'))).body).toMatchObject({ status: 'active', activatedOn: '2026-01-05' });
    });

    it('lets a provider join the active course, and refuses team changes the model has no place for', async () => {
      expect((await addToTeam(MENTOR, 'provider')).status).toBe(201);
      const coordinator = await addToTeam(EVA, 'coordinator');
      expect(coordinator.status).toBe(422);
      expect(coordinator.body).toMatchObject({ code: 'paired-caseworkers.team-roles', errors: [{ field: 'staffMemberId', code: 'paired-caseworkers.team-roles' }] });
      const third = await addToTeam(KARL, 'caseworker');
      expect(third.status).toBe(422);
      expect(third.body).toMatchObject({ code: 'paired-caseworkers.two-authority-holders', rules: [{ rule: 'two-authority-holders' }] });
      const team = (await get(`/courses/${course}/team`, as('anne'))).body.items.filter((a: { endsOn: string | null }) => a.endsOn === null);
      expect(team.map((a: { staffMemberId: string }) => a.staffMemberId).sort()).toEqual([ANNE, SOFIE, MENTOR].sort());
    });
  });

  describe('decisions and the plan', () => {
    let joint: string;

    it("refuses a decision in the partner's area, naming the action", async () => {
      const res = await publish('anne', 0, [LAB_57, SEL_85]);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'paired-caseworkers.partner-area',
        errors: [{ field: 'content.actions[1].legalBasis', code: 'paired-caseworkers.partner-area' }],
      });
      expect(res.body.detail).toContain("social-adults is the partner's area");
      expect((await get(`/courses/${course}/plan/versions`, as('anne'))).body.total).toBe(0);
    });

    it('publishes the first version with decisions in the publisher’s own area', async () => {
      const res = await publish('anne', 0, [LAB_57]);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ version: 1, sourceMeetingId: null });
    });

    it('refuses a revision that does not come from a held joint meeting', async () => {
      await t.clock.set('2026-01-12T08:00:00Z');
      const m = await post(
        `/courses/${course}/meetings`,
        {
          type: 'joint',
          startsAt: '2026-01-12T09:00:00Z',
          endsAt: '2026-01-12T10:30:00Z',
          placeKind: 'cafe',
          participants: [
            { kind: 'staff', staffMemberId: ANNE, roles: ['captain'] },
            { kind: 'staff', staffMemberId: SOFIE, roles: ['explorer'] },
            { kind: 'citizen', citizenId: citizen },
          ],
        },
        as('anne'),
      );
      expect(m.status).toBe(201);
      joint = m.body.id;
      const without = await publish('sofie', 1, [LAB_57, SEL_85]);
      expect(without.status).toBe(422);
      expect(without.body).toMatchObject({ code: 'paired-caseworkers.joint-meeting-required', errors: [{ field: 'sourceMeetingId', code: 'paired-caseworkers.joint-meeting-required' }] });
      const notHeld = await publish('sofie', 1, [LAB_57, SEL_85], { sourceMeetingId: joint });
      expect(notHeld.status).toBe(422);
      expect(notHeld.body.code).toBe('paired-caseworkers.joint-meeting-required');
      expect(notHeld.body.detail).toContain('not held');
    });

    it('publishes the revision from the joint meeting once it is held with both of the pair present', async () => {
      await t.clock.set('2026-01-12T10:30:00Z');
      expect((await put(`/meetings/${joint}/minutes`, { minutes: 'Praktik aftalt; bostøtte bevilges.' }, as('anne'))).status).toBe(200);
      const draft = await put(`/courses/${course}/plan/draft`, { content: content([LAB_57, SEL_85]) }, as('sofie'));
      expect(draft.status).toBe(200);
      const participants = (await get(`/meetings/${joint}`, as('anne'))).body.participants as { id: string; staffMemberId: string | null }[];
      const mark = (staffId: string) =>
        patch(`/meetings/${joint}/participants/${participants.find((x) => x.staffMemberId === staffId)?.id}`, { attendance: 'attended' }, as('anne'));
      expect((await mark(ANNE)).status).toBe(200);
      const fromMeeting = () => post(`/meetings/${joint}/publish-plan`, { changeSummary: 'Fællesmødet 12. januar', baseVersion: 1 }, as('sofie'));
      const half = await fromMeeting();
      expect(half.status).toBe(422);
      expect(half.body).toMatchObject({ code: 'paired-caseworkers.pair-not-present', errors: [{ field: 'sourceMeetingId' }] });
      expect((await mark(SOFIE)).status).toBe(200);
      const res = await fromMeeting();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ version: 2, sourceMeetingId: joint });
      expect(res.body.content.actions.map((a: { legalBasis: string }) => a.legalBasis)).toEqual(['LAB-57', 'SEL-85']);
    });

    it("puts the next joint meeting on the pair's work list 61 days after the last, and no separate plan meeting", async () => {
      const items = async (who: string) =>
        ((await get('/work-list?horizonDays=120', as(who))).body.items as { kind: string; courseId: string; ref: string; dueOn: string; meetingType?: string }[]).filter(
          (i) => i.courseId === course && i.kind === 'cadence-meeting',
        );
      for (const who of ['anne', 'sofie']) {
        const cadence = await items(who);
        expect(cadence).toContainEqual(expect.objectContaining({ ref: 'joint-meetings', meetingType: 'joint', dueOn: '2026-03-14' }));
        expect(cadence.some((i) => i.ref === 'plan-every-60-days')).toBe(false);
      }
    });

    describe('a named substitute', () => {
      let cover: string;

      it('is named for one of the pair for a period, holding the same authority areas', async () => {
        const res = await post(SUBSTITUTES(course), { coveredStaffMemberId: ANNE, substituteStaffMemberId: KARL, fromDate: '2026-01-19', toDate: '2026-01-30' }, as('anne'));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          courseId: course,
          coveredStaffMemberId: ANNE,
          substituteStaffMemberId: KARL,
          fromDate: '2026-01-19',
          toDate: '2026-01-30',
          coveredAreas: ['employment'],
          inForce: false,
          createdBy: ANNE,
        });
        cover = res.body.id;
        const list = await get(SUBSTITUTES(course), as('sofie'));
        expect(list.status).toBe(200);
        expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([cover]);
      });

      it('is refused when the substitute lacks a covered area, the covered is not of the pair, or the period overlaps or is over', async () => {
        const areas = await post(SUBSTITUTES(course), { coveredStaffMemberId: SOFIE, substituteStaffMemberId: KARL, fromDate: '2026-01-19', toDate: '2026-01-30' }, as('sofie'));
        expect(areas.status).toBe(422);
        expect(areas.body).toMatchObject({ code: 'paired-caseworkers.substitute-areas', errors: [{ field: 'substituteStaffMemberId', code: 'paired-caseworkers.substitute-areas' }] });
        expect(areas.body.detail).toContain('social-adults');
        const notPair = await post(SUBSTITUTES(course), { coveredStaffMemberId: MENTOR, substituteStaffMemberId: KARL, fromDate: '2026-01-19', toDate: '2026-01-30' }, as('anne'));
        expect(notPair.status).toBe(422);
        expect(notPair.body.code).toBe('paired-caseworkers.covered-not-in-pair');
        const overlap = await post(SUBSTITUTES(course), { coveredStaffMemberId: ANNE, substituteStaffMemberId: KARL, fromDate: '2026-01-26', toDate: '2026-02-06' }, as('anne'));
        expect(overlap.status).toBe(409);
        expect(overlap.body.code).toBe('paired-caseworkers.substitution-overlaps');
        const past = await post(SUBSTITUTES(course), { coveredStaffMemberId: ANNE, substituteStaffMemberId: KARL, fromDate: '2026-01-02', toDate: '2026-01-09' }, as('anne'));
        expect(past.status).toBe(422);
        expect(past.body.code).toBe('paired-caseworkers.period-invalid');
        expect((await get(SUBSTITUTES(course), as('anne'))).body.items).toHaveLength(1);
      });

      it('is not for staff outside the course', async () => {
        // Karl is not on the team (yet): he may neither name nor list substitutes.
        expect((await get(SUBSTITUTES(course), as('karl'))).status).toBe(403);
        expect((await post(SUBSTITUTES(course), { coveredStaffMemberId: ANNE, substituteStaffMemberId: KARL, fromDate: '2026-02-02', toDate: '2026-02-06' }, as('karl'))).status).toBe(403);
      });

      it('may not decide in the covered area before the cover is in force', async () => {
        // Anne's manager gives Karl access to the course for the period (the core's temporary grant).
        const grant = await post(`/courses/${course}/access-grants`, { staffMemberId: KARL, reason: 'Dækker for makker i uge 4-5', validUntil: '2026-01-30' }, as('leader'));
        expect(grant.status).toBe(201);
        const early = await publish('karl', 2, [LAB_57, SEL_85, LAB_66], { sourceMeetingId: joint });
        expect(early.status).toBe(422);
        expect(early.body).toMatchObject({ code: 'paired-caseworkers.substitution-not-in-force', errors: [{ field: 'content.actions[2].legalBasis' }] });
      });

      it('stands in at the joint meeting and decides in the covered area while in force, never in the partner’s', async () => {
        await t.clock.set('2026-01-20T08:00:00Z');
        expect((await get(SUBSTITUTES(course), as('karl'))).body.items[0]).toMatchObject({ id: cover, inForce: true });
        const m = await post(
          `/courses/${course}/meetings`,
          {
            type: 'joint',
            startsAt: '2026-01-20T09:00:00Z',
            endsAt: '2026-01-20T10:00:00Z',
            placeKind: 'citizen-home',
            participants: [
              { kind: 'staff', staffMemberId: KARL, attendance: 'attended' },
              { kind: 'staff', staffMemberId: SOFIE, attendance: 'attended' },
              { kind: 'citizen', citizenId: citizen, attendance: 'attended' },
            ],
          },
          as('sofie'),
        );
        expect(m.status).toBe(201);
        await t.clock.set('2026-01-20T10:15:00Z');
        expect((await put(`/meetings/${m.body.id}/minutes`, { minutes: 'Løntilskud aftalt.' }, as('sofie'))).status).toBe(200);
        const partner = await publish('karl', 2, [LAB_57, SEL_85, LAB_66, SEL_99], { sourceMeetingId: m.body.id });
        expect(partner.status).toBe(422);
        expect(partner.body).toMatchObject({ code: 'paired-caseworkers.partner-area', errors: [{ field: 'content.actions[3].legalBasis', code: 'paired-caseworkers.partner-area' }] });
        const res = await publish('karl', 2, [LAB_57, SEL_85, LAB_66], { sourceMeetingId: m.body.id });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ version: 3, sourceMeetingId: m.body.id, authorId: KARL });
      });

      it('ends with the period: after it the substitute decides no more', async () => {
        await t.clock.set('2026-02-02T09:00:00Z');
        expect((await get(SUBSTITUTES(course), as('anne'))).body.items[0]).toMatchObject({ id: cover, inForce: false });
        const later = [LAB_57, SEL_85, { ...LAB_66, status: 'active' }];
        // His access grant has lapsed with it (the core's rule) ...
        expect((await publish('karl', 3, later, { sourceMeetingId: joint })).status).toBe(403);
        // ... and an integration acting in his name is refused by the model.
        const res = await t
          .http()
          .post(`/api/v1/courses/${course}/plan/versions`)
          .set('Authorization', `Bearer ${await t.token({ userId: KARL, roles: ['integrator'], ttlSeconds: YEAR, municipality: HILLEROD })}`)
          .send({ content: content(later), changeSummary: 'Status', baseVersion: 3, sourceMeetingId: joint });
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('paired-caseworkers.substitution-not-in-force');
      });
    });
  });

  describe('decisions recorded at meetings and provider orders follow the same rules', () => {
    let meeting: string;
    const who: Record<string, string> = {};
    const decide = (text: string, body: object, by: string) => post(`/meetings/${meeting}/outcomes`, { kind: 'decision', text, ...body }, by);
    const order = (actionId: string, by: string) =>
      post(`/courses/${course}/provider-orders`, { actionId, purpose: 'Løntilskud i kantinen', providerUnitId: jobCentre, reportEveryDays: 30, startsOn: '2026-02-16' }, by);

    beforeAll(async () => {
      const social = await unit('adult-social', 'Voksenområdet, team 2');
      await staff(LINE, social, 'social-worker', ['social-adults']);
      await staff(OLE, social, 'social-worker', ['social-adults']);
      for (const [name, id] of [['line', LINE], ['ole', OLE]]) who[name] = `Bearer ${await t.token({ userId: id, roles: ['caseworker'], ttlSeconds: YEAR, municipality: HILLEROD })}`;
    });

    it('refuses a social-services decision at a joint meeting from a substitute before the cover and from a worker outside the pair, both with access', async () => {
      // Line will cover Sofie from 16 February; both she and Ole hold social-adults authority and get access now.
      const named = await post(SUBSTITUTES(course), { coveredStaffMemberId: SOFIE, substituteStaffMemberId: LINE, fromDate: '2026-02-16', toDate: '2026-02-20' }, as('sofie'));
      expect(named.status).toBe(201);
      for (const id of [LINE, OLE]) {
        expect((await post(`/courses/${course}/access-grants`, { staffMemberId: id, reason: 'Dækker for makker', validUntil: '2026-02-20' }, as('leader'))).status).toBe(201);
      }
      const m = await post(
        `/courses/${course}/meetings`,
        {
          type: 'joint',
          startsAt: '2026-02-03T09:00:00Z',
          endsAt: '2026-02-03T10:00:00Z',
          placeKind: 'cafe',
          participants: [
            { kind: 'staff', staffMemberId: ANNE },
            { kind: 'staff', staffMemberId: SOFIE },
            { kind: 'citizen', citizenId: citizen },
          ],
        },
        as('sofie'),
      );
      expect(m.status).toBe(201);
      meeting = m.body.id;

      const early = await decide('Bostøtte bevilget', { legalBasis: 'SEL-85' }, who.line);
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({
        code: 'paired-caseworkers.substitution-not-in-force',
        errors: [{ field: 'legalBasis', code: 'paired-caseworkers.substitution-not-in-force' }],
        decisions: [{ field: 'legalBasis', legalArea: 'social-adults', legalBasis: 'SEL-85' }],
      });
      expect(early.body.detail).toContain('serviceloven § 85 (social-adults)');
      const outsider = await decide('Bostøtte bevilget', { legalBasis: 'SEL-85' }, who.ole);
      expect(outsider.status).toBe(422);
      expect(outsider.body).toMatchObject({ code: 'paired-caseworkers.not-in-pair', errors: [{ field: 'legalBasis' }] });
      expect(outsider.body.detail).toContain('serviceloven § 85 (social-adults)');
      // Named by area only, the refusal names the area.
      const partner = await decide('Bostøtte bevilget', { legalArea: 'social-adults' }, as('anne'));
      expect(partner.body).toMatchObject({ code: 'paired-caseworkers.partner-area', errors: [{ field: 'legalArea' }] });
      expect((await get(`/meetings/${meeting}`, as('sofie'))).body.outcomes).toEqual([]);
    });

    it('refuses a decision that names neither its legal area nor its legal basis, naming the field', async () => {
      const res = await decide('Bostøtte bevilget', {}, as('sofie'));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'decision.legal-area-missing', errors: [{ field: 'legalArea', code: 'decision.legal-area-missing' }] });
    });

    it('records the decision of the pair worker whose area it is', async () => {
      const res = await decide('Bostøtte bevilget', { legalBasis: 'SEL-85' }, as('sofie'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'decision', legalArea: 'social-adults', legalBasis: 'SEL-85' });
    });

    it("refuses a provider order for an action in the partner's area, and takes the pair worker's", async () => {
      const refused = await order(LAB_66.id, as('sofie'));
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'paired-caseworkers.partner-area', errors: [{ field: 'actionId', code: 'paired-caseworkers.partner-area' }] });
      expect(refused.body.detail).toContain('lov om en aktiv beskæftigelsesindsats § 66 (employment)');
      expect((await get(`/courses/${course}/provider-orders`, as('anne'))).body.total).toBe(0);
      expect((await order(LAB_66.id, as('anne'))).status).toBe(201);
    });

    it('lets the substitute decide once the cover is in force', async () => {
      await t.clock.set('2026-02-16T09:00:00Z');
      const res = await decide('Kontaktperson bevilget', { legalBasis: 'SEL-99' }, who.line);
      expect(res.status).toBe(201);
      expect((await get(`/meetings/${meeting}`, as('sofie'))).body.outcomes.map((o: { legalBasis: string }) => o.legalBasis)).toEqual(['SEL-85', 'SEL-99']);
    });
  });

  describe('municipalities that have not enabled the plugin', () => {
    it('neither reach its endpoints nor refer to its model', async () => {
      const res = await get(SUBSTITUTES(course), bearer.bo);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('plugin.not-enabled');
      const c = await post('/citizens', { cpr: '0202802345', name: 'Borger B' }, bearer.integrationB);
      const refer = await post(
        '/courses',
        { citizenId: c.body.id, targetGroup: 'adults', modelId: 'paired-caseworkers', referredBy: 'Jobcenter B', referredOn: '2026-01-05', referralReasonCode: 'multiple-complex-problems', referralReason: 'Test' },
        bearer.integrationB,
      );
      expect(refer.status).toBe(422);
      expect(refer.body.code).toBe('course.model-unknown');
    });
  });

  describe("the plugin's table", () => {
    it('comes from its migration and matches its entity; a course on another model cannot get substitutes', async () => {
      const ds = t.app.get(DataSource);
      expect(await ranMigrations(ds, 'PairedCaseworkers')).toEqual(['PairedCaseworkersForeignKeyIndexes1796177220870', 'PairedCaseworkersInit1795600000000']);
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      const c = await post('/citizens', { cpr: '0303803456', name: 'Borger Generisk' }, as('anne'));
      const generic = await post(
        '/courses',
        { citizenId: c.body.id, targetGroup: 'adults', modelId: 'generic', referredBy: 'Jobcenter', referredOn: '2026-01-05', referralReasonCode: 'multiple-complex-problems', referralReason: 'Test' },
        as('anne'),
      );
      expect(generic.status).toBe(201);
      const res = await post(SUBSTITUTES(generic.body.id), { coveredStaffMemberId: ANNE, substituteStaffMemberId: KARL, fromDate: '2026-03-02', toDate: '2026-03-06' }, as('anne'));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('paired-caseworkers.not-a-paired-course');
    });
  });
});

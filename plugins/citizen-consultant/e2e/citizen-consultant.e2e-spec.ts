import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { Deployment } from '@enplan/core/config';
import { pendingSchemaChanges } from '@enplan/core/database';
import { apiClient, ranMigrations, startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { citizenConsultantPlugin } from '@enplan/plugin-citizen-consultant';

const YEAR = 365 * 86_400;
// Staff with fixed ids, so tokens can be minted for them before they exist.
const MAJA = '00000000-0000-4000-8000-0000000000c1'; // citizen consultant, job centre: employment + social-adults, 0.2 FTE (cap 3)
const BENT = '00000000-0000-4000-8000-0000000000c2'; // citizen consultant, adult social services: social-adults + health (the buddy)
const JENS = '00000000-0000-4000-8000-0000000000c3'; // citizen consultant, another job-centre team: Maja's background
const KIRA = '00000000-0000-4000-8000-0000000000c4'; // ordinary job-centre caseworker: employment only, no provider role
const INTEGRATION = '00000000-0000-4000-8000-0000000000f1';
const OTHER = '00000000-0000-4000-8000-0000000000f2';
// Frederikssund (250): a cross-cutting social worker with authority in three areas.
const LINE = '00000000-0000-4000-8000-0000000000d1';

/**
 * The integrated citizen consultant (borgerkonsulent) through the real host, booted with the example
 * deployment file (deployments/citizen-consultant.json: Halsnæs with the all-in-one consultant, Frederikssund
 * configured as the cross-cutting caseworker variant) plus a municipality that has not enabled the plugin.
 * One Halsnæs course goes from referral to closing, with what the model refuses along the way, and the
 * consultant's load against the cap.
 */
describe(`citizen-consultant plugin (${testEngine()})`, () => {
  let t: TestApp;
  let integrator: string;
  const as: Record<string, string> = {};

  beforeAll(async () => {
    const example = JSON.parse(readFileSync(new URL('../../../deployments/citizen-consultant.json', import.meta.url), 'utf8')) as Deployment;
    t = await startTestApp({
      plugins: [citizenConsultantPlugin],
      deployment: { municipalities: [...example.municipalities, { code: '101', name: 'Anden Kommune', plugins: [] }] },
    });
    integrator = `Bearer ${await t.token({ userId: INTEGRATION, municipality: '260', roles: ['integrator'], ttlSeconds: YEAR })}`;
    for (const id of [MAJA, BENT, JENS, KIRA]) as[id] = `Bearer ${await t.token({ userId: id, municipality: '260', roles: ['caseworker'], ttlSeconds: YEAR })}`;
  });
  afterAll(() => t?.close());

  const { get, post } = apiClient(() => t, () => integrator);
  let serial = 3000;

  async function staff(id: string, unitKind: string, body: object): Promise<void> {
    const unit = await post('/org-units', { kind: unitKind, name: `Unit ${serial++}` });
    expect(unit.status).toBe(201);
    const res = await post('/staff', { id, name: `Consultant ${id.slice(-2)}`, unitId: unit.body.id, ...body });
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    const consultant = { function: 'citizen-consultant', isProvider: true };
    await staff(MAJA, 'job-centre', { ...consultant, authorityAreas: ['employment', 'social-adults'], fte: 0.2 });
    await staff(BENT, 'adult-social', { ...consultant, authorityAreas: ['social-adults', 'health'] });
    await staff(JENS, 'job-centre', { ...consultant, authorityAreas: ['employment', 'social-adults'] });
    await staff(KIRA, 'job-centre', { function: 'caseworker', authorityAreas: ['employment'] });
  });

  async function refer(by = integrator): Promise<string> {
    const citizen = await post('/citizens', { cpr: `010185${serial++}`, name: `Citizen ${serial}` });
    expect(citizen.status).toBe(201);
    const res = await post(
      '/courses',
      {
        citizenId: citizen.body.id,
        targetGroup: 'adults',
        modelId: 'citizen-consultant',
        referredBy: 'Jobcenter, kontanthjælp',
        referredOn: '2026-01-02',
        referralReasonCode: 'long-term-benefit',
        referralReason: 'Many departments involved, no shared plan',
      },
      by,
    );
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const move = (id: string, to: string, extra: object = {}, by = integrator) => post(`/courses/${id}/transitions`, { to, reason: `to ${to}`, ...extra }, by);
  const assign = (id: string, staffMemberId: string, role: string, by = integrator) => post(`/courses/${id}/team`, { staffMemberId, role, startsOn: '2026-01-05' }, by);
  const handover = (id: string, staffMemberId: string, by = integrator) =>
    post(`/courses/${id}/primary-contact`, { staffMemberId, handoverNote: 'Overdragelse', on: '2026-01-05' }, by);
  const assignmentOf = async (id: string, staffMemberId: string, role: string): Promise<string> =>
    (await get(`/courses/${id}/team`)).body.items.find((a: { staffMemberId: string; role: string; endsOn: string | null }) => a.staffMemberId === staffMemberId && a.role === role && !a.endsOn).id;
  const load = (staffId: string, by = integrator) => get(`/plugins/citizen-consultant/consultants/${staffId}/load`, by);

  /** A course of the model made active with the given consultant and buddy. */
  async function activeCourse(consultant: string, buddy = BENT): Promise<string> {
    const id = await refer();
    expect((await move(id, 'assessed')).status).toBe(201);
    expect((await assign(id, consultant, 'primary-contact')).status).toBe(201);
    expect((await assign(id, buddy, 'buddy')).status).toBe(201);
    expect((await move(id, 'active')).status).toBe(201);
    return id;
  }

  it('is what GET /deployment shows Halsnæs: the model, its settings, cap, cadence and meeting type', async () => {
    const res = await get('/deployment');
    expect(res.status).toBe(200);
    expect(res.body.plugins).toEqual([
      {
        id: 'citizen-consultant',
        displayName: 'Borgerkonsulent',
        version: '0.1.0',
        model: true,
        settings: {
          consultantFunctions: ['citizen-consultant'],
          requireProviderRole: true,
          minAuthorityAreas: 2,
          requireBuddy: true,
          capPerFte: 15,
          planMeetingEveryDays: 60,
          miniKickEveryDays: 91,
        },
      },
    ]);
    const model = res.body.models.find((m: { id: string }) => m.id === 'citizen-consultant');
    expect(model.caseload).toEqual({ targetPerFte: 15, capPerFte: 15, cappedRoles: ['primary-contact'], maxActiveCourses: null });
    expect(model.cadence.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'plan-every-60-days', meetingType: 'plan', everyDays: 60 }),
        expect.objectContaining({ id: 'citizen-consultant-mini-kick', meetingType: 'mini-kick', everyDays: 91 }),
      ]),
    );
    expect(res.body.meetingTypes).toContainEqual(expect.objectContaining({ id: 'mini-kick', source: 'citizen-consultant' }));
  });

  it('is configured per municipality: Frederikssund runs it as the cross-cutting caseworker variant', async () => {
    const frederikssund = `Bearer ${await t.token({ userId: INTEGRATION, municipality: '250', roles: ['integrator'], ttlSeconds: YEAR })}`;
    const deployment = (await get('/deployment', frederikssund)).body;
    expect(deployment.models.find((m: { id: string }) => m.id === 'citizen-consultant').caseload).toEqual({
      targetPerFte: 30,
      capPerFte: 30,
      cappedRoles: ['primary-contact'],
      maxActiveCourses: 35,
    });
    const unit = await post('/org-units', { kind: 'job-centre', name: 'Ungekontakten' }, frederikssund);
    const social = { name: 'Rådgiver', unitId: unit.body.id, function: 'social-worker', authorityAreas: ['employment', 'children', 'social-adults'] };
    expect((await post('/staff', { ...social, id: LINE }, frederikssund)).status).toBe(201);
    const citizen = await post('/citizens', { cpr: `010105${serial++}`, name: 'Ung borger' }, frederikssund);
    const course = await post(
      '/courses',
      { citizenId: citizen.body.id, targetGroup: 'youth', modelId: 'citizen-consultant', referredBy: 'Ungekontakten', referredOn: '2026-01-02', referralReasonCode: 'transition-to-adulthood', referralReason: 'Several legal areas' },
      frederikssund,
    );
    expect(course.status).toBe(201);
    expect((await move(course.body.id, 'assessed', {}, frederikssund)).status).toBe(201);
    expect((await assign(course.body.id, LINE, 'primary-contact', frederikssund)).status).toBe(201);
    // A social worker without the provider role, and no buddy: what Frederikssund's settings allow.
    expect((await move(course.body.id, 'active', {}, frederikssund)).status).toBe(201);
  });

  describe('one course through the model', () => {
    let course: string;
    const content = (actions: object[]) => ({
      citizenWords: { worries: 'Gæld og søvn', whatWorks: 'Gåture med hunden', dreamsAndWishes: 'Et job i en have' },
      overallGoal: { text: 'Et job i en have', citizenAgreed: true, agreedOn: '2026-01-05' },
      goals: [{ id: 'g1', title: 'Praktik i en gartneri', status: 'in-progress', concerns: [] }],
      actions,
      agreements: [],
    });
    const action = (id: string, legalBasis: string) => ({
      id,
      goalId: 'g1',
      title: `Indsats ${id}`,
      legalBasis,
      responsible: { kind: 'staff', id: MAJA },
      startDate: '2026-02-01',
      deadline: '2026-04-30',
      status: 'planned',
    });
    const v1 = [action('a1', 'LAB-57'), action('a2', 'SEL-85')];
    const publish = (by: string, actions: object[], base: number) =>
      t.http().post(`/api/v1/courses/${course}/plan/versions`).set('Authorization', as[by]).set('If-Match', `"${base}"`).send({ content: content(actions), changeSummary: 'Plan' });

    it('is referred by a caseworker, who joins its team', async () => {
      course = await refer(as[KIRA]);
      expect((await get(`/courses/${course}/team`)).body.items).toEqual([expect.objectContaining({ staffMemberId: KIRA, role: 'caseworker' })]);
      expect((await move(course, 'assessed', {}, as[KIRA])).status).toBe(201);
    });

    it('is not activated without its consultant and a buddy', async () => {
      const res = await move(course, 'active', {}, as[KIRA]);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('plugin.team-rule');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'plugin.team-rule' }), expect.objectContaining({ field: 'to', code: 'plugin.team-rule' })]);
      expect(res.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['consultant-required', 'buddy-required']);
      expect(res.body.rules.every((r: { plugin: string }) => r.plugin === 'citizen-consultant')).toBe(true);
    });

    it('is not activated with a buddy of the same background as the consultant', async () => {
      expect((await assign(course, MAJA, 'primary-contact', as[KIRA])).status).toBe(201);
      expect((await assign(course, JENS, 'buddy', as[KIRA])).status).toBe(201);
      const res = await move(course, 'active', {}, as[KIRA]);
      expect(res.status).toBe(422);
      expect(res.body.rules).toEqual([expect.objectContaining({ rule: 'buddy-background', code: 'plugin.team-rule' })]);
      expect((await get(`/courses/${course}`)).body.status).toBe('assessed');
    });

    it('is activated once the buddy comes from another kind of unit (the referring caseworker may stay)', async () => {
      expect((await post(`/courses/${course}/team/${await assignmentOf(course, JENS, 'buddy')}/end`, { endsOn: '2026-01-05' }, as[KIRA])).status).toBe(201);
      expect((await assign(course, BENT, 'buddy', as[KIRA])).status).toBe(201);
      const res = await move(course, 'active', {}, as[MAJA]);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('active');
    });

    it("puts the model's cadence on the consultant's work list: a plan meeting every 60 days, a mini kick-off every 91", async () => {
      type Item = { courseId: string; meetingType?: string; dueOn: string; scheduledMeetingId?: string | null };
      // Activated on 2026-01-05.
      const due = async () => ((await get('/work-list?horizonDays=120', as[MAJA])).body.items as Item[]).filter((i) => i.courseId === course && i.meetingType);
      expect(await due()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ meetingType: 'plan', dueOn: '2026-03-06' }),
          expect.objectContaining({ meetingType: 'mini-kick', dueOn: '2026-04-06', scheduledMeetingId: null }),
        ]),
      );
      const meeting = await post(`/courses/${course}/meetings`, { type: 'mini-kick', startsAt: '2026-04-01T08:00:00Z', endsAt: '2026-04-01T09:30:00Z', placeKind: 'citizen-home' }, as[MAJA]);
      expect(meeting.status).toBe(201);
      // Booked in time: nothing left to do for the mini kick-off; the plan meeting is still due.
      expect((await due()).map((i) => i.meetingType)).toEqual(expect.arrayContaining(['plan']));
      expect((await due()).map((i) => i.meetingType)).not.toContain('mini-kick');
    });

    it('refuses team changes that break the model: losing the buddy, handing over to someone who is not a consultant', async () => {
      const end = await post(`/courses/${course}/team/${await assignmentOf(course, BENT, 'buddy')}/end`, { endsOn: '2026-01-05' }, as[MAJA]);
      expect(end.status).toBe(422);
      expect(end.body).toMatchObject({ code: 'plugin.team-rule', errors: [{ field: 'assignmentId' }], rules: [{ rule: 'buddy-required' }] });
      const res = await handover(course, KIRA, as[MAJA]);
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'staffMemberId', code: 'plugin.team-rule' });
      expect(res.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['consultant-function', 'consultant-provider-role', 'consultant-authority']);
      expect((await get(`/courses/${course}`)).body.primaryContact).toMatchObject({ staffMemberId: MAJA });
    });

    it('publishes the consultant’s plan with actions in both of her legal areas', async () => {
      const res = await publish(MAJA, v1, 0);
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(1);
    });

    it('refuses the consultant an action in a legal area she holds no authority in, naming the area and the action field', async () => {
      const res = await publish(MAJA, [...v1, action('a3', 'SUL-141')], 1);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plugin.decision-authority', errors: [{ field: 'content.actions[2].legalBasis', code: 'plugin.decision-authority' }] });
      expect(res.body.detail).toContain('health');
    });

    it('refuses decisions by a team member who is neither the consultant nor a covering buddy', async () => {
      // Kira holds employment authority, but in this model the consultant decides.
      const res = await publish(KIRA, [...v1, action('a3', 'LAB-66')], 1);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'citizen-consultant.not-the-decider', errors: [{ field: 'content.actions[2].legalBasis', code: 'citizen-consultant.not-the-decider' }] });
      const buddy = await publish(BENT, [...v1, action('a3', 'SEL-99')], 1);
      expect(buddy.status).toBe(422);
      expect(buddy.body.code).toBe('citizen-consultant.not-the-decider');
    });

    it('lets the buddy cover, but only a current buddy, for a period that has not passed', async () => {
      const notBuddy = await post(`/plugins/citizen-consultant/courses/${course}/covers`, { buddyStaffMemberId: KIRA, startsOn: '2026-01-05', endsOn: '2026-01-16' }, as[MAJA]);
      expect(notBuddy.status).toBe(422);
      expect(notBuddy.body).toMatchObject({ code: 'citizen-consultant.not-the-buddy', errors: [{ field: 'buddyStaffMemberId' }] });
      const past = await post(`/plugins/citizen-consultant/courses/${course}/covers`, { buddyStaffMemberId: BENT, startsOn: '2025-12-01', endsOn: '2025-12-12' }, as[MAJA]);
      expect(past.status).toBe(422);
      expect(past.body.code).toBe('citizen-consultant.cover-in-the-past');
      const res = await post(`/plugins/citizen-consultant/courses/${course}/covers`, { buddyStaffMemberId: BENT, startsOn: '2026-01-05', endsOn: '2026-01-16' }, as[MAJA]);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ courseId: course, buddyStaffMemberId: BENT, startsOn: '2026-01-05', endsOn: '2026-01-16', current: true, createdBy: MAJA });
      expect((await get(`/plugins/citizen-consultant/courses/${course}/covers`, as[BENT])).body).toEqual({ items: [res.body], total: 1, limit: 25, offset: 0 });
    });

    it('refuses the covering buddy an action in an area the consultant lacks, naming the area and the action field', async () => {
      // Bent holds health authority himself; Maja, whose course it stays, does not.
      const res = await publish(BENT, [...v1, action('a3', 'SUL-141')], 1);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'citizen-consultant.area-not-covered', errors: [{ field: 'content.actions[2].legalBasis', code: 'citizen-consultant.area-not-covered' }] });
      expect(res.body.detail).toContain('health');
      expect((await get(`/courses/${course}/plan`, as[MAJA])).body.version).toBe(1);
    });

    it('lets the covering buddy decide in an area both hold, and not once the cover is over', async () => {
      expect((await publish(BENT, [...v1, action('a3', 'SEL-99')], 1)).status).toBe(201);
      t.clock.set('2026-01-19T09:00:00Z');
      const res = await publish(BENT, [...v1, action('a3', 'SEL-99'), action('a4', 'SEL-85')], 2);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('citizen-consultant.not-the-decider');
      expect((await get(`/plugins/citizen-consultant/courses/${course}/covers`, as[MAJA])).body.items[0].current).toBe(false);
      // Anyone on the team may publish a version that decides nothing (no action new or changed).
      expect((await publish(BENT, [...v1, action('a3', 'SEL-99')], 2)).status).toBe(201);
    });

    it("counts toward the consultant's load, and stops counting when it closes", async () => {
      expect((await load(MAJA, as[KIRA])).body).toEqual({ staffMemberId: MAJA, fte: 0.2, capPerFte: 15, cap: 3, activeCourses: 1, remaining: 2, atCap: false, buddyCourses: 0 });
      expect((await load(BENT)).body).toMatchObject({ cap: 15, activeCourses: 0, buddyCourses: 1 });
      const closed = await move(course, 'closed', { outcomeCode: 'ordinary-job', endDate: '2026-01-19' }, as[MAJA]);
      expect(closed.status).toBe(201);
      expect((await load(MAJA)).body).toMatchObject({ activeCourses: 0, remaining: 3 });
    });
  });

  describe('caseload cap: 15 per full-time consultant', () => {
    it("refuses an assignment beyond a consultant's cap for her FTE, and an activation too", async () => {
      for (let i = 0; i < 3; i++) await activeCourse(MAJA);
      expect((await load(MAJA)).body).toMatchObject({ cap: 3, activeCourses: 3, remaining: 0, atCap: true });
      // A fourth course, active with Jens; handing it over to Maja would take her past 0.2 × 15.
      const fourth = await activeCourse(JENS);
      const res = await handover(fourth, MAJA);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'plugin.caseload-cap', capacity: 3, activeCourses: 3, errors: [{ field: 'staffMemberId', code: 'plugin.caseload-cap' }] });
      expect((await get(`/courses/${fourth}`)).body.primaryContact).toMatchObject({ staffMemberId: JENS });
      const fifth = await refer();
      await move(fifth, 'assessed');
      await assign(fifth, MAJA, 'primary-contact');
      await assign(fifth, BENT, 'buddy');
      const activation = await move(fifth, 'active');
      expect(activation.status).toBe(422);
      expect(activation.body).toMatchObject({ code: 'plugin.caseload-cap', errors: [{ field: 'to' }] });
      // Being a buddy does not count toward the cap (Bent's course: Maja brings another background than his).
      const bents = await activeCourse(BENT, JENS);
      expect((await assign(bents, MAJA, 'buddy')).status).toBe(201);
      expect((await load(MAJA)).body).toMatchObject({ activeCourses: 3, buddyCourses: 1 });
    });
  });

  describe('the load endpoint', () => {
    it('is 404 for an unknown staff member and for a municipality without the plugin', async () => {
      const unknown = await load('00000000-0000-4000-8000-00000000dead');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('citizen-consultant.staff-not-found');
      const other = await load(MAJA, `Bearer ${await t.token({ userId: OTHER, municipality: '101', roles: ['integrator'] })}`);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('plugin.not-enabled');
    });

    it('is not for external partners', async () => {
      const res = await load(MAJA, `Bearer ${await t.token({ userId: OTHER, municipality: '260', roles: ['external'] })}`);
      expect(res.status).toBe(403);
    });

    it('is documented in OpenAPI under /api/v1/plugins/citizen-consultant/', async () => {
      const doc = (await t.http().get('/api/openapi.json')).body;
      expect(doc.paths['/api/v1/plugins/citizen-consultant/consultants/{staffId}/load'].get.summary).toBeTruthy();
      expect(doc.paths['/api/v1/plugins/citizen-consultant/courses/{courseId}/covers'].post.summary).toBeTruthy();
    });
  });

  it("creates the plugin's table by its migration, matching its entity", async () => {
    const ds = t.app.get(DataSource);
    expect(await ranMigrations(ds, 'CitizenConsultant')).toEqual(['CitizenConsultantInit1795600000000']);
    expect(await pendingSchemaChanges(ds)).toEqual([]);
  });
});

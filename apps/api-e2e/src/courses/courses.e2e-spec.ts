import { apiClient, startTestApp, type TestApp } from '@enplan/core/testing';
import { standInModelPlugin } from '../plugins/fixtures/stand-in-model.plugin.js';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

const CASEWORKER = '00000000-0000-4000-8000-000000000001';
const YEAR = 365 * 86_400;

/** Courses over HTTP: referral, the status machine, capacity caps, the team and its handovers, caseloads. */
describe('courses API', () => {
  let t: TestApp;
  let auth: string;
  let other: string;
  beforeAll(async () => {
    t = await startTestApp({
      // The real plan-coordinator plugin has rules of its own; a stand-in keeps these tests about the core.
      plugins: [standInModelPlugin('plan-coordinator')],
      deployment: {
        municipalities: [
          { code: '999', name: 'Demo Kommune', plugins: [{ id: 'plan-coordinator', settings: { maxActiveCourses: 2, caseloadTarget: 30 } }] },
          // A `generic` entry carries settings for the core model: here a cap of one active course.
          { code: '101', name: 'Anden Kommune', plugins: [{ id: 'generic', settings: { maxActiveCourses: 1 } }] },
        ],
      },
    });
    // The tests move the clock forward by days; the tokens must outlive that.
    auth = `Bearer ${await t.token({ roles: INTEGRATION, ttlSeconds: YEAR })}`;
    other = `Bearer ${await t.token({ roles: INTEGRATION, municipality: '101', ttlSeconds: YEAR })}`;
  });
  afterAll(() => t?.close());

  const { post, get } = apiClient(() => t, () => auth);

  let serial = 1000;
  /** A fresh citizen (each citizen has at most one open course). */
  async function citizen(as = auth): Promise<string> {
    const res = await post('/citizens', { cpr: `010180${serial++}`, name: `Citizen ${serial}` }, as);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const referral = (citizenId: string, extra: object = {}) => ({
    citizenId,
    targetGroup: 'adults',
    modelId: 'generic',
    referredBy: 'Jobcenter Nord, team 3',
    referredOn: '2026-01-02',
    referralReasonCode: 'multiple-complex-problems',
    referralReason: 'Cash benefit for 9 years; addiction and debt; three departments involved',
    ...extra,
  });

  async function refer(extra: object = {}, as = auth): Promise<string> {
    const res = await post('/courses', referral(await citizen(as), extra), as);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const move = (id: string, to: string, extra: object = {}, as = auth) => post(`/courses/${id}/transitions`, { to, reason: `to ${to}`, ...extra }, as);

  async function moveTo(id: string, ...steps: string[]): Promise<void> {
    for (const to of steps) {
      const extra = to === 'closed' ? { outcomeCode: 'education', endDate: '2026-01-05' } : {};
      const res = await move(id, to, extra);
      expect(res.status).toBe(201);
    }
  }

  function expectFieldProblem(res: { status: number; body: { code: string; errors?: { field: string; code: string }[] } }, status: number, code: string, field: string) {
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
  }

  let unit: string;
  let mette: string;
  let ali: string;
  let bo: string;
  beforeAll(async () => {
    unit = (await post('/org-units', { kind: 'job-centre', name: 'Jobcenter Nord' })).body.id;
    const staff = async (name: string, fn: string) => (await post('/staff', { name, unitId: unit, function: fn })).body.id as string;
    mette = await staff('Mette Holm', 'caseworker');
    ali = await staff('Ali Mentor', 'mentor');
    bo = await staff('Bo Social', 'social-worker');
  });

  describe('referral', () => {
    it('creates the course as referred and records the referral as its first transition', async () => {
      const citizenId = await citizen();
      const res = await post('/courses', referral(citizenId, { referringUnitId: unit }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        citizen: { id: citizenId, cprMasked: expect.stringMatching(/^010180-\*{4}$/) },
        household: null,
        targetGroup: 'adults',
        modelId: 'generic',
        status: 'referred',
        referredOn: '2026-01-02',
        referringUnitId: unit,
        activatedOn: null,
        endDate: null,
        outcomeCode: null,
        primaryContact: null,
        team: [],
        allowedTransitions: ['assessed', 'declined'],
      });
      expect(res.body.transitions).toEqual([
        { id: expect.any(String), from: null, to: 'referred', actorId: CASEWORKER, at: '2026-01-05T09:00:00.000Z', reason: referral(citizenId).referralReason, concerns: [] },
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/010180\d{4}/);
      expect((await get(`/courses/${res.body.id}`)).body).toEqual(res.body);
    });

    it('accepts a model plugin enabled for the municipality and refuses any other, naming modelId', async () => {
      expect((await post('/courses', referral(await citizen(), { modelId: 'plan-coordinator' }))).status).toBe(201);
      expectFieldProblem(await post('/courses', referral(await citizen(), { modelId: 'step-up' })), 422, 'course.model-unknown', 'modelId');
      // Enabled in 999, not in 101.
      expectFieldProblem(await post('/courses', referral(await citizen(other), { modelId: 'plan-coordinator' }), other), 422, 'course.model-unknown', 'modelId');
    });

    it('refuses a referral without a subject, for an unknown citizen or unit, or dated in the future', async () => {
      const { citizenId: _, ...noSubject } = referral('x');
      expectFieldProblem(await post('/courses', noSubject), 422, 'course.subject-required', 'citizenId');
      expectFieldProblem(await post('/courses', referral(await citizen(other))), 422, 'course.citizen-unknown', 'citizenId');
      expectFieldProblem(await post('/courses', referral(await citizen(), { referringUnitId: '3f6c1d2e-8a1b-4c55-9f0e-2b7d9a4c1e01' })), 422, 'course.referring-unit-unknown', 'referringUnitId');
      expectFieldProblem(await post('/courses', referral(await citizen(), { referredOn: '2026-01-06' })), 422, 'course.date-in-future', 'referredOn');
    });

    it('refers a household, whose named citizen must be a member', async () => {
      const [parent, child, stranger] = [await citizen(), await citizen(), await citizen()];
      const household = (await post('/households', { label: 'Family', members: [{ citizenId: parent, relation: 'parent' }, { citizenId: child, relation: 'child' }] })).body.id;
      const res = await post('/courses', referral(parent, { householdId: household, targetGroup: 'families', referralReasonCode: 'family-at-risk' }));
      expect(res.status).toBe(201);
      expect(res.body.household).toEqual({ id: household, label: 'Family' });
      expectFieldProblem(await post('/courses', referral(stranger, { householdId: household })), 422, 'course.citizen-not-in-household', 'citizenId');
      expect((await post('/courses', { ...referral(child, { householdId: household }) })).status).toBe(409);
    });

    it('keeps one open course per citizen', async () => {
      const citizenId = await citizen();
      const first = await post('/courses', referral(citizenId));
      const second = await post('/courses', referral(citizenId, { modelId: 'plan-coordinator' }));
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'course.already-open', courseId: first.body.id });
      await moveTo(first.body.id, 'declined');
      expect((await post('/courses', referral(citizenId))).status).toBe(201);
    });

    it('rejects unknown fields and invalid values, naming each', async () => {
      const res = await post('/courses', { ...referral(await citizen()), status: 'active', referredOn: '2026-02-30', targetGroup: 'pets' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation.failed');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'status', code: 'unknown-field', message: 'status is not a known field' },
          expect.objectContaining({ field: 'referredOn' }),
          expect.objectContaining({ field: 'targetGroup', code: 'isIn' }),
        ]),
      );
    });
  });

  describe('status machine', () => {
    it('walks referred -> assessed -> active -> paused -> active -> closed, recording who, when and why', async () => {
      const id = await refer();
      expectFieldProblem(await move(id, 'active'), 422, 'course.transition-not-allowed', 'to');

      t.clock.advanceDays(1);
      const assessed = await move(id, 'assessed', {}, `Bearer ${await t.token({ roles: INTEGRATION, userId: mette, ttlSeconds: YEAR })}`);
      expect(assessed.status).toBe(201);
      expect(assessed.body).toMatchObject({ status: 'assessed', allowedTransitions: ['active', 'declined'] });

      t.clock.advanceDays(1);
      const active = await move(id, 'active');
      expect(active.body).toMatchObject({ status: 'active', activatedOn: '2026-01-07', allowedTransitions: ['paused', 'closed'] });

      expectFieldProblem(await move(id, 'paused', { outcomeCode: 'education' }), 422, 'course.outcome-not-allowed', 'outcomeCode');
      expectFieldProblem(await move(id, 'paused', { endDate: '2026-01-07' }), 422, 'course.end-date-not-allowed', 'endDate');
      t.clock.advanceDays(1);
      expect((await move(id, 'paused')).body.status).toBe('paused');
      t.clock.advanceDays(1);
      // A resumed course keeps the date it first became active.
      expect((await move(id, 'active')).body).toMatchObject({ status: 'active', activatedOn: '2026-01-07' });

      expectFieldProblem(await move(id, 'closed', { endDate: '2026-01-09' }), 422, 'course.outcome-required', 'outcomeCode');
      expectFieldProblem(await move(id, 'closed', { outcomeCode: 'other', endDate: '2026-01-09' }), 422, 'course.outcome-text-required', 'outcomeText');
      expectFieldProblem(await move(id, 'closed', { outcomeCode: 'flex-job' }), 422, 'course.end-date-required', 'endDate');
      expectFieldProblem(await move(id, 'closed', { outcomeCode: 'flex-job', endDate: '2026-01-01' }), 422, 'course.end-date-before-referral', 'endDate');
      expectFieldProblem(await move(id, 'closed', { outcomeCode: 'flex-job', endDate: '2026-02-01' }), 422, 'course.date-in-future', 'endDate');
      expect((await get(`/courses/${id}`)).body.status).toBe('active');

      const closed = await move(id, 'closed', { outcomeCode: 'other', outcomeText: 'Moved in with family and started volunteering', endDate: '2026-01-09', reason: 'Goals reached' });
      expect(closed.status).toBe(201);
      expect(closed.body).toMatchObject({
        status: 'closed',
        outcomeCode: 'other',
        outcomeText: 'Moved in with family and started volunteering',
        endDate: '2026-01-09',
        allowedTransitions: [],
      });
      expectFieldProblem(await move(id, 'active'), 422, 'course.transition-not-allowed', 'to');

      const history = (await get(`/courses/${id}`)).body.transitions;
      expect(history.map((h: { from: string | null; to: string }) => `${h.from}->${h.to}`)).toEqual([
        'null->referred',
        'referred->assessed',
        'assessed->active',
        'active->paused',
        'paused->active',
        'active->closed',
      ]);
      expect(history.map((h: { at: string }) => h.at.slice(0, 10))).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-09']);
      expect(history[1].actorId).toBe(mette);
      expect(history[2].actorId).toBe(CASEWORKER);
      expect(history[5].reason).toBe('Goals reached');
    });

    it('declines a referral, dated today unless told otherwise', async () => {
      const id = await refer();
      const res = await move(id, 'declined', { reason: 'Citizen did not want to take part', outcomeCode: 'citizen-withdrew' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'declined', endDate: '2026-01-09', outcomeCode: 'citizen-withdrew', allowedTransitions: [] });
    });

    it('refuses a transition without a reason or to an unknown status', async () => {
      const id = await refer();
      const res = await post(`/courses/${id}/transitions`, { to: 'finished' });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['reason', 'to']);
    });
  });

  describe('capacity', () => {
    let planCourses: string[];

    it('refuses activation beyond the model cap set in the deployment', async () => {
      planCourses = [];
      for (let i = 0; i < 3; i++) {
        const id = await refer({ modelId: 'plan-coordinator' });
        await moveTo(id, 'assessed');
        planCourses.push(id);
      }
      await moveTo(planCourses[0], 'active');
      await moveTo(planCourses[1], 'active');
      const refused = await move(planCourses[2], 'active');
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'course.capacity-reached', maxActiveCourses: 2, activeCourses: 2 });
      expect(refused.body.detail).toContain('up to 2 active courses');
      expect((await get(`/courses/${planCourses[2]}`)).body).toMatchObject({ status: 'assessed', activatedOn: null });
      // Generic courses in the same municipality have no cap.
      for (let i = 0; i < 3; i++) await moveTo(await refer(), 'assessed', 'active');
    });

    it('frees a place when an active course pauses, and counts a resumption as an activation', async () => {
      await moveTo(planCourses[0], 'paused');
      await moveTo(planCourses[2], 'active');
      const resume = await move(planCourses[0], 'active');
      expect(resume.status).toBe(422);
      expect(resume.body.code).toBe('course.capacity-reached');
      await moveTo(planCourses[1], 'closed');
      await moveTo(planCourses[0], 'active');
    });

    it("caps the generic model when the municipality's deployment gives it a maxActiveCourses", async () => {
      const first = await refer({}, other);
      const second = await refer({}, other);
      for (const id of [first, second]) expect((await move(id, 'assessed', {}, other)).status).toBe(201);
      expect((await move(first, 'active', {}, other)).status).toBe(201);
      const refused = await move(second, 'active', {}, other);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('course.capacity-reached');
      expect(refused.body.detail).toContain('up to 1 active courses');
    });
  });

  describe('team', () => {
    let course: string;
    let metteAssignment: string;
    let boAssignment: string;

    beforeAll(async () => {
      course = await refer();
    });

    it('sets the first primary contact and other roles', async () => {
      const pc = await post(`/courses/${course}/team`, { staffMemberId: mette, role: 'primary-contact', startsOn: '2026-01-02' });
      expect(pc.status).toBe(201);
      expect(pc.body).toEqual({
        id: expect.any(String),
        staffMemberId: mette,
        staffName: 'Mette Holm',
        role: 'primary-contact',
        startsOn: '2026-01-02',
        endsOn: null,
        handoverNote: null,
        assignedBy: CASEWORKER,
      });
      metteAssignment = pc.body.id;
      const cw = await post(`/courses/${course}/team`, { staffMemberId: bo, role: 'caseworker', startsOn: '2026-01-05' });
      expect(cw.status).toBe(201);
      boAssignment = cw.body.id;
      const detail = (await get(`/courses/${course}`)).body;
      expect(detail.primaryContact).toMatchObject({ id: metteAssignment, staffName: 'Mette Holm' });
      expect(detail.team.map((a: { role: string }) => a.role)).toEqual(['primary-contact', 'caseworker']);
    });

    it('changes the primary contact only by handover', async () => {
      expectFieldProblem(await post(`/courses/${course}/team`, { staffMemberId: ali, role: 'primary-contact', startsOn: '2026-01-05' }), 422, 'team.primary-contact-exists', 'role');
      const end = await post(`/courses/${course}/team/${metteAssignment}/end`, { endsOn: '2026-01-05' });
      expect(end.status).toBe(422);
      expect(end.body.code).toBe('team.primary-contact-required');
      expect((await get(`/courses/${course}`)).body.primaryContact.staffMemberId).toBe(mette);
    });

    it('refuses the same role twice, staff of another municipality, inactive staff and dates before the referral', async () => {
      expectFieldProblem(await post(`/courses/${course}/team`, { staffMemberId: bo, role: 'caseworker', startsOn: '2026-01-06' }), 409, 'team.already-assigned', 'staffMemberId');
      const foreignUnit = (await post('/org-units', { kind: 'job-centre', name: 'Anden' }, other)).body.id;
      const foreign = (await post('/staff', { name: 'Fremmed', unitId: foreignUnit, function: 'caseworker' }, other)).body.id;
      expectFieldProblem(await post(`/courses/${course}/team`, { staffMemberId: foreign, role: 'buddy', startsOn: '2026-01-05' }), 422, 'team.staff-unknown', 'staffMemberId');
      const gone = (await post('/staff', { name: 'Gone', unitId: unit, function: 'caseworker' })).body.id;
      await t.http().patch(`/api/v1/staff/${gone}`).set('Authorization', auth).send({ active: false });
      expectFieldProblem(await post(`/courses/${course}/team`, { staffMemberId: gone, role: 'buddy', startsOn: '2026-01-05' }), 422, 'team.staff-inactive', 'staffMemberId');
      expectFieldProblem(await post(`/courses/${course}/team`, { staffMemberId: ali, role: 'provider', startsOn: '2025-12-31' }), 422, 'team.starts-before-referral', 'startsOn');
      const bad = await post(`/courses/${course}/team`, { staffMemberId: ali, role: 'wizard', startsOn: '2026-01-05', note: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'note', code: 'unknown-field' }), expect.objectContaining({ field: 'role' })]));
    });

    it('hands over in one step, keeping the previous assignment and the note', async () => {
      const note = 'Prefers morning calls. Debt counselling starts 12 March; mentor is Ali.';
      const res = await post(`/courses/${course}/primary-contact`, { staffMemberId: ali, handoverNote: note, on: '2026-01-08' });
      expect(res.status).toBe(201);
      expect(res.body.previous).toMatchObject({ id: metteAssignment, staffMemberId: mette, role: 'primary-contact', endsOn: '2026-01-08' });
      expect(res.body.current).toMatchObject({ staffMemberId: ali, role: 'primary-contact', startsOn: '2026-01-08', endsOn: null, handoverNote: note });

      const detail = (await get(`/courses/${course}`)).body;
      expect(detail.primaryContact).toMatchObject({ staffMemberId: ali, handoverNote: note });
      expect(detail.team.filter((a: { role: string }) => a.role === 'primary-contact')).toHaveLength(1);

      const history = (await get(`/courses/${course}/team`)).body.items;
      expect(history.map((a: { staffName: string; role: string; startsOn: string; endsOn: string | null }) => [a.staffName, a.role, a.startsOn, a.endsOn])).toEqual([
        ['Mette Holm', 'primary-contact', '2026-01-02', '2026-01-08'],
        ['Bo Social', 'caseworker', '2026-01-05', null],
        ['Ali Mentor', 'primary-contact', '2026-01-08', null],
      ]);

      expectFieldProblem(await post(`/courses/${course}/primary-contact`, { staffMemberId: ali, handoverNote: 'again', on: '2026-01-09' }), 422, 'team.already-primary-contact', 'staffMemberId');
      expectFieldProblem(await post(`/courses/${course}/primary-contact`, { staffMemberId: mette, handoverNote: 'back', on: '2026-01-07' }), 422, 'team.ends-before-start', 'on');
      expectFieldProblem(await post(`/courses/${course}/primary-contact`, { staffMemberId: mette, handoverNote: 'later', on: '2026-03-01' }), 422, 'team.date-in-future', 'on');
      const noNote = await post(`/courses/${course}/primary-contact`, { staffMemberId: mette, on: '2026-01-09' });
      expect(noNote.status).toBe(400);
      expect(noNote.body.errors[0].field).toBe('handoverNote');
    });

    it('ends other assignments once, not before they started', async () => {
      expectFieldProblem(await post(`/courses/${course}/team/${boAssignment}/end`, { endsOn: '2026-01-04' }), 422, 'team.ends-before-start', 'endsOn');
      const res = await post(`/courses/${course}/team/${boAssignment}/end`, { endsOn: '2026-01-09' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: boAssignment, endsOn: '2026-01-09' });
      const again = await post(`/courses/${course}/team/${boAssignment}/end`, { endsOn: '2026-01-09' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('team.assignment-ended');
      expect((await post(`/courses/${course}/team/9b2f8a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b/end`, { endsOn: '2026-01-09' })).body.code).toBe('team.assignment-not-found');
      expect((await get(`/courses/${course}`)).body.team.map((a: { staffName: string }) => a.staffName)).toEqual(['Ali Mentor']);
    });

    it('lets a first primary contact be set by handover too', async () => {
      const fresh = await refer();
      const res = await post(`/courses/${fresh}/primary-contact`, { staffMemberId: bo, handoverNote: 'Taking over from the referring team', on: '2026-01-05' });
      expect(res.status).toBe(201);
      expect(res.body.previous).toBeNull();
    });

    it('ends the whole team when the course ends, and then refuses changes', async () => {
      await moveTo(course, 'declined');
      const history = (await get(`/courses/${course}/team`)).body.items;
      expect(history.every((a: { endsOn: string | null }) => a.endsOn !== null)).toBe(true);
      expect((await get(`/courses/${course}`)).body).toMatchObject({ team: [], primaryContact: null });
      const res = await post(`/courses/${course}/team`, { staffMemberId: mette, role: 'buddy', startsOn: '2026-01-09' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('team.course-ended');
    });
  });

  describe('tenancy', () => {
    it("answers 404 for another municipality's course on every route", async () => {
      const id = await refer();
      const staffId = mette;
      const routes = [
        () => get(`/courses/${id}`, other),
        () => get(`/courses/${id}/team`, other),
        () => move(id, 'assessed', {}, other),
        () => post(`/courses/${id}/team`, { staffMemberId: staffId, role: 'buddy', startsOn: '2026-01-05' }, other),
        () => post(`/courses/${id}/primary-contact`, { staffMemberId: staffId, handoverNote: 'x', on: '2026-01-05' }, other),
        () => get('/courses/not-a-uuid'),
      ];
      for (const route of routes) {
        const res = await route();
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('course.not-found');
      }
      expect((await get(`/courses?citizenId=${(await get(`/courses/${id}`)).body.citizen.id}`, other)).body.total).toBe(0);
      expect((await get(`/courses/${id}`)).body.status).toBe('referred');
    });
  });

  describe('listing', () => {
    const youth: string[] = [];
    let lise: string;

    beforeAll(async () => {
      lise = (await post('/staff', { name: 'Lise Ung', unitId: unit, function: 'caseworker' })).body.id;
      for (let day = 1; day <= 5; day++) {
        const id = await refer({ targetGroup: 'youth', referredOn: `2025-12-0${day}`, referralReasonCode: 'transition-to-adulthood' });
        youth.push(id);
      }
      await moveTo(youth[1], 'assessed');
      await moveTo(youth[3], 'assessed', 'active');
      await post(`/courses/${youth[3]}/team`, { staffMemberId: lise, role: 'primary-contact', startsOn: '2025-12-04' });
      await post(`/courses/${youth[4]}/team`, { staffMemberId: lise, role: 'primary-contact', startsOn: '2025-12-05' });
    });

    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id);

    it('pages and sorts', async () => {
      const first = await get('/courses?targetGroup=youth&sort=referredOn&limit=2');
      expect(first.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
      expect(ids(first)).toEqual([youth[0], youth[1]]);
      expect(ids(await get('/courses?targetGroup=youth&sort=referredOn&limit=2&offset=2'))).toEqual([youth[2], youth[3]]);
      expect(ids(await get('/courses?targetGroup=youth&limit=2&offset=4'))).toEqual([youth[0]]);
      expect(ids(await get('/courses?targetGroup=youth'))).toEqual([...youth].reverse());
      // updatedAt follows the last change: the two courses moved last come last.
      expect(ids(await get('/courses?targetGroup=youth&sort=updatedAt')).slice(-2)).toEqual([youth[3], youth[4]]);
      expect(ids(await get('/courses?targetGroup=youth&sort=-updatedAt'))[0]).toBe(youth[4]);
    });

    it('filters by status, model, primary contact and citizen', async () => {
      expect(ids(await get('/courses?targetGroup=youth&status=assessed'))).toEqual([youth[1]]);
      expect(ids(await get('/courses?targetGroup=youth&status=assessed,active'))).toEqual([youth[3], youth[1]]);
      expect(ids(await get('/courses?targetGroup=youth&status=assessed&status=active'))).toEqual([youth[3], youth[1]]);
      const pc = await get(`/courses?primaryContactId=${lise}`);
      expect(ids(pc)).toEqual([youth[4], youth[3]]);
      expect(pc.body.items[0].primaryContact).toMatchObject({ staffMemberId: lise, staffName: 'Lise Ung' });
      const citizenId = (await get(`/courses/${youth[2]}`)).body.citizen.id;
      expect(ids(await get(`/courses?citizenId=${citizenId}`))).toEqual([youth[2]]);
      const plan = await get('/courses?modelId=plan-coordinator&limit=100');
      expect(plan.body.total).toBeGreaterThan(0);
      expect(plan.body.items.every((c: { modelId: string }) => c.modelId === 'plan-coordinator')).toBe(true);
    });

    it('rejects unknown filters and sorts', async () => {
      for (const q of ['sort=name', 'status=finished', 'cpr=0101801000', 'limit=0', 'primaryContactId=me']) {
        const res = await get(`/courses?${q}`);
        expect(res.status).toBe(400);
      }
      expect((await get('/courses?cpr=1')).body.errors).toEqual([expect.objectContaining({ field: 'cpr', code: 'unknown-field' })]);
    });
  });

  describe('caseload', () => {
    it('counts active courses per model and role, against each model target', async () => {
      const kim = (await post('/staff', { name: 'Kim Koordinator', unitId: unit, function: 'caseworker', fte: 0.5 })).body.id;
      const a = await refer();
      const b = await refer();
      const paused = await refer();
      const referredOnly = await refer();
      for (const id of [a, b, paused]) await moveTo(id, 'assessed', 'active');
      await moveTo(paused, 'paused');
      for (const id of [a, b, paused, referredOnly]) await post(`/courses/${id}/team`, { staffMemberId: kim, role: 'primary-contact', startsOn: '2026-01-05' });
      await post(`/courses/${a}/team`, { staffMemberId: kim, role: 'coordinator', startsOn: '2026-01-05' });
      // An active plan-coordinator course from the capacity tests.
      const plan = (await get('/courses?modelId=plan-coordinator&status=active')).body.items[0].id;
      await post(`/courses/${plan}/team`, { staffMemberId: kim, role: 'buddy', startsOn: '2026-01-05' });

      const res = await get(`/staff/${kim}/caseload`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        staffMemberId: kim,
        fte: 0.5,
        activeCourses: 3,
        models: [
          {
            modelId: 'generic',
            activeCourses: 2,
            target: 45,
            byRole: [
              { role: 'coordinator', activeCourses: 1 },
              { role: 'primary-contact', activeCourses: 2 },
            ],
          },
          { modelId: 'plan-coordinator', activeCourses: 1, target: 30, byRole: [{ role: 'buddy', activeCourses: 1 }] },
        ],
      });
    });

    it('shows an empty caseload with the targets, and 404 across municipalities', async () => {
      const res = await get(`/staff/${ali}/caseload`);
      expect(res.body.models).toEqual([
        { modelId: 'generic', activeCourses: 0, target: 45, byRole: [] },
        { modelId: 'plan-coordinator', activeCourses: 0, target: 30, byRole: [] },
      ]);
      const foreign = await get(`/staff/${ali}/caseload`, other);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('staff.not-found');
    });
  });
});

import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { Deployment } from '@enplan/core/config';
import { pendingSchemaChanges } from '@enplan/core/database';
import { apiClient, ranMigrations, startTestApp, tablesPrefixed, testEngine, type TestApp } from '@enplan/core/testing';
import { stepUpMeetingsPlugin } from '@enplan/plugin-step-up-meetings';

const YEAR = 365 * 86_400;
// Esbjerg (561) staff with fixed ids, so tokens can be minted for them before they exist.
const CASEWORKER = '00000000-0000-4000-8000-00000000e001'; // job centre: the citizen's caseworker, prepares the meeting
const CHAIR = '00000000-0000-4000-8000-00000000e002'; // job centre: chairs step-up meetings (mødeleder)
const JOB_CONSULTANT = '00000000-0000-4000-8000-00000000e003'; // job centre: job consultant
const COUNSELLOR = '00000000-0000-4000-8000-00000000e004'; // addiction centre
const SOCIAL = '00000000-0000-4000-8000-00000000e005'; // adult social services
const OUTSIDER = '00000000-0000-4000-8000-00000000e006'; // a caseworker not on the course's team
const INTEGRATION = '00000000-0000-4000-8000-00000000f561';
const DEMO_INTEGRATION = '00000000-0000-4000-8000-00000000f999';

const PLUGIN = '/plugins/step-up-meetings/courses';

/**
 * The Step-Up model (Esbjerg) through the real host, booted with the example deployment file
 * (deployments/step-up-meetings.json) plus a municipality that has not enabled the plugin. One course walks
 * the whole flow on the harness clock: referral by rule → flow started with the years on benefit →
 * activation → worksheet → signed consent → material a week before → the step-up meeting with a chair and a
 * job consultant → the signed agreement (and its Danish document) → the re-review six months later →
 * closing; with the refusals the model makes on the way. A second course closes without a re-review, for
 * a recorded reason.
 */
describe(`the step-up-meetings plugin (${testEngine()})`, () => {
  let t: TestApp;
  let esbjerg: string;
  let demo: string;
  const as: Record<string, string> = {};

  beforeAll(async () => {
    const example = JSON.parse(readFileSync(new URL('../../../deployments/step-up-meetings.json', import.meta.url), 'utf8')) as Deployment;
    t = await startTestApp({
      plugins: [stepUpMeetingsPlugin],
      deployment: { municipalities: [...example.municipalities, { code: '999', name: 'Demo Kommune', plugins: [] }] },
      now: '2026-01-05T09:00:00Z',
    });
    esbjerg = `Bearer ${await t.token({ userId: INTEGRATION, municipality: '561', roles: ['integrator'], ttlSeconds: YEAR })}`;
    demo = `Bearer ${await t.token({ userId: DEMO_INTEGRATION, municipality: '999', roles: ['integrator'], ttlSeconds: YEAR })}`;
    for (const id of [CASEWORKER, CHAIR, JOB_CONSULTANT, COUNSELLOR, SOCIAL, OUTSIDER]) as[id] = `Bearer ${await t.token({ userId: id, municipality: '561', ttlSeconds: YEAR })}`;
  });
  afterAll(() => t?.close());

  const { get, post, put } = apiClient(() => t, () => as[CASEWORKER]);
  const units: Record<string, string> = {};
  let serial = 4000;

  async function unit(kind: string, name: string): Promise<string> {
    const res = await post('/org-units', { kind, name }, esbjerg);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function staff(id: string, unitId: string, fn: string, authorityAreas: string[] = []): Promise<void> {
    const res = await post('/staff', { id, name: `Medarbejder ${id.slice(-3)}`, unitId, function: fn, authorityAreas }, esbjerg);
    expect(res.status).toBe(201);
  }

  async function citizen(name: string): Promise<string> {
    const res = await post('/citizens', { cpr: `010175${serial++}`, name }, esbjerg);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const referral = (citizenId: string, extra: object = {}) =>
    post('/courses', {
      citizenId,
      targetGroup: 'adults',
      modelId: 'step-up-meetings',
      referredBy: 'Jobcenter Esbjerg, kontanthjælp',
      referredOn: '2026-01-05',
      referralReasonCode: 'long-term-benefit',
      referralReason: 'Aktivitetsparat kontanthjælp i mere end 8 år',
      ...extra,
    });
  const move = (id: string, to: string, extra: object = {}) => post(`/courses/${id}/transitions`, { to, reason: `til ${to}`, ...extra });
  const flow = (id: string, who = as[CASEWORKER]) => get(`${PLUGIN}/${id}/flow`, who);
  const start = (id: string, body: object = { yearsOnBenefit: 9, benefitCategory: 'cash-benefit-activity-ready' }) => post(`${PLUGIN}/${id}/flow`, body);
  const worksheet = { situation: 'Jeg har været uden arbejde i mange år og sover dårligt.', wishes: 'Jeg vil gerne arbejde i et køkken.', obstacles: 'Min ryg, og at møde tidligt.' };
  const consent = (courseId: string, citizenId: string, partyUnitIds: string[], extra: object = {}) =>
    post(`/courses/${courseId}/consents`, {
      kind: 'information-sharing',
      citizenId,
      partyUnitIds,
      purpose: 'Forberede step-up-mødet og dele arbejdsskemaet med de deltagende afdelinger',
      categories: ['general', 'employment', 'social-adults'],
      validFrom: '2026-01-20',
      form: 'written',
      ...extra,
    });
  type WorkItem = { kind: string; state: string; courseId: string; dueOn: string; ref: string; plugin?: string; meetingType?: string };
  const workList = async (courseId: string, who = as[CASEWORKER]) =>
    ((await get('/work-list', who)).body.items as WorkItem[]).filter((i) => i.courseId === courseId && (i.kind === 'plugin-deadline' || i.kind === 'cadence-meeting'));
  const signatures = {
    citizenSignature: { signedOn: '2026-02-11' },
    chairSignature: { staffMemberId: CHAIR, signedOn: '2026-02-11' },
    jobConsultantSignature: { staffMemberId: JOB_CONSULTANT, signedOn: '2026-02-11' },
  };
  const agreement = {
    nextStep: 'Praktik i køkkenet på Plejecenter Storegade, 10 timer om ugen',
    responsible: 'Jobkonsulenten',
    nextStepDueOn: '2026-03-02',
    actions: [
      { text: 'Lægeerklæring om ryggen', responsible: 'Borgeren' },
      { text: 'Praktik i køkkenet', responsible: 'Jobkonsulenten' },
      { text: 'Samtaler på rusmiddelcentret fortsætter', responsible: 'Rusmiddelcentret' },
    ],
    direction: 'flex-job',
  };

  beforeAll(async () => {
    units.job = await unit('job-centre', 'Jobcenter Esbjerg');
    units.addiction = await unit('addiction-treatment', 'Rusmiddelcenter Esbjerg');
    units.social = await unit('adult-social', 'Socialområdet, voksne');
    units.psychiatry = await unit('psychiatry', 'Distriktspsykiatrien');
    await staff(CASEWORKER, units.job, 'caseworker', ['employment']);
    await staff(CHAIR, units.job, 'manager');
    await staff(JOB_CONSULTANT, units.job, 'job-consultant');
    await staff(COUNSELLOR, units.addiction, 'addiction-counsellor', ['social-adults']);
    await staff(SOCIAL, units.social, 'social-worker', ['social-adults']);
    await staff(OUTSIDER, units.job, 'caseworker', ['employment']);
  });

  describe('the deployment', () => {
    it('shows Esbjerg the model with its settings, the job-consultant role and the step-up cadence; the demo municipality none of it', async () => {
      const res = await get('/deployment', esbjerg);
      expect(res.status).toBe(200);
      expect(res.body.plugins).toEqual([
        {
          id: 'step-up-meetings',
          displayName: 'Step-up-møder (Esbjerg)',
          version: '0.1.0',
          model: true,
          settings: { minYearsOnBenefit: 8, targetGroups: ['adults'], benefitCategories: ['cash-benefit-activity-ready'], preparationDays: 30, materialDaysBefore: 7, reReviewAfterMonths: 6 },
        },
      ]);
      const model = res.body.models.find((m: { id: string }) => m.id === 'step-up-meetings');
      expect(model.cadence.rules).toContainEqual(expect.objectContaining({ id: 'step-up-meeting', meetingType: 'step-up', withinDays: 37, of: 'activation' }));
      expect(model.cadence.suppressions).toEqual([expect.objectContaining({ rule: 'start-up-within-14-days' })]);
      expect(res.body.roles).toContainEqual(expect.objectContaining({ id: 'job-consultant', kind: 'meeting', source: 'step-up-meetings' }));

      const other = await get('/deployment', demo);
      expect(other.body.plugins).toEqual([]);
      expect(other.body.roles.some((r: { id: string }) => r.id === 'job-consultant')).toBe(false);
    });

    it('created the plugin’s tables by its migration, matching its entities', async () => {
      const ds = t.app.get(DataSource);
      expect(await tablesPrefixed(ds, 'step_up_meetings_')).toEqual(['step_up_meetings_agreement', 'step_up_meetings_flow', 'step_up_meetings_transition', 'step_up_meetings_worksheet']);
      expect(await ranMigrations(ds, 'StepUpMeetings')).toEqual(['StepUpMeetingsInit1795450683750']);
      expect(await pendingSchemaChanges(ds)).toEqual([]);
    });

    it('documents the routes in OpenAPI', async () => {
      const doc = (await t.http().get('/api/openapi.json')).body;
      for (const path of ['flow', 'flow/worksheet', 'flow/material-sent', 'flow/meeting', 'flow/agreement', 'agreement.html', 'flow/re-review', 'flow/re-review-waiver']) {
        expect(doc.paths[`/api/v1/plugins/step-up-meetings/courses/{courseId}/${path}`]).toBeDefined();
      }
    });
  });

  describe('selection by rule', () => {
    it('refuses a referral outside the target group, with the plugin’s code and reasons, and writes nothing', async () => {
      const citizenId = await citizen('Ung Borger');
      const youth = await referral(citizenId, { targetGroup: 'youth' });
      expect(youth.status).toBe(422);
      expect(youth.body).toMatchObject({ code: 'step-up-meetings.not-eligible', plugin: 'step-up-meetings', errors: [{ field: 'modelId', code: 'step-up-meetings.not-eligible' }] });
      expect(youth.body.reasons).toEqual([expect.stringContaining('youth')]);
      // The caseworker does not choose: the referral states the model's criterion, time on benefit.
      const chosen = await referral(citizenId, { referralReasonCode: 'multiple-complex-problems' });
      expect(chosen.status).toBe(422);
      expect(chosen.body.reasons).toEqual([expect.stringContaining('long-term-benefit')]);
      expect((await get(`/courses?citizenId=${citizenId}`, esbjerg)).body.total).toBe(0);
    });

    it('refuses to start the flow for a citizen with too few years on benefit; such a course cannot be activated, only declined', async () => {
      const res = await referral(await citizen('Kort Tid'));
      expect(res.status).toBe(201);
      const id = res.body.id;
      const short = await start(id, { yearsOnBenefit: 5, benefitCategory: 'cash-benefit-activity-ready' });
      expect(short.status).toBe(422);
      expect(short.body).toMatchObject({
        code: 'step-up-meetings.not-eligible',
        reasons: ['Step-Up courses are for citizens with at least 8 years on benefit (stated: 5)'],
        errors: [{ field: 'yearsOnBenefit', code: 'step-up-meetings.not-eligible' }],
      });
      const wrongBenefit = await start(id, { yearsOnBenefit: 10, benefitCategory: 'sickness-benefit' });
      expect(wrongBenefit.body).toMatchObject({ code: 'step-up-meetings.not-eligible', errors: [{ field: 'benefitCategory' }] });
      expect((await flow(id)).body.code).toBe('step-up-meetings.flow-not-found');
      expect((await move(id, 'assessed')).status).toBe(201);
      const activate = await move(id, 'active');
      expect(activate.status).toBe(422);
      expect(activate.body).toMatchObject({ code: 'step-up-meetings.flow-missing', errors: [{ field: 'to', code: 'step-up-meetings.flow-missing' }] });
      const declined = await move(id, 'declined', { outcomeCode: 'other', outcomeText: 'Ikke i målgruppen: under 8 år på kontanthjælp' });
      expect(declined.status).toBe(201);
    });
  });

  describe('one course through the model', () => {
    let course: string;
    let citizenId: string;
    let stepUpMeeting: string;

    it('is referred, and cannot be activated before its flow starts', async () => {
      citizenId = await citizen('Lene Sørensen');
      const res = await referral(citizenId);
      expect(res.status).toBe(201);
      course = res.body.id;
      expect((await move(course, 'assessed')).status).toBe(201);
      const activate = await move(course, 'active');
      expect(activate.status).toBe(422);
      expect(activate.body.code).toBe('step-up-meetings.flow-missing');
      expect((await get(`/courses/${course}`)).body.status).toBe('assessed');
    });

    it('starts the flow: preparing, with the month of preparation and the meeting a week after it', async () => {
      const res = await start(course);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        courseId: course,
        state: 'preparing',
        expectedNext: 'save-worksheet',
        startedOn: '2026-01-05',
        eligibility: { yearsOnBenefit: 9, benefitCategory: 'cash-benefit-activity-ready' },
        stepUpMeetingId: null,
        signedConsentInForce: false,
        worksheet: null,
        agreement: null,
        deadlines: {
          preparation: { dueOn: '2026-02-04', doneOn: null, overdue: false, daysLeft: 30 },
          material: { dueOn: '2026-02-04', basis: 'preparation-period', overdue: false },
          stepUpMeeting: { dueOn: '2026-02-11', basis: 'preparation-period', overdue: false },
          reReview: { dueOn: null, opensOn: null, overdue: false },
        },
        history: [{ from: null, to: 'preparing', actorId: CASEWORKER }],
      });
      expect((await start(course)).body.code).toBe('step-up-meetings.flow-exists');
      expect((await move(course, 'active')).status).toBe(201);
    });

    it('answers only the course’s team and its own municipality', async () => {
      const outsider = await flow(course, as[OUTSIDER]);
      expect(outsider.status).toBe(403);
      expect(outsider.body.code).toBe('access.denied');
      expect((await put(`${PLUGIN}/${course}/flow/worksheet`, worksheet, as[OUTSIDER])).status).toBe(403);
      const elsewhere = await flow(course, demo);
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.body.code).toBe('plugin.not-enabled');
    });

    it('refuses steps out of order, naming the state they need', async () => {
      const material = await post(`${PLUGIN}/${course}/flow/material-sent`, { recipientUnitIds: [units.job] });
      expect(material.status).toBe(422);
      expect(material.body).toMatchObject({ code: 'step-up-meetings.worksheet-missing', errors: [{ field: 'worksheet' }] });
      const sign = await post(`${PLUGIN}/${course}/flow/agreement`, { ...agreement, ...signatures });
      expect(sign.status).toBe(409);
      expect(sign.body).toMatchObject({ code: 'step-up-meetings.wrong-state', expectedState: 'meeting-held', currentState: 'preparing' });
      const meeting = await post(`${PLUGIN}/${course}/flow/meeting`, { meetingId: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' });
      expect(meeting.status).toBe(409);
      expect(meeting.body).toMatchObject({ code: 'step-up-meetings.wrong-state', expectedState: 'material-sent', currentState: 'preparing' });
      const reReview = await post(`${PLUGIN}/${course}/flow/re-review`, { meetingId: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' });
      expect(reReview.body).toMatchObject({ code: 'step-up-meetings.wrong-state', expectedState: 're-review-due' });
    });

    it('saves the worksheet in the citizen’s own words', async () => {
      t.clock.set('2026-01-20T09:00:00Z');
      const future = await put(`${PLUGIN}/${course}/flow/worksheet`, { ...worksheet, filledInOn: '2026-01-21' });
      expect(future.body).toMatchObject({ code: 'step-up-meetings.date-invalid', errors: [{ field: 'filledInOn' }] });
      const res = await put(`${PLUGIN}/${course}/flow/worksheet`, worksheet);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'preparing', expectedNext: 'send-material', worksheet: { ...worksheet, filledInOn: '2026-01-20', updatedBy: CASEWORKER } });
    });

    it('refuses to send the material without a signed consent covering each department', async () => {
      const body = { recipientUnitIds: [units.job, units.addiction] };
      const none = await post(`${PLUGIN}/${course}/flow/material-sent`, body);
      expect(none.status).toBe(422);
      expect(none.body).toMatchObject({ code: 'step-up-meetings.consent-missing', errors: [{ field: 'recipientUnitIds' }] });
      // An oral consent is not a signed one.
      expect((await consent(course, citizenId, [units.job, units.addiction], { form: 'oral-witnessed', witness: 'Kollega på jobcentret' })).status).toBe(201);
      expect((await post(`${PLUGIN}/${course}/flow/material-sent`, body)).body.code).toBe('step-up-meetings.consent-missing');
      // A signed one that names only the job centre.
      expect((await consent(course, citizenId, [units.job])).status).toBe(201);
      const partly = await post(`${PLUGIN}/${course}/flow/material-sent`, body);
      expect(partly.body).toMatchObject({ code: 'step-up-meetings.consent-missing', errors: [{ field: 'recipientUnitIds[1]' }] });
      expect(partly.body.detail).toContain('Rusmiddelcenter Esbjerg');
      expect((await flow(course)).body).toMatchObject({ state: 'preparing', signedConsentInForce: true, material: null });
    });

    it('counts the material deadline back from the booked step-up meeting', async () => {
      expect((await consent(course, citizenId, [units.job, units.addiction, units.social])).status).toBe(201);
      const booked = await post(`/courses/${course}/meetings`, {
        type: 'step-up',
        startsAt: '2026-02-11T09:00:00Z',
        endsAt: '2026-02-11T11:00:00Z',
        placeKind: 'town-hall',
        participants: [
          { kind: 'citizen', citizenId },
          { kind: 'staff', staffMemberId: CASEWORKER },
          { kind: 'staff', staffMemberId: CHAIR, roles: ['chair'] },
          { kind: 'staff', staffMemberId: JOB_CONSULTANT },
          { kind: 'staff', staffMemberId: COUNSELLOR },
        ],
      });
      expect(booked.status).toBe(201);
      stepUpMeeting = booked.body.id;
      const res = await flow(course);
      expect(res.body.stepUpMeetingId).toBe(stepUpMeeting);
      expect(res.body.deadlines).toMatchObject({
        preparation: { dueOn: '2026-02-04', daysLeft: 15 },
        material: { dueOn: '2026-02-04', basis: 'booked-meeting', overdue: false },
        stepUpMeeting: { dueOn: '2026-02-11', basis: 'booked-meeting', overdue: false },
      });
    });

    it('flags the preparation and the material overdue from the clock, and clears the flags when the material goes out', async () => {
      t.clock.set('2026-02-06T09:00:00Z');
      const late = await flow(course);
      expect(late.body.deadlines).toMatchObject({
        preparation: { dueOn: '2026-02-04', overdue: true, daysLeft: -2 },
        material: { dueOn: '2026-02-04', overdue: true },
        stepUpMeeting: { overdue: false, daysLeft: 5 },
      });
      const res = await post(`${PLUGIN}/${course}/flow/material-sent`, { recipientUnitIds: [units.job, units.addiction, units.social] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        state: 'material-sent',
        expectedNext: 'record-meeting',
        material: { sentOn: '2026-02-06', sentBy: CASEWORKER, recipientUnitIds: [units.job, units.addiction, units.social] },
        deadlines: { preparation: { doneOn: '2026-02-06', overdue: false }, material: { doneOn: '2026-02-06', overdue: false } },
      });
      // The worksheet went out as it was.
      expect((await put(`${PLUGIN}/${course}/flow/worksheet`, worksheet)).body).toMatchObject({ code: 'step-up-meetings.wrong-state', expectedState: 'preparing', currentState: 'material-sent' });
    });

    it('records the step-up meeting once held with a chair, a job consultant and the citizen', async () => {
      const early = await post(`${PLUGIN}/${course}/flow/meeting`, { meetingId: stepUpMeeting });
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({ code: 'step-up-meetings.meeting-not-held', errors: [{ field: 'meetingId' }] });

      t.clock.set('2026-02-11T11:30:00Z');
      expect((await put(`/meetings/${stepUpMeeting}/minutes`, { minutes: 'Lene fortalte om sit ønske om at arbejde i et køkken.' })).status).toBe(200);
      const noConsultant = await post(`${PLUGIN}/${course}/flow/meeting`, { meetingId: stepUpMeeting });
      expect(noConsultant.status).toBe(422);
      expect(noConsultant.body).toMatchObject({ code: 'step-up-meetings.job-consultant-missing', errors: [{ field: 'meetingId', code: 'step-up-meetings.job-consultant-missing' }] });

      expect((await post(`/meetings/${stepUpMeeting}/roles`, { role: 'job-consultant', staffMemberId: JOB_CONSULTANT })).status).toBe(200);
      // The social worker joined the team but was not at the meeting: recorded, with a warning.
      expect((await post(`/courses/${course}/team`, { staffMemberId: SOCIAL, role: 'caseworker', startsOn: '2026-02-11' })).status).toBe(201);
      const res = await post(`${PLUGIN}/${course}/flow/meeting`, { meetingId: stepUpMeeting });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        state: 'meeting-held',
        expectedNext: 'sign-agreement',
        meeting: { meetingId: stepUpMeeting, heldOn: '2026-02-11', chairStaffMemberId: CHAIR, jobConsultantStaffMemberId: JOB_CONSULTANT },
        deadlines: { stepUpMeeting: { doneOn: '2026-02-11', overdue: false } },
      });
      expect(res.body.warnings).toEqual([{ code: 'step-up-meetings.team-member-not-invited', staffMemberId: SOCIAL, message: expect.any(String) }]);
    });

    it('refuses an agreement without all three signatures, or signed by someone else than the meeting’s chair', async () => {
      const missing = await post(`${PLUGIN}/${course}/flow/agreement`, { ...agreement, citizenSignature: signatures.citizenSignature });
      expect(missing.status).toBe(422);
      expect(missing.body.code).toBe('step-up-meetings.signature-missing');
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['chairSignature', 'jobConsultantSignature']);
      const wrong = await post(`${PLUGIN}/${course}/flow/agreement`, { ...agreement, ...signatures, chairSignature: { staffMemberId: CASEWORKER, signedOn: '2026-02-11' } });
      expect(wrong.body).toMatchObject({ code: 'step-up-meetings.signatory-mismatch', errors: [{ field: 'chairSignature.staffMemberId' }] });
      expect((await flow(course)).body).toMatchObject({ state: 'meeting-held', agreement: null });
    });

    it('records the signed agreement; the re-review falls due six months later', async () => {
      const res = await post(`${PLUGIN}/${course}/flow/agreement`, { ...agreement, ...signatures });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        state: 'agreement-signed',
        expectedNext: 'await-re-review',
        agreement: {
          nextStep: agreement.nextStep,
          responsible: 'Jobkonsulenten',
          nextStepDueOn: '2026-03-02',
          actions: agreement.actions,
          direction: 'flex-job',
          signatures: {
            citizen: { staffMemberId: null, signedOn: '2026-02-11' },
            chair: { staffMemberId: CHAIR, signedOn: '2026-02-11' },
            jobConsultant: { staffMemberId: JOB_CONSULTANT, signedOn: '2026-02-11' },
          },
          agreedOn: '2026-02-11',
        },
        deadlines: { reReview: { dueOn: '2026-08-11', opensOn: '2026-08-04', overdue: false, daysLeft: 181 } },
      });
    });

    it('renders the agreement as a plain Danish document', async () => {
      const res = await get(`${PLUGIN}/${course}/agreement.html`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('<h1>Aftaledokument</h1>');
      expect(res.text).toContain('Aftalt på step-up-mødet 11. februar 2026 med Lene Sørensen.');
      expect(res.text).toContain('Praktik i køkkenet på Plejecenter Storegade, 10 timer om ugen');
      expect(res.text).toContain('<strong>fleksjob</strong>');
      expect(res.text).toContain('senest 11. august 2026');
      expect(res.text).toContain(`<tr><th scope="row">Mødeleder</th><td>Medarbejder 002</td><td>Underskrevet 11. februar 2026</td></tr>`);
      expect(res.text).toContain(`<tr><th scope="row">Jobkonsulent</th><td>Medarbejder 003</td><td>Underskrevet 11. februar 2026</td></tr>`);
      expect(res.text).not.toMatch(/\d{6}-?\d{4}/);
      expect((await get(`${PLUGIN}/${course}/agreement.html`, as[OUTSIDER])).status).toBe(403);
    });

    it('refuses the re-review and closing before the re-review is due', async () => {
      t.clock.set('2026-05-04T09:00:00Z');
      const reReview = await post(`${PLUGIN}/${course}/flow/re-review`, { meetingId: stepUpMeeting });
      expect(reReview.status).toBe(409);
      expect(reReview.body).toMatchObject({ code: 'step-up-meetings.wrong-state', expectedState: 're-review-due', currentState: 'agreement-signed' });
      const close = await move(course, 'closed', { outcomeCode: 'flex-job', endDate: '2026-05-04' });
      expect(close.status).toBe(422);
      expect(close.body).toMatchObject({ code: 'step-up-meetings.re-review-pending', errors: [{ field: 'to' }] });
      expect((await get(`/courses/${course}`)).body.status).toBe('active');
    });

    it('becomes re-review-due a week before the due date, and the re-review overdue after it', async () => {
      t.clock.set('2026-08-03T09:00:00Z');
      expect((await flow(course)).body.state).toBe('agreement-signed');
      t.clock.set('2026-08-04T09:00:00Z');
      const due = await flow(course);
      expect(due.body).toMatchObject({ state: 're-review-due', expectedNext: 'record-re-review', deadlines: { reReview: { overdue: false, daysLeft: 7 } } });
      t.clock.set('2026-08-12T08:00:00Z');
      expect((await flow(course)).body.deadlines.reReview).toMatchObject({ dueOn: '2026-08-11', overdue: true, daysLeft: -1 });
    });

    it('puts the re-review on the work lists where staff look: upcoming, due when the flow says re-review-due, then overdue', async () => {
      const reReview = (items: WorkItem[]) => items.filter((i) => i.ref === 're-review');
      const item = { kind: 'plugin-deadline', plugin: 'step-up-meetings', ref: 're-review', courseId: course, dueOn: '2026-08-11', meetingType: 're-review' };
      // Further ahead than the list's horizon (60 days): not yet listed.
      t.clock.set('2026-05-04T09:00:00Z');
      expect(reReview(await workList(course))).toEqual([]);
      t.clock.set('2026-07-01T09:00:00Z');
      expect(reReview(await workList(course))).toEqual([expect.objectContaining({ ...item, state: 'upcoming' })]);
      t.clock.set('2026-08-04T09:00:00Z');
      expect((await flow(course)).body.state).toBe('re-review-due');
      expect(reReview(await workList(course))).toEqual([expect.objectContaining({ ...item, state: 'due' })]);
      // 23 days late: overdue on the caseworker's list, the job centre's team list and its board, and in the reminder.
      t.clock.set('2026-09-03T09:00:00Z');
      expect((await flow(course)).body.deadlines.reReview).toMatchObject({ overdue: true, daysLeft: -23 });
      expect(reReview(await workList(course))).toEqual([expect.objectContaining({ ...item, state: 'overdue' })]);
      const team = (await get(`/org-units/${units.job}/work-list`, esbjerg)).body.items as WorkItem[];
      expect(team).toContainEqual(expect.objectContaining({ ...item, state: 'overdue' }));
      const board = (await get(`/org-units/${units.job}/board`, esbjerg)).body.courses.find((c: { courseId: string }) => c.courseId === course);
      expect(board.overdueItems).toBeGreaterThanOrEqual(1);
      // The meeting the flow already recorded is not asked for again.
      expect((await workList(course)).some((i) => i.ref === 'step-up-meeting')).toBe(false);
      t.clock.set('2026-08-12T08:00:00Z');
    });

    it('records the re-review meeting, completing the flow; then the course closes', async () => {
      const booked = await post(`/courses/${course}/meetings`, {
        type: 're-review',
        startsAt: '2026-08-12T09:00:00Z',
        endsAt: '2026-08-12T10:00:00Z',
        placeKind: 'cafe',
        participants: [
          { kind: 'citizen', citizenId },
          { kind: 'staff', staffMemberId: CASEWORKER },
          { kind: 'staff', staffMemberId: JOB_CONSULTANT },
        ],
      });
      expect(booked.status).toBe(201);
      t.clock.set('2026-08-12T12:00:00Z');
      expect((await put(`/meetings/${booked.body.id}/minutes`, { minutes: 'Praktikken går godt; ansøgning om fleksjob sendes.' })).status).toBe(200);
      const wrongType = await post(`${PLUGIN}/${course}/flow/re-review`, { meetingId: stepUpMeeting });
      expect(wrongType.status).toBe(422);
      expect(wrongType.body).toMatchObject({ code: 'step-up-meetings.meeting-wrong-type', errors: [{ field: 'meetingId' }] });

      const res = await post(`${PLUGIN}/${course}/flow/re-review`, { meetingId: booked.body.id, conclusion: 'Ansøgning om fleksjob sendes.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        state: 'completed',
        expectedNext: null,
        reReview: { meetingId: booked.body.id, heldOn: '2026-08-12', conclusion: 'Ansøgning om fleksjob sendes.' },
        deadlines: { reReview: { doneOn: '2026-08-12', overdue: false } },
      });
      expect(res.body.history.map((h: { to: string }) => h.to)).toEqual(['preparing', 'material-sent', 'meeting-held', 'agreement-signed', 'completed']);
      expect(res.body.history.map((h: { at: string }) => h.at.slice(0, 10))).toEqual(['2026-01-05', '2026-02-06', '2026-02-11', '2026-02-11', '2026-08-12']);

      // Held: off the work list.
      expect((await workList(course)).some((i) => i.ref === 're-review')).toBe(false);
      const closed = await move(course, 'closed', { outcomeCode: 'flex-job', endDate: '2026-08-12' });
      expect(closed.status).toBe(201);
      // A closed course's flow is history: readable, nothing overdue, no more changes.
      const after = await flow(course);
      expect(after.body.state).toBe('completed');
      expect(Object.values(after.body.deadlines).map((d) => (d as { overdue: boolean }).overdue)).toEqual([false, false, false, false]);
      const waiver = await post(`${PLUGIN}/${course}/flow/re-review-waiver`, { reason: 'For sent' });
      expect(waiver.status).toBe(422);
      expect(waiver.body.code).toBe('step-up-meetings.course-ended');
    });
  });

  describe('closing without a re-review', () => {
    it('is refused until the reason is recorded, and allowed after; nothing is overdue then', async () => {
      const res = await referral(await citizen('Jonas Flytter'), { referredOn: '2026-08-12' });
      expect(res.status).toBe(201);
      const id = res.body.id;
      expect((await start(id, { yearsOnBenefit: 11, benefitCategory: 'cash-benefit-activity-ready' })).status).toBe(201);
      expect((await move(id, 'assessed')).status).toBe(201);
      expect((await move(id, 'active')).status).toBe(201);

      const closing = { outcomeCode: 'moved-municipality', endDate: '2026-08-12' };
      const refused = await move(id, 'closed', closing);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('step-up-meetings.re-review-pending');

      const waiver = await post(`${PLUGIN}/${id}/flow/re-review-waiver`, { reason: 'Borgeren er flyttet til en anden kommune' });
      expect(waiver.status).toBe(201);
      expect(waiver.body).toMatchObject({ state: 'preparing', expectedNext: null, reReviewWaiver: { reason: 'Borgeren er flyttet til en anden kommune', recordedBy: CASEWORKER } });
      expect((await post(`${PLUGIN}/${id}/flow/re-review-waiver`, { reason: 'Igen' })).body.code).toBe('step-up-meetings.re-review-waived');
      expect((await move(id, 'closed', closing)).status).toBe(201);

      t.clock.set('2026-12-01T09:00:00Z');
      const later = await flow(id);
      expect(later.body.deadlines.preparation).toMatchObject({ dueOn: '2026-09-11', doneOn: null, overdue: false });
    });
  });
  describe('a step-up meeting held before activation', () => {
    it('leaves no stale step-up meeting on the work list once held, and lists the preparation until the material goes out', async () => {
      t.clock.set('2026-12-01T09:00:00Z');
      const lone = await citizen('Mads Tidlig');
      const res = await referral(lone, { referredOn: '2026-12-01' });
      expect(res.status).toBe(201);
      const id = res.body.id;
      expect((await start(id)).status).toBe(201);
      expect((await move(id, 'assessed')).status).toBe(201);
      expect((await put(`${PLUGIN}/${id}/flow/worksheet`, worksheet)).status).toBe(200);
      // Preparing: its deadlines are on the list, each with the date GET …/flow shows.
      const deadlines = (await flow(id)).body.deadlines;
      const preparing = (await workList(id)).filter((i) => i.kind === 'plugin-deadline');
      expect(preparing.map((i) => [i.ref, i.dueOn, i.state])).toEqual([
        ['material', deadlines.material.dueOn, 'upcoming'],
        ['preparation', deadlines.preparation.dueOn, 'upcoming'],
      ]);

      expect((await consent(id, lone, [units.job], { validFrom: '2026-12-01' })).status).toBe(201);
      expect((await post(`${PLUGIN}/${id}/flow/material-sent`, { recipientUnitIds: [units.job] })).status).toBe(201);
      const meeting = await post(`/courses/${id}/meetings`, {
        type: 'step-up',
        startsAt: '2026-12-02T09:00:00Z',
        endsAt: '2026-12-02T11:00:00Z',
        placeKind: 'town-hall',
        participants: [
          { kind: 'citizen', citizenId: lone },
          { kind: 'staff', staffMemberId: CASEWORKER },
          { kind: 'staff', staffMemberId: CHAIR, roles: ['chair'] },
          { kind: 'staff', staffMemberId: JOB_CONSULTANT, roles: ['job-consultant'] },
        ],
      });
      expect(meeting.status).toBe(201);
      t.clock.set('2026-12-02T11:30:00Z');
      expect((await put(`/meetings/${meeting.body.id}/minutes`, { minutes: 'Mads vil gerne i praktik.' })).status).toBe(200);
      expect((await post(`${PLUGIN}/${id}/flow/meeting`, { meetingId: meeting.body.id })).body.state).toBe('meeting-held');

      // Esbjerg activates after the meeting: the core's rule counts only meetings from activation on, and would
      // list the step-up meeting as upcoming for another five weeks; the plugin reports it met.
      t.clock.set('2026-12-03T09:00:00Z');
      expect((await move(id, 'active')).status).toBe(201);
      const after = await workList(id);
      expect(after.filter((i) => i.ref === 'step-up-meeting' || i.kind === 'plugin-deadline')).toEqual([]);
      expect(after.map((i) => i.ref)).toEqual(['plan-every-60-days']);
      const board = (await get(`/org-units/${units.job}/board`, esbjerg)).body.courses.find((c: { courseId: string }) => c.courseId === id);
      expect(board.nextDueMeeting).toMatchObject({ rule: 'plan-every-60-days' });
    });
  });
});

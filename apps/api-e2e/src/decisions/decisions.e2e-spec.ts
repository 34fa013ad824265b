import { extractText, getDocumentProxy } from 'unpdf';
import { DataSource } from 'typeorm';
import type { Deployment } from '@enplan/core/config';
import { apiClient, createTestDatabase, startTestApp, testEngine, type TestApp, type TestDatabase } from '@enplan/core/testing';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';

const YEAR = 365 * 86_400;
// Hillerød (paired caseworkers)
const ANNE = '00000000-0000-4000-8000-0000000000a1'; // job consultant, job centre: employment
const SOFIE = '00000000-0000-4000-8000-0000000000a2'; // social worker, adult social services: social-adults (Anne's partner)
const KARL = '00000000-0000-4000-8000-0000000000a3'; // job centre: employment (Anne's substitute)
const LEADER = '00000000-0000-4000-8000-0000000000a7'; // manager of the job centre
// Halsnæs (citizen consultant)
const MAJA = '00000000-0000-4000-8000-0000000000c1'; // consultant: employment + social-adults
const BENT = '00000000-0000-4000-8000-0000000000c2'; // buddy: social-adults + health
const INTEGRATION = '00000000-0000-4000-8000-0000000000f1';

const HILLEROD = '219';
const HALSNAES = '260';
const DEPLOYMENT: Deployment = {
  municipalities: [
    {
      code: HILLEROD,
      name: 'Hillerød Kommune',
      plugins: [{ id: 'paired-caseworkers', settings: { planRevisedAtJointMeeting: false } }],
      letterhead: { address: ['Trollesmindeallé 27', '3400 Hillerød'] },
    },
    { code: HALSNAES, name: 'Halsnæs Kommune', plugins: [{ id: 'citizen-consultant' }] },
  ],
};

const SUMMARY = 'Du får praktik i kantinen på Rådhuset i otte uger.';
const REASONING = 'Praktikken skal afklare, om du kan arbejde i et køkken fire timer om dagen.';

/**
 * Decisions (afgørelser) through the real host on both engines: a paired course where the job consultant decides
 * under the employment act and is refused a social-services decision, a substitute inside and outside the cover,
 * the consultant model, the committee list, immutability (service and trigger), supersession, a meeting outcome
 * opening a draft, the letter as HTML and PDF, and a restart on the same data.
 */
describe(`decisions (${testEngine()})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const bearer: Record<string, string> = {};

  async function boot(): Promise<void> {
    t = await startTestApp({ plugins: PLUGIN_CATALOGUE, deployment: DEPLOYMENT, database: db, now: '2026-01-05T09:00:00Z' });
    const mint = async (userId: string, roles: string[], municipality: string) => `Bearer ${await t.token({ userId, roles, ttlSeconds: YEAR, municipality })}`;
    bearer.integration = await mint(INTEGRATION, ['integrator'], HILLEROD);
    bearer.halsnaes = await mint(INTEGRATION, ['integrator'], HALSNAES);
    for (const [name, id] of [['anne', ANNE], ['sofie', SOFIE], ['karl', KARL]] as const) bearer[name] = await mint(id, ['caseworker'], HILLEROD);
    bearer.leader = await mint(LEADER, ['manager'], HILLEROD);
    bearer.maja = await mint(MAJA, ['caseworker'], HALSNAES);
    bearer.bent = await mint(BENT, ['caseworker'], HALSNAES);
  }

  beforeAll(async () => {
    db = await createTestDatabase(testEngine(), { persistent: true });
    await boot();
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

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
  const action = (id: string, legalBasis: string, title: string) => ({
    id,
    goalId: 'g1',
    title,
    legalBasis,
    responsible: { kind: 'citizen' },
    startDate: '2026-02-01',
    deadline: '2026-06-30',
    status: 'planned',
  });
  const LAB_57 = action('a-praktik', 'LAB-57', 'Praktik i kantinen');
  const SEL_85 = action('a-bostoette', 'SEL-85', 'Bostøtte to gange om ugen');
  const content = (actions: object[]) => ({
    citizenWords: { worries: 'Gæld og dårlig søvn', whatWorks: 'Madlavning', dreamsAndWishes: 'Et job i et køkken' },
    overallGoal: { text: 'Et job i et køkken', citizenAgreed: true, agreedOn: '2026-01-05' },
    goals: [{ id: 'g1', title: 'Praktik i et køkken', status: 'in-progress', concerns: [] }],
    actions,
    agreements: [],
  });

  let course: string;
  let citizen: string;

  beforeAll(async () => {
    const jobCentre = await unit('job-centre', 'Jobcenter, team 3');
    await staff(ANNE, jobCentre, 'job-consultant', ['employment']);
    await staff(SOFIE, await unit('adult-social', 'Voksenområdet'), 'social-worker', ['social-adults']);
    await staff(KARL, jobCentre, 'job-consultant', ['employment']);
    await staff(LEADER, jobCentre, 'manager', []);
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
        referralReason: 'Ledighed og misbrug',
      },
      as('anne'),
    );
    expect(res.status).toBe(201);
    course = res.body.id;
    expect((await post(`/courses/${course}/transitions`, { to: 'assessed', reason: 'vurderet' }, as('anne'))).status).toBe(201);
    expect((await post(`/courses/${course}/team`, { staffMemberId: SOFIE, role: 'primary-contact', startsOn: '2026-01-05' }, as('anne'))).status).toBe(201);
    expect((await post(`/courses/${course}/transitions`, { to: 'active', reason: 'aktiv' }, as('anne'))).status).toBe(201);
    // Anne decides the internship in the plan; Sofie adds the housing support (each in their own area).
    expect((await post(`/courses/${course}/plan/versions`, { content: content([LAB_57]), changeSummary: 'Første plan', baseVersion: 0 }, as('anne'))).status).toBe(201);
    expect((await post(`/courses/${course}/plan/versions`, { content: content([LAB_57, SEL_85]), changeSummary: 'Bostøtte', baseVersion: 1 }, as('sofie'))).status).toBe(201);
  });

  const draft = (who: string, body: object, courseId = course) =>
    post(
      `/courses/${courseId}/decisions`,
      { summary: SUMMARY, text: 'Jobcentret bevilger virksomhedspraktik.', reasoning: REASONING, effectiveFrom: '2026-02-01', effectiveTo: '2026-03-27', ...body },
      as(who),
    );
  const decide = (who: string, id: string, body: object = {}) => post(`/decisions/${id}/decide`, body, as(who));
  const count = async () => (await get(`/courses/${course}/decisions`, as('anne'))).body.total as number;

  let employmentDecision: string;

  describe('a paired course', () => {
    it('lets the job consultant draft and decide under the employment act, with the area following from the paragraph', async () => {
      const d = await draft('anne', { legalBasis: 'LAB-57', actions: [{ actionId: 'a-praktik', outcome: 'granted' }] });
      expect(d.status).toBe(201);
      expect(d.body).toMatchObject({
        status: 'draft',
        legalArea: 'employment',
        legalBasis: { code: 'LAB-57', paragraph: '§ 57', title: 'Virksomhedspraktik' },
        planVersion: 2,
        actions: [{ actionId: 'a-praktik', outcome: 'granted' }],
        committeeProvision: false,
        supersededBy: null,
      });
      // The guidance starts from the shipped Danish default for employment.
      expect(d.body.complaintGuidance).toContain('Ankestyrelsen');
      expect(d.body.complaintGuidance).toContain('jobcentret');
      const res = await decide('anne', d.body.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'decided', decidedBy: ANNE, decidedAt: '2026-01-05T09:00:00.000Z', committeeApproval: null });
      employmentDecision = d.body.id;
    });

    it("refuses her a social-services decision, naming the area and the paragraph, and saves nothing", async () => {
      const d = await draft('anne', { legalBasis: 'SEL-85', actions: [{ actionId: 'a-bostoette', outcome: 'granted' }] });
      expect(d.status).toBe(201);
      expect(d.body.legalArea).toBe('social-adults');
      const res = await decide('anne', d.body.id);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'paired-caseworkers.partner-area', errors: [{ field: 'legalBasis', code: 'paired-caseworkers.partner-area' }] });
      expect(res.body.detail).toContain('serviceloven § 85');
      expect(res.body.detail).toContain('social-adults');
      expect((await get(`/decisions/${d.body.id}`, as('anne'))).body).toMatchObject({ status: 'draft', decidedBy: null, decidedAt: null });
      // Her partner, who holds that area, decides it.
      expect((await decide('sofie', d.body.id)).body).toMatchObject({ status: 'decided', decidedBy: SOFIE });
    });

    it('refuses a paragraph outside the catalogue and actions not in the current plan, saving nothing', async () => {
      const before = await count();
      const unknown = await draft('anne', { legalBasis: 'LAB-999' });
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'decision.legal-basis-unknown', errors: [{ field: 'legalBasis', code: 'decision.legal-basis-unknown' }] });
      const action = await draft('anne', { legalBasis: 'LAB-57', actions: [{ actionId: 'a-praktik', outcome: 'granted' }, { actionId: 'a-nothing', outcome: 'refused' }] });
      expect(action.status).toBe(422);
      expect(action.body).toMatchObject({ code: 'decision.action-unknown', errors: [{ field: 'actions[1].actionId' }] });
      const hostile = await draft('anne', { legalBasis: "LAB-57'; DROP TABLE decision; --" });
      expect(hostile.status).toBe(400);
      const period = await draft('anne', { legalBasis: 'LAB-57', effectiveFrom: '2026-03-01', effectiveTo: '2026-02-01' });
      expect(period.status).toBe(422);
      expect(period.body.code).toBe('decision.period-invalid');
      const missing = await draft('anne', { legalBasis: 'LAB-57', summary: '' });
      expect(missing.status).toBe(201);
      const incomplete = await decide('anne', missing.body.id);
      expect(incomplete.status).toBe(422);
      expect(incomplete.body).toMatchObject({ code: 'decision.incomplete', errors: [{ field: 'summary' }] });
      expect(await count()).toBe(before + 1);
    });

    it('refuses to edit a decided decision with a clear code, and the database refuses it too', async () => {
      const res = await patch(`/decisions/${employmentDecision}`, { reasoning: 'Ændret begrundelse' }, as('anne'));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('decision.not-editable');
      expect((await decide('anne', employmentDecision)).body.code).toBe('decision.not-draft');
      expect((await get(`/decisions/${employmentDecision}`, as('anne'))).body.reasoning).toBe(REASONING);
      const ds = t.app.get(DataSource);
      await expect(ds.query(`UPDATE decision SET reasoning = 'x' WHERE id = $1`, [employmentDecision])).rejects.toThrow(/never changed/);
      await expect(ds.query(`UPDATE decision SET status = 'draft' WHERE id = $1`, [employmentDecision])).rejects.toThrow(/never changed/);
      expect((await get(`/decisions/${employmentDecision}`, as('anne'))).body).toMatchObject({ status: 'decided', reasoning: REASONING });
    });

    it('records when and how the citizen was notified, once', async () => {
      await t.clock.set('2026-01-06T10:00:00Z');
      const early = await post(`/decisions/${employmentDecision}/notify`, { channel: 'digital-post', notifiedAt: '2026-01-04T10:00:00Z' }, as('anne'));
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({ code: 'decision.notified-before-decided', errors: [{ field: 'notifiedAt' }] });
      const res = await post(`/decisions/${employmentDecision}/notify`, { channel: 'digital-post' }, as('anne'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'notified', notification: { at: '2026-01-06T10:00:00.000Z', channel: 'digital-post', by: ANNE } });
      expect((await post(`/decisions/${employmentDecision}/notify`, { channel: 'letter' }, as('anne'))).body.code).toBe('decision.not-decided');
      // Notified is as frozen as decided.
      expect((await patch(`/decisions/${employmentDecision}`, { summary: 'x' }, as('anne'))).body.code).toBe('decision.not-editable');
    });

    it('changes a decision by a new one that supersedes it; the old one shows superseded-by', async () => {
      const next = await draft('anne', { legalBasis: 'LAB-57', actions: [{ actionId: 'a-praktik', outcome: 'granted' }], effectiveTo: '2026-04-24', supersedesId: employmentDecision });
      expect(next.status).toBe(201);
      // A draft does not supersede yet.
      expect((await get(`/decisions/${employmentDecision}`, as('anne'))).body.supersededBy).toBeNull();
      expect((await decide('anne', next.body.id)).status).toBe(200);
      expect((await get(`/decisions/${employmentDecision}`, as('anne'))).body).toMatchObject({ status: 'notified', supersededBy: next.body.id });
      const again = await draft('anne', { legalBasis: 'LAB-57', supersedesId: employmentDecision });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('decision.already-superseded');
      const draftOnly = await draft('anne', { legalBasis: 'LAB-57', supersedesId: (await draft('anne', { legalBasis: 'LAB-57' })).body.id });
      expect(draftOnly.status).toBe(422);
      expect(draftOnly.body.code).toBe('decision.supersedes-unknown');
    });

    it('opens a decision draft linked to the meeting when a meeting outcome is a decision', async () => {
      const m = await post(
        `/courses/${course}/meetings`,
        {
          type: 'joint',
          startsAt: '2026-01-06T11:00:00Z',
          endsAt: '2026-01-06T12:00:00Z',
          placeKind: 'cafe',
          participants: [
            { kind: 'staff', staffMemberId: ANNE },
            { kind: 'staff', staffMemberId: SOFIE },
            { kind: 'citizen', citizenId: citizen },
          ],
        },
        as('anne'),
      );
      expect(m.status).toBe(201);
      const agreement = await post(`/meetings/${m.body.id}/outcomes`, { kind: 'agreement', text: 'Borgeren køber togkort' }, as('anne'));
      expect(agreement.status).toBe(201);
      const outcome = await post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Praktikken forlænges med fire uger', legalBasis: 'LAB-57' }, as('anne'));
      expect(outcome.status).toBe(201);
      const list = await get(`/courses/${course}/decisions?meetingId=${m.body.id}`, as('sofie'));
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({
        status: 'draft',
        meetingId: m.body.id,
        meetingOutcomeId: outcome.body.id,
        legalArea: 'employment',
        legalBasis: { code: 'LAB-57' },
        text: 'Praktikken forlænges med fire uger',
        createdBy: ANNE,
      });
      // An outcome the model refuses opens nothing (one transaction).
      const refused = await post(`/meetings/${m.body.id}/outcomes`, { kind: 'decision', text: 'Bostøtte ophører', legalBasis: 'SEL-85' }, as('anne'));
      expect(refused.status).toBe(422);
      expect((await get(`/courses/${course}/decisions?meetingId=${m.body.id}`, as('sofie'))).body.total).toBe(1);
    });

    describe('a substitute', () => {
      let karlsDraft: string;

      it('may not decide before the cover period', async () => {
        const sub = await post(
          `/plugins/paired-caseworkers/courses/${course}/substitutes`,
          { coveredStaffMemberId: ANNE, substituteStaffMemberId: KARL, fromDate: '2026-01-19', toDate: '2026-01-30' },
          as('anne'),
        );
        expect(sub.status).toBe(201);
        const grant = await post(`/courses/${course}/access-grants`, { staffMemberId: KARL, reason: 'Dækker for makker i uge 4-5', validUntil: '2026-01-30' }, as('leader'));
        expect(grant.status).toBe(201);
        const d = await draft('karl', { legalBasis: 'LAB-57', actions: [{ actionId: 'a-praktik', outcome: 'granted' }] });
        expect(d.status).toBe(201);
        karlsDraft = d.body.id;
        const early = await decide('karl', karlsDraft);
        expect(early.status).toBe(422);
        expect(early.body).toMatchObject({ code: 'paired-caseworkers.substitution-not-in-force', errors: [{ field: 'legalBasis' }] });
        expect(early.body.detail).toContain('lov om en aktiv beskæftigelsesindsats § 57');
        expect((await get(`/decisions/${karlsDraft}`, as('karl'))).body.status).toBe('draft');
      });

      it('decides in the covered area inside the cover period, never in the partner’s', async () => {
        await t.clock.set('2026-01-20T09:00:00Z');
        const partner = await draft('karl', { legalBasis: 'SEL-85' });
        expect((await decide('karl', partner.body.id)).body.code).toBe('paired-caseworkers.partner-area');
        const res = await decide('karl', karlsDraft);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'decided', decidedBy: KARL });
      });
    });

    describe('committee provisions', () => {
      it('lists the default committee provisions and refuses an unknown code in the list', async () => {
        const s = await get('/decision-settings');
        expect(s.status).toBe(200);
        expect(s.body.committeeLegalBases).toEqual(['BL-46', 'BL-47', 'SEL-107', 'SEL-108']);
        expect(s.body.complaintGuidance).toHaveLength(6);
        const bad = await put('/decision-settings/committee-legal-bases', { committeeLegalBases: ['SEL-107', 'SEL-999'] });
        expect(bad.status).toBe(422);
        expect(bad.body).toMatchObject({ code: 'decision.legal-basis-unknown', errors: [{ field: 'committeeLegalBases[1]' }] });
        expect((await put('/decision-settings/committee-legal-bases', { committeeLegalBases: ['SEL-107'] }, as('anne'))).status).toBe(403);
      });

      it('refuses a committee provision without the committee’s approval and records it with', async () => {
        const d = await draft('sofie', { legalBasis: 'SEL-107', summary: 'Du får et midlertidigt botilbud.', text: 'Kommunen bevilger midlertidigt botilbud.' });
        expect(d.status).toBe(201);
        expect(d.body.committeeProvision).toBe(true);
        const without = await decide('sofie', d.body.id);
        expect(without.status).toBe(422);
        expect(without.body).toMatchObject({ code: 'decision.committee-approval-required', errors: [{ field: 'committeeApproval' }] });
        expect(without.body.detail).toContain('serviceloven § 107');
        expect((await get(`/decisions/${d.body.id}`, as('sofie'))).body.status).toBe('draft');
        const approval = { committee: 'Visitationsudvalget, voksen', approvedOn: '2026-01-19', reference: 'VU 2026-01-19 pkt. 3' };
        const res = await decide('sofie', d.body.id, { committeeApproval: approval });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'decided', committeeApproval: approval });
        // An ordinary provision takes no committee approval.
        const plain = await draft('anne', { legalBasis: 'LAB-57' });
        expect((await decide('anne', plain.body.id, { committeeApproval: approval })).body.code).toBe('decision.committee-approval-not-needed');
      });
    });

    describe('the letter', () => {
      it('is HTML with the letterhead, the summary first and the legal part after', async () => {
        const res = await get(`/decisions/${employmentDecision}/letter.html`, as('anne'));
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toContain('text/html');
        const html = res.text;
        expect(html).toContain('Hillerød Kommune');
        expect(html).toContain('Trollesmindeallé 27');
        expect(html).toContain('Praktik i kantinen');
        const at = (s: string) => html.indexOf(s);
        for (const s of [SUMMARY, 'Lovgrundlag', '§ 57', REASONING, 'Klagevejledning', 'Ankestyrelsen']) expect(at(s)).toBeGreaterThan(-1);
        expect(at(SUMMARY)).toBeLessThan(at('Lovgrundlag'));
        expect(at(SUMMARY)).toBeLessThan(at(REASONING));
        expect(at(REASONING)).toBeLessThan(at('Klagevejledning'));
        expect(html).not.toContain('0101801234');
        expect(html).not.toContain('010180-1234');
      });

      it('is a PDF whose text has the summary before the paragraph, reasoning and complaint guidance', async () => {
        const res = await t.http().get(`/api/v1/decisions/${employmentDecision}/letter.pdf`).set('Authorization', as('anne')).buffer(true).parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        const pdf = res.body as Buffer;
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
        const flat = text.replace(/\s+/g, ' ');
        for (const s of ['Hillerød Kommune', 'Kort fortalt', SUMMARY, '§ 57', 'Virksomhedspraktik', 'Begrundelse', REASONING, 'Klagevejledning', 'Ankestyrelsen']) expect(flat).toContain(s);
        expect(flat.indexOf(SUMMARY)).toBeLessThan(flat.indexOf('§ 57'));
        expect(flat.indexOf(REASONING)).toBeLessThan(flat.indexOf('Klagevejledning'));
      });

      it('is not made for a draft', async () => {
        const d = await draft('anne', { legalBasis: 'LAB-57' });
        expect((await get(`/decisions/${d.body.id}/letter.html`, as('anne'))).status).toBe(409);
      });

      it('keeps the legal text out of the citizen’s readable plan', async () => {
        const res = await get(`/courses/${course}/plan/citizen-view.html`, as('anne'));
        expect(res.status).toBe(200);
        for (const s of [REASONING, 'Klagevejledning', 'Ankestyrelsen', '§ 57']) expect(res.text).not.toContain(s);
      });
    });

    it('uses the municipality’s own complaint guidance for new decisions once it is written', async () => {
      const text = 'Hillerød: Du kan klage til jobcentret inden 4 uger. Ring 7232 0000, så hjælper vi dig.';
      expect((await put('/decision-settings/complaint-guidance/employment', { text })).body).toEqual({ legalArea: 'employment', text, source: 'municipality' });
      expect((await draft('anne', { legalBasis: 'LAB-57' })).body.complaintGuidance).toBe(text);
      expect((await get(`/decisions/${employmentDecision}`, as('anne'))).body.complaintGuidance).toContain('Ankestyrelsen');
      // The area is what the path names: an unknown one is not found, as any record in a path.
      expect((await put('/decision-settings/complaint-guidance/nowhere', { text })).body).toMatchObject({ status: 404, code: 'decision.legal-area-unknown' });
    });
  });

  describe('the citizen-consultant model', () => {
    let halsnaesCourse: string;

    beforeAll(async () => {
      const hp = (path: string, body: object, who = bearer.halsnaes) => post(path, body, who);
      // The buddy brings another background (a unit of another kind), as the model requires.
      for (const [id, kind, areas] of [[MAJA, 'job-centre', ['employment', 'social-adults']], [BENT, 'adult-social', ['social-adults', 'health']]] as const) {
        const u = await hp('/org-units', { kind, name: `Borgerkonsulenter ${kind}` });
        expect((await hp('/staff', { id, name: `Konsulent ${id.slice(-2)}`, unitId: u.body.id, function: 'citizen-consultant', isProvider: true, authorityAreas: areas })).status).toBe(201);
      }
      const c = await hp('/citizens', { cpr: '0101857001', name: 'Borger Halsnæs' });
      const res = await hp('/courses', {
        citizenId: c.body.id,
        targetGroup: 'adults',
        modelId: 'citizen-consultant',
        referredBy: 'Jobcenter',
        referredOn: '2026-01-02',
        referralReasonCode: 'long-term-benefit',
        referralReason: 'Mange forvaltninger',
      });
      halsnaesCourse = res.body.id;
      expect((await hp(`/courses/${halsnaesCourse}/transitions`, { to: 'assessed', reason: 'x' })).status).toBe(201);
      expect((await hp(`/courses/${halsnaesCourse}/team`, { staffMemberId: MAJA, role: 'primary-contact', startsOn: '2026-01-05' })).status).toBe(201);
      expect((await hp(`/courses/${halsnaesCourse}/team`, { staffMemberId: BENT, role: 'buddy', startsOn: '2026-01-05' })).status).toBe(201);
      expect((await hp(`/courses/${halsnaesCourse}/transitions`, { to: 'active', reason: 'x' })).status).toBe(201);
      expect((await hp(`/courses/${halsnaesCourse}/plan/versions`, { content: content([LAB_57, SEL_85]), changeSummary: 'Kick-off', baseVersion: 0 }, as('maja'))).status).toBe(201);
    });

    it('lets the consultant decide across the areas she holds, and refuses the buddy without a cover and an area she lacks', async () => {
      const mine = await draft('maja', { legalBasis: 'SEL-85', actions: [{ actionId: 'a-bostoette', outcome: 'granted' }] }, halsnaesCourse);
      expect(mine.status).toBe(201);
      expect((await decide('maja', mine.body.id)).body).toMatchObject({ status: 'decided', legalArea: 'social-adults', decidedBy: MAJA });
      const buddy = await draft('bent', { legalBasis: 'SEL-85', actions: [{ actionId: 'a-bostoette', outcome: 'refused' }] }, halsnaesCourse);
      const refused = await decide('bent', buddy.body.id);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('citizen-consultant.not-the-decider');
      const health = await draft('maja', { legalBasis: 'SUL-141' }, halsnaesCourse);
      const lacking = await decide('maja', health.body.id);
      expect(lacking.status).toBe(422);
      expect(lacking.body.code).toBe('plugin.decision-authority');
      expect(lacking.body.detail).toContain('sundhedsloven § 141 (health)');
    });

    it('keeps decisions within the municipality', async () => {
      expect((await get(`/decisions/${employmentDecision}`, as('maja'))).status).toBe(404);
      expect((await get(`/courses/${halsnaesCourse}/decisions`, as('anne'))).status).toBe(404);
    });
  });

  it('keeps every decision, status and link after a restart on the same data', async () => {
    const before = (await get(`/courses/${course}/decisions?limit=100`, as('anne'))).body;
    const one = (await get(`/decisions/${employmentDecision}`, as('anne'))).body;
    await t.close();
    await boot();
    const after = (await get(`/courses/${course}/decisions?limit=100`, as('anne'))).body;
    expect(after).toEqual(before);
    expect((await get(`/decisions/${employmentDecision}`, as('anne'))).body).toEqual(one);
    expect((await patch(`/decisions/${employmentDecision}`, { summary: 'x' }, as('anne'))).body.code).toBe('decision.not-editable');
  });
});

import { DataSource } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { Course, CourseTransition, TeamAssignment } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { REVIEWED_FREE_TEXTS } from '@enplan/core/records';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';

const YEAR = 365 * 86_400;
/** Everything that concerns only the mother says one of these words; none may reach the father. */
const MOTHERS = /psykiatri|udredning|diagnose|Maria/i;
const MOTHER_GOAL_ID = 'mor-psykiatri-henvisning';

type Stub = { ref: string; kind: string; date: string | null; redacted: true; reason: string };
type Shown = { id: string; redacted: false; title?: string; text?: string; goalId?: string };
type Item = Stub | Shown;
const shownIds = (xs: Item[]) => xs.flatMap((x) => (x.redacted ? [] : [x.id]));
const stubs = (xs: Item[]) => xs.filter((x): x is Stub => x.redacted);

/**
 * Issue 12, item 2: a divorced couple with two children in one family course (the mother is its main citizen).
 * Custody decides what a parent is told: with joint custody (the default) the father gets what concerns the
 * children, never what concerns only the mother; without custody, only his own. One rule for the access
 * request, the citizen view (JSON and HTML) alike; untagged free text waits for review; stubs are opaque.
 */
describe('family disclosure (e2e): rules by relation, custody on the membership', () => {
  let t: TestApp;
  let mother: string;
  let father: string;
  let emil: string;
  let sofie: string;
  let stranger: string;
  let householdId: string;
  let courseId: string;
  const as = { team: '', manager: '', integration: '', covering: '' };

  const api = (method: 'get' | 'post' | 'patch', path: string, auth = as.integration) => t.http()[method](`/api/v1${path}`).set('Authorization', auth);
  const post = async (path: string, body: object, auth = as.team) => {
    const res = await api('post', path, auth).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const exportOf = async (citizenId: string) => {
    const res = await api('get', `/citizens/${citizenId}/access-request`, as.manager);
    expect(res.status).toBe(200);
    return res.body;
  };
  const viewOf = (citizenId: string, suffix = '') => api('get', `/courses/${courseId}/plan/citizen-view${suffix}?citizenId=${citizenId}`, as.team);

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-03-02T09:00:00Z' });
    const ds = t.app.get(DataSource);
    const { id: municipalityId } = await ds.getRepository(Municipality).findOneByOrFail({ code: '999' });
    const unit = async (kind: OrgUnit['kind'], name: string) => (await ds.getRepository(OrgUnit).save({ municipalityId, kind, name })).id;
    const jobCentre = await unit('job-centre', 'Jobcenter Nord');
    const familyUnit = await unit('children-family', 'Familiecentret');
    const staff = async (name: string, unitId: string, authorityAreas: StaffMember['authorityAreas'], fn: StaffMember['function']) =>
      (await ds.getRepository(StaffMember).save({ municipalityId, name, unitId, function: fn, authorityAreas })).id;
    const caseworker = await staff('Mette Holm', jobCentre, ['employment', 'social-adults', 'health', 'children'], 'caseworker');
    const manager = await staff('Karin Berg', jobCentre, [], 'manager');
    const cover = await staff('Jonas Lund', familyUnit, ['children'], 'caseworker');
    const token = (userId: string, roles: string[]) => t.token({ userId, roles, municipality: '999', ttlSeconds: YEAR }).then((x) => `Bearer ${x}`);
    as.team = await token(caseworker, ['caseworker']);
    as.manager = await token(manager, ['manager']);
    as.integration = await token('00000000-0000-4000-8000-0000000000aa', ['integrator']);
    as.covering = await token(cover, ['caseworker']);

    const citizen = async (cpr: string, name: string, birthDate: string) => (await ds.getRepository(Citizen).save({ municipalityId, cpr, name, birthDate })).id;
    mother = await citizen('1505851234', 'Maria Hansen', '1985-05-15');
    father = await citizen('0203824321', 'Peter Hansen', '1982-03-02');
    emil = await citizen('1010151111', 'Emil Hansen', '2015-10-10');
    sofie = await citizen('0404182222', 'Sofie Hansen', '2018-04-04');
    stranger = await citizen('0101703333', 'Lone Ibsen', '1970-01-01');

    // The household through the API: the father's custody is not stated, so it is joint custody (the default).
    const household = await post('/households', {
      label: 'Familien Hansen',
      members: [
        { citizenId: mother, relation: 'parent', custody: true },
        { citizenId: father, relation: 'parent' },
        { citizenId: emil, relation: 'child' },
        { citizenId: sofie, relation: 'child' },
      ],
    });
    householdId = household.id;
    expect(Object.fromEntries(household.members.map((m: { citizenId: string; custody: boolean | null }) => [m.citizenId, m.custody]))).toEqual({
      [mother]: true,
      [father]: true,
      [emil]: null,
      [sofie]: null,
    });

    const course = await ds.getRepository(Course).save({
      municipalityId,
      citizenId: mother,
      householdId,
      targetGroup: 'families',
      modelId: 'generic',
      status: 'active',
      referredBy: 'Familieafdelingen',
      referredOn: '2026-01-05',
      activatedOn: '2026-01-12',
      referralReasonCode: 'family-at-risk',
      referralReason: 'Mor er henvist til psykiatrisk udredning',
    });
    courseId = course.id;
    await ds.getRepository(TeamAssignment).save({ municipalityId, courseId, staffMemberId: caseworker, role: 'primary-contact', startsOn: '2026-01-12', assignedBy: caseworker });
    await ds.getRepository(CourseTransition).save({ municipalityId, courseId, fromStatus: 'assessed', toStatus: 'active', actorId: caseworker, at: new Date('2026-01-12T09:00:00Z'), reason: 'Start efter mors psykiatriske udredning' });

    await post(`/courses/${courseId}/plan/versions`, {
      baseVersion: 0,
      changeSummary: 'Mor er henvist til psykiatrisk udredning',
      content: {
        citizenWords: { worries: 'Jeg er bange for udredningen', whatWorks: 'Børnene hjælper mig', dreamsAndWishes: 'At få en diagnose og komme videre' },
        overallGoal: { text: 'En rolig hverdag for hele familien', citizenAgreed: true, agreedOn: '2026-01-12' },
        goals: [
          { id: 'g-family', title: 'Faste rammer i hverdagen', status: 'in-progress', concerns: [] },
          { id: MOTHER_GOAL_ID, title: 'Mors psykiatriske udredning', status: 'in-progress', concerns: [mother] },
          { id: 'g-children', title: 'Børnene trives i skolen', status: 'in-progress', concerns: [emil, sofie] },
          { id: 'g-father', title: 'Far finder et job', status: 'in-progress', concerns: [father] },
        ],
        actions: [
          { id: 'a-children', goalId: 'g-children', title: 'Lektiecafé to gange om ugen', legalBasis: 'BL-32', responsible: { kind: 'unit', id: familyUnit }, startDate: '2026-02-01', status: 'active', concerns: [emil, sofie] },
          { id: 'a-psych', goalId: MOTHER_GOAL_ID, title: 'Samtaler i psykiatrien', legalBasis: 'SUL-141', responsible: { kind: 'citizen' }, startDate: '2026-02-15', status: 'planned' },
          // The father's own task under the mother's goal: his, without the goal coming along.
          { id: 'a-father-pickup', goalId: MOTHER_GOAL_ID, title: 'Far henter børnene om tirsdagen', legalBasis: 'BL-32', responsible: { kind: 'citizen' }, startDate: '2026-02-15', status: 'planned', concerns: [father] },
        ],
        agreements: [
          { id: 'ag-children', text: 'Børnene lægger skærmen væk klokken 20', responsible: { kind: 'citizen' }, done: false, concerns: [emil, sofie] },
          { id: 'ag-mother', text: 'Mor ringer til psykiatrien', responsible: { kind: 'citizen' }, done: false, concerns: [mother], due: '2026-03-10' },
        ],
      },
    }, as.integration);

    // Untagged free text: a meeting's agenda and a participant's organisation, a contact with a follow-up, a grant's reason.
    await post(`/courses/${courseId}/meetings`, {
      type: 'network',
      startsAt: '2026-02-20T13:00:00Z',
      endsAt: '2026-02-20T14:00:00Z',
      placeKind: 'town-hall',
      agenda: ['Mors udredning'],
      participants: [
        { kind: 'staff', staffMemberId: caseworker, roles: ['chair'] },
        { kind: 'network', name: 'Moster Anne', organisation: 'Pårørende i psykiatrien' },
      ],
    });
    await post(`/courses/${courseId}/contacts`, {
      kind: 'call',
      at: '2026-02-25T10:00:00Z',
      note: 'Talt med Maria om udredningen',
      staffMemberIds: [caseworker],
      legalArea: 'health',
      followUps: [{ text: 'Ring til psykiatrien om Marias tid', ownerId: caseworker, dueOn: '2026-03-04' }],
    });
    await post(`/courses/${courseId}/access-grants`, { staffMemberId: cover, reason: 'Afløser under mors udredning', validUntil: '2026-03-09' }, as.manager);
    expect((await api('get', `/courses/${courseId}/plan`, as.covering)).status).toBe(200);
  });
  afterAll(() => t?.close());

  describe('joint custody (the default)', () => {
    it("discloses the children's items to the father in his export, withholds the mother's behind opaque stubs", async () => {
      const body = await exportOf(father);
      const all = JSON.stringify(body);
      expect(all).not.toMatch(MOTHERS);
      expect(all).not.toContain(MOTHER_GOAL_ID);
      expect(all).not.toContain('a-psych');
      expect(all).not.toContain('ag-mother');

      const course = body.courses[0];
      const [plan] = course.planVersions;
      expect(shownIds(plan.goals)).toEqual(['g-family', 'g-children', 'g-father']);
      expect(shownIds(plan.actions)).toEqual(['a-children', 'a-father-pickup']);
      expect(shownIds(plan.agreements)).toEqual(['ag-children']);
      const [goalStub] = stubs(plan.goals);
      expect(goalStub).toEqual({ ref: expect.stringMatching(/^udeladt-\d+$/), kind: 'plan-goal', date: null, redacted: true, reason: 'concerns-another-household-member' });
      expect(Object.keys(goalStub).sort()).toEqual(['date', 'kind', 'reason', 'redacted', 'ref']);
      // His task under her goal points at the goal's stub, never at its id.
      expect(plan.actions.find((a: Item) => !a.redacted && a.id === 'a-father-pickup').goalId).toBe(goalStub.ref);
      // The words are the mother's (the course's citizen): withheld from him as hers.
      expect(plan.citizenWords).toMatchObject({ kind: 'citizen-words', redacted: true, reason: 'concerns-another-household-member' });
    });

    it('withholds every untagged free text of the family course for review', async () => {
      const course = (await exportOf(father)).courses[0];
      // The kinds still holding a withheld text (no minutes, outcomes or handover notes were written here).
      const absent = new Set(['meeting-minutes', 'meeting-outcomes', 'handover-notes']);
      expect(course.withheldForReview).toEqual(REVIEWED_FREE_TEXTS.filter((k) => !absent.has(k)));
      expect(course.referralReason).toBeNull();
      expect(course.transitions.map((x: { reason: string | null }) => x.reason)).toEqual([null]);
      expect(course.planVersions[0].changeSummary).toBeNull();
      const [meeting] = course.meetings;
      expect(meeting.agenda).toEqual([]);
      expect(meeting.participants.map((p: { organisation: string | null }) => p.organisation)).toEqual([null, null]);
      expect(course.contacts).toEqual([expect.objectContaining({ redacted: false, note: null, followUps: [expect.objectContaining({ text: null })] })]);
      const body = await exportOf(father);
      const grantReads = body.accessLog.filter((l: { basis: string }) => l.basis.includes('grant'));
      expect(grantReads.length).toBeGreaterThan(0);
      expect(grantReads.every((l: { reason: string | null }) => l.reason === null)).toBe(true);
    });

    it('gives the mother her own items and words, with the free text still waiting for review', async () => {
      const body = await exportOf(mother);
      const [plan] = body.courses[0].planVersions;
      expect(shownIds(plan.goals)).toEqual(['g-family', MOTHER_GOAL_ID, 'g-children']);
      expect(plan.citizenWords).toEqual({ worries: 'Jeg er bange for udredningen', whatWorks: 'Børnene hjælper mig', dreamsAndWishes: 'At få en diagnose og komme videre' });
      expect(body.courses[0].referralReason).toBeNull();
      expect(JSON.stringify(body)).not.toContain('Far finder et job');
    });

    it("shows the father the same in his citizen view, attributes the yes to the mother, and never her words", async () => {
      const res = await viewOf(father);
      expect(res.status).toBe(200);
      const v = res.body;
      expect(JSON.stringify(v)).not.toMatch(MOTHERS);
      expect(v.citizenName).toBe('Peter Hansen');
      expect(v.subGoals.items.map((g: { title: string }) => g.title)).toEqual(['Faste rammer i hverdagen', 'Børnene trives i skolen', 'Far finder et job']);
      expect(v.actions.items.map((a: { title: string; goal: string | null; who: string }) => [a.title, a.goal, a.who])).toEqual([
        ['Lektiecafé to gange om ugen', 'Børnene trives i skolen', 'Familiecentret'],
        ['Far henter børnene om tirsdagen', null, 'Dig selv'],
      ]);
      expect(v.agreements.items.map((a: { text: string }) => a.text)).toEqual(['Børnene lægger skærmen væk klokken 20']);
      expect(v.goal.agreement).toBe('En forælder sagde ja til målet den 12. januar 2026.');
      expect(v.myWords).toMatchObject({ sections: [], withheld: expect.stringContaining('et andet medlem af familiens egne ord') });

      const mothers = (await viewOf(mother)).body;
      expect(mothers.goal.agreement).toBe('Du sagde ja til målet den 12. januar 2026.');
      expect(mothers.myWords.sections.map((s: { text: string }) => s.text)).toContain('Jeg er bange for udredningen');
      expect(mothers.subGoals.items.map((g: { title: string }) => g.title)).not.toContain('Far finder et job');
    });

    it('gives a child their own and the shared items only', async () => {
      const v = (await viewOf(emil)).body;
      expect(v.subGoals.items.map((g: { title: string }) => g.title)).toEqual(['Faste rammer i hverdagen', 'Børnene trives i skolen']);
      expect(JSON.stringify(v)).not.toMatch(MOTHERS);
      expect(JSON.stringify(v)).not.toContain('Far');
    });

    it('honours citizenId in the HTML page exactly like the JSON, and refuses unknown parameters on both', async () => {
      for (const path of ['citizen-view.html', 'citizen-view']) {
        const suffix = path.endsWith('.html') ? '' : '&format=html';
        const res = await api('get', `/courses/${courseId}/plan/${path}?citizenId=${father}${suffix}`, as.team);
        expect(res.status).toBe(200);
        expect(res.text).toContain('Peter Hansen');
        expect(res.text).toContain('Børnene trives i skolen');
        expect(res.text).toContain('En forælder sagde ja til målet');
        expect(res.text).not.toMatch(MOTHERS);
        expect(res.text).not.toContain('Du sagde ja');

        const unknown = await api('get', `/courses/${courseId}/plan/${path}?foo=1`, as.team);
        expect([unknown.status, unknown.body.code]).toEqual([400, 'validation.failed']);
        expect(unknown.body.errors[0].field).toBe('foo');
        const outsider = await api('get', `/courses/${courseId}/plan/${path}?citizenId=${stranger}`, as.team);
        expect([outsider.status, outsider.body.code]).toEqual([400, 'plan.reader-not-on-course']);
      }
      const mothers = await api('get', `/courses/${courseId}/plan/citizen-view.html`, as.team);
      expect(mothers.text).toContain('Maria Hansen');
      expect(mothers.text).toContain('Du sagde ja til målet');
    });
  });

  describe('a parent without custody', () => {
    beforeAll(async () => {
      const res = await api('patch', `/households/${householdId}/members/${father}`, as.team).send({ custody: false });
      expect(res.status).toBe(200);
      expect(res.body.members.find((m: { citizenId: string }) => m.citizenId === father).custody).toBe(false);
    });

    it("withholds the children's items from the father, in the export and the citizen view alike", async () => {
      const [plan] = (await exportOf(father)).courses[0].planVersions;
      expect(shownIds(plan.goals)).toEqual(['g-family', 'g-father']);
      expect(shownIds(plan.actions)).toEqual(['a-father-pickup']);
      expect(shownIds(plan.agreements)).toEqual([]);
      expect(JSON.stringify(plan)).not.toMatch(/Børnene|Lektiecafé|g-children/);

      const v = (await viewOf(father)).body;
      expect(v.subGoals.items.map((g: { title: string }) => g.title)).toEqual(['Faste rammer i hverdagen', 'Far finder et job']);
      expect(JSON.stringify(v)).not.toMatch(/Børnene|Lektiecafé/);
      // The mother keeps custody: she still gets the children's items.
      expect((await viewOf(mother)).body.subGoals.items.map((g: { title: string }) => g.title)).toContain('Børnene trives i skolen');
    });

    it('records custody for parents only', async () => {
      const child = await api('patch', `/households/${householdId}/members/${emil}`, as.team).send({ custody: true });
      expect([child.status, child.body.code, child.body.errors?.[0]?.field]).toEqual([422, 'household.custody-not-parent', 'custody']);
      const created = await api('post', '/households', as.team).send({ label: 'Forkert', members: [{ citizenId: stranger, relation: 'child', custody: true }] });
      expect([created.status, created.body.code, created.body.errors?.[0]?.field]).toEqual([422, 'household.custody-not-parent', 'members[0].custody']);
      const notMember = await api('patch', `/households/${householdId}/members/${stranger}`, as.team).send({ custody: true });
      expect([notMember.status, notMember.body.code]).toEqual([404, 'household.member-not-found']);
    });
  });
});

import { DataSource } from 'typeorm';
import { Citizen, Household, HouseholdMember } from '@enplan/core/citizens';
import { Course, TeamAssignment } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { Contact, Meeting, MeetingParticipant } from '@enplan/core/meetings';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';

const YEAR = 365 * 86_400;
const MOTHER_CPR = '1505851234';
const FATHER_CPR = '0203824321';
const CHILD_CPR = '1010151111';
const PSYCH = 'Henvist til psykiatrisk udredning';
const PSYCH_NOTE = 'Moderen er henvist til psykiatrisk udredning efter samtale med egen læge.';

/**
 * The access request (aktindsigt) of a two-parent family: after a divorce, the father's request must not
 * reveal that the mother was referred to a psychiatric examination, nor her CPR number, while shared
 * family goals appear in both parents' exports (the issue's redaction test).
 */
describe('access request (e2e): a two-parent family', () => {
  let t: TestApp;
  let mother: string;
  let father: string;
  let child: string;
  let courseId: string;
  let motherNoteId: string;
  const as = { manager: '', integration: '', team: '', familyWorker: '', otherMunicipality: '' };

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-03-02T09:00:00Z' });
    const ds = t.app.get(DataSource);
    const { id: municipalityId } = await ds.getRepository(Municipality).findOneByOrFail({ code: '999' });
    const unit = async (kind: OrgUnit['kind'], name: string) => (await ds.getRepository(OrgUnit).save({ municipalityId, kind, name })).id;
    const jobCentre = await unit('job-centre', 'Jobcenter Nord');
    const familyUnit = await unit('children-family', 'Familiecentret');
    const psychiatry = await unit('psychiatry', 'Psykiatrien Nord');
    const staff = async (name: string, unitId: string, authorityAreas: StaffMember['authorityAreas'], fn: StaffMember['function']) =>
      (await ds.getRepository(StaffMember).save({ municipalityId, name, unitId, function: fn, authorityAreas })).id;
    const caseworker = await staff('Mette Holm', jobCentre, ['employment', 'social-adults', 'health'], 'caseworker');
    const familyWorker = await staff('Ole Friis', familyUnit, ['children'], 'family-counsellor');
    const manager = await staff('Karin Berg', jobCentre, [], 'manager');

    const citizen = async (cpr: string, name: string, birthDate: string) => (await ds.getRepository(Citizen).save({ municipalityId, cpr, name, birthDate })).id;
    mother = await citizen(MOTHER_CPR, 'Maria Hansen', '1985-05-15');
    father = await citizen(FATHER_CPR, 'Peter Hansen', '1982-03-02');
    child = await citizen(CHILD_CPR, 'Emil Hansen', '2015-10-10');
    const household = await ds.getRepository(Household).save({ municipalityId, label: 'Familien Hansen' });
    for (const [citizenId, relation] of [[mother, 'parent'], [father, 'parent'], [child, 'child']] as const) {
      await ds.getRepository(HouseholdMember).save({ municipalityId, householdId: household.id, citizenId, relation });
    }
    const course = await ds.getRepository(Course).save({
      municipalityId,
      citizenId: null,
      householdId: household.id,
      targetGroup: 'families',
      modelId: 'generic',
      status: 'active',
      referredBy: 'Familieafdelingen',
      referredOn: '2026-01-05',
      activatedOn: '2026-01-12',
      referralReasonCode: 'family-at-risk',
      referralReason: 'Familien har brug for en samlet indsats',
    });
    courseId = course.id;
    for (const [staffMemberId, role] of [[caseworker, 'primary-contact'], [familyWorker, 'caseworker']] as const) {
      await ds.getRepository(TeamAssignment).save({ municipalityId, courseId, staffMemberId, role, startsOn: '2026-01-12', assignedBy: caseworker });
    }

    const token = (userId: string, roles: string[], municipality = '999') => t.token({ userId, roles, municipality, ttlSeconds: YEAR }).then((x) => `Bearer ${x}`);
    as.team = await token(caseworker, ['caseworker']);
    as.familyWorker = await token(familyWorker, ['caseworker']);
    as.manager = await token(manager, ['manager']);
    as.integration = await token('00000000-0000-4000-8000-0000000000aa', ['integrator']);
    as.otherMunicipality = await token('00000000-0000-4000-8000-000000000101', ['manager', 'integrator'], '101');
    const post = async (path: string, body: object, auth = as.team) => {
      const res = await t.http().post(`/api/v1${path}`).set('Authorization', auth).send(body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    };

    await post(`/courses/${courseId}/plan/versions`, {
      baseVersion: 0,
      changeSummary: 'Familiens første plan',
      content: {
        citizenWords: { worries: 'At vi skændes foran Emil', whatWorks: 'Vi er gode til at lave mad sammen', dreamsAndWishes: 'Ro og en god skolegang' },
        overallGoal: { text: 'En rolig hverdag for hele familien', citizenAgreed: true, agreedOn: '2026-01-12' },
        goals: [
          { id: 'g-family', title: 'Fælles mål: faste rammer i hverdagen', status: 'in-progress', concerns: [] },
          { id: 'g-mother', title: 'Mors trivsel', status: 'in-progress', concerns: [mother] },
          { id: 'g-child', title: 'Emil trives i skolen', status: 'in-progress', concerns: [child] },
        ],
        actions: [
          { id: 'a-family', goalId: 'g-family', title: 'Familiebehandling hver anden uge', legalBasis: 'BL-32', responsible: { kind: 'unit', id: familyUnit }, startDate: '2026-02-01', status: 'active' },
          { id: 'a-psych', goalId: 'g-mother', title: PSYCH, legalBasis: 'SUL-141', responsible: { kind: 'citizen' }, startDate: '2026-02-15', status: 'planned', concerns: [mother] },
        ],
        agreements: [{ id: 'ag-dinner', text: 'Spise aftensmad sammen tre gange om ugen', responsible: { kind: 'citizen' }, done: false }],
      },
    }, as.integration);
    motherNoteId = (await post(`/courses/${courseId}/journal-notes`, { legalArea: 'health', text: PSYCH_NOTE, concerns: [mother] })).id;
    t.clock.set('2026-03-02T09:05:00Z');
    await post(`/courses/${courseId}/journal-notes`, { legalArea: 'general', text: 'Familien ønsker møderne holdt hjemme hos dem.' });
    await post(`/courses/${courseId}/consents`, {
      kind: 'information-sharing',
      citizenId: mother,
      partyUnitIds: [psychiatry],
      purpose: 'Koordinering af udredningen',
      categories: ['health'],
      validFrom: '2026-02-01',
      form: 'written',
    });
    await post(`/courses/${courseId}/consents`, { kind: 'participation', citizenId: father, purpose: 'Deltagelse i familieforløbet', validFrom: '2026-01-12', form: 'written' });

    const meeting = await ds.getRepository(Meeting).save({
      municipalityId,
      courseId,
      type: 'network',
      startsAt: new Date('2026-02-20T13:00:00Z'),
      endsAt: new Date('2026-02-20T14:00:00Z'),
      placeKind: 'citizen-home',
      placeText: null,
      status: 'held',
      // Minutes are free text with no `concerns`: this one mentions the mother's referral.
      minutes: 'Hele familien deltog; aftensmadsaftalen holder. Maria er henvist til psykiatrisk udredning.',
      createdBy: caseworker,
    });
    for (const p of [
      { kind: 'staff' as const, staffMemberId: caseworker, roles: ['chair'] },
      { kind: 'citizen' as const, citizenId: mother },
      { kind: 'citizen' as const, citizenId: father },
    ]) {
      await ds.getRepository(MeetingParticipant).save({ municipalityId, meetingId: meeting.id, attendance: 'attended', roles: [], ...p });
    }
    await ds.getRepository(Contact).save({
      municipalityId,
      courseId,
      kind: 'home-visit',
      at: new Date('2026-02-25T10:00:00Z'),
      staffMemberId: familyWorker,
      staffMemberIds: [familyWorker],
      note: 'Hjemmebesøg: god stemning ved aftensmaden.',
      legalArea: 'children',
      createdBy: familyWorker,
    });
  });
  afterAll(() => t?.close());

  const exportOf = (citizenId: string, auth = as.manager, suffix = '') => t.http().get(`/api/v1/citizens/${citizenId}/access-request${suffix}`).set('Authorization', auth);
  type Item = { id: string; redacted: boolean; reason?: string; kind: string; title?: string; text?: string };

  it("withholds from the father what concerns only the mother, and never shows her master data", async () => {
    const res = await exportOf(father);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body;
    const all = JSON.stringify(body);
    expect(all).not.toMatch(/psykiatrisk/i);
    expect(all).not.toContain(MOTHER_CPR);
    expect(all).not.toContain('Maria');
    expect(all).not.toContain(CHILD_CPR);
    expect(all).not.toContain('Emil Hansen');

    expect(body.citizen).toMatchObject({ id: father, cpr: FATHER_CPR, name: 'Peter Hansen', birthDate: '1982-03-02' });
    expect(body.households).toEqual([expect.objectContaining({ label: 'Familien Hansen', yourRelation: 'parent', otherMembers: expect.arrayContaining(['parent', 'child']) })]);
    expect(body.courses).toHaveLength(1);
    const course = body.courses[0];
    // Untagged free text of a family course waits for a caseworker's review instead of being released: the
    // kinds this course holds texts of are listed.
    expect(course).toMatchObject({
      id: courseId,
      yourRole: 'household-member',
      referralReason: null,
      withheldForReview: ['meeting-minutes', 'referral-reason', 'plan-change-summaries', 'contact-notes', 'citizen-words'],
    });

    const [plan] = course.planVersions;
    const goal = (id: string) => plan.goals.find((g: Item) => g.id === id);
    expect(goal('g-family')).toMatchObject({ redacted: false, title: 'Fælles mål: faste rammer i hverdagen' });
    // The mother's goal and action are stubs with an opaque reference; the child's goal is the father's too (joint custody).
    expect(plan.goals[1]).toEqual({ ref: expect.stringMatching(/^udeladt-\d+$/), kind: 'plan-goal', date: null, redacted: true, reason: 'concerns-another-household-member' });
    expect(goal('g-child')).toMatchObject({ redacted: false, title: 'Emil trives i skolen' });
    expect(plan.actions[1]).toEqual({ ref: expect.stringMatching(/^udeladt-\d+$/), kind: 'plan-action', date: '2026-02-15', redacted: true, reason: 'concerns-another-household-member' });
    expect(all).not.toContain('g-mother');
    expect(all).not.toContain('a-psych');
    // The family course has no main citizen: whose words these are waits for review.
    expect(plan.citizenWords).toMatchObject({ kind: 'citizen-words', redacted: true, reason: 'review-required' });
    expect(plan.actions.find((a: Item) => a.id === 'a-family')).toMatchObject({ redacted: false, title: 'Familiebehandling hver anden uge' });
    expect(plan.agreements).toEqual([expect.objectContaining({ id: 'ag-dinner', redacted: false, text: 'Spise aftensmad sammen tre gange om ugen' })]);
    expect(plan.overallGoal.text).toBe('En rolig hverdag for hele familien');

    expect(course.journalNotes).toEqual([
      { ref: expect.stringMatching(/^udeladt-\d+$/), kind: 'journal-note', date: '2026-03-02T09:00:00.000Z', redacted: true, reason: 'concerns-another-household-member' },
      expect.objectContaining({ redacted: false, text: 'Familien ønsker møderne holdt hjemme hos dem.', authorName: 'Mette Holm' }),
    ]);
    expect(course.consents.map((c: Item) => [c.kind, c.redacted])).toEqual([
      ['consent', true],
      ['consent', false],
    ]);
    // An untagged contact note of a family course waits for review; the contact itself is shown.
    expect(course.contacts).toEqual([expect.objectContaining({ redacted: false, note: null, staff: ['Ole Friis'] })]);
    expect(all).not.toContain(motherNoteId);
    const [meeting] = course.meetings;
    expect(meeting.minutes).toMatchObject({ kind: 'meeting-minutes', redacted: true, reason: 'review-required' });
    expect(meeting.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'staff', name: 'Mette Holm', roles: ['chair'] }),
        expect.objectContaining({ kind: 'citizen', you: true, name: null }),
        expect.objectContaining({ kind: 'citizen', you: false, name: null }),
      ]),
    );
    expect(course.team.map((a: { staffName: string }) => a.staffName).sort()).toEqual(['Mette Holm', 'Ole Friis']);
    expect(body.redactions).toBe(6);
    // The log of accesses to the family's data (the plan, the notes) is the father's too.
    expect(body.accessLog.length).toBeGreaterThan(0);
    expect(body.accessLog.every((e: { citizenIds: string[] }) => e.citizenIds.includes(father))).toBe(true);
  });

  it("gives the mother what concerns her, and not the father's master data", async () => {
    const res = await exportOf(mother, as.integration);
    expect(res.status).toBe(200);
    const all = JSON.stringify(res.body);
    expect(all).toContain(PSYCH);
    expect(all).toContain(PSYCH_NOTE);
    expect(all).toContain(MOTHER_CPR);
    expect(all).not.toContain(FATHER_CPR);
    expect(all).not.toContain('Peter');
    const [plan] = res.body.courses[0].planVersions;
    expect(plan.goals.find((g: Item) => g.id === 'g-family')).toMatchObject({ redacted: false, title: 'Fælles mål: faste rammer i hverdagen' });
    expect(plan.goals.find((g: Item) => g.id === 'g-mother')).toMatchObject({ redacted: false, title: 'Mors trivsel' });
    // Her own consent is shown, the father's is withheld.
    expect(res.body.courses[0].consents.map((c: { redacted: boolean; purpose?: string }) => c.purpose ?? 'withheld')).toEqual(['Koordinering af udredningen', 'withheld']);
  });

  it('renders a readable Danish document with the same redaction', async () => {
    const res = await exportOf(father, as.manager, '.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Aktindsigt</h1>');
    expect(html).toContain('020382-4321');
    expect(html).toContain('Peter Hansen');
    expect(html).toContain('Fælles mål: faste rammer i hverdagen');
    expect(html).toContain('Udeladt: vedrører et andet medlem af husstanden');
    expect(html).not.toMatch(/psykiatrisk/i);
    expect(html).not.toContain('150585');
    expect(html).not.toContain('Maria');
    expect(html).not.toMatch(/<script/i);

    const hers = await exportOf(mother, as.manager, '.html');
    expect(hers.text).toContain(PSYCH);
    expect(hers.text).toContain('150585-1234');
  });

  it('is for managers and integrations of the municipality only', async () => {
    const caseworker = await exportOf(father, as.team);
    expect(caseworker.status).toBe(403);
    expect(caseworker.body.code).toBe('access.role-required');
    expect((await exportOf(father, as.familyWorker, '.html')).status).toBe(403);
    const foreign = await exportOf(father, as.otherMunicipality);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('citizen.not-found');
    expect((await t.http().get(`/api/v1/citizens/${father}/access-request`)).status).toBe(401);
  });

  it('logs each export as a read of that citizen only', async () => {
    const log = async (citizenId: string) =>
      (await t.http().get(`/api/v1/citizens/${citizenId}/access-log?limit=100`).set('Authorization', as.integration)).body.items as {
        recordType: string;
        route: string;
        outcome: string;
        citizenIds: string[];
      }[];
    const fathers = (await log(father)).filter((e) => e.recordType === 'access-request');
    expect(fathers.map((e) => `${e.outcome} ${e.route}`).sort()).toEqual([
      'allowed GET /api/v1/citizens/:id/access-request',
      'allowed GET /api/v1/citizens/:id/access-request.html',
    ]);
    expect(fathers.every((e) => e.citizenIds.length === 1 && e.citizenIds[0] === father)).toBe(true);
    // The child has not been exported: no access-request entry concerns them.
    expect((await log(child)).some((e) => e.recordType === 'access-request')).toBe(false);
  });
});

import { DataSource } from 'typeorm';
import { TeamAssignment, type Course } from '@enplan/core/courses';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { arrangeFamilyWorld, saveFamilyCourse, untaggedContact, untaggedMeeting } from './family-world.js';
const UNKNOWN = '0b5e8a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Issue 12, item 2, the two missing parts: a caseworker releases a withheld free text to named household members,
 * and free text tagged with whom it concerns when written is disclosed by the rule without a release. The same
 * divorced couple with two children as family-disclosure.e2e-spec (the mother is the course's main citizen; the
 * father holds joint custody until the last block), plus a family course without a main citizen (for the words).
 */
describe('family release (e2e): caseworkers release withheld free text; tagged free text needs no release', () => {
  let t: TestApp;
  let ds: DataSource;
  let mother: string;
  let father: string;
  let emil: string;
  let sofie: string;
  let stranger: string;
  let householdId: string;
  let courseId: string;
  let familyCourseId: string;
  let otherCourseId: string;
  let caseworker: string;
  const as = { team: '', manager: '', integration: '', covering: '' };
  const ids = {} as Record<
    | 'untaggedContact'
    | 'untaggedFollowUp'
    | 'emilContact'
    | 'meeting'
    | 'untaggedAgenda'
    | 'emilAgenda'
    | 'organisationParticipant'
    | 'planVersion'
    | 'familyPlanVersion'
    | 'grant'
    | 'untaggedTransition'
    | 'otherContact',
    string
  >;

  const api = (method: 'get' | 'post' | 'patch' | 'put', path: string, auth = as.team) => t.http()[method](`/api/v1${path}`).set('Authorization', auth);
  const post = async (path: string, body: object, auth = as.team, status = 201) => {
    const res = await api('post', path, auth).send(body);
    if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const release = (body: object, auth = as.team, course = courseId) => api('post', `/courses/${course}/disclosure-releases`, auth).send(body);
  const courseOf = async (citizenId: string, id = courseId): Promise<Body> => {
    const res = await api('get', `/citizens/${citizenId}/access-request`, as.manager);
    expect(res.status).toBe(200);
    return res.body.courses.find((c: Body) => c.id === id);
  };
  const exportOf = async (citizenId: string): Promise<Body> => (await api('get', `/citizens/${citizenId}/access-request`, as.manager)).body;
  const noteOf = (course: Body, contactId: string) => course.contacts.find((k: Body) => !k.redacted && k.id === contactId);
  const problem = (res: { status: number; body: Body }) => [res.status, res.body.code, res.body.errors?.[0]?.field];

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-03-02T09:00:00Z' });
    const w = await arrangeFamilyWorld(t);
    const { municipalityId, cover } = w;
    ({ ds, caseworker, mother, father, emil, sofie, stranger } = w);
    householdId = w.household.id;
    Object.assign(as, w.as);

    const course = (o: Partial<Course>) => saveFamilyCourse(ds, municipalityId, o);
    courseId = (await course({ citizenId: mother, householdId })).id;
    familyCourseId = (await course({ citizenId: null, householdId })).id;
    otherCourseId = (await course({ citizenId: stranger, householdId: null, targetGroup: 'adults' })).id;
    for (const id of [courseId, familyCourseId, otherCourseId]) {
      await ds.getRepository(TeamAssignment).save({ municipalityId, courseId: id, staffMemberId: caseworker, role: 'primary-contact', startsOn: '2026-01-12', assignedBy: caseworker });
    }

    const plan = (citizenWords: object) => ({
      baseVersion: 0,
      changeSummary: 'Mor er henvist til psykiatrisk udredning',
      content: {
        citizenWords,
        overallGoal: { text: 'En rolig hverdag for hele familien', citizenAgreed: true, agreedOn: '2026-01-12' },
        goals: [{ id: 'g-family', title: 'Faste rammer i hverdagen', status: 'in-progress', concerns: [] }],
        actions: [],
        agreements: [],
      },
    });
    const words = { worries: 'Vi skændes om aftenen', whatWorks: 'Søndagsmiddagen', dreamsAndWishes: 'En ferie sammen' };
    ids.planVersion = (await post(`/courses/${courseId}/plan/versions`, plan(words))).id;
    ids.familyPlanVersion = (await post(`/courses/${familyCourseId}/plan/versions`, plan(words))).id;

    const meeting = await post(`/courses/${courseId}/meetings`, untaggedMeeting(caseworker));
    ids.meeting = meeting.id;
    ids.untaggedAgenda = meeting.agenda[0].id;
    ids.organisationParticipant = meeting.participants.find((p: Body) => p.kind === 'network').id;
    const agenda = await post(`/meetings/${ids.meeting}/agenda`, { title: 'Emils skolegang', concerns: [emil] });
    ids.emilAgenda = agenda.find((a: Body) => a.title === 'Emils skolegang').id;
    expect(agenda.find((a: Body) => a.id === ids.emilAgenda).concerns).toEqual([emil]);
    const minutes = await api('put', `/meetings/${ids.meeting}/minutes`).send({ minutes: 'Referat: mors udredning blev drøftet' });
    expect(minutes.status).toBe(200);

    const untagged = await post(`/courses/${courseId}/contacts`, untaggedContact(caseworker));
    ids.untaggedContact = untagged.id;
    ids.untaggedFollowUp = untagged.followUps[0].id;
    const tagged = await post(`/courses/${courseId}/contacts`, {
      kind: 'home-visit',
      at: '2026-02-26T10:00:00Z',
      note: 'Emil trives i 5. klasse',
      staffMemberIds: [caseworker],
      legalArea: 'children',
      concerns: [emil],
      followUps: [{ text: 'Skolemøde om Emil', ownerId: caseworker, dueOn: '2026-03-05' }],
    });
    ids.emilContact = tagged.id;
    expect([tagged.concerns, tagged.followUps[0].concerns]).toEqual([[emil], []]);
    ids.otherContact = (await post(`/courses/${otherCourseId}/contacts`, { kind: 'call', at: '2026-02-25T10:00:00Z', note: 'Andet forløb', legalArea: 'employment', staffMemberIds: [caseworker] })).id;

    // Two transitions through the API: an untagged reason, then one tagged as the father's.
    await post(`/courses/${courseId}/transitions`, { to: 'paused', reason: 'Pause mens mor er indlagt' });
    const resumed = await post(`/courses/${courseId}/transitions`, { to: 'active', reason: 'Far kan tage over om eftermiddagen', concerns: [father] });
    ids.untaggedTransition = resumed.transitions.find((x: Body) => x.to === 'paused').id;
    expect(resumed.transitions.find((x: Body) => x.to === 'active').concerns).toEqual([father]);

    ids.grant = (await post(`/courses/${courseId}/access-grants`, { staffMemberId: cover, reason: 'Afløser under mors indlæggelse', validUntil: '2026-03-09' }, as.manager)).id;
    expect((await api('get', `/courses/${courseId}/plan`, as.covering)).status).toBe(200);
  });
  afterAll(() => t?.close());

  describe('by default (joint custody)', () => {
    it('withholds every untagged free text from a parent, and lists the kinds for review', async () => {
      const course = await courseOf(father);
      expect(noteOf(course, ids.untaggedContact)).toMatchObject({ note: null, followUps: [{ id: ids.untaggedFollowUp, text: null }] });
      expect(course.meetings[0].minutes).toMatchObject({ kind: 'meeting-minutes', redacted: true, reason: 'review-required' });
      expect(course.meetings[0].participants.map((p: Body) => p.organisation)).toEqual([null, null]);
      expect(course.planVersions[0].changeSummary).toBeNull();
      expect(course.transitions.find((x: Body) => x.to === 'paused').reason).toBeNull();
      expect(course.withheldForReview).toEqual([
        'meeting-minutes',
        'meeting-agenda',
        'participant-organisations',
        'referral-reason',
        'transition-reasons',
        'plan-change-summaries',
        'contact-notes',
        'follow-up-texts',
        'access-grant-reasons',
      ]);
      expect(JSON.stringify(course)).not.toMatch(/udredning|indlagt|psykiatri/i);
    });

    it('discloses a contact note tagged with a child to both parents with custody, its follow-up with it, without a release', async () => {
      for (const parent of [father, mother]) {
        const course = await courseOf(parent);
        expect(noteOf(course, ids.emilContact)).toMatchObject({ note: 'Emil trives i 5. klasse', followUps: [{ text: 'Skolemøde om Emil' }] });
        // The tagged agenda item is shown; the untagged one is not.
        expect(course.meetings[0].agenda).toEqual(['Emils skolegang']);
      }
      // A reason tagged as the father's is his: the mother is not told it.
      expect((await courseOf(father)).transitions.map((x: Body) => x.reason)).toEqual([null, 'Far kan tage over om eftermiddagen']);
      expect((await courseOf(mother)).transitions.map((x: Body) => x.reason)).toEqual([null, null]);
    });
  });

  describe('a release', () => {
    const released: Body[] = [];
    beforeAll(async () => {
      const toFather = (kind: string, recordId: string) => ({ kind, recordId, citizenIds: [father], reason: 'Gennemgået: kan vises til far' });
      for (const [kind, recordId] of [
        ['contact-note', ids.untaggedContact],
        ['follow-up', ids.untaggedFollowUp],
        ['meeting-minutes', ids.meeting],
        ['meeting-agenda', ids.untaggedAgenda],
        ['participant-organisation', ids.organisationParticipant],
        ['plan-change-summary', ids.planVersion],
        ['transition-reason', ids.untaggedTransition],
      ]) {
        const res = await release(toFather(kind, recordId));
        expect([res.status, res.body.code]).toEqual([201, undefined]);
        released.push(res.body);
      }
      // A manager overseeing the course may release too.
      const byManager = await release(toFather('grant-reason', ids.grant), as.manager);
      expect(byManager.status).toBe(201);
      released.push(byManager.body);
    });

    it('is recorded with whom, why, by whom and when, and listed', async () => {
      expect(released[0]).toEqual({
        id: expect.any(String),
        courseId,
        kind: 'contact-note',
        recordId: ids.untaggedContact,
        citizenIds: [father],
        reason: 'Gennemgået: kan vises til far',
        releasedBy: expect.any(String),
        releasedAt: '2026-03-02T09:00:00.000Z',
      });
      const list = await api('get', `/courses/${courseId}/disclosure-releases`);
      expect(list.status).toBe(200);
      // Oldest first; the test's clock stands still, so all of them share one time.
      expect(list.body.items.map((r: Body) => r.id).sort()).toEqual(released.map((r) => r.id).sort());
    });

    it('is written to the access log with the release, naming the members released to, never the text', async () => {
      const rows: { record_id: string; citizen_ids: string[]; course_ids: string[]; basis: string; operation: string; reason: string }[] = await ds.query(
        `SELECT record_id, citizen_ids, course_ids, basis, operation, reason FROM access_log WHERE record_type = 'disclosure-release' AND route = $1 ORDER BY at, id`,
        ['POST /api/v1/courses/:courseId/disclosure-releases'],
      );
      const own = rows.filter((r) => released.some((x) => x.id === r.record_id));
      expect(own).toHaveLength(released.length);
      expect(own.find((r) => r.record_id === released[0].id)).toEqual({
        record_id: released[0].id,
        citizen_ids: [father],
        course_ids: [courseId],
        basis: 'team',
        operation: 'write',
        reason: `released contact-note ${ids.untaggedContact}`,
      });
      expect(own.find((r) => r.record_id === released.at(-1)?.id)?.basis).toBe('manager');
      expect(JSON.stringify(rows)).not.toMatch(/Gennemgået|Maria|udredning/);
      // Append-only in the database too: a release is never edited (a later decision is a new one).
      await expect(ds.query(`UPDATE disclosure_release SET citizen_ids = '{}' WHERE id = $1`, [released[0].id])).rejects.toThrow(/never updated/);
    });

    it('shows the texts in the father’s export, and takes their kinds off his review list', async () => {
      const course = await courseOf(father);
      expect(noteOf(course, ids.untaggedContact)).toMatchObject({ note: 'Talt med Maria om udredningen', followUps: [{ text: 'Ring til psykiatrien om Marias tid' }] });
      expect(course.meetings[0].minutes).toBe('Referat: mors udredning blev drøftet');
      expect(course.meetings[0].agenda).toEqual(['Mors udredning', 'Emils skolegang']);
      expect(course.meetings[0].participants.map((p: Body) => [p.kind, p.organisation]).sort()).toEqual([
        ['network', 'Pårørende i psykiatrien'],
        ['staff', null],
      ]);
      expect(course.planVersions[0].changeSummary).toBe('Mor er henvist til psykiatrisk udredning');
      expect(course.transitions.find((x: Body) => x.to === 'paused').reason).toBe('Pause mens mor er indlagt');
      // Only the referral reason (no release for it yet) is still waiting.
      expect(course.withheldForReview).toEqual(['referral-reason']);
      const grantReads = (await exportOf(father)).accessLog.filter((l: Body) => l.basis.includes('grant'));
      expect(grantReads.length).toBeGreaterThan(0);
      expect(grantReads.every((l: Body) => l.reason === 'Afløser under mors indlæggelse')).toBe(true);
    });

    it('leaves everything withheld for the mother, to whom nothing was released', async () => {
      const body = await exportOf(mother);
      const course = body.courses.find((c: Body) => c.id === courseId);
      expect(noteOf(course, ids.untaggedContact).note).toBeNull();
      expect(course.meetings[0].minutes).toMatchObject({ redacted: true, reason: 'review-required' });
      expect(course.withheldForReview).toContain('contact-notes');
      expect(course.withheldForReview).toContain('access-grant-reasons');
      expect(body.accessLog.filter((l: Body) => l.basis.includes('grant')).every((l: Body) => l.reason === null)).toBe(true);
    });

    it("releases the words of a family course without a main citizen: the father's citizen view shows them, the mother's not", async () => {
      const view = async (citizenId: string) => (await api('get', `/courses/${familyCourseId}/plan/citizen-view?citizenId=${citizenId}`)).body;
      expect((await view(father)).myWords).toMatchObject({ sections: [], withheld: expect.stringContaining('gennemgås af en sagsbehandler') });
      const res = await release({ kind: 'citizen-words', recordId: ids.familyPlanVersion, citizenIds: [father], reason: 'Ordene handler om hele familien' }, as.team, familyCourseId);
      expect(res.status).toBe(201);
      const fathers = await view(father);
      expect(fathers.myWords.withheld).toBeNull();
      expect(fathers.myWords.sections.map((s: Body) => s.text)).toEqual(['Vi skændes om aftenen', 'Søndagsmiddagen', 'En ferie sammen']);
      expect((await view(mother)).myWords.sections).toEqual([]);
      const exported = await courseOf(father, familyCourseId);
      expect(exported.planVersions[0].citizenWords).toEqual({ worries: 'Vi skændes om aftenen', whatWorks: 'Søndagsmiddagen', dreamsAndWishes: 'En ferie sammen' });
      expect(exported.withheldForReview).not.toContain('citizen-words');
      expect((await courseOf(mother, familyCourseId)).withheldForReview).toContain('citizen-words');
    });

    it('goes to the whole household when no members are named', async () => {
      const res = await release({ kind: 'meeting-minutes', recordId: ids.meeting, reason: 'Referatet er gennemgået' });
      expect(res.status).toBe(201);
      expect([...res.body.citizenIds].sort()).toEqual([mother, father, emil, sofie].sort());
      expect((await courseOf(mother)).meetings[0].minutes).toBe('Referat: mors udredning blev drøftet');
    });
  });

  describe('bad input', () => {
    it('refuses an unknown kind (400), a record not of this course or of no course (422 recordId), members outside the household (422 citizenIds)', async () => {
      const base = { kind: 'contact-note', recordId: ids.untaggedContact, citizenIds: [father], reason: 'Gennemgået' };
      const kind = await release({ ...base, kind: 'journal-note' });
      expect(problem(kind)).toEqual([400, 'validation.failed', 'kind']);
      expect(problem(await release({ ...base, recordId: UNKNOWN }))).toEqual([422, 'disclosure-release.record-unknown', 'recordId']);
      expect(problem(await release({ ...base, recordId: ids.otherContact }))).toEqual([422, 'disclosure-release.record-unknown', 'recordId']);
      // The right id under the wrong kind is no such record either.
      expect(problem(await release({ ...base, kind: 'follow-up' }))).toEqual([422, 'disclosure-release.record-unknown', 'recordId']);
      expect(problem(await release({ ...base, citizenIds: [father, stranger] }))).toEqual([422, 'disclosure-release.citizen-not-in-household', 'citizenIds[1]']);
      expect(problem(await release({ ...base, citizenIds: ['nope'] }))).toEqual([400, 'validation.failed', 'citizenIds']);
      const missing = await release({ kind: 'contact-note', recordId: ids.untaggedContact });
      expect(problem(missing)).toEqual([400, 'validation.failed', 'reason']);
    });

    it('refuses to release what the rule decides: a tagged text, or the words of the course citizen', async () => {
      expect(problem(await release({ kind: 'contact-note', recordId: ids.emilContact, reason: 'Gennemgået' }))).toEqual([422, 'disclosure-release.not-for-review', 'recordId']);
      expect(problem(await release({ kind: 'citizen-words', recordId: ids.planVersion, reason: 'Gennemgået' }))).toEqual([422, 'disclosure-release.not-for-review', 'kind']);
    });

    it('refuses someone outside the household in concerns when free text is written, naming the field, and writes nothing', async () => {
      const contact = await api('post', `/courses/${courseId}/contacts`).send({ kind: 'call', at: '2026-03-01T10:00:00Z', note: 'x', legalArea: 'health', concerns: [emil, stranger] });
      expect(problem(contact)).toEqual([422, 'course.concerns-unknown', 'concerns[1]']);
      const followUp = await api('post', `/courses/${courseId}/contacts`).send({
        kind: 'call',
        at: '2026-03-01T10:00:00Z',
        note: 'x',
        legalArea: 'health',
        followUps: [{ text: 'y', ownerId: caseworker, dueOn: '2026-03-10', concerns: [stranger] }],
      });
      expect(problem(followUp)).toEqual([422, 'course.concerns-unknown', 'followUps[0].concerns[0]']);
      expect((await api('get', `/courses/${courseId}/contacts`)).body.total).toBe(2);
      expect(problem(await api('post', `/courses/${courseId}/transitions`).send({ to: 'paused', reason: 'x', concerns: [stranger] }))).toEqual([422, 'course.concerns-unknown', 'concerns[0]']);
      expect((await api('get', `/courses/${courseId}`)).body.status).toBe('active');
      expect(problem(await api('post', `/meetings/${ids.meeting}/agenda`).send({ title: 'x', concerns: [stranger] }))).toEqual([422, 'course.concerns-unknown', 'concerns[0]']);
      expect(
        problem(await api('post', `/courses/${courseId}/access-grants`, as.manager).send({ staffMemberId: caseworker, reason: 'Afløser', validUntil: '2026-03-09', concerns: [stranger] })),
      ).toEqual([422, 'course.concerns-unknown', 'concerns[0]']);
      const publish = await api('post', `/courses/${courseId}/plan/versions`).send({ baseVersion: 1, changeSummary: 'x', changeSummaryConcerns: [stranger] });
      expect(problem(publish)).toEqual([422, 'course.concerns-unknown', 'changeSummaryConcerns[0]']);
      expect(problem(await api('post', `/courses/${courseId}/contacts`).send({ kind: 'call', at: '2026-03-01T10:00:00Z', note: 'x', legalArea: 'health', concerns: ['x'] }))).toEqual([
        400,
        'validation.failed',
        'concerns',
      ]);
    });
  });

  describe('a parent without custody', () => {
    beforeAll(async () => {
      expect((await api('patch', `/households/${householdId}/members/${father}`).send({ custody: false })).status).toBe(200);
    });

    it("withholds the contact tagged with a child from him, as the other's, while the mother with custody keeps it", async () => {
      const fathers = await courseOf(father);
      expect(noteOf(fathers, ids.emilContact)).toBeUndefined();
      expect(fathers.contacts.filter((k: Body) => k.redacted)).toEqual([{ ref: expect.stringMatching(/^udeladt-\d+$/), kind: 'contact', date: '2026-02-26T10:00:00.000Z', redacted: true, reason: 'concerns-another-household-member' }]);
      expect(JSON.stringify(fathers)).not.toMatch(/Emil trives|Skolemøde/);
      expect(fathers.meetings[0].agenda).toEqual(['Mors udredning']);
      expect(noteOf(await courseOf(mother), ids.emilContact).note).toBe('Emil trives i 5. klasse');
    });
  });
});

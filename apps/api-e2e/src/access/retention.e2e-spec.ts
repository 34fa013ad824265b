import { DataSource } from 'typeorm';
import { AccessGrant, AccessLogEntry } from '@enplan/core/access';
import { Citizen, Household, HouseholdMember } from '@enplan/core/citizens';
import { Consent, Course, CourseTransition, TeamAssignment } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { JournalNote } from '@enplan/core/journal';
import { Contact, FollowUp, Meeting, MeetingCourse, MeetingParticipant } from '@enplan/core/meetings';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { Plan, PlanVersion } from '@enplan/core/plans';
import { RETENTION_ACTOR_ID, RetentionService } from '@enplan/core/records';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';

const YEAR = 365 * 86_400;

/**
 * Retention and erasure through the real database, with time moved by the harness clock: closing a course
 * sets its retention date (end date + ENPLAN_RETENTION_YEARS, here 2); once it has passed, the purge erases
 * the course with everything depending on it and the citizens and households nothing else refers to,
 * logs a `purge` per course, and leaves the access log itself untouched.
 */
describe('retention and erasure (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let retention: RetentionService;
  let municipalityId: string;
  let integration: string;
  const ids = {} as Record<
    'anna' | 'bo' | 'cille' | 'dora' | 'household' | 'annaCourse' | 'familyCourse' | 'doraCourse' | 'boardOnlyAnna' | 'boardShared' | 'doraMeeting' | 'staff',
    string
  >;

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-01-05T09:00:00Z', env: { ENPLAN_RETENTION_YEARS: '2' } });
    ds = t.app.get(DataSource);
    retention = t.app.get(RetentionService, { strict: false });
    integration = `Bearer ${await t.token({ userId: '00000000-0000-4000-8000-0000000000aa', roles: ['integrator'], ttlSeconds: 10 * YEAR })}`;
    ({ id: municipalityId } = await ds.getRepository(Municipality).findOneByOrFail({ code: '999' }));
    const m = municipalityId;
    const unit = await ds.getRepository(OrgUnit).save({ municipalityId: m, kind: 'job-centre', name: 'Jobcenter Nord' });
    ids.staff = (await ds.getRepository(StaffMember).save({ municipalityId: m, name: 'Mette Holm', unitId: unit.id, function: 'caseworker', authorityAreas: ['employment'] })).id;
    const citizen = async (cpr: string, name: string) => (await ds.getRepository(Citizen).save({ municipalityId: m, cpr, name, birthDate: '1990-01-01' })).id;
    ids.anna = await citizen('0101901111', 'Anna Jensen');
    ids.bo = await citizen('0101902222', 'Bo Nielsen');
    ids.cille = await citizen('0101903333', 'Cille Nielsen');
    ids.dora = await citizen('0101904444', 'Dora Holm');
    ids.household = (await ds.getRepository(Household).save({ municipalityId: m, label: 'Familien Nielsen' })).id;
    for (const citizenId of [ids.bo, ids.cille]) await ds.getRepository(HouseholdMember).save({ municipalityId: m, householdId: ids.household, citizenId, relation: 'parent' });
    const course = async (o: Partial<Course>) =>
      (
        await ds.getRepository(Course).save({
          municipalityId: m,
          targetGroup: 'adults',
          modelId: 'generic',
          status: 'active',
          referredBy: 'Jobcenter',
          referredOn: '2025-11-01',
          activatedOn: '2025-11-10',
          referralReasonCode: 'multiple-complex-problems',
          referralReason: 'Flere problemer',
          ...o,
        })
      ).id;
    ids.annaCourse = await course({ citizenId: ids.anna });
    ids.familyCourse = await course({ householdId: ids.household, targetGroup: 'families', status: 'assessed' });
    ids.doraCourse = await course({ citizenId: ids.dora });
    for (const courseId of [ids.annaCourse, ids.familyCourse, ids.doraCourse]) {
      await ds.getRepository(TeamAssignment).save({ municipalityId: m, courseId, staffMemberId: ids.staff, role: 'primary-contact', startsOn: '2025-11-10', assignedBy: ids.staff });
    }

    // Anna's course has a bit of everything hanging off it.
    const post = async (path: string, body: object) => {
      const res = await t.http().post(`/api/v1${path}`).set('Authorization', integration).send(body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    };
    await post(`/courses/${ids.annaCourse}/plan/versions`, {
      baseVersion: 0,
      changeSummary: 'Første plan',
      content: {
        citizenWords: { worries: 'Huslejen', whatWorks: 'Madlavning', dreamsAndWishes: 'Et job' },
        overallGoal: { text: 'Et job', citizenAgreed: true, agreedOn: '2025-12-01' },
        goals: [{ id: 'g', title: 'Praktik', status: 'in-progress', concerns: [] }],
        actions: [],
        agreements: [],
      },
    });
    await post(`/courses/${ids.annaCourse}/journal-notes`, { legalArea: 'employment', text: 'Samtale om praktik' });
    const first = await post(`/courses/${ids.annaCourse}/journal-notes`, { legalArea: 'general', text: 'Første notat' });
    await post(`/courses/${ids.annaCourse}/journal-notes`, { legalArea: 'general', text: 'Rettelse', correctsId: first.id });
    await post(`/courses/${ids.annaCourse}/consents`, { kind: 'participation', citizenId: ids.anna, purpose: 'Deltagelse', validFrom: '2025-11-10', form: 'written' });
    await ds.getRepository(AccessGrant).save({ municipalityId: m, courseId: ids.annaCourse, staffMemberId: ids.staff, reason: 'Ferie', validUntil: '2026-01-20', grantedBy: ids.staff });
    const meeting = async (courseId: string | null) =>
      (
        await ds.getRepository(Meeting).save({
          municipalityId: m,
          courseId,
          type: courseId ? 'plan' : 'board',
          startsAt: new Date('2025-12-01T09:00:00Z'),
          endsAt: new Date('2025-12-01T10:00:00Z'),
          placeKind: 'town-hall',
          status: 'held',
          minutes: 'Referat',
          createdBy: ids.staff,
        })
      ).id;
    const annaMeeting = await meeting(ids.annaCourse);
    await ds.getRepository(MeetingParticipant).save({ municipalityId: m, meetingId: annaMeeting, kind: 'citizen', citizenId: ids.anna, roles: [] });
    ids.boardOnlyAnna = await meeting(null);
    await ds.getRepository(MeetingCourse).save({ municipalityId: m, meetingId: ids.boardOnlyAnna, courseId: ids.annaCourse });
    ids.boardShared = await meeting(null);
    for (const courseId of [ids.annaCourse, ids.doraCourse]) await ds.getRepository(MeetingCourse).save({ municipalityId: m, meetingId: ids.boardShared, courseId });
    const contact = await ds.getRepository(Contact).save({
      municipalityId: m,
      courseId: ids.annaCourse,
      kind: 'call',
      at: new Date('2025-12-02T09:00:00Z'),
      staffMemberId: ids.staff,
      staffMemberIds: [ids.staff],
      note: 'Opringning',
      legalArea: 'employment',
      createdBy: ids.staff,
    });
    await ds.getRepository(FollowUp).save({ municipalityId: m, courseId: ids.annaCourse, contactId: contact.id, text: 'Ring igen', ownerId: ids.staff, dueOn: '2025-12-10' });

    // Cille also took part in a meeting on Dora's (open) course: that reference keeps her.
    // A table naming courses without a foreign key (as a careless plugin might): the purge sweeps it too.
    await ds.query(`CREATE TABLE "test_unlinked_note" ("municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "text" text NOT NULL)`);
    for (const courseId of [ids.annaCourse, ids.doraCourse]) await ds.query(`INSERT INTO "test_unlinked_note" VALUES ($1, $2, 'x')`, [m, courseId]);

    ids.doraMeeting = await meeting(ids.doraCourse);
    await ds.getRepository(MeetingParticipant).save({ municipalityId: m, meetingId: ids.doraMeeting, kind: 'citizen', citizenId: ids.cille, roles: [] });
  });
  afterAll(() => t?.close());

  const transition = (courseId: string, body: object) => t.http().post(`/api/v1/courses/${courseId}/transitions`).set('Authorization', integration).send(body);
  const count = async (entity: Parameters<DataSource['getRepository']>[0], where: object) => ds.getRepository(entity).countBy(where);

  it('sets the retention date when a course is closed or declined', async () => {
    const closed = await transition(ids.annaCourse, { to: 'closed', reason: 'Borgeren er i job', outcomeCode: 'ordinary-job', endDate: '2026-01-02' });
    expect(closed.status).toBe(201);
    const declined = await transition(ids.familyCourse, { to: 'declined', reason: 'Familien ønsker ikke forløbet' });
    expect(declined.status).toBe(201);
    const rows = await ds.getRepository(Course).find({ where: { municipalityId }, select: { id: true, endDate: true, retentionUntil: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.annaCourse)).toMatchObject({ endDate: '2026-01-02', retentionUntil: '2028-01-02' });
    expect(byId.get(ids.familyCourse)).toMatchObject({ endDate: '2026-01-05', retentionUntil: '2028-01-05' });
    expect(byId.get(ids.doraCourse)?.retentionUntil).toBeNull();
  });

  it('lists nothing and purges nothing before the retention date has passed', async () => {
    t.clock.set('2028-01-02T12:00:00Z');
    const report = await retention.due();
    expect(report).toMatchObject({ today: '2028-01-02', years: 2 });
    expect(report.municipalities.map((m) => [m.code, m.courseIds])).toEqual([
      ['101', []],
      ['999', []],
    ]);
    expect(await retention.purgeAll()).toEqual([]);
  });

  it('lists, per municipality, the courses past retention', async () => {
    t.clock.set('2028-01-03T08:00:00Z');
    expect((await retention.due()).municipalities.find((m) => m.code === '999')?.courseIds).toEqual([ids.annaCourse]);
    t.clock.set('2028-01-06T08:00:00Z');
    const report = await retention.due();
    expect(report.municipalities.find((m) => m.code === '999')?.courseIds.sort()).toEqual([ids.annaCourse, ids.familyCourse].sort());
    expect(report.municipalities.find((m) => m.code === '101')?.courseIds).toEqual([]);
  });

  it('erases each course with what depends on it, and the citizens and households left unreferenced', async () => {
    const logBefore: { id: string }[] = await ds.query('SELECT id FROM access_log ORDER BY id');
    const results = await retention.purgeAll();
    expect(results.map((r) => r.outcome)).toEqual(['purged', 'purged']);
    const anna = results.find((r) => r.courseId === ids.annaCourse);
    expect(anna).toMatchObject({ citizensErased: 1, householdsErased: 0, retentionUntil: '2028-01-02' });
    // Bo goes; Cille stays, for she took part in a meeting on Dora's course; the household goes with its course.
    expect(results.find((r) => r.courseId === ids.familyCourse)).toMatchObject({ citizensErased: 1, householdsErased: 1 });

    expect(await count(Course, { id: ids.annaCourse })).toBe(0);
    expect(await count(Course, { id: ids.familyCourse })).toBe(0);
    for (const entity of [CourseTransition, TeamAssignment, Consent, AccessGrant, JournalNote, Plan, Contact, FollowUp]) {
      expect([entity.name, await count(entity, { courseId: ids.annaCourse })]).toEqual([entity.name, 0]);
    }
    expect(await count(PlanVersion, { municipalityId })).toBe(0);
    expect(await count(Meeting, { courseId: ids.annaCourse })).toBe(0);
    expect((await ds.query(`SELECT course_id FROM "test_unlinked_note"`)).map((r: { course_id: string }) => r.course_id)).toEqual([ids.doraCourse]);
    expect(await count(Meeting, { id: ids.boardOnlyAnna })).toBe(0);
    // The board meeting that also reviewed Dora's course stays, now reviewing only hers.
    expect(await count(Meeting, { id: ids.boardShared })).toBe(1);
    expect((await ds.getRepository(MeetingCourse).findBy({ meetingId: ids.boardShared })).map((l) => l.courseId)).toEqual([ids.doraCourse]);

    expect(await count(Citizen, { id: ids.anna })).toBe(0);
    expect(await count(Citizen, { id: ids.bo })).toBe(0);
    expect(await count(Citizen, { id: ids.cille })).toBe(1);
    expect(await count(Household, { id: ids.household })).toBe(0);
    expect(await count(Course, { id: ids.doraCourse })).toBe(1);
    expect(await count(Citizen, { id: ids.dora })).toBe(1);
    expect(await count(TeamAssignment, { courseId: ids.doraCourse })).toBe(1);

    // One purge entry per course, naming the rule, the date and the citizens; nothing before it is gone.
    const purges = await ds.getRepository(AccessLogEntry).find({ where: { municipalityId, operation: 'purge' }, order: { recordId: 'ASC' } });
    expect(purges).toHaveLength(2);
    const annaPurge = purges.find((p) => p.recordId === ids.annaCourse);
    expect(annaPurge).toMatchObject({
      actorId: RETENTION_ACTOR_ID,
      actorRoles: ['system'],
      outcome: 'allowed',
      recordType: 'course',
      courseIds: [ids.annaCourse],
      citizenIds: [ids.anna],
      basis: 'retention',
      at: new Date('2028-01-06T08:00:00Z'),
    });
    expect(annaPurge?.reason).toContain('retentionUntil 2028-01-02');
    expect(annaPurge?.reason).toMatch(/Retention rule/);
    expect(annaPurge?.reason).not.toContain('Anna');
    expect(purges.find((p) => p.recordId === ids.familyCourse)?.citizenIds.sort()).toEqual([ids.bo, ids.cille].sort());
    const logAfter: { id: string }[] = await ds.query('SELECT id FROM access_log ORDER BY id');
    expect(logAfter.map((r) => r.id)).toEqual(expect.arrayContaining(logBefore.map((r) => r.id)));
    expect(logAfter).toHaveLength(logBefore.length + 2);

    // "Who has looked at my case?" still answers for an erased citizen: the log keeps ids, never content.
    const asked = await t.http().get(`/api/v1/citizens/${ids.anna}/access-log`).set('Authorization', integration);
    expect(asked.status).toBe(404);
    const rows: { operation: string }[] = await ds.query(`SELECT operation FROM access_log WHERE $1 = ANY(citizen_ids)`, [ids.anna]);
    expect(rows.map((r) => r.operation)).toContain('purge');
  });

  it('has nothing left to do on a second run, and never touches an open course', async () => {
    t.clock.set('2040-01-01T08:00:00Z');
    expect((await retention.due()).municipalities.flatMap((m) => m.courseIds)).toEqual([]);
    expect(await retention.purgeAll()).toEqual([]);
    expect(await retention.purgeCourse(municipalityId, ids.doraCourse)).toMatchObject({ outcome: 'skipped', error: 'not past retention' });
    expect(await count(Course, { id: ids.doraCourse })).toBe(1);
  });

  it('falls back to the end date plus the period for a course closed before retention dates were kept', async () => {
    await ds.query(`UPDATE course SET status = 'closed', end_date = '2030-06-01', retention_until = NULL, outcome_code = 'moved-municipality' WHERE id = $1`, [ids.doraCourse]);
    t.clock.set('2032-06-01T08:00:00Z');
    expect((await retention.due()).municipalities.flatMap((m) => m.courseIds)).toEqual([]);
    t.clock.set('2032-06-02T08:00:00Z');
    expect((await retention.due()).municipalities.flatMap((m) => m.courseIds)).toEqual([ids.doraCourse]);
    const [result] = await retention.purgeAll();
    // Cille, kept by her part in Dora's meeting, goes now that the meeting has gone.
    expect(result).toMatchObject({ courseId: ids.doraCourse, outcome: 'purged', retentionUntil: '2032-06-01', citizensErased: 2 });
    expect(await count(Citizen, { id: ids.cille })).toBe(0);
    const purge = await ds.getRepository(AccessLogEntry).findOneByOrFail({ operation: 'purge', recordId: ids.doraCourse });
    expect(purge.citizenIds.sort()).toEqual([ids.dora, ids.cille].sort());
    // The shared board meeting had only Dora's course left: it is now linked to nothing, and goes with it.
    expect(await count(Meeting, { id: ids.boardShared })).toBe(0);
  });
});

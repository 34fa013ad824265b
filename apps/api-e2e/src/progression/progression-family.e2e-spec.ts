import { TeamAssignment } from '@enplan/core/courses';
import { startTestApp, testEngine, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { arrangeFamilyWorld, saveFamilyCourse, type FamilyWorld } from '../access/family-world.js';

type Item = { kind: string; ref: string; dueOn: string; state: string; courseId: string };
type Exported = { redacted: boolean; kind: string; id?: string; aboutCitizenId?: string; instrument?: string; answers?: { question: string; answer: string; comment: string | null }[] };

/**
 * Progression in a family course (Maria and Peter, joint custody; Emil 10 and Sofie 7): the child instrument is
 * due once per child of the household, the mother's own once; a parent's answers about one child clear that
 * child's baseline only. A child's measurement concerns that child: the access request of a parent with custody
 * and of the child tells it, another member's withholds it; every read of it is in that child's access log.
 */
describe(`progression in a family course (${testEngine()})`, () => {
  let t: TestApp;
  let w: FamilyWorld;
  let courseId: string;
  let emilMeasurementId: string;
  let motherMeasurementId: string;
  const api = (method: 'get' | 'post' | 'put', path: string, auth = w.as.team) => t.http()[method](`/api/v1${path}`).set('Authorization', auth);
  const progression = async (query = '') =>
    ((await api('get', `/work-list${query}`)).body.items as Item[])
      .filter((i) => i.kind === 'progression-measurement' && i.courseId === courseId)
      .map((i) => [i.ref, i.dueOn, i.state])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const exportOf = async (citizenId: string) => {
    const res = await api('get', `/citizens/${citizenId}/access-request`, w.as.manager);
    expect(res.status).toBe(200);
    return (res.body.courses as { id: string; measurements: Exported[] }[]).find((c) => c.id === courseId)?.measurements ?? [];
  };

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-03-02T09:00:00Z', env: { ENPLAN_PROGRESSION_SCHEDULES: 'true' } });
    w = await arrangeFamilyWorld(t);
    const course = await saveFamilyCourse(w.ds, w.municipalityId, { citizenId: w.mother, householdId: w.household.id });
    courseId = course.id;
    await w.ds.getRepository(TeamAssignment).save({ municipalityId: w.municipalityId, courseId, staffMemberId: w.caseworker, role: 'primary-contact', startsOn: '2026-01-12', assignedBy: w.caseworker });
  });
  afterAll(() => t?.close());

  it('puts the child instrument in the work list once per child, and the adult one once for the mother, overdue since activation', async () => {
    expect(await progression()).toEqual(
      [
        [`wellbeing-ruler-adult:citizen:${w.mother}`, '2026-01-12', 'overdue'],
        [`wellbeing-ruler-child:parent:${w.emil}`, '2026-01-12', 'overdue'],
        [`wellbeing-ruler-child:parent:${w.sofie}`, '2026-01-12', 'overdue'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
  });

  it("records the mother's answers about Emil and about herself; Emil's baseline leaves the list, Sofie's stays, Emil's follow-up is due in 6 months", async () => {
    const emil = await api('post', `/courses/${courseId}/measurements`).send({ instrumentId: 'wellbeing-ruler-child', respondentType: 'parent', respondentCitizenId: w.mother, aboutCitizenId: w.emil, occasion: 'baseline' });
    expect(emil.status).toBe(201);
    emilMeasurementId = emil.body.id;
    const done = await api('post', `/measurements/${emilMeasurementId}/complete`).send({
      answers: [
        { itemId: 'home', status: 'answered', value: 6 },
        { itemId: 'school', status: 'answered', value: 3, comment: 'Drillet i frikvarteret' },
        { itemId: 'friends', status: 'skipped' },
        { itemId: 'overall', status: 'answered', value: 5 },
      ],
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ aboutCitizenId: w.emil, respondentCitizenId: w.mother, status: 'completed' });

    const own = await api('post', `/courses/${courseId}/measurements`).send({ instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', occasion: 'baseline' });
    expect(own.status).toBe(201);
    motherMeasurementId = own.body.id;
    const ownDone = await api('post', `/measurements/${motherMeasurementId}/complete`).send({ answers: [{ itemId: 'overall', status: 'answered', value: 4, comment: 'Udredningen fylder' }] });
    expect(ownDone.status).toBe(201);

    expect(await progression()).toEqual([[`wellbeing-ruler-child:parent:${w.sofie}`, '2026-01-12', 'overdue']]);
    expect(await progression('?horizonDays=365')).toEqual(
      [
        [`wellbeing-ruler-adult:citizen:${w.mother}`, '2026-09-02', 'upcoming'],
        [`wellbeing-ruler-child:parent:${w.emil}`, '2026-09-02', 'upcoming'],
        [`wellbeing-ruler-child:parent:${w.sofie}`, '2026-01-12', 'overdue'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
  });

  it("tells Emil's measurement to Emil and to both parents (joint custody), and withholds the mother's own from the father and the children", async () => {
    const shown = (list: Exported[]) => list.filter((m) => !m.redacted).map((m) => m.id).sort();
    const withheld = (list: Exported[]) => list.filter((m) => m.redacted).map((m) => m.kind);
    const mother = await exportOf(w.mother);
    expect(shown(mother)).toEqual([emilMeasurementId, motherMeasurementId].sort());
    const emilAsMotherSees = mother.find((m) => m.id === emilMeasurementId);
    expect(emilAsMotherSees).toMatchObject({ kind: 'measurement', aboutCitizenId: w.emil, instrument: expect.any(String) });
    expect(emilAsMotherSees?.answers).toContainEqual(expect.objectContaining({ answer: '3 ud af 10', comment: 'Drillet i frikvarteret' }));
    expect(emilAsMotherSees?.answers).toContainEqual(expect.objectContaining({ answer: 'Sprunget over' }));

    const father = await exportOf(w.father);
    expect(shown(father)).toEqual([emilMeasurementId]);
    expect(withheld(father)).toEqual(['measurement']);
    expect(JSON.stringify(father)).not.toContain('Udredningen fylder');
    expect(JSON.stringify(father)).not.toContain(motherMeasurementId);

    const emil = await exportOf(w.emil);
    expect(shown(emil)).toEqual([emilMeasurementId]);
    const sofie = await exportOf(w.sofie);
    expect(shown(sofie)).toEqual([]);
    expect(withheld(sofie)).toEqual(['measurement', 'measurement']);
    expect(JSON.stringify(sofie)).not.toContain('Drillet i frikvarteret');

    const html = await api('get', `/citizens/${w.father}/access-request.html`, w.as.manager);
    expect(html.status).toBe(200);
    expect(html.text).toContain('Målinger af, hvordan det går');
    expect(html.text).toContain('Drillet i frikvarteret');
    expect(html.text).not.toContain('Udredningen fylder');
  });

  it("logs every read of Emil's measurement in Emil's access log", async () => {
    expect((await api('get', `/measurements/${emilMeasurementId}`)).status).toBe(200);
    const log = await api('get', `/citizens/${w.emil}/access-log?limit=100`, w.as.manager);
    expect(log.status).toBe(200);
    const reads = (log.body.items as { recordType: string; recordId: string | null; operation: string; outcome: string; citizenIds: string[] }[]).filter(
      (e) => e.recordType === 'measurement' && e.recordId === emilMeasurementId && e.operation === 'read',
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ outcome: 'allowed' });
    expect(reads[0].citizenIds).toContain(w.emil);
    // The writes that recorded it are there too (start and complete).
    const writes = (log.body.items as { recordType: string; operation: string }[]).filter((e) => e.recordType === 'measurement' && e.operation !== 'read');
    expect(writes.length).toBeGreaterThanOrEqual(2);
  });
});

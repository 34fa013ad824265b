import { DataSource } from 'typeorm';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { arrangeAccessWorld, type AccessWorld } from './access-world.js';

/**
 * Journal notes: written in a legal area by someone with authority there, never edited (a correction is a
 * new note), and read only as far as the reader may see: a children's note for authority holders is not
 * shown to a job consultant, and one they may not see is a 404, not a partial record.
 */
describe('journal notes (e2e)', () => {
  let t: TestApp;
  let w: AccessWorld;
  let childrenNote: string;
  let generalNote: string;
  /** The family worker: on the team, with authority in the children's area. */
  let family: string;

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-02-02T09:00:00Z' });
    w = await arrangeAccessWorld(t);
    family = `Bearer ${await t.token({ userId: w.ids.familyWorker, roles: ['caseworker'], ttlSeconds: 365 * 86_400 })}`;
  });
  afterAll(() => t?.close());

  const post = (as: string, body: object, courseId = w.courseId) => t.http().post(`/api/v1/courses/${courseId}/journal-notes`).set('Authorization', as).send(body);
  const list = (as: string, query = '') => t.http().get(`/api/v1/courses/${w.courseId}/journal-notes${query}`).set('Authorization', as);
  const one = (as: string, id: string) => t.http().get(`/api/v1/journal-notes/${id}`).set('Authorization', as);

  it('lets the family worker write a children note, for authority holders by default', async () => {
    const res = await post(family, { legalArea: 'children', text: 'Underretning fra skolen om fravær; børnefaglig undersøgelse indledt.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      courseId: w.courseId,
      legalArea: 'children',
      visibility: 'authority',
      concerns: [],
      authorId: w.ids.familyWorker,
      authorName: 'Ole Friis',
      writtenAt: '2026-02-02T09:00:00.000Z',
      correctsId: null,
      correctedBy: [],
    });
    childrenNote = res.body.id;
  });

  it('refuses a note in a legal area the writer holds no authority in, naming the field', async () => {
    const res = await post(w.as.team, { legalArea: 'children', text: 'Forsøg' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('journal.no-authority');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'legalArea', code: 'journal.no-authority' })]);
    expect(JSON.stringify(res.body)).not.toContain('Forsøg');
  });

  it('lets an integration write in any area, and anyone on the team write a general note (for the team)', async () => {
    t.clock.set('2026-02-02T09:10:00Z');
    const byIntegration = await post(w.as.integration, { legalArea: 'health', text: 'Epikrise modtaget fra psykiatrien', visibility: 'authority' });
    expect(byIntegration.status).toBe(201);
    t.clock.set('2026-02-02T09:20:00Z');
    const general = await post(w.as.team, { legalArea: 'general', text: 'Borgeren ønsker møder om formiddagen.' });
    expect(general.status).toBe(201);
    expect(general.body.visibility).toBe('team');
    generalNote = general.body.id;
    t.clock.set('2026-02-02T09:30:00Z');
    const employment = await post(w.as.team, { legalArea: 'employment', text: 'Praktik i kantinen aftalt.', concerns: [w.citizenId] });
    expect(employment.status).toBe(201);
    expect(employment.body).toMatchObject({ visibility: 'authority', concerns: [w.citizenId] });
  });

  it('hides the children note from the job consultant: absent from the list, 404 on its own', async () => {
    const mine = await list(w.as.team);
    expect(mine.status).toBe(200);
    const texts = mine.body.items.map((n: { text: string }) => n.text);
    expect(texts).toEqual(['Praktik i kantinen aftalt.', 'Borgeren ønsker møder om formiddagen.']);
    expect(mine.body.total).toBe(2);
    expect(JSON.stringify(mine.body)).not.toContain('Underretning');

    const hidden = await one(w.as.team, childrenNote);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('journal-note.not-found');
    expect(JSON.stringify(hidden.body)).not.toContain('Underretning');

    const theirs = await list(family);
    expect(theirs.body.items.map((n: { legalArea: string }) => n.legalArea)).toEqual(['general', 'children']);
    expect((await one(family, childrenNote)).body.text).toContain('Underretning');

    // The integration sees everything; the manager, holding no authority, only the general note.
    expect((await list(w.as.integration)).body.total).toBe(4);
    expect((await list(w.as.manager)).body.total).toBe(1);
    expect((await list(w.as.team, '?legalArea=general')).body.items.map((n: { id: string }) => n.id)).toEqual([generalNote]);
  });

  it('corrects a note with a new one, never by editing it', async () => {
    t.clock.set('2026-02-02T09:40:00Z');
    const correction = await post(w.as.team, { legalArea: 'general', text: 'Rettelse: møder om eftermiddagen.', correctsId: generalNote });
    expect(correction.status).toBe(201);
    expect(correction.body.correctsId).toBe(generalNote);
    const original = await one(w.as.team, generalNote);
    expect(original.body).toMatchObject({ text: 'Borgeren ønsker møder om formiddagen.', correctedBy: [correction.body.id] });

    // A note the writer cannot see cannot be corrected by them (nor its existence learned).
    const blind = await post(w.as.team, { legalArea: 'general', text: 'Rettelse', correctsId: childrenNote });
    expect(blind.status).toBe(422);
    expect(blind.body.code).toBe('journal.corrects-unknown');

    // The database refuses an edit even from the application's own connection.
    const ds = t.app.get(DataSource);
    await expect(ds.query(`UPDATE journal_note SET text = 'ændret' WHERE id = $1`, [generalNote])).rejects.toThrow(/never updated/);
    expect((await one(w.as.team, generalNote)).body.text).toBe('Borgeren ønsker møder om formiddagen.');
  });

  it('checks concerns and visibility', async () => {
    const stranger = await post(w.as.team, { legalArea: 'general', text: 'x', concerns: ['00000000-0000-4000-8000-0000000000ff'] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0]).toMatchObject({ field: 'concerns[0]', code: 'journal.concerns-unknown' });
    const general = await post(w.as.team, { legalArea: 'general', text: 'x', visibility: 'authority' });
    expect(general.status).toBe(422);
    expect(general.body.code).toBe('journal.visibility-needs-area');
    const bad = await post(w.as.team, { legalArea: 'astrology', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation.failed');
  });

  it('refuses those off the team, external parties, other municipalities and anonymous callers', async () => {
    expect((await list(w.as.outsider)).status).toBe(403);
    expect((await one(w.as.outsider, generalNote)).status).toBe(403);
    expect((await post(w.as.outsider, { legalArea: 'general', text: 'x' })).status).toBe(403);
    expect((await list(w.as.external)).status).toBe(403);
    expect((await one(w.as.external, generalNote)).status).toBe(403);
    expect((await list(w.as.otherMunicipality)).status).toBe(404);
    const foreign = await one(w.as.otherMunicipality, generalNote);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('journal-note.not-found');
    expect((await t.http().get(`/api/v1/journal-notes/${generalNote}`)).status).toBe(401);
    expect((await one(w.as.team, 'not-a-uuid')).body.code).toBe('journal-note.not-found');
  });

  it('logs each read and write of the journal, with the citizens concerned', async () => {
    const log = await t.http().get(`/api/v1/courses/${w.courseId}/access-log?limit=100`).set('Authorization', w.as.integration);
    const entries = (log.body.items as { recordType: string; route: string; operation: string; actorId: string; citizenIds: string[]; outcome: string }[]).filter(
      (e) => e.recordType === 'journal-note',
    );
    const routes = new Set(entries.map((e) => `${e.operation} ${e.route}`));
    expect(routes).toEqual(
      new Set([
        'write POST /api/v1/courses/:courseId/journal-notes',
        'read GET /api/v1/courses/:courseId/journal-notes',
        'read GET /api/v1/journal-notes/:noteId',
      ]),
    );
    expect(entries.every((e) => e.citizenIds.includes(w.citizenId))).toBe(true);
    expect(entries.some((e) => e.actorId === w.ids.outsider && e.outcome === 'denied')).toBe(true);
  });

  it('closes the journal with the course', async () => {
    const closed = await t
      .http()
      .post(`/api/v1/courses/${w.courseId}/transitions`)
      .set('Authorization', w.as.integration)
      .send({ to: 'closed', reason: 'Borgeren er i job', outcomeCode: 'ordinary-job', endDate: '2026-02-02' });
    expect(closed.status).toBe(201);
    const late = await post(w.as.integration, { legalArea: 'general', text: 'Efterskrift' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('journal.course-ended');
    // The closed course's notes stay readable to its former team.
    expect((await list(w.as.team)).body.total).toBe(3);
  });
});

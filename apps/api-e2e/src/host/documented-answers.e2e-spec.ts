import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { arrangeProgressionWorld, type ProgressionWorld } from '../progression/progression-world.js';

/**
 * Documented answers no other e2e test asked for (tools/scripts/contract-coverage.mjs lists them after a full run):
 * a 304 on an unchanged plan version and draft, a participant added to a meeting, a decision draft edited, and the
 * refusals of measurements, figures, decision drafts and complaint guidance that name what was wrong.
 * Each answer is also checked against the OpenAPI document by the harness, like every other.
 */
describe(`documented answers an integrator relies on (${testEngine()})`, () => {
  let t: TestApp;
  let w: ProgressionWorld;
  const call = (method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', w.caseworker);
    return body ? req.send(body) : req;
  };
  /** A decision draft granting the plan's internship. */
  const draftDecision = () =>
    call('post', `/courses/${w.courseId}/decisions`, {
      legalBasis: 'LAB-57',
      actions: [{ actionId: 'a-praktik', outcome: 'granted' }],
      summary: 'Du får praktik.',
      text: 'Jobcentret bevilger praktik.',
      reasoning: 'Det afklarer dit arbejde.',
      effectiveFrom: '2026-02-01',
    });
  const content = () => ({
    citizenWords: { worries: 'Huslejen.', whatWorks: 'Madlavning.', dreamsAndWishes: 'Et job i et køkken.' },
    overallGoal: { text: 'Jeg vil have et job i et køkken.', citizenAgreed: true, agreedOn: '2026-01-05' },
    goals: [{ id: 'g-job', title: 'Praktik i et køkken', status: 'in-progress', concerns: [] }],
    actions: [{ id: 'a-praktik', goalId: 'g-job', title: 'Virksomhedspraktik', legalBasis: 'LAB-57', responsible: { kind: 'unit', id: w.unitId }, startDate: '2026-02-01', status: 'planned' }],
    agreements: [],
  });

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z' });
    w = await arrangeProgressionWorld(t);
    const published = await call('post', `/courses/${w.courseId}/plan/versions`, { changeSummary: 'Første plan', content: content() }).set('If-Match', '"0"');
    expect(published.status).toBe(201);
  });
  afterAll(() => t?.close());

  it('answers 304 without a body for a plan version the client holds, and 200 for another tag', async () => {
    const first = await call('get', `/courses/${w.courseId}/plan/versions/1`);
    expect([first.status, first.body.version]).toEqual([200, 1]);
    const tag = first.headers['etag'];
    expect(tag).toBe('"1"');
    const same = await call('get', `/courses/${w.courseId}/plan/versions/1`).set('If-None-Match', tag);
    expect([same.status, same.text ?? '']).toEqual([304, '']);
    const other = await call('get', `/courses/${w.courseId}/plan/versions/1`).set('If-None-Match', '"2"');
    expect(other.status).toBe(200);
  });

  it('answers 304 for the draft revision the client holds, and the new draft once a colleague saved', async () => {
    const saved = await call('put', `/courses/${w.courseId}/plan/draft`, { content: { ...content(), agreements: [{ id: 'ag-1', text: 'Købe togbillet', responsible: { kind: 'citizen' }, done: false }] } });
    expect(saved.status).toBe(200);
    const read = await call('get', `/courses/${w.courseId}/plan/draft`);
    const tag = read.headers['etag'];
    expect(read.status).toBe(200);
    expect((await call('get', `/courses/${w.courseId}/plan/draft`).set('If-None-Match', tag)).status).toBe(304);
    const again = await call('put', `/courses/${w.courseId}/plan/draft`, { content: content() }).set('If-Match', tag);
    expect(again.status).toBe(200);
    const fresh = await call('get', `/courses/${w.courseId}/plan/draft`).set('If-None-Match', tag);
    expect([fresh.status, fresh.body.content.agreements]).toEqual([200, []]);
  });

  it('adds someone from the citizen’s network to a meeting (201), who is then on the meeting', async () => {
    const meeting = await call('post', `/courses/${w.courseId}/meetings`, {
      type: 'plan',
      startsAt: '2026-01-07T09:00:00Z',
      endsAt: '2026-01-07T10:00:00Z',
      placeKind: 'town-hall',
      participants: [{ kind: 'citizen', citizenId: w.citizenId }],
    });
    expect(meeting.status).toBe(201);
    const added = await call('post', `/meetings/${meeting.body.id}/participants`, { kind: 'network', name: 'Birgit Hansen', roles: ['witness'] });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'network', name: 'Birgit Hansen', attendance: 'invited', roles: ['witness'] });
    const read = await call('get', `/meetings/${meeting.body.id}`);
    expect(read.body.participants.map((p: { kind: string; name: string | null }) => [p.kind, p.name])).toContainEqual(['network', 'Birgit Hansen']);
  });

  it('edits a decision draft (200) and keeps what the edit does not name', async () => {
    const draft = await draftDecision();
    expect(draft.status).toBe(201);
    const edited = await call('patch', `/decisions/${draft.body.id}`, { summary: 'Du får praktik i otte uger.' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', summary: 'Du får praktik i otte uger.', reasoning: 'Det afklarer dit arbejde.', legalBasis: { code: 'LAB-57' } });
  });

  it('refuses an answer outside the item’s scale (422, naming the answer and the scale), and keeps the measurement open', async () => {
    const started = await call('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', occasion: 'extra' });
    expect(started.status).toBe(201);
    const item = (started.body.definition.items as { id: string }[])[0].id;
    const outside = await call('post', `/measurements/${started.body.id}/complete`, { answers: [{ itemId: item, status: 'answered', value: 11 }] });
    expect([outside.status, outside.body.code]).toEqual([422, 'measurement.value-outside-scale']);
    expect(outside.body.errors).toEqual([{ field: 'answers[0].value', code: 'measurement.value-outside-scale', message: 'a whole number from 0 to 10' }]);
    const after = await call('get', `/measurements/${started.body.id}`);
    expect([after.status, after.body.status]).toEqual([200, 'in-progress']);
  });

  it('refuses to skip or count an instrument that does not exist (422 instrument.unknown)', async () => {
    const skipped = await call('post', `/courses/${w.courseId}/measurements/skipped`, { instrumentId: 'no-such-instrument', respondentType: 'caseworker', occasion: 'end', reason: 'Borgeren ønskede det ikke' });
    expect([skipped.status, skipped.body.code]).toEqual([422, 'instrument.unknown']);
    const figures = await t.http().get('/api/v1/progression/figures?instrumentId=no-such-instrument&respondentType=citizen').set('Authorization', w.manager);
    expect([figures.status, figures.body.code]).toEqual([422, 'instrument.unknown']);
  });

  it('refuses a decision draft edit to a legal basis the catalogue lacks (422), and keeps the draft as it was', async () => {
    const draft = await draftDecision();
    expect(draft.status).toBe(201);
    const edited = await call('patch', `/decisions/${draft.body.id}`, { legalBasis: 'LAB-9999' });
    expect([edited.status, edited.body.code]).toEqual([422, 'decision.legal-basis-unknown']);
    expect((await call('get', `/decisions/${draft.body.id}`)).body.legalBasis.code).toBe('LAB-57');
  });

  it('answers 404 for complaint guidance of a legal area that does not exist', async () => {
    const res = await t.http().delete('/api/v1/decision-settings/complaint-guidance/astrology').set('Authorization', w.manager);
    expect([res.status, res.body.code]).toEqual([404, 'decision.legal-area-unknown']);
  });
});

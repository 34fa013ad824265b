import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { ADULT_ITEMS, answersOf, arrangeProgressionWorld, type ProgressionWorld } from './progression-world.js';

/**
 * Progression measurement through the public API: the baseline at activation by the citizen and by the
 * caseworker, a follow-up six months later with two items skipped (three calls), the dialogue view with the
 * changes, the SVG chart, and every kind of bad input refused with nothing saved. Expected scores are worked
 * out by hand in the comments (employment-readiness: sub-scales are means; "money worries" is reversed, 6 − v).
 */
describe(`progression measurement (${testEngine()})`, () => {
  let t: TestApp;
  let w: ProgressionWorld;
  const api = (method: 'get' | 'post' | 'put', path: string, body?: object, as?: string) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', as ?? w.caseworker);
    return body ? req.send(body) : req;
  };
  const score = (scores: { id: string; value: number | null; complete: boolean }[], id: string) => scores.find((s) => s.id === id);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T09:00:00Z' , env: { ENPLAN_PROGRESSION_SCHEDULES: 'true' } });
    w = await arrangeProgressionWorld(t);
  });
  afterAll(() => t?.close());

  async function record(respondentType: string, occasion: string, values: Record<string, number | string>, comment?: string) {
    const started = await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'employment-readiness', respondentType, occasion });
    expect(started.status).toBe(201);
    const saved = await api('put', `/measurements/${started.body.id}/answers`, { answers: answersOf(values), ...(comment ? { comment } : {}) });
    expect(saved.status).toBe(200);
    const done = await api('post', `/measurements/${started.body.id}/complete`, {});
    expect(done.status).toBe(201);
    return done.body;
  }

  const progressionItems = async (query = '') =>
    (await api('get', `/work-list${query}`)).body.items
      .filter((i: { kind: string }) => i.kind === 'progression-measurement')
      .map((i: { ref: string; dueOn: string; state: string; title: string }) => [i.ref.split(':').slice(0, 2).join(':'), i.dueOn, i.state, i.title]);

  it('puts the baseline in the work list from the day of activation', async () => {
    expect(await progressionItems()).toEqual([
      ['employment-readiness:caseworker', '2026-03-02', 'due', 'Baseline measurement: employment-readiness (caseworker)'],
      ['employment-readiness:citizen', '2026-03-02', 'due', 'Baseline measurement: employment-readiness (citizen)'],
    ]);
  });

  it('records the baseline at activation for the citizen and the caseworker', async () => {
    const citizen = await record('citizen', 'baseline', {
      direction: 2, 'next-step': 2, 'can-manage': 3, energy: 2, health: 2, 'daily-rhythm': 3, 'money-worries': 5, 'someone-to-ask': 4, 'with-others': 2, strengths: 3,
      'most-important': 'At få styr på pengene',
    });
    // direction (2+2+3)/3 = 2.33; everyday (2+2+3+(6−5))/4 = 2; people (4+2+3)/3 = 3; total 2.33 + 2 + 3 = 7.33
    expect(citizen).toMatchObject({ status: 'completed', occasion: 'baseline', respondentType: 'citizen', aboutCitizenId: w.citizenId, respondentCitizenId: w.citizenId, instrumentVersion: 1 });
    expect(citizen.scores.map((s: { id: string; value: number }) => [s.id, s.value])).toEqual([['direction', 2.33], ['everyday', 2], ['people', 3], ['total', 7.33]]);

    const caseworker = await record('caseworker', 'baseline', Object.fromEntries(ADULT_ITEMS.slice(0, 10).map((id) => [id, id === 'money-worries' ? 4 : 3])));
    // direction 3; everyday (3+3+3+(6−4))/4 = 2.75; people 3; total 8.75
    expect(caseworker.respondentCitizenId).toBeNull();
    expect(caseworker.scores.map((s: { id: string; value: number }) => [s.id, s.value])).toEqual([['direction', 3], ['everyday', 2.75], ['people', 3], ['total', 8.75]]);
  });

  it('records a 6-month follow-up of the adult set in three calls, two items skipped and one comment', async () => {
    t.clock.set('2026-09-02T09:00:00Z');
    const calls: number[] = [];
    const started = await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'employment-readiness', respondentType: 'citizen', occasion: 'follow-up' });
    calls.push(started.status);
    // The definition comes with the start, so the screen needs nothing else to show every item.
    expect(started.body.definition.items.map((i: { id: string }) => i.id)).toEqual(ADULT_ITEMS);
    const answers = answersOf({
      direction: 4, 'next-step': 3, 'can-manage': 4, energy: 'skip', health: 3, 'daily-rhythm': 4, 'money-worries': 3, 'someone-to-ask': 4, 'with-others': 'skip', strengths: 4,
      'most-important': 'Et job i et køkken',
    });
    answers[4].comment = 'Ny medicin virker';
    const saved = await api('put', `/measurements/${started.body.id}/answers`, { answers });
    calls.push(saved.status);
    const done = await api('post', `/measurements/${started.body.id}/complete`, {});
    calls.push(done.status);
    expect(calls).toEqual([201, 200, 201]);
    // direction (4+3+4)/3 = 3.67; everyday (3+4+(6−3))/3 = 3.33 with 3 of 4 answered (≥ 0.6: complete);
    // people (4+4)/2 = 4 with 2 of 3; total 3.67 + 3.33 + 4 = 11
    expect(done.body.scores.map((s: { id: string; value: number; complete: boolean }) => [s.id, s.value, s.complete])).toEqual([
      ['direction', 3.67, true], ['everyday', 3.33, true], ['people', 4, true], ['total', 11, true],
    ]);
    expect(score(done.body.scores, 'total')).toMatchObject({ answered: 8, skipped: 2 });
    expect(done.body.answers.find((a: { itemId: string }) => a.itemId === 'health')).toEqual({ itemId: 'health', status: 'answered', value: 3, comment: 'Ny medicin virker' });
  });

  it('shows the next due measurement in the work list: the caseworker\'s follow-up, overdue a week later', async () => {
    // The caseworker's baseline was 2026-03-02: follow-up due 6 months later, today. The citizen's follow-up
    // was just taken: the next is 2027-03-02, beyond the default 60-day horizon.
    expect(await progressionItems()).toEqual([['employment-readiness:caseworker', '2026-09-02', 'due', 'Follow-up measurement: employment-readiness (caseworker)']]);
    expect(await progressionItems('?horizonDays=365')).toEqual([
      ['employment-readiness:caseworker', '2026-09-02', 'due', 'Follow-up measurement: employment-readiness (caseworker)'],
      ['employment-readiness:citizen', '2027-03-02', 'upcoming', 'Follow-up measurement: employment-readiness (citizen)'],
    ]);
    t.clock.set('2026-09-09T09:00:00Z');
    expect((await progressionItems())[0].slice(0, 3)).toEqual(['employment-readiness:caseworker', '2026-09-02', 'overdue']);
    t.clock.set('2026-09-02T09:00:00Z');
  });

  it('keeps partial saves and lets a later save replace an item', async () => {
    const started = await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', occasion: 'extra' });
    expect(started.status).toBe(201);
    await api('put', `/measurements/${started.body.id}/answers`, { answers: answersOf({ overall: 4, health: 5 }) });
    const second = await api('put', `/measurements/${started.body.id}/answers`, { answers: answersOf({ overall: 6, people: 'n/a' }), comment: 'Kort samtale' });
    expect(second.body.answers).toEqual([
      { itemId: 'overall', status: 'answered', value: 6 },
      { itemId: 'health', status: 'answered', value: 5 },
      { itemId: 'people', status: 'not-relevant' },
    ]);
    expect(second.body.comment).toBe('Kort samtale');
    const done = await api('post', `/measurements/${started.body.id}/complete`, {});
    // (6+5)/2 = 5.5; 2 answered of 3 relevant (people not relevant), 0.67 < 0.75: incomplete
    expect(done.body.scores).toEqual([{ id: 'wellbeing', kind: 'subscale', value: 5.5, complete: false, better: 'higher', items: 4, answered: 2, skipped: 1, notRelevant: 1 }]);
    const again = await api('put', `/measurements/${started.body.id}/answers`, { answers: answersOf({ overall: 7 }) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('measurement.not-in-progress');
  });

  it('shows the changes in the dialogue view', async () => {
    const res = await api('get', `/courses/${w.courseId}/progression?instrumentId=employment-readiness&respondentType=citizen`);
    expect(res.status).toBe(200);
    expect(res.body.series).toHaveLength(1);
    const s = res.body.series[0];
    expect(s.measurements.map((m: { occasion: string; completedAt: string }) => [m.occasion, m.completedAt])).toEqual([
      ['baseline', '2026-03-02T09:00:00.000Z'],
      ['follow-up', '2026-09-02T09:00:00.000Z'],
    ]);
    const scores = Object.fromEntries(s.scores.map((x: { id: string }) => [x.id, x]));
    // 3.67 − 2.33 = 1.34; 3.33 − 2 = 1.33; 4 − 3 = 1; 11 − 7.33 = 3.67 (two measurements: previous = baseline)
    expect(scores.direction).toMatchObject({ values: [2.33, 3.67], changeSinceBaseline: 1.34, changeSincePrevious: 1.34, directionSinceBaseline: 'better' });
    expect(scores.everyday).toMatchObject({ values: [2, 3.33], changeSinceBaseline: 1.33 });
    expect(scores.people).toMatchObject({ values: [3, 4], changeSinceBaseline: 1 });
    expect(scores.total).toMatchObject({ kind: 'total', values: [7.33, 11], changeSinceBaseline: 3.67, directionSinceBaseline: 'better' });
    const items = Object.fromEntries(s.items.map((x: { itemId: string }) => [x.itemId, x]));
    expect(items.direction).toMatchObject({ values: [2, 4], changeSinceBaseline: 2, directionSinceBaseline: 'better' });
    // Money worries fell from 5 to 3: on a reversed item lower is better.
    expect(items['money-worries']).toMatchObject({ values: [5, 3], changeSinceBaseline: -2, better: 'lower', directionSinceBaseline: 'better' });
    expect(items.energy).toMatchObject({ values: [2, null], statuses: ['answered', 'skipped'], changeSinceBaseline: null });
    expect(items.health.comments).toEqual([null, 'Ny medicin virker']);
    expect(items['most-important'].comments).toEqual(['At få styr på pengene', 'Et job i et køkken']);

    // Without filters: one series per instrument, respondent and person.
    const all = await api('get', `/courses/${w.courseId}/progression`);
    expect(all.body.series.map((x: { instrumentId: string; respondentType: string }) => `${x.instrumentId}/${x.respondentType}`).sort()).toEqual([
      'employment-readiness/caseworker',
      'employment-readiness/citizen',
      'wellbeing-ruler-adult/citizen',
    ]);
  });

  it("shows the citizen's own latest answers next to their goals, in plain Danish", async () => {
    const content = {
      citizenWords: { worries: 'Gælden', whatWorks: 'Min bror', dreamsAndWishes: 'Arbejde i et køkken' },
      overallGoal: { text: 'Et job i et køkken', citizenAgreed: true, agreedOn: '2026-03-02' },
      goals: [{ id: 'g-1', title: 'Styr på hverdagen', status: 'in-progress', concerns: [] }],
      actions: [],
      agreements: [],
    };
    const plan = await api('post', `/courses/${w.courseId}/plan/versions`, { changeSummary: 'Første plan', content }).set('If-Match', '"0"');
    expect(plan.status).toBe(201);
    const page = await api('get', `/courses/${w.courseId}/plan/citizen-view.html`);
    expect(page.status).toBe(200);
    const html = page.text;
    expect(html).toContain('Dine egne svar');
    expect(html).toContain('Vej mod arbejde eller uddannelse – dine svar fra 2. september 2026');
    // The follow-up: direction 4 = "Passer godt", energy skipped, the comment on health.
    expect(html).toContain('<dt>Jeg ved, hvad slags arbejde eller uddannelse jeg gerne vil.</dt><dd>Passer godt</dd>');
    expect(html).toContain('<dt>Jeg har overskud i min hverdag.</dt><dd>Sprunget over</dd>');
    expect(html).toContain('Ny medicin virker');
    expect(html.indexOf('Styr på hverdagen')).toBeLessThan(html.indexOf('Dine egne svar'));
    // The latest per instrument only (not the baseline of 2 March), and the citizen's own: the caseworker's not.
    expect(html.match(/dine svar fra/g)).toHaveLength(2);
    expect(html).toContain('Trivselslinealen – dine svar fra 2. september 2026');
    expect(html).not.toContain('2. marts 2026</h3>');
  });

  it('renders the progression as SVG that parses as XML', async () => {
    const res = await api('get', `/courses/${w.courseId}/progression/chart.svg?instrumentId=employment-readiness&respondentType=citizen`)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = res.body as string;
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    expect(doc.svg.xmlns).toBe('http://www.w3.org/2000/svg');
    const groups = [doc.svg.g].flat().filter((g: { class?: string }) => g.class === 'series');
    expect(groups.map((g: { 'data-score': string }) => g['data-score'])).toEqual(['direction', 'everyday', 'people']);
    // Two measurements: one line and two points per sub-scale, with the values in the points' titles.
    for (const g of groups) expect([g.circle].flat()).toHaveLength(2);
    expect([groups[0].circle].flat().map((c: { title: string }) => c.title)).toEqual(['Retning mod arbejde eller uddannelse: 2,33', 'Retning mod arbejde eller uddannelse: 3,67']);
    expect(svg).toContain('02.03.2026');
    expect(svg).toContain('Opfølgning');
    expect(svg).not.toMatch(/1205851237|Lars/);
  });

  describe('refuses bad input with problem+json naming the field, and saves nothing', () => {
    let measurementId: string;
    const count = async () => Number((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM progression_measurement`))[0].n);

    beforeAll(async () => {
      measurementId = (await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'employment-readiness', respondentType: 'caseworker', occasion: 'extra' })).body.id;
    });

    it('an answer outside the scale, and an item not in the version', async () => {
      const res = await api('put', `/measurements/${measurementId}/answers`, { answers: [{ itemId: 'direction', status: 'answered', value: 4 }, { itemId: 'energy', status: 'answered', value: 6 }, { itemId: 'shoe-size', status: 'answered', value: 2 }] });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('measurement.value-outside-scale');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'answers[1].value', code: 'measurement.value-outside-scale' }),
        expect.objectContaining({ field: 'answers[2].itemId', code: 'measurement.item-unknown' }),
      ]);
      expect((await api('get', `/measurements/${measurementId}`)).body.answers).toEqual([]);
    });

    it('a respondent type the instrument does not allow', async () => {
      const before = await count();
      const res = await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'employment-readiness', respondentType: 'teacher', occasion: 'extra' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'measurement.respondent-not-allowed', errors: [expect.objectContaining({ field: 'respondentType' })] });
      expect(await count()).toBe(before);
    });

    it('a child who is not in the household', async () => {
      const before = await count();
      const res = await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'wellbeing-ruler-child', respondentType: 'caseworker', aboutCitizenId: w.citizenId, occasion: 'baseline' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'measurement.child-not-in-household', errors: [expect.objectContaining({ field: 'aboutCitizenId' })] });
      expect(await count()).toBe(before);
    });

    it('an unknown instrument or version, and malformed bodies', async () => {
      const unknown = await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'employment-readiness', instrumentVersion: 9, respondentType: 'citizen', occasion: 'extra' });
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'instrument.unknown', errors: [expect.objectContaining({ field: 'instrumentVersion' })] });
      const malformed = await api('put', `/measurements/${measurementId}/answers`, { answers: [{ itemId: 'direction', status: 'maybe', value: 'x' }], extra: 1 });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('validation.failed');
      const fields = malformed.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['answers[0].status', 'answers[0].value', 'extra']));
      expect((await api('get', '/measurements/00000000-0000-4000-8000-00000000dead')).status).toBe(404);
    });

    it('a definition whose scoring refers to a missing item; a published version never changes', async () => {
      const admin = `Bearer ${await t.token({ roles: ['admin'] })}`;
      const t2 = (s: string) => ({ da: s, en: s });
      const definition = {
        format: 1, id: 'local-mood', version: 1, title: t2('Humør'), subject: 'citizen', respondents: [{ type: 'citizen' }], better: 'higher', minimumAnsweredShare: 0.5,
        scales: [], items: [{ kind: 'ruler', id: 'mood', text: t2('Hvordan er dit humør?'), min: 0, max: 10, minLabel: t2('Dårligt'), maxLabel: t2('Godt') }],
        subscales: [{ id: 'mood', title: t2('Humør'), items: ['mood', 'sleep'], method: 'mean' }],
      };
      const broken = await api('post', '/progression/instruments', { definition }, admin);
      expect(broken.status).toBe(422);
      expect(broken.body).toMatchObject({ code: 'instrument.item-unknown', errors: [{ field: 'definition.subscales[0].items[1]', code: 'instrument.item-unknown', message: 'no item "sleep"' }] });
      expect((await api('get', '/progression/instruments')).body.items.map((i: { id: string }) => i.id)).not.toContain('local-mood');

      definition.subscales[0].items = ['mood'];
      expect((await api('post', '/progression/instruments', { definition }, admin)).status).toBe(201);
      const changed = { ...definition, title: t2('Humør (ny tekst)') };
      const again = await api('post', '/progression/instruments', { definition: changed }, admin);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('instrument.version-published');
      const v1 = await api('get', '/progression/instruments/local-mood/versions/1');
      expect(v1.body.title.da).toBe('Humør');
      // A version or an instrument the path names that does not exist is not found (404), naming no body field.
      for (const path of ['/progression/instruments/local-mood/versions/9', '/progression/instruments/no-such/versions/1', '/progression/instruments/local-mood/versions/x']) {
        expect((await api('get', path)).body).toMatchObject({ status: 404, code: 'instrument.not-found' });
      }
      // And the database refuses an edit even from the application's own connection.
      await expect(t.app.get(DataSource).query(`UPDATE progression_instrument SET version = 2 WHERE instrument_id = 'local-mood'`)).rejects.toThrow(/never changes/);
      // A caseworker cannot register instruments.
      expect((await api('post', '/progression/instruments', { definition: { ...definition, version: 2 } })).status).toBe(403);
    });
  });

  it('logs reads and writes of measurements in the access log', async () => {
    const log = await api('get', `/courses/${w.courseId}/access-log?limit=100`, undefined, w.integration);
    expect(log.status).toBe(200);
    const records = log.body.items.map((e: { recordType: string }) => e.recordType);
    expect(records).toContain('measurement');
  });

  it('asks for the end measurement at closing: taken, or skipped with a reason', async () => {
    t.clock.set('2026-12-01T09:00:00Z');
    const close = () => api('post', `/courses/${w.courseId}/transitions`, { to: 'closed', reason: 'Fået job', outcomeCode: 'ordinary-job', endDate: '2026-12-01' }, w.integration);
    const asked = await close();
    expect(asked.status).toBe(422);
    expect(asked.body.code).toBe('measurement.end-missing');
    expect(asked.body.errors.map((e: { field: string; message: string }) => [e.field, e.message.split(' about ')[0]])).toEqual([
      ['endMeasurements[0]', 'End measurement of employment-readiness by caseworker'],
      ['endMeasurements[1]', 'End measurement of employment-readiness by citizen'],
    ]);
    expect((await api('get', `/courses/${w.courseId}`, undefined, w.integration)).body.status).toBe('active');

    const end = await record('citizen', 'end', Object.fromEntries(ADULT_ITEMS.slice(0, 10).map((id) => [id, 4])));
    expect(end).toMatchObject({ occasion: 'end', status: 'completed' });
    const noReason = await api('post', `/courses/${w.courseId}/measurements/skipped`, { instrumentId: 'employment-readiness', respondentType: 'caseworker', occasion: 'end' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const skipped = await api('post', `/courses/${w.courseId}/measurements/skipped`, { instrumentId: 'employment-readiness', respondentType: 'caseworker', occasion: 'end', reason: 'Sagsbehandleren var syg ved afslutningen' });
    expect(skipped.status).toBe(201);
    expect(skipped.body).toMatchObject({ status: 'skipped', skipReason: 'Sagsbehandleren var syg ved afslutningen' });

    expect((await close()).status).toBe(201);
    // The closed course's end measurement is in the dialogue view as the third point.
    const view = await api('get', `/courses/${w.courseId}/progression?instrumentId=employment-readiness&respondentType=citizen`);
    expect(view.body.series[0].measurements.map((m: { occasion: string }) => m.occasion)).toEqual(['baseline', 'follow-up', 'end']);
    // total at the end: direction 4, everyday (4+4+4+(6−4))/4 = 3.5, people 4 -> 11.5; since the follow-up 11.5 − 11 = 0.5, since baseline 11.5 − 7.33 = 4.17
    expect(view.body.series[0].scores.find((s: { id: string }) => s.id === 'total')).toMatchObject({ values: [7.33, 11, 11.5], changeSincePrevious: 0.5, changeSinceBaseline: 4.17 });
    // After closing, no other measurement.
    const late = await api('post', `/courses/${w.courseId}/measurements`, { instrumentId: 'employment-readiness', respondentType: 'citizen', occasion: 'follow-up' }, w.integration);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('measurement.course-not-open');
  });
});

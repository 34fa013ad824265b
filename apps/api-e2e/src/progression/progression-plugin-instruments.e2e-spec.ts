import type { Deployment } from '@enplan/core/config';
import { createTestDatabase, startFailure, startTestApp, testEngine, type TestDatabase } from '@enplan/core/testing';
import { definePlugin, type InstrumentDefinition, type PluginDefinition } from '@enplan/plugin-api';
import { arrangeProgressionWorld } from './progression-world.js';

const both = (s: string) => ({ da: s, en: s });

/** A plugin's own instrument (the format a municipality registers): one choice item and one ruler. */
function homeCheck(version = 1, question = 'Hvor tit får du lavet mad?'): InstrumentDefinition {
  return {
    format: 1,
    id: 'home-check',
    version,
    title: both('Hjemmetjek'),
    subject: 'citizen',
    respondents: [{ type: 'citizen' }, { type: 'caseworker' }],
    better: 'higher',
    minimumAnsweredShare: 0.5,
    scales: [{ id: 'often', options: [{ value: 0, label: both('Aldrig') }, { value: 1, label: both('Nogle gange') }, { value: 2, label: both('Tit') }] }],
    items: [
      { kind: 'choice', id: 'cooking', text: both(question), scale: 'often' },
      { kind: 'ruler', id: 'home', text: both('Hvor godt har du det i dit hjem?'), min: 0, max: 10, minLabel: both('Dårligt'), maxLabel: both('Godt') },
    ],
    subscales: [{ id: 'home-life', title: both('Hjemmet'), items: ['cooking', 'home'], method: 'sum' }],
  };
}

const plugin = (instruments: InstrumentDefinition[]): PluginDefinition =>
  definePlugin({ id: 'home-instruments', displayName: 'Hjemmets instrumenter', version: '1.0.0', pluginApi: '*', instruments });
const deployment = (enabled: boolean): Deployment => ({
  municipalities: [
    { code: '999', name: 'Demo Kommune', plugins: enabled ? [{ id: 'home-instruments' }] : [] },
    { code: '101', name: 'Anden Kommune', plugins: [] },
  ],
});

/**
 * Instruments a plugin registers (`definePlugin({ instruments })`): published at start in the municipalities that
 * enable it, answered like any other; a published version never changes, so a re-registration of the same version
 * with other content stops the start with a clear error, and a new version is published beside it.
 */
describe(`progression instruments from a plugin (${testEngine()})`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(testEngine(), { persistent: true });
  });
  afterAll(() => db?.drop());

  it('publishes the plugin instrument where the plugin is enabled, and it is answered and scored like a shipped one', async () => {
    const t = await startTestApp({ database: db, plugins: [plugin([homeCheck()])], deployment: deployment(true), now: '2026-03-02T09:00:00Z' });
    try {
      const w = await arrangeProgressionWorld(t);
      const list = await t.http().get('/api/v1/progression/instruments').set('Authorization', w.caseworker);
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual({ id: 'home-check', versions: [1], source: 'plugin', titleDa: 'Hjemmetjek', subject: 'citizen', respondents: ['citizen', 'caseworker'] });
      const started = await t.http().post(`/api/v1/courses/${w.courseId}/measurements`).set('Authorization', w.caseworker).send({ instrumentId: 'home-check', respondentType: 'citizen', occasion: 'extra' });
      expect(started.status).toBe(201);
      expect(started.body.definition).toEqual(homeCheck());
      const done = await t.http().post(`/api/v1/measurements/${started.body.id}/complete`).set('Authorization', w.caseworker).send({ answers: [{ itemId: 'cooking', status: 'answered', value: 2 }, { itemId: 'home', status: 'answered', value: 6 }] });
      expect(done.status).toBe(201);
      expect(done.body.scores.map((s: { id: string; value: number }) => [s.id, s.value])).toEqual([['home-life', 8]]);
      const outside = await t.http().post(`/api/v1/courses/${w.courseId}/measurements`).set('Authorization', w.caseworker).send({ instrumentId: 'home-check', respondentType: 'parent', occasion: 'extra' });
      expect([outside.status, outside.body.code]).toEqual([422, 'measurement.respondent-not-allowed']);
      // Municipality 101 does not enable the plugin: the instrument is not there.
      const other = `Bearer ${await t.token({ municipality: '101', roles: ['integrator'] })}`;
      const otherList = await t.http().get('/api/v1/progression/instruments').set('Authorization', other);
      expect(otherList.body.items.map((i: { id: string }) => i.id)).not.toContain('home-check');
    } finally {
      await t.close();
    }
  });

  it('starts again with the same definition, refuses the same version with other content, and publishes a new version beside it', async () => {
    const again = await startTestApp({ database: db, plugins: [plugin([homeCheck()])], deployment: deployment(true) });
    await again.close();

    const e = await startFailure({ database: db, plugins: [plugin([homeCheck(1, 'Hvor tit laver du mad selv?')])], deployment: deployment(true) });
    expect(e.name).toBe('InstrumentPublishedError');
    expect(e.message).toContain('plugin home-instruments: instrument home-check version 1 differs from the version published in municipality 999 on 2026-03-02');
    expect(e.message).toContain('give the changed definition a new "version"');

    const t = await startTestApp({ database: db, plugins: [plugin([homeCheck(), homeCheck(2, 'Hvor tit laver du mad selv?')])], deployment: deployment(true) });
    try {
      const admin = `Bearer ${await t.token({ roles: ['integrator'] })}`;
      const list = await t.http().get('/api/v1/progression/instruments').set('Authorization', admin);
      expect(list.body.items.find((i: { id: string }) => i.id === 'home-check')?.versions).toEqual([1, 2]);
      const v1 = await t.http().get('/api/v1/progression/instruments/home-check/versions/1').set('Authorization', admin);
      expect(v1.body.items[0].text.da).toBe('Hvor tit får du lavet mad?');
      // The municipality cannot register over it either: the version is published.
      const clash = await t.http().post('/api/v1/progression/instruments').set('Authorization', admin).send({ definition: homeCheck(2, 'Noget tredje') });
      expect([clash.status, clash.body.code]).toEqual([409, 'instrument.version-published']);
    } finally {
      await t.close();
    }
  });

  it('refuses at start a plugin instrument whose scoring names a missing item, or which takes a shipped id, naming the field', async () => {
    const broken = homeCheck();
    broken.subscales[0].items = ['cooking', 'garden'];
    const e = await startFailure({ plugins: [plugin([broken])], deployment: deployment(true) });
    expect(e.name).toBe('PluginError');
    expect(e.message).toContain('instruments[0].subscales[0].items[1]: no item "garden" (instrument.item-unknown)');
    const shipped = await startFailure({ plugins: [plugin([{ ...homeCheck(), id: 'employment-readiness' }])], deployment: deployment(true) });
    expect(shipped.message).toContain(`instruments[0].id: "employment-readiness" is a shipped instrument's id`);
  });
});

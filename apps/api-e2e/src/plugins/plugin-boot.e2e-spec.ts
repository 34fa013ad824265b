import semver from 'semver';
import { DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Deployment } from '@enplan/core/config';
import { startFailure, startTestApp } from '@enplan/core/testing';
import { definePlugin, PLUGIN_API_VERSION, type PluginDefinition } from '@enplan/plugin-api';
import { localRulesPlugin } from './fixtures/local-rules.plugin.js';
import { pairModelPlugin } from './fixtures/pair-model.plugin.js';

@Entity({ name: 'reports' })
class UnprefixedReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}

const halsnaes = (plugins: Deployment['municipalities'][number]['plugins']): Deployment => ({
  municipalities: [
    { code: '999', name: 'Demo Kommune', plugins: [] },
    { code: '260', name: 'Halsnæs Kommune', plugins },
  ],
});

const bootError = (plugins: PluginDefinition[], deployment: Deployment): Promise<Error> => startFailure({ plugins, deployment });

/** The host refuses to start on a bad plugin composition, saying which plugin, where and why. */
describe('booting with plugins', () => {
  it('refuses an unknown plugin id, naming it, the municipality and what is available', async () => {
    const e = await bootError([pairModelPlugin], halsnaes([{ id: 'borgerkonsulent' }]));
    expect(e.name).toBe('PluginError');
    expect(e.message).toContain('plugin "borgerkonsulent" in municipality 260 (Halsnæs Kommune): is not a known plugin (available: pair-model)');
  });

  it('refuses an invalid setting and an unknown one, naming each', async () => {
    const e = await bootError([pairModelPlugin], halsnaes([{ id: 'pair-model', settings: { jointMeetingsPerYear: 52, coverBuddy: true } }]));
    expect(e.message).toContain('plugin "pair-model" in municipality 260 (Halsnæs Kommune): setting "jointMeetingsPerYear": jointMeetingsPerYear must not be greater than 12');
    expect(e.message).toContain('plugin "pair-model" in municipality 260 (Halsnæs Kommune): setting "coverBuddy" is not known');
  });

  it('refuses a plugin written for another plugin API, naming the plugin, its range and the API version', async () => {
    const next = semver.inc(PLUGIN_API_VERSION, 'major');
    const e = await bootError([{ ...localRulesPlugin, pluginApi: `^${next}` }], halsnaes([{ id: 'local-rules' }]));
    expect(e.name).toBe('PluginError');
    expect(e.message).toContain(`plugin "local-rules": needs plugin API ^${next}, but this host's plugin API is ${PLUGIN_API_VERSION} (enabled in 260)`);
  });

  it('refuses a plugin declaring only the old compatibleCore range (the app version), saying to declare pluginApi', async () => {
    const { pluginApi: _, ...legacy } = localRulesPlugin;
    const e = await bootError([{ ...legacy, compatibleCore: '^0.1.0' } as unknown as PluginDefinition], halsnaes([{ id: 'local-rules' }]));
    expect(e.message).toContain('plugin "local-rules": declares compatibleCore, which is no longer read: declare pluginApi');
  });

  it('refuses two plugins in the catalogue with the same id', async () => {
    const impostor = definePlugin({ id: 'pair-model', displayName: 'Impostor', version: '9.9.9', pluginApi: '*' });
    const e = await bootError([pairModelPlugin, impostor], halsnaes([]));
    expect(e.message).toContain('plugin "pair-model": two plugins in the catalogue claim this id');
  });

  it('refuses a plugin table without the plugin prefix', async () => {
    const e = await bootError([{ ...pairModelPlugin, entities: [...pairModelPlugin.entities!, UnprefixedReport] }], halsnaes([{ id: 'pair-model' }]));
    expect(e.message).toContain('plugin "pair-model": table "reports" (entity UnprefixedReport) must be prefixed "pair_model_" (enabled in 260)');
  });

  it('boots with a plugin in the catalogue that no municipality enables (its tables are not touched)', async () => {
    const t = await startTestApp({ plugins: [pairModelPlugin, localRulesPlugin], deployment: halsnaes([{ id: 'local-rules' }]) });
    try {
      const tables: unknown[] = await t.app.get(DataSource).query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'pair_model_event'`);
      expect(tables).toEqual([]);
      const res = await t.http().get('/api/v1/plugins/pair-model/events').set('Authorization', `Bearer ${await t.token({ municipality: '260' })}`);
      expect(res.status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

import { definePlugin, PluginRegistry } from '@enplan/core/extensions';
import { DEMO_DEPLOYMENT } from '@enplan/core/config';
import { DEMO_SYNC_TARGETS, demoDeployment, demoLogins } from './demo-deployment.js';

const USER = '00000000-0000-4000-8000-000000998001';
const withDemo = (code: string, id = 'demo-model') =>
  definePlugin({
    id,
    displayName: 'Demo model',
    version: '0.1.0',
    pluginApi: '>=1.0.0',
    model: true,
    demo: { municipality: { code, name: `Demo ${code}`, settings: {} }, users: [{ id: USER, roles: ['caseworker'], description: 'the caseworker' }], seed: async () => undefined },
  });

describe('the demo deployment', () => {
  it('is 999 plus each catalogue plugin’s demo municipality with the plugin enabled', () => {
    const d = demoDeployment([withDemo('998')]);
    const demo999 = { code: '999', name: 'Demo Kommune', plugins: [], sync: [{ id: 'momentum', kind: 'manual', label: 'Momentum (jobcenter)' }] };
    expect(d.municipalities).toEqual([demo999, { code: '998', name: 'Demo 998', plugins: [{ id: 'demo-model', settings: {} }] }]);
    expect(demoDeployment([]).municipalities).toEqual([demo999]);
    // Tests keep booting the plain demo municipality: no sector system, so no delivery rows behind their backs.
    expect(DEMO_DEPLOYMENT.municipalities[0]).not.toHaveProperty('sync');
    expect(DEMO_SYNC_TARGETS.every((x) => x.kind === 'manual')).toBe(true);
  });

  it('refuses two demos claiming one municipality code', () => {
    expect(() => demoDeployment([withDemo('998'), withDemo('998', 'other-model')])).toThrow(/998/);
    expect(() => demoDeployment([withDemo('999')])).toThrow(/999/);
  });

  it('lists the demo logins, the default of each municipality first', () => {
    const logins = demoLogins([withDemo('998')]);
    expect(logins[0]).toMatchObject({ municipalityCode: '999', roles: ['caseworker'] });
    expect(logins.find((l) => l.municipalityCode === '998')).toMatchObject({ userId: USER, modelId: 'demo-model' });
  });

  it('refuses at boot a demo without a code, a uuid or a seed, naming the field', () => {
    const bad = definePlugin({
      ...withDemo('998'),
      demo: { municipality: { code: '98', name: 'x' }, users: [{ id: 'nope', roles: ['caseworker'], description: '' }], seed: undefined as never },
    });
    const deployment = { municipalities: [{ code: '998', name: 'x', plugins: [{ id: 'demo-model' }] }] };
    expect(() => PluginRegistry.create({ catalogue: [bad], deployment })).toThrow(/demo\.municipality\.code[\s\S]*demo\.users\[0\]\.id[\s\S]*demo\.seed/);
  });
});

import { DEMO_DEPLOYMENT, DeploymentError, type Deployment, type SyncTargetSetting } from '@enplan/core/config';
import type { PluginDefinition } from '@enplan/core/extensions';
import { DEMO } from './demo-seed.js';

/**
 * What `npm start` serves without a deployment file: the core's demo municipality (999, the generic model) plus
 * the demo municipality of every plugin in the catalogue that brings one, with the plugin enabled there with the
 * settings of the municipality it is modelled on. Computed from the catalogue the app passes, since the host
 * never imports a plugin. Tests pass their deployments explicitly and keep the plain `DEMO_DEPLOYMENT`.
 */
/**
 * The sector system of 999 in `npm start`'s demo: the job centre's system, here without an interface, so the course
 * overview's sync panel shows each plan version waiting to be typed in and lets staff record it. Only a `manual`
 * target: it needs no network, folder or secret on a new machine. Tests boot DEMO_DEPLOYMENT, which has none.
 */
export const DEMO_SYNC_TARGETS: SyncTargetSetting[] = [{ id: 'momentum', kind: 'manual', label: 'Momentum (jobcenter)' }];

export function demoDeployment(catalogue: readonly PluginDefinition[]): Deployment {
  const municipalities = DEMO_DEPLOYMENT.municipalities.map((m) => (m.code === DEMO.municipalityCode ? { ...m, sync: DEMO_SYNC_TARGETS } : m));
  for (const p of catalogue) {
    if (!p.demo) continue;
    const { code, name, settings } = p.demo.municipality;
    const taken = municipalities.find((m) => m.code === code);
    if (taken) throw new DeploymentError(`Plugin ${p.id}: its demo municipality ${code} is also the demo municipality "${taken.name}"`);
    municipalities.push({ code, name, plugins: [{ id: p.id, settings: { ...settings } }] });
  }
  return { municipalities };
}

/** A demo staff member a token can be minted for without opening the database. */
export interface DemoLogin {
  municipalityCode: string;
  municipalityName: string;
  /** The plugin whose model the municipality shows; `generic` for 999. */
  modelId: string;
  userId: string;
  roles: readonly string[];
  description: string;
}

/** Every demo login, the default one of each municipality first (the CLI's `token` and the README list these). */
export function demoLogins(catalogue: readonly PluginDefinition[]): DemoLogin[] {
  const core = DEMO_DEPLOYMENT.municipalities[0];
  const out: DemoLogin[] = [
    { municipalityCode: DEMO.municipalityCode, municipalityName: core.name, modelId: 'generic', userId: DEMO.caseworkerId, roles: ['caseworker'], description: 'caseworker on the demo courses' },
    { municipalityCode: DEMO.municipalityCode, municipalityName: core.name, modelId: 'generic', userId: DEMO.managerId, roles: ['manager'], description: 'manager of the job centre' },
  ];
  for (const p of catalogue) {
    if (!p.demo) continue;
    for (const u of p.demo.users) {
      out.push({ municipalityCode: p.demo.municipality.code, municipalityName: p.demo.municipality.name, modelId: p.id, userId: u.id, roles: u.roles, description: u.description });
    }
  }
  return out;
}

import type { Deployment } from '@enplan/core/config';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';

/**
 * One municipality (999) that enables every plugin of the catalogue: the deployment in which the host serves, and
 * documents, every operation there is. Start it with `startTestApp({ deployment: ALL_PLUGINS, plugins: PLUGIN_CATALOGUE })`.
 */
export const ALL_PLUGINS: Deployment = {
  municipalities: [{ code: '999', name: 'Demo Kommune', plugins: PLUGIN_CATALOGUE.map((p) => ({ id: p.id })) }],
};

import type { PluginDefinition } from '@enplan/plugin-api';
import { citizenConsultantPlugin } from '@enplan/plugin-citizen-consultant';
import { pairedCaseworkersPlugin } from '@enplan/plugin-paired-caseworkers';
import { planCoordinatorPlugin } from '@enplan/plugin-plan-coordinator';
import { stepUpMeetingsPlugin } from '@enplan/plugin-step-up-meetings';

/**
 * Every plugin this build carries, in one list that the API (`apps/api`) and the CLI (`apps/cli`) both pass
 * to the host. A deployment file can enable only what is listed here. The host itself never imports a
 * plugin; this is the one place that does (tagged `type:catalogue`: it may depend on plugins and the plugin
 * API, and only the apps may depend on it).
 *
 * Add a plugin by importing its definition and appending it, e.g.
 *   import { planCoordinatorPlugin } from '@enplan/plugin-plan-coordinator';
 */
export const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [
  planCoordinatorPlugin,
  pairedCaseworkersPlugin,
  citizenConsultantPlugin,
  stepUpMeetingsPlugin,
];

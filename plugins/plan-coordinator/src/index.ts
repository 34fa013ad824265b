import { definePlugin } from '@enplan/plugin-api';
import { planCoordinatorDemo } from './lib/demo.js';
import { planCoordinatorExtensions } from './lib/extensions.js';
import { PlanCoordinatorModule } from './lib/plan-coordinator.module.js';
import { PLAN_COORDINATOR_ID, PlanCoordinatorCode } from './lib/rules.js';
import { PlanCoordinatorSettings } from './lib/settings.js';

export { PlanCoordinatorSettings };
export { PlanCoordinatorCode, PLAN_COORDINATOR_ID, RULES as PLAN_COORDINATOR_RULES } from './lib/rules.js';

/**
 * The coordinating caseworker model (plankoordinator, "stafetholder"; Ballerup, Allerød, Fredensborg, Gladsaxe):
 * the departments keep their authority; one coordinating caseworker owns the course, gathers consent to share
 * information, convenes and chairs the start-up and network meetings, and keeps the plan. See README.md.
 */
export const planCoordinatorPlugin = definePlugin<PlanCoordinatorSettings>({
  id: PLAN_COORDINATOR_ID,
  displayName: 'Plankoordinator',
  description:
    'Coordinating caseworker (stafetholder): the departments keep their authority, one coordinator owns the course, gathers consent, ' +
    'chairs the start-up and network meetings and keeps the plan.',
  version: '1.0.0',
  pluginApi: '^1.0.0',
  model: true,
  module: PlanCoordinatorModule,
  settings: PlanCoordinatorSettings,
  demo: planCoordinatorDemo,
  extensions: planCoordinatorExtensions,
  problemCodes: {
    teamRules: [PlanCoordinatorCode.CoordinatorRequired, PlanCoordinatorCode.CoordinatorInMunicipality, PlanCoordinatorCode.AuthorityHolderRequired, PlanCoordinatorCode.FamilyBuddyRequired],
    decisionAuthority: [PlanCoordinatorCode.ExtraAreaCoordinatorOnly],
    hooks: { onActivation: { 422: [PlanCoordinatorCode.ConsentRequired] } },
  },
});

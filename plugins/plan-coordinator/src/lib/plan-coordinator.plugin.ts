import { definePlugin } from '@enplan/plugin-api';
import { PlanCoordinatorModule } from './plan-coordinator.module.js';
import {
  cadenceContribution,
  caseloadPolicy,
  consentRequiredError,
  decisionAuthority,
  PLAN_COORDINATOR_ID,
  CATALOGUE_ROLES,
  teamProblems,
} from './rules.js';
import { PlanCoordinatorSettings } from './settings.js';
import { planCoordinatorDemo } from './demo.js';

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
  extensions: (s) => ({
    teamRules: (team) => teamProblems(team, s),
    roles: CATALOGUE_ROLES,
    cadencePolicy: cadenceContribution(s),
    caseload: caseloadPolicy(s),
    decisionAuthority: async (input) => decisionAuthority(input, s),
    hooks: {
      onActivation: async (e, ctx) => {
        // "In force" is the core's rule, answered by the consents port.
        const consents = await ctx.core.consents.ofCourse(e.course.id, ctx.today);
        if (!consents.some((c) => c.kind === 'information-sharing' && c.inForce)) throw consentRequiredError(e.resumed);
      },
    },
  }),
});

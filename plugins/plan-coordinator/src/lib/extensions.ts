import type { PluginExtensions } from '@enplan/plugin-api';
import { cadenceContribution, caseloadPolicy, CATALOGUE_ROLES, consentRequiredError, decisionAuthority, teamProblems } from './rules.js';
import type { PlanCoordinatorSettings } from './settings.js';

/** The model's extension points for one municipality's settings. */
export function planCoordinatorExtensions(s: PlanCoordinatorSettings): PluginExtensions<PlanCoordinatorSettings> {
  return {
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
  };
}

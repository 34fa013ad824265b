import type { PluginExtensions } from '@enplan/plugin-api';
import { coveringStaffIds } from './citizen-consultant.service.js';
import { areaCoverageProblems, cadencePolicy, caseloadPolicy, consultantOf, decisionAuthority, MEETING_TYPES, teamProblems } from './rules.js';
import type { CitizenConsultantSettings } from './settings.js';

/** The model's extension points for one municipality's settings. */
export function citizenConsultantExtensions(s: CitizenConsultantSettings): PluginExtensions<CitizenConsultantSettings> {
  return {
    teamRules: (team) => teamProblems(team, s),
    meetingTypes: MEETING_TYPES,
    cadencePolicy: cadencePolicy(s),
    caseload: caseloadPolicy(s),
    decisionAuthority: async (input, ctx) => {
      // Covers matter only when someone other than the consultant decides.
      const covering =
        input.staff && input.staff.id !== consultantOf(input.team)?.staff.id ? await coveringStaffIds(ctx.db, ctx.municipalityId, input.course.id, input.on) : new Set<string>();
      return decisionAuthority(input, covering);
    },
    validatePlanPublish: async (input) => areaCoverageProblems(input.content, consultantOf(input.team)?.staff ?? null),
  };
}

import { Module } from '@nestjs/common';
import { definePlugin } from '@enplan/plugin-api';
import { ConsultantLoadController, CoverController } from './citizen-consultant.controller.js';
import { CitizenConsultantService, coveringStaffIds } from './citizen-consultant.service.js';
import { CitizenConsultantCover } from './cover.entity.js';
import { citizenConsultantDemo } from './demo.js';
import { citizenConsultantMigrations } from './migrations/index.js';
import {
  areaCoverageProblems,
  cadencePolicy,
  caseloadPolicy,
  consultantOf,
  decisionAuthority,
  MEETING_TYPES,
  teamProblems,
} from './rules.js';
import { CITIZEN_CONSULTANT_ID, CitizenConsultantSettings } from './settings.js';

@Module({ controllers: [ConsultantLoadController, CoverController], providers: [CitizenConsultantService] })
export class CitizenConsultantModule {}

/**
 * The integrated citizen consultant (borgerkonsulent, Halsnæs): one person holds authority across several
 * legal areas and the provider role, and is the citizen's only contact; a buddy with another background
 * covers and spars; about 15 active courses per full-time consultant. See the plugin's README.
 */
export const citizenConsultantPlugin = definePlugin<CitizenConsultantSettings>({
  id: CITIZEN_CONSULTANT_ID,
  displayName: 'Borgerkonsulent',
  description: 'Integrated all-in-one citizen consultant: authority in several legal areas and the provider role in one person, with a buddy for cover',
  version: '0.1.0',
  pluginApi: '^1.0.0',
  model: true,
  module: CitizenConsultantModule,
  entities: [CitizenConsultantCover],
  migrations: citizenConsultantMigrations,
  settings: CitizenConsultantSettings,
  demo: citizenConsultantDemo,
  extensions: (s) => ({
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
  }),
});

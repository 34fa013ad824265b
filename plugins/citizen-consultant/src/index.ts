import { definePlugin } from '@enplan/plugin-api';
import { CitizenConsultantModule } from './lib/citizen-consultant.module.js';
import { CitizenConsultantCover } from './lib/cover.entity.js';
import { citizenConsultantDemo } from './lib/demo.js';
import { citizenConsultantExtensions } from './lib/extensions.js';
import { citizenConsultantMigrations } from './lib/migrations/index.js';
import { CitizenConsultantCode } from './lib/rules.js';
import { CITIZEN_CONSULTANT_ID, CitizenConsultantSettings } from './lib/settings.js';

export { CitizenConsultantModule, CitizenConsultantSettings, CITIZEN_CONSULTANT_ID, CitizenConsultantCover };
export { CitizenConsultantCode } from './lib/rules.js';

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
  extensions: citizenConsultantExtensions,
  problemCodes: {
    decisionAuthority: [CitizenConsultantCode.NotTheDecider],
    validatePlanPublish: [CitizenConsultantCode.ConsultantMissing, CitizenConsultantCode.AreaNotCovered],
  },
});

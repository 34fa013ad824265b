import { definePlugin } from '@enplan/plugin-api';
import { pairedCaseworkersDemo } from './lib/demo.js';
import { PairedErrorCode } from './lib/errors.js';
import { pairedCaseworkersExtensions } from './lib/extensions.js';
import { pairedCaseworkersMigrations } from './lib/migrations/index.js';
import { PairedCaseworkersModule } from './lib/paired-caseworkers.module.js';
import { PAIRED_CASEWORKERS_ID, PairedCaseworkersSettings } from './lib/settings.js';
import { PairedCaseworkersSubstitute } from './lib/substitute.entity.js';

export { pairedCaseworkersExtensions };
export { PAIRED_CASEWORKERS_ID, PairedCaseworkersSettings, jointMeetingIntervalDays } from './lib/settings.js';
export { PairedErrorCode } from './lib/errors.js';
export { PairedCaseworkersSubstitute };
export * from './lib/rules.js';

/**
 * Paired caseworkers (makkerpar; Hillerød, Helsingør): two caseworkers from different authority areas work
 * as a fixed pair and meet the citizen together; each decides only in their own areas; the plan is revised
 * at the joint meetings; a named substitute covers absence. See the plugin's README.md.
 */
export const pairedCaseworkersPlugin = definePlugin<PairedCaseworkersSettings>({
  id: PAIRED_CASEWORKERS_ID,
  displayName: 'Makkerpar',
  description: 'Two caseworkers from different authority areas as a fixed pair: joint meetings, own-area decisions, named substitutes',
  version: '0.1.0',
  pluginApi: '^1.0.0',
  model: true,
  module: PairedCaseworkersModule,
  entities: [PairedCaseworkersSubstitute],
  migrations: pairedCaseworkersMigrations,
  settings: PairedCaseworkersSettings,
  demo: pairedCaseworkersDemo,
  extensions: pairedCaseworkersExtensions,
  problemCodes: {
    teamRules: [PairedErrorCode.TwoAuthorityHolders, PairedErrorCode.DifferentLegalAreas, PairedErrorCode.TeamRoles],
    decisionAuthority: [PairedErrorCode.PartnerArea, PairedErrorCode.OutsidePairAreas, PairedErrorCode.NotInPair, PairedErrorCode.SubstitutionNotInForce],
    validatePlanPublish: [PairedErrorCode.JointMeetingRequired, PairedErrorCode.PairNotPresent],
  },
});

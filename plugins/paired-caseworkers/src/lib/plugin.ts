import { definePlugin, type PluginExtensions } from '@enplan/plugin-api';
import { PairedCaseworkersInit1795600000000 } from './migrations/1795600000000-PairedCaseworkersInit.js';
import { PairedCaseworkersModule } from './paired-caseworkers.module.js';
import { pairedDecisionAuthority, validatePairedPublish } from './plan-publish.js';
import { PAIR_ROLES, pairTeamRules } from './rules.js';
import { jointMeetingIntervalDays, PAIRED_CASEWORKERS_ID, PairedCaseworkersSettings } from './settings.js';
import { PairedCaseworkersSubstitute } from './substitute.entity.js';
import { pairedCaseworkersDemo } from './demo.js';

/** The model's extension points for one municipality's settings. */
export function pairedCaseworkersExtensions(s: PairedCaseworkersSettings): PluginExtensions<PairedCaseworkersSettings> {
  const target = s.targetPerFte ?? s.capPerFte;
  if (target > s.capPerFte) throw new Error(`setting "targetPerFte" (${target}) must not exceed "capPerFte" (${s.capPerFte})`);
  const every = jointMeetingIntervalDays(s.jointMeetingsPerYear);
  return {
    teamRules: (team) => pairTeamRules(team.members),
    roles: [
      { id: 'explorer', kind: 'meeting', label: { da: 'Udforsker', en: 'Explorer' }, description: 'Asks into the citizen’s situation and wishes at the joint meeting' },
      { id: 'captain', kind: 'meeting', label: { da: 'Kaptajn', en: 'Captain' }, description: 'Keeps the joint meeting on course and its agreements clear' },
      { id: 'witness', kind: 'meeting', label: { da: 'Vidne', en: 'Witness' }, description: 'Listens, and sums up what they heard at the end' },
      { id: 'pair-substitute', kind: 'plugin', label: { da: 'Stedfortræder for makker', en: 'Pair substitute' }, description: 'Covers one of the pair for a named period' },
    ],
    cadencePolicy: {
      rules: [
        {
          id: 'joint-meetings',
          meetingType: 'joint',
          everyDays: every,
          description: `${s.jointMeetingsPerYear} joint meetings a year with both caseworkers and the citizen (every ${every} days)`,
        },
      ],
      suppressions: s.planRevisedAtJointMeeting
        ? [{ rule: 'plan-every-60-days', legalReason: 'In the paired model the plan is revised at the joint meetings with both caseworkers and the citizen' }]
        : [],
    },
    caseload: { targetPerFte: target, capPerFte: s.capPerFte, cappedRoles: PAIR_ROLES, maxActiveCourses: s.maxActiveCourses ?? null },
    decisionAuthority: pairedDecisionAuthority,
    validatePlanPublish: validatePairedPublish,
  };
}

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
  migrations: [PairedCaseworkersInit1795600000000],
  settings: PairedCaseworkersSettings,
  demo: pairedCaseworkersDemo,
  extensions: pairedCaseworkersExtensions,
});

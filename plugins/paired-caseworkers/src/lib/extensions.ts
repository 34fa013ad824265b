import type { PluginExtensions } from '@enplan/plugin-api';
import { pairedDecisionAuthority, validatePairedPublish } from './plan-publish.js';
import { PAIR_ROLES, pairTeamRules } from './rules.js';
import { jointMeetingIntervalDays, type PairedCaseworkersSettings } from './settings.js';

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

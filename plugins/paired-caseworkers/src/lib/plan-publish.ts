import type { FieldProblem, HookContext, PlanPublishInput } from '@enplan/plugin-api';
import { readMeeting } from './core-reads.js';
import { authorityHolders, danishDay, jointMeetingProblems, pairDecision } from './rules.js';
import type { PairedCaseworkersSettings } from './settings.js';
import { loadSubstitutions } from './substitutes.service.js';

/**
 * The model's checks of a plan publish, in the core's transaction:
 * - decision authority for what the version decides (its new and changed actions with a legal area): each
 *   of the pair only in their own areas, a named substitute in the covered areas while in force;
 * - with `planRevisedAtJointMeeting`, a version after the first comes from a held joint meeting where the
 *   pair (or a substitute in force) was present.
 * The substitutions come from the plugin's own table, the source meeting from the core's `meeting` table.
 */
export async function validatePairedPublish(input: PlanPublishInput, ctx: HookContext<PairedCaseworkersSettings>): Promise<FieldProblem[]> {
  const pair = authorityHolders(input.team);
  const decided = input.changedActions.flatMap((a) => (a.legalArea ? [{ id: a.id, legalArea: a.legalArea }] : []));
  const meetingRule = ctx.settings.planRevisedAtJointMeeting && input.version > 1;
  if (!decided.length && !meetingRule) return [];
  const substitutions = await loadSubstitutions(ctx.em, ctx.municipalityId, input.course.id);
  const problems: FieldProblem[] = [];
  const today = danishDay(ctx.now);
  for (const a of decided) {
    const d = pairDecision({ publisher: input.publisher, legalArea: a.legalArea, pair, substitutions, on: today });
    if (!d.allowed) problems.push({ field: `content.actions[${input.content.actions.findIndex((x) => x.id === a.id)}].legalBasis`, code: d.code, message: d.reason });
  }
  if (meetingRule) {
    const sourceMeetingId = input.sourceMeetingId ?? null;
    const meeting = sourceMeetingId ? await readMeeting(ctx.em, ctx.municipalityId, sourceMeetingId) : null;
    problems.push(...jointMeetingProblems({ version: input.version, courseId: input.course.id, sourceMeetingId, meeting, pair, substitutions }));
  }
  return problems;
}

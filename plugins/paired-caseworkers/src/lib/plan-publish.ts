import type { AuthorityDecision, DecisionAuthorityInput, FieldProblem, HookContext, PlanPublishInput } from '@enplan/plugin-api';
import { readMeeting } from './core-reads.js';
import { authorityHolders, jointMeetingProblems, pairDecision } from './rules.js';
import type { PairedCaseworkersSettings } from './settings.js';
import { loadSubstitutions } from './substitutes.service.js';

/**
 * The model's decision authority, wherever the core records a decision (plan publish, a meeting's decision,
 * a provider order): each of the pair only in their own areas, a named substitute in the covered areas while
 * the substitution is in force on the decision's day. The substitutions come from the plugin's own table.
 */
export async function pairedDecisionAuthority(input: DecisionAuthorityInput, ctx: HookContext<PairedCaseworkersSettings>): Promise<AuthorityDecision> {
  const substitutions = await loadSubstitutions(ctx.db, ctx.municipalityId, input.course.id);
  const d = pairDecision({ publisher: input.staff, legalArea: input.legalArea, pair: authorityHolders(input.team), substitutions, on: input.on });
  return d.allowed ? { allowed: true } : { allowed: false, code: d.code, reason: d.reason };
}

/**
 * With `planRevisedAtJointMeeting`, a version after the first comes from a held joint meeting where the pair
 * (or a substitute in force) was present. The source meeting comes from the core's meetings port. (Who may
 * decide the version's actions is `pairedDecisionAuthority`, which the core asks first.)
 */
export async function validatePairedPublish(input: PlanPublishInput, ctx: HookContext<PairedCaseworkersSettings>): Promise<FieldProblem[]> {
  if (!ctx.settings.planRevisedAtJointMeeting || input.version <= 1) return [];
  const pair = authorityHolders(input.team);
  const substitutions = await loadSubstitutions(ctx.db, ctx.municipalityId, input.course.id);
  const sourceMeetingId = input.sourceMeetingId ?? null;
  const meeting = sourceMeetingId ? await readMeeting(ctx.core, sourceMeetingId) : null;
  return jointMeetingProblems({ version: input.version, courseId: input.course.id, sourceMeetingId, meeting, pair, substitutions });
}

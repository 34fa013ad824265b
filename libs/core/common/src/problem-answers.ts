import { ApiExtension } from '@nestjs/swagger';
import { STATUS_BY_KIND, TITLE_BY_KIND, type ErrorKind } from './domain-error.js';

/** The OpenAPI extension carrying an operation's own problem codes, by HTTP status (read by the host's document builder). */
export const PROBLEM_ANSWERS_EXTENSION = 'x-enplan-problem-answers';

/** Problem codes by the HTTP status they are answered with, e.g. `{ 409: ['citizen.cpr-exists'] }`. */
export type ProblemCodesByStatus = Partial<Record<400 | 403 | 404 | 409 | 422 | 428 | 503, readonly string[]>>;

/**
 * Declares the problem codes an operation answers besides those every operation of its kind shares
 * (authentication, the access rule, validation: the document builder adds those). The document lists them
 * as the `enum` of `code` in the operation's problem answers, and the contract tests fail a response whose
 * code the operation did not declare, so a declaration cannot silently fall behind the code.
 * Use the error enums (`@ProblemAnswers({ 409: [CitizenErrorCode.CprExists] })`), never copied strings.
 */
export const ProblemAnswers = (codes: ProblemCodesByStatus) => ApiExtension(PROBLEM_ANSWERS_EXTENSION, codes);

/** The OpenAPI extension naming the plugin extension points an operation runs (read by the host's document builder). */
export const RULE_HOOKS_EXTENSION = 'x-enplan-rule-hooks';

/**
 * A plugin extension point whose refusals reach the caller of a core operation: the rule points (`teamRules`,
 * `decisionAuthority`, `validatePlanPublish`, `eligibility`), a model's caseload cap, and the lifecycle hooks;
 * and `closingChecks`, what other core features require of closing a course (`CourseClosingChecks`).
 */
export type RuleHook = 'closingChecks' | 'teamRules' | 'caseload' | 'decisionAuthority' | 'validatePlanPublish' | 'eligibility' | 'onReferral' | 'onActivation' | 'onPlanPublished' | 'onClosing';

/**
 * Declares which plugin extension points an operation runs. The document builder adds to the operation's
 * problem answers the codes each plugin of the deployment declares for those points (`problemCodes` of its
 * definition), so the document lists what the plugins' rules can answer there, and nothing is copied by hand.
 */
export const RunsRuleHooks = (...hooks: RuleHook[]) => ApiExtension(RULE_HOOKS_EXTENSION, hooks);

/** The title a problem of a status carries (the problem filter's, by kind). */
export function problemTitle(status: number): string {
  const kind = (Object.entries(STATUS_BY_KIND) as [ErrorKind, number][]).find(([, s]) => s === status)?.[0];
  return kind ? TITLE_BY_KIND[kind] : 'Error';
}

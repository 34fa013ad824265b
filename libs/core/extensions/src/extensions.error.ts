import { DomainError, type FieldProblem } from '@enplan/core/common';

/** Failures raised by the plugin system at run time; codes are public API. */
export enum ExtensionErrorCode {
  TeamRule = 'plugin.team-rule',
  CaseloadCap = 'plugin.caseload-cap',
  NotEligible = 'plugin.not-eligible',
  DecisionAuthority = 'plugin.decision-authority',
  NotEnabled = 'plugin.not-enabled',
}

export interface TeamRuleViolation {
  plugin: string;
  rule: string;
  code: string;
  message: string;
}

export const extensionError = {
  /** The team breaks a rule of the course's model; the first violation's code heads the problem. */
  teamRule: (field: string, violations: TeamRuleViolation[]) =>
    new DomainError(
      violations[0].code,
      'unprocessable',
      violations.length === 1 ? violations[0].message : `${violations[0].message} (and ${violations.length - 1} more)`,
      { errors: violations.map((v) => ({ field, code: v.code, message: v.message })), rules: violations },
    ),
  caseloadCap: (field: string, staffName: string, modelId: string, cap: number, active: number) =>
    new DomainError(
      ExtensionErrorCode.CaseloadCap,
      'unprocessable',
      `${staffName} already has ${active} active ${modelId} courses, the cap for their working hours is ${cap}`,
      { capacity: cap, activeCourses: active, errors: [{ field, code: ExtensionErrorCode.CaseloadCap, message: `At most ${cap} active ${modelId} courses for this staff member` }] },
    ),
  notEligible: (plugin: string, code: string, reasons: string[]) =>
    new DomainError(code, 'unprocessable', `The citizen is not in the target group: ${reasons.join('; ') || 'no reason given'}`, {
      plugin,
      reasons,
      errors: [{ field: 'modelId', code, message: reasons.join('; ') || 'Not in the target group' }],
    }),
  /** Problems a plugin found with a plan publish: the first one's code heads the problem. */
  planRejected: (errors: FieldProblem[]) =>
    new DomainError(errors[0].code, 'unprocessable', errors.length === 1 ? errors[0].message : `${errors[0].message} (and ${errors.length - 1} more)`, { errors }),
  notEnabled: (pluginId: string) => new DomainError(ExtensionErrorCode.NotEnabled, 'not-found', `The plugin ${pluginId} is not enabled for your municipality`),
};

export interface PluginProblem {
  plugin: string;
  municipality?: string;
  message: string;
}

/** Boot refuses to start: each problem names the plugin (and the municipality, when it is about one). */
export class PluginError extends Error {
  override name = 'PluginError';
  constructor(readonly problems: PluginProblem[]) {
    super(
      `The plugin configuration is invalid:\n${problems
        .map((p) => `  - plugin "${p.plugin}"${p.municipality ? ` in municipality ${p.municipality}` : ''}: ${p.message}`)
        .join('\n')}`,
    );
  }
}

// Types of tools/scripts/openapi-lint.mjs, for its spec.
export interface LintCounts {
  errors: number;
  warnings: number;
  problems: string[];
  warningTexts: string[];
}
export type Budget = Record<string, { warnings: number }>;
export const BUDGET_FILE: string;
export function budgetProblems(counts: Record<string, LintCounts>, budget: Budget): string[];
export function amendedBudget(counts: Record<string, LintCounts>, budget: Budget, raise?: boolean): Budget;
export function main(argv: string[], root?: string): number;

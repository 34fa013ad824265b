// Types of tools/scripts/api-report.mjs, for its spec (the script itself runs as plain JavaScript).
export interface ReportRecord {
  pluginApiVersion: string;
  surface: string;
}
export interface ReportState {
  generated: string;
  committed: string | undefined;
  record: ReportRecord | undefined;
  version: string;
}
export const REPORT_FILE: string;
export const RECORD_FILE: string;
export const VERSION_FILE: string;
export function readVersion(source: string): string;
export function withVersion(source: string, version: string): string;
export function reportVersion(report: string): string | undefined;
export function surfaceHash(report: string): string;
export function unifiedDiff(before: string, after: string, labels?: [string, string]): string;
export function suggestedBump(before: string, after: string): 'major' | 'minor';
export function checkProblems(state: ReportState): string[];
export function updateOutcome(state: ReportState & { amend?: boolean }): { record: ReportRecord; problems?: undefined } | { problems: string[]; record?: undefined };
export function generateReport(root: string): Promise<string>;
export function main(argv: string[], root?: string): Promise<number>;

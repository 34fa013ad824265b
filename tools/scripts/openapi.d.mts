// Types of tools/scripts/openapi.mjs, for its spec (the script itself runs as plain JavaScript).
export interface OpenApiState {
  generated: string;
  committed: string | undefined;
  types?: string;
  committedTypes?: string | undefined;
  changelog: string | undefined;
}
export const DOCUMENT_FILE: string;
export const CHANGELOG_FILE: string;
export const TYPES_FILE: string;
export const STALE: string;
export function normalise<T extends object>(doc: T): T;
export function documentText(doc: object): string;
export function typesText(doc: object): Promise<string>;
export function breakingChanges(before: object, after: object): string[];
export function unreleasedSection(changelog: string | undefined): string;
export function unrecorded(changes: string[], changelog: string | undefined): string[];
export function checkProblems(state: OpenApiState): string[];
export function writeProblems(state: OpenApiState): string[];
export function generateDocument(root: string): Promise<object>;
export function main(argv: string[], root?: string): Promise<number>;

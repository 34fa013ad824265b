// The rule files under mutation testing and the unit specs that test each (rule-files.json). The plugin
// generator adds a new plugin's rules file here (tools/workspace-plugin: addToMutationList).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RULE_FILES_JSON = 'tools/mutation/rule-files.json';
export const THRESHOLD = 85;

/** @returns {{ file: string; specs: string[] }[]} */
export function readRuleFiles(root) {
  const list = JSON.parse(readFileSync(join(root, RULE_FILES_JSON), 'utf8'));
  return Object.entries(list).map(([file, specs]) => ({ file, specs }));
}

/** Where Stryker's incremental result (a mutation-testing-report-schema report) for one rule file is committed. */
export const incrementalFileOf = (file) => `tools/mutation/incremental/${file.replace(/\.ts$/, '').replace(/[/]/g, '__')}.json`;

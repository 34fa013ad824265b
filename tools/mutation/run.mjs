#!/usr/bin/env node
// `npm run test:mutation [-- --force] [-- <rule file> ...]`: Stryker once per rule file of rule-files.json, each
// with only that file's unit specs (tools/mutation/jest.config.js), in incremental mode against the committed
// tools/mutation/incremental/<file>.json; then the per-file threshold check (check-thresholds.mjs).
// A rule file whose source and specs are exactly those its incremental file recorded is not run at all: Stryker's
// incremental mode would reuse every result too (it diffs the mutated file and the test files), only after a
// dry run of the specs, which the test step has already done. `--force` mutates everything again.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkThresholds } from './check-thresholds.mjs';
import { incrementalFileOf, readRuleFiles } from './rule-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const force = args.includes('--force');
const only = args.filter((a) => !a.startsWith('--'));
const ruleFiles = readRuleFiles(root);
const selected = only.length ? ruleFiles.filter((r) => only.includes(r.file)) : ruleFiles;
if (only.length && selected.length !== only.length) {
  console.error(`not in tools/mutation/rule-files.json: ${only.filter((f) => !ruleFiles.some((r) => r.file === f)).join(', ')}`);
  process.exit(2);
}

/** Whether the incremental file recorded exactly this source of the rule file and of each of its specs. */
function unchanged(rule, incrementalPath) {
  if (!existsSync(incrementalPath)) return false;
  const report = JSON.parse(readFileSync(incrementalPath, 'utf8'));
  const same = (recorded, path) => recorded !== undefined && recorded === readFileSync(join(root, path), 'utf8');
  return same(report.files?.[rule.file]?.source, rule.file) && rule.specs.every((s) => same(report.testFiles?.[s]?.source, s));
}

const started = Date.now();
let failed = false;
for (const rule of selected) {
  const incremental = incrementalFileOf(rule.file);
  if (!existsSync(join(root, rule.file))) {
    console.log(`mutation: ${rule.file} does not exist yet (a new plugin keeps its rules there): nothing to mutate`);
    continue;
  }
  if (!force && unchanged(rule, join(root, incremental))) {
    console.log(`mutation: ${rule.file} and its specs are unchanged since ${incremental}: its results stand`);
    continue;
  }
  console.log(`mutation: ${rule.file} (specs: ${rule.specs.join(', ')})${force ? ' --force' : ''}`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...(force ? ['--force'] : [])], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STRYKER_MUTATE: rule.file, STRYKER_SPECS: rule.specs.join(','), STRYKER_INCREMENTAL_FILE: incremental, STRYKER_JSON_REPORT: incremental.replace(/^tools\/mutation\/incremental\//, 'reports/mutation/') },
  });
  console.log(`mutation: ${rule.file} took ${Math.round((Date.now() - t0) / 1000)} s`);
  if (run.status !== 0) {
    console.error(`mutation: Stryker failed on ${rule.file} (exit ${run.status})`);
    failed = true;
  }
}
console.log(`mutation: ${selected.length} rule file(s) in ${Math.round((Date.now() - started) / 1000)} s`);
const ok = checkThresholds(root, selected);
process.exit(failed || !ok ? 1 : 0);

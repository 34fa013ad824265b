#!/usr/bin/env node
// The per-file threshold (Stryker's `thresholds.break` is one score over all files): reads each rule file's
// report (mutation-testing-report-schema, the committed incremental file kept current by run.mjs), prints a
// table and fails when any listed file scores below THRESHOLD. Score = (killed + timeout) / (all mutants
// except ignored, compile errors and runtime errors), Stryker's "mutation score" (no-coverage mutants count
// against it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { incrementalFileOf, readRuleFiles, THRESHOLD } from './rule-files.mjs';

/** Score of one file's mutants, as Stryker computes it. */
export function scoreOf(mutants) {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const valid = detected + count('Survived', 'NoCoverage', 'Pending');
  return { killed: count('Killed'), timeout: count('Timeout'), survived: count('Survived'), noCoverage: count('NoCoverage'), ignored: count('Ignored'), valid, score: valid ? (100 * detected) / valid : 100 };
}

/** Prints the table; false when a file is below the threshold or has no report. */
export function checkThresholds(root, ruleFiles, reportOf = (file) => join(root, incrementalFileOf(file))) {
  let ok = true;
  const rows = [];
  for (const { file } of ruleFiles) {
    if (!existsSync(join(root, file))) {
      rows.push([file, 'not written yet', '', '', '', 'ok']);
      continue;
    }
    const path = reportOf(file);
    const mutants = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).files?.[file]?.mutants : undefined;
    if (!mutants) {
      rows.push([file, 'no report', '', '', '', 'FAIL']);
      ok = false;
      continue;
    }
    const s = scoreOf(mutants);
    const pass = s.score >= THRESHOLD;
    ok &&= pass;
    rows.push([file, `${s.score.toFixed(2)} %`, String(s.killed + s.timeout), String(s.survived + s.noCoverage), String(s.ignored), pass ? 'ok' : 'FAIL']);
  }
  const head = ['rule file', 'score', 'killed', 'survived', 'ignored', `>= ${THRESHOLD} %`];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(['', line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n'));
  console.log(ok ? `mutation: every listed file scores ${THRESHOLD} % or more` : `mutation: a listed file scores below ${THRESHOLD} % (or has no report)`);
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  process.exit(checkThresholds(root, readRuleFiles(root)) ? 0 : 1);
}

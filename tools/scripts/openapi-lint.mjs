#!/usr/bin/env node
// Lints the committed OpenAPI document (docs/openapi.json) with both linters integrators commonly run:
// Redocly CLI (`recommended`, config redocly.yaml) and Spectral (`spectral:oas`, config .spectral.yaml).
//
//   npm run openapi:lint                      .ci/run: fails on any error, and when a linter warns more than its
//                                             budget in docs/openapi-lint-budget.json allows
//   npm run openapi:lint -- --amend           lowers each budget to today's count (never raises one)
//   npm run openapi:lint -- --amend --raise   also raises a budget: only for a deliberate, reviewed exception
//
// The budget only goes down: a warning fixed is a warning that may not come back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUDGET_FILE = 'docs/openapi-lint-budget.json';
const DOCUMENT_FILE = 'docs/openapi.json';

/** Runs one linter with JSON output; its findings as { errors, warnings, problems: ["rule: message at pointer"] }. */
function run(root, linter) {
  const tmp = mkdtempSync(join(tmpdir(), 'enplan-openapi-lint-'));
  const out = join(tmp, 'out.json');
  try {
    const bin = (name) => join(root, 'node_modules/.bin', name);
    const r =
      linter === 'redocly'
        ? spawnSync(bin('redocly'), ['lint', DOCUMENT_FILE, '--config', 'redocly.yaml', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
        : spawnSync(bin('spectral'), ['lint', DOCUMENT_FILE, '--ruleset', '.spectral.yaml', '--format', 'json', '--output', out, '--fail-severity', 'error'], { cwd: root, encoding: 'utf8' });
    const text = linter === 'redocly' ? r.stdout : readFileSync(out, 'utf8');
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${linter} gave no JSON report (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
    // Redocly: { problems: [{ ruleId, severity: 'error'|'warn', message, location: [{ pointer }] }] };
    // Spectral: [{ code, severity: 0 error, 1 warn, 2 info, 3 hint, message, path: [] }].
    const findings =
      linter === 'redocly'
        ? parsed.problems.map((p) => ({ error: p.severity === 'error', warn: p.severity === 'warn', text: `${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? ''}` }))
        : parsed.map((p) => ({ error: p.severity === 0, warn: p.severity === 1, text: `${p.code}: ${p.message} at #/${p.path.join('/')}` }));
    return {
      errors: findings.filter((f) => f.error).length,
      warnings: findings.filter((f) => f.warn).length,
      problems: findings.filter((f) => f.error).map((f) => f.text),
      warningTexts: findings.filter((f) => f.warn).map((f) => f.text),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** What is wrong with the counts against the budget; [] when every linter has no error and stays within its warnings. */
export function budgetProblems(counts, budget) {
  const problems = [];
  for (const [linter, c] of Object.entries(counts)) {
    if (c.errors > 0) problems.push(`${linter}: ${c.errors} error(s) in ${DOCUMENT_FILE}; fix them at their cause (the DTO and decorator layer), then npm run openapi`);
    const allowed = budget[linter]?.warnings;
    if (allowed === undefined) problems.push(`${linter}: no warnings budget in ${BUDGET_FILE}`);
    else if (c.warnings > allowed) problems.push(`${linter}: ${c.warnings} warnings, the budget in ${BUDGET_FILE} allows ${allowed}`);
  }
  return problems;
}

/** The budget after `--amend`: lowered to today's counts, raised only with `raise`. */
export function amendedBudget(counts, budget, raise = false) {
  return Object.fromEntries(
    Object.entries(counts).map(([linter, c]) => {
      const allowed = budget[linter]?.warnings;
      return [linter, { warnings: allowed === undefined || raise ? c.warnings : Math.min(allowed, c.warnings) }];
    }),
  );
}

export function main(argv, root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')) {
  const counts = { redocly: run(root, 'redocly'), spectral: run(root, 'spectral') };
  let budget = {};
  try {
    budget = JSON.parse(readFileSync(join(root, BUDGET_FILE), 'utf8'));
  } catch {
    /* none yet: --amend creates it */
  }
  for (const [linter, c] of Object.entries(counts)) {
    process.stderr.write(`${linter}: ${c.errors} errors, ${c.warnings} warnings (budget ${budget[linter]?.warnings ?? 'none'})\n`);
    for (const p of c.problems) process.stderr.write(`  error ${p}\n`);
    if (argv.includes('--verbose')) for (const w of c.warningTexts) process.stderr.write(`  warning ${w}\n`);
  }
  if (argv.includes('--amend')) {
    const next = amendedBudget(counts, budget, argv.includes('--raise'));
    writeFileSync(join(root, BUDGET_FILE), `${JSON.stringify(next, null, 2)}\n`);
    process.stderr.write(`wrote ${BUDGET_FILE}: ${JSON.stringify(next)}\n`);
    budget = next;
  }
  const problems = budgetProblems(counts, budget);
  for (const p of problems) process.stderr.write(`${p}\n`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));

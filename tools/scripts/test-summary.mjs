#!/usr/bin/env node
// Prints "tests: N passed, N failed[, N skipped]" over every Jest JSON result in dist/test-results/ and the
// browser tests' Playwright JSON result (*.pw.json).
// A run that crashed before writing its results counts as one failure (see run-tests.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './swc-options.mjs';

export function summarise(dir = join(workspaceRoot, 'dist', 'test-results')) {
  let passed = 0, failed = 0, skipped = 0;
  if (!existsSync(dir)) return { passed, failed: 1, skipped };
  for (const f of readdirSync(dir)) {
    const path = join(dir, f);
    if (f.endsWith('.missing')) { failed++; continue; }
    if (!f.endsWith('.json')) continue;
    try {
      const j = JSON.parse(readFileSync(path, 'utf8'));
      if (f.endsWith('.pw.json')) {
        // Playwright's JSON reporter (the browser tests): stats instead of Jest's counters.
        passed += j.stats.expected + j.stats.flaky;
        failed += j.stats.unexpected + (j.errors?.length ?? 0);
        skipped += j.stats.skipped;
        continue;
      }
      passed += j.numPassedTests;
      failed += j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
      skipped += j.numPendingTests + j.numTodoTests;
    } catch {
      failed++;
    }
  }
  return { passed, failed, skipped };
}

export function summaryLine(s = summarise()) {
  return `tests: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summaryLine());

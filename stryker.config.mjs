// Mutation testing of the rules that decide who may see and decide what (issue 19). `npm run test:mutation`
// runs incrementally against the committed tools/mutation/stryker-incremental.json (only changed rule files
// and specs are mutated again); `npm run test:mutation -- --force` mutates everything. The per-file 85 %
// threshold is enforced by tools/mutation/check-thresholds.mjs on the JSON report (Stryker's own
// `thresholds.break` is one global score).
// tools/mutation/run.mjs runs Stryker once per rule file (STRYKER_MUTATE) with only that file's specs.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  // This repository's Jest is ESM (swc transform, experimental VM modules).
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  jest: { projectType: 'custom', configFile: 'tools/mutation/jest.config.js', enableFindRelatedTests: false },
  mutate: (process.env.STRYKER_MUTATE ?? '').split(',').filter(Boolean),
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: process.env.STRYKER_INCREMENTAL_FILE ?? 'tools/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: process.env.STRYKER_JSON_REPORT ?? 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  // Only what the specs need is copied into the sandbox.
  ignorePatterns: ['dist', 'data', 'coverage', 'reports', 'docs', '.nx', 'tmp', 'deployments', '**/e2e/**', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
};

// The Jest configuration Stryker runs: the workspace's, narrowed to the unit specs of the one rule file being
// mutated (STRYKER_SPECS, set by tools/mutation/run.mjs from rule-files.json). Jest's --findRelatedTests would
// pull in every spec that imports the file through a barrel (hundreds of tests, ~40 s a run on two cores).
import base from '../../jest.config.js';

const specs = (process.env.STRYKER_SPECS ?? '').split(',').filter(Boolean);

/** @type {import('jest').Config} */
export default {
  ...base,
  rootDir: '../..',
  testMatch: specs.length ? specs.map((s) => `<rootDir>/${s}`) : ['**/*.spec.ts'],
  maxWorkers: 1,
};

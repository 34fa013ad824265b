// One Jest run covers the whole workspace (apps, libs, plugins, tools): on two cores a single run with
// two workers beats one Jest process per Nx project. `nx test <project>` narrows it to a folder.
import { swcOptions, tsconfigPaths } from './tools/scripts/swc-options.mjs';

const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
for (const [alias, [target]] of Object.entries(tsconfigPaths())) {
  moduleNameMapper[`^${alias.replace(/[/.]/g, (c) => `\\${c}`)}$`] = `<rootDir>/${target}`;
}

const { jsc, sourceMaps } = swcOptions({ withPaths: false });

/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { swcrc: false, jsc, sourceMaps, module: { type: 'es6' } }] },
  moduleNameMapper,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/plugins', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/files/'],
  setupFiles: ['<rootDir>/tools/scripts/jest-setup.mjs'],
  testTimeout: 120_000,
  maxWorkers: 2,
};

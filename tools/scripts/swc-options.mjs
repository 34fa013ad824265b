// One source of truth for how TypeScript is compiled: the build and Jest both use it,
// so tests run the code exactly as `npm start` does (ESM, legacy decorators with metadata).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function tsconfigPaths() {
  const base = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  return base.compilerOptions.paths ?? {};
}

export function swcOptions({ withPaths = true } = {}) {
  return {
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      ...(withPaths ? { baseUrl: workspaceRoot, paths: tsconfigPaths() } : {}),
    },
    module: { type: 'es6', resolveFully: true },
  };
}

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';

/**
 * Proves the architecture rules bite: code placed in a project tagged type:plugin (the fixture under
 * __fixtures__/plugin-fixture) may import the plugin API, and is rejected when it reaches into the core.
 */
const root = join(import.meta.dirname, '../../..');
const fixtureFile = join(root, 'tools/workspace-plugin/src/__fixtures__/plugin-fixture/src/index.ts');

async function boundaryErrors(code: string, filePath = fixtureFile): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

beforeAll(() => {
  // The rule reads Nx's cached project graph; make sure it exists and is current.
  execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: 'pipe',
  });
});

describe('module boundaries for plugins', () => {
  it('allows the plugin API and shared libs', async () => {
    expect(await boundaryErrors(`import { DomainError } from '@enplan/plugin-api';\nimport { parseCpr } from '@enplan/shared/util';\nexport const x = [DomainError, parseCpr];\n`)).toEqual([]);
  });

  it('rejects a core library', async () => {
    const errors = await boundaryErrors(`import { DatabaseModule } from '@enplan/core/database';\nexport const x = DatabaseModule;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/type:plugin/);
  });

  it('rejects a relative reach into core internals', async () => {
    const errors = await boundaryErrors(`import { pglitePool } from '../../../../../../libs/core/database/src/pglite-pool.js';\nexport const x = pglitePool;\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('keeps the plugin catalogue (which imports plugins) out of the core: only the apps compose it', async () => {
    const code = `import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';\nexport const x = PLUGIN_CATALOGUE;\n`;
    expect(await boundaryErrors(code, join(root, 'libs/core/host/src/catalogue-check.ts'))).toHaveLength(1);
    expect(await boundaryErrors(code, join(root, 'apps/api/src/catalogue-check.ts'))).toEqual([]);
  });
});

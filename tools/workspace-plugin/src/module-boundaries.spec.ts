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

/**
 * The layers inside the core (layer:* tags, eslint.config.mjs): imports point only downwards, composition ->
 * feature -> infrastructure -> domain. Planted in a real lib, an upward import also closes a project cycle
 * (the lib above already depends on the one below), which lint reports too; so each rule is shown once in
 * place (lint fails) and once in a fixture project of that layer that nothing depends on, where only the
 * layer rule can fire.
 */
describe('module boundaries between layers', () => {
  const inLib = (lib: string) => join(root, `libs/${lib}/src/layer-check.ts`);
  const inFixture = (layer: string) => join(root, `tools/workspace-plugin/src/__fixtures__/${layer}-fixture/src/index.ts`);

  it('lets a feature use other features, infrastructure and domain', async () => {
    const code = `import { MEETING_TYPES } from '@enplan/core/meeting-rules';\nimport { TenantEntity } from '@enplan/core/database';\nimport { MeetingsService } from '@enplan/core/meetings';\nexport const x = [MEETING_TYPES, TenantEntity, MeetingsService];\n`;
    expect(await boundaryErrors(code, inLib('core/cadence'))).toEqual([]);
    expect(await boundaryErrors(code, inFixture('feature'))).toEqual([]);
  });

  it('rejects infrastructure importing a feature', async () => {
    const code = `import { Meeting } from '@enplan/core/meetings';\nexport const x = Meeting;\n`;
    expect(await boundaryErrors(code, inLib('core/database'))).not.toEqual([]);
    const errors = await boundaryErrors(code, inFixture('infrastructure'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/layer:infrastructure/);
  });

  it('rejects a feature importing the composition root', async () => {
    const code = `import { AppModule } from '@enplan/core/host';\nexport const x = AppModule;\n`;
    expect(await boundaryErrors(code, inLib('core/contacts'))).not.toEqual([]);
    const errors = await boundaryErrors(code, inFixture('feature'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/layer:feature/);
  });

  it('rejects domain code importing infrastructure or a framework', async () => {
    const lib = await boundaryErrors(`import { DomainError } from '@enplan/core/common';\nexport const x = DomainError;\n`, inLib('core/meeting-rules'));
    expect(lib).toHaveLength(1);
    expect(lib[0]).toMatch(/layer:domain/);
    const framework = await boundaryErrors(`import { Entity } from 'typeorm';\nexport const x = Entity;\n`, inLib('shared/util'));
    expect(framework).toHaveLength(1);
    expect(framework[0]).toMatch(/typeorm/);
  });
});

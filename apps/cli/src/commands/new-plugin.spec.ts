import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pluginGeneratorArgs, runPluginGenerator, workspaceRoot } from './new-plugin.js';

/**
 * `enplan new plugin <name>` (new.command.ts calls runPluginGenerator) runs the workspace's Nx generator (the real one, in this workspace): a refused name
 * fails with the generator's reason and writes nothing; --dry-run lists the files and writes nothing.
 */
const root = workspaceRoot();
const catalogue = () => readFileSync(join(root, 'libs/plugin-catalogue/src/index.ts'), 'utf8');

describe('enplan new plugin', () => {
  it('finds the workspace from its own location', () => {
    expect(existsSync(join(root, 'nx.json'))).toBe(true);
    expect(existsSync(join(root, 'tools/workspace-plugin/generators.json'))).toBe(true);
  });

  it('passes the name and options to npx nx g @enplan/tools:plugin', () => {
    expect(pluginGeneratorArgs('paired-test', { description: 'Two caseworkers', displayName: 'Makker', dryRun: true })).toEqual([
      'g',
      '@enplan/tools:plugin',
      'paired-test',
      '--no-interactive',
      '--description',
      'Two caseworkers',
      '--displayName',
      'Makker',
      '--dry-run',
    ]);
  });

  it('refuses a name that is not kebab-case with the reason, writing nothing', async () => {
    const before = catalogue();
    await expect(runPluginGenerator('Bad_Name')).rejects.toThrow(/Cannot generate plugin "Bad_Name":[^]*not a valid plugin name: use kebab-case[^]*Nothing was written\./);
    await expect(runPluginGenerator('generic')).rejects.toThrow(/"generic" is reserved/);
    expect(existsSync(join(root, 'plugins/Bad_Name'))).toBe(false);
    expect(catalogue()).toBe(before);
  });

  it('lists what it would create with --dry-run, writing nothing', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      await runPluginGenerator('cli-dry-run-probe', { dryRun: true });
    } finally {
      process.stdout.write = write;
    }
    const text = out.join('');
    expect(text).toContain('CREATE plugins/cli-dry-run-probe/src/index.ts');
    expect(text).toContain('CREATE plugins/cli-dry-run-probe/e2e/cli-dry-run-probe.e2e-spec.ts');
    expect(text).toContain('UPDATE libs/plugin-catalogue/src/index.ts');
    expect(existsSync(join(root, 'plugins/cli-dry-run-probe'))).toBe(false);
  });
});

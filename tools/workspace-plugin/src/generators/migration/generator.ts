import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger, type Tree } from '@nx/devkit';
import { pluginIdFormatProblem, pluginNames } from '../../lib/plugin-names.js';
import { addImportedArrayElement } from '../../lib/workspace-files.js';

export interface MigrationGeneratorOptions {
  plugin: string;
  name: string;
}

/** What the CLI produced: the migration file (none when the schema is up to date) and what it printed. */
export interface CliMigration {
  file?: { name: string; content: string };
  messages: string;
}

export type MigrationCli = (workspaceRoot: string, pluginId: string, name: string) => CliMigration;

const MIGRATION_NAME = /^[A-Z][A-Za-z0-9]+$/;

/**
 * Runs the operations CLI's `migration:generate <name> --plugin <id>` (build, then the built CLI, which diffs on a
 * scratch in-memory PGlite) with its output directory redirected to a temporary one, so the generator, not the
 * CLI, writes into the workspace (through the Nx tree: `--dry-run` writes nothing).
 */
export const runMigrationCli: MigrationCli = (root, pluginId, name) => {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const build = spawnSync(process.execPath, [join(root, 'tools/scripts/build.mjs'), '--quiet'], { cwd: root, env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed (node tools/scripts/build.mjs):\n${build.stderr || build.stdout}`);
  const out = mkdtempSync(join(tmpdir(), 'enplan-migration-'));
  try {
    const cli = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), 'migration:generate', name, '--plugin', pluginId], {
      cwd: root,
      env: { ...env, INIT_CWD: out, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    const messages = `${cli.stderr ?? ''}${cli.stdout ?? ''}`.trim();
    if (cli.status !== 0) throw new Error(messages.replace(/^enplan: /, '') || `enplan migration:generate exited with ${cli.status}`);
    const dir = join(out, 'plugins', pluginId, 'src/lib/migrations');
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')) : [];
    return files.length ? { file: { name: files[0], content: readFileSync(join(dir, files[0]), 'utf8') }, messages } : { messages };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

/** The generator, with the CLI step injectable (the unit tests give it a canned migration). */
export function migrationGeneratorWith(cli: MigrationCli) {
  return async function migrationGenerator(tree: Tree, options: MigrationGeneratorOptions): Promise<void> {
    const problem = pluginIdFormatProblem(options.plugin);
    if (problem) throw new Error(`Cannot generate a migration: ${problem}`);
    const n = pluginNames(options.plugin);
    if (!tree.exists(`plugins/${n.id}/project.json`)) throw new Error(`Cannot generate a migration: there is no plugin plugins/${n.id}/ (create one with npx nx g @enplan/tools:plugin ${n.id})`);
    if (!MIGRATION_NAME.test(options.name ?? '')) throw new Error(`Cannot generate a migration: "${options.name}" is not PascalCase (e.g. AddCoverStaff)`);

    const result = cli(tree.root, n.id, options.name);
    // Warnings (e.g. statements on tables outside the plugin's prefix) are worth reading either way.
    for (const line of result.messages.split('\n')) if (line && !/^(wrote |add )/.test(line)) logger.info(line);
    if (!result.file) {
      if (!/no schema changes/.test(result.messages)) logger.info('no schema changes: nothing generated');
      return;
    }
    const dir = `plugins/${n.id}/src/lib/migrations`;
    tree.write(`${dir}/${result.file.name}`, result.file.content);
    const cls = /export class (\w+)/.exec(result.file.content)?.[1];
    if (!cls) throw new Error(`the CLI wrote ${result.file.name} without a migration class`);

    const index = `${dir}/index.ts`;
    const arrayName = `${n.propertyName}Migrations`;
    const indexText = tree.exists(index) ? tree.read(index, 'utf-8') ?? '' : '';
    if (new RegExp(`\\b${arrayName}\\s*(:[^=]+)?=\\s*\\[`).test(indexText)) {
      tree.write(index, addImportedArrayElement(indexText, index, arrayName, cls, `./${result.file.name.replace(/\.ts$/, '.js')}`));
      logger.info(`${cls} written and added to ${arrayName} in ${index}`);
    } else {
      logger.warn(`${cls} written: add it to the migrations of plugin ${n.id} (its definePlugin({ migrations })) by hand`);
    }
  };
}

/** `npx nx g @enplan/tools:migration <plugin> <Name>`: the plugin's next migration, written and registered. */
export const migrationGenerator = migrationGeneratorWith(runMigrationCli);
export default migrationGenerator;

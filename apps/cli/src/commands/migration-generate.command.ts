import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createDataSource } from '@enplan/core/database';
import { hostSchema } from '@enplan/core/host';
import { pascalId, tablePrefix, type PluginDefinition } from '@enplan/plugin-api';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';

const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

interface GenerateOptions {
  plugin?: string;
}

/**
 * Developer tool: diffs the entities against the schema the existing migrations produce (on a scratch
 * in-memory PGlite, so nothing needs to be installed) and writes the difference as a new migration: the
 * core's, or with --plugin <id> one of a catalogue plugin's (core + that plugin's entities and migrations).
 */
@Command({ name: 'migration:generate', arguments: '<name>', description: 'Write a migration for entity changes (the core, or --plugin <id>)' })
export class MigrationGenerateCommand extends CommandRunner {
  async run([name]: string[], o: GenerateOptions = {}): Promise<void> {
    if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('name must be PascalCase, e.g. AddCourseOutcome');
    let plugin: PluginDefinition | undefined;
    if (o.plugin) {
      plugin = PLUGIN_CATALOGUE.find((p) => p.id === o.plugin);
      if (!plugin) throw new Error(`plugin ${o.plugin} is not in the catalogue (libs/plugin-catalogue); available: ${PLUGIN_CATALOGUE.map((p) => p.id).join(', ') || 'none'}`);
    }
    const ds = await createDataSource({ kind: 'pglite', dataDir: 'memory' }, hostSchema(plugin ? [plugin] : []));
    await ds.initialize();
    await ds.runMigrations();
    const log = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (!log.upQueries.length) {
      process.stderr.write('no schema changes: nothing generated\n');
      return;
    }
    const ts = Date.now();
    const cls = `${plugin ? pascalId(plugin.id) : 'Core'}${name}${ts}`;
    // A shared enum (enumName used by two columns) is emitted once per column: create it before its first
    // use and drop it after its last.
    const isType = (q: string) => /^(CREATE|DROP) TYPE/.test(q);
    const ups = log.upQueries.map((q) => q.query).filter((q, i, all) => !isType(q) || all.indexOf(q) === i);
    const downs = log.downQueries.map((q) => q.query).reverse().filter((q, i, all) => !isType(q) || all.lastIndexOf(q) === i);
    if (plugin) {
      const foreign = ups.filter((q) => /^(CREATE|ALTER|DROP) TABLE/.test(q) && !q.includes(`"${tablePrefix(plugin.id)}`));
      if (foreign.length) process.stderr.write(`warning: these statements touch tables outside ${tablePrefix(plugin.id)}* (a core migration missing?):\n  ${foreign.join('\n  ')}\n`);
    }
    const up = ups.map((q) => `    await q.query(\`${esc(q)}\`);`).join('\n');
    const down = downs.map((q) => `    await q.query(\`${esc(q)}\`);`).join('\n');
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`;
    const root = process.env.INIT_CWD ?? process.cwd();
    const dir = resolve(root, plugin ? `plugins/${plugin.id}/src/lib/migrations` : 'libs/core/database/src/migrations');
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${ts}-${name}.ts`);
    await writeFile(file, body);
    const where = plugin ? `the migrations of plugin ${plugin.id} (its definePlugin({ migrations }))` : 'coreMigrations in libs/core/database/src/migrations/index.ts';
    process.stderr.write(`wrote ${file}\nadd ${cls} to ${where}\n`);
  }

  @Option({ flags: '-p, --plugin <id>', description: 'generate for a plugin of the catalogue instead of the core' })
  parsePlugin(v: string) {
    return v;
  }
}

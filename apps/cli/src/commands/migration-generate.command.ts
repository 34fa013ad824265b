import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { createDataSource } from '@enplan/core/database';
import { coreEntities, coreMigrations } from '@enplan/core/host';

const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/**
 * Developer tool: diffs the entities against the schema the existing migrations produce (on a scratch
 * in-memory PGlite, so nothing needs to be installed) and writes the difference as a new migration.
 */
@Command({ name: 'migration:generate', arguments: '<name>', description: 'Write a core migration for entity changes' })
export class MigrationGenerateCommand extends CommandRunner {
  async run([name]: string[]): Promise<void> {
    if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('name must be PascalCase, e.g. AddCourseOutcome');
    const ds = await createDataSource({ kind: 'pglite', dataDir: 'memory' }, { entities: coreEntities, migrations: coreMigrations });
    await ds.initialize();
    await ds.runMigrations();
    const log = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (!log.upQueries.length) {
      process.stderr.write('no schema changes: nothing generated\n');
      return;
    }
    const ts = Date.now();
    const cls = `Core${name}${ts}`;
    // A shared enum (enumName used by two columns) is emitted once per column: create it before its first
    // use and drop it after its last.
    const isType = (q: string) => /^(CREATE|DROP) TYPE/.test(q);
    const ups = log.upQueries.map((q) => q.query).filter((q, i, all) => !isType(q) || all.indexOf(q) === i);
    const downs = log.downQueries.map((q) => q.query).reverse().filter((q, i, all) => !isType(q) || all.lastIndexOf(q) === i);
    const up = ups.map((q) => `    await q.query(\`${esc(q)}\`);`).join('\n');
    const down = downs.map((q) => `    await q.query(\`${esc(q)}\`);`).join('\n');
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`;
    const dir = resolve(process.env.INIT_CWD ?? process.cwd(), 'libs/core/database/src/migrations');
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${ts}-${name}.ts`);
    await writeFile(file, body);
    process.stderr.write(`wrote ${file}\nadd ${cls} to coreMigrations in libs/core/database/src/migrations/index.ts\n`);
  }
}

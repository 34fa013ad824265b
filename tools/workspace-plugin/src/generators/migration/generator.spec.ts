import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { PLUGIN_API_VERSION_FILE, pluginGenerator } from '../plugin/generator.js';
import { migrationGeneratorWith, type CliMigration, type MigrationCli } from './generator.js';

/**
 * The migration generator's own work: checks, and placing and registering what the CLI's
 * `migration:generate --plugin` produced. The CLI step is replaced by a recorded answer here (it needs a built
 * workspace and a plugin in the real catalogue); tools/scripts/plugin-probe.sh runs the real thing.
 */
const ADD_NOTE = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TestModelAddNote1795600000000 implements MigrationInterface {
  name = 'TestModelAddNote1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`ALTER TABLE "test_model_event" ADD "note" text\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`ALTER TABLE "test_model_event" DROP COLUMN "note"\`);
  }
}
`;

async function workspaceWithPlugin(): Promise<Tree> {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('package.json', JSON.stringify({ name: 'enplan', version: '0.1.0' }));
  tree.write(PLUGIN_API_VERSION_FILE, "export const PLUGIN_API_VERSION = '1.0.0';\n");
  tree.write('tsconfig.base.json', '{\n  "compilerOptions": {\n    "paths": {\n      "@enplan/plugin-api": ["./libs/plugin-api/src/index.ts"]\n    }\n  }\n}\n');
  tree.write('libs/plugin-catalogue/src/index.ts', "import type { PluginDefinition } from '@enplan/plugin-api';\n\nexport const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [];\n");
  await pluginGenerator(tree, { name: 'test-model' });
  return tree;
}

function cli(answer: CliMigration) {
  const calls: unknown[][] = [];
  const run: MigrationCli = (...args) => {
    calls.push(args);
    return answer;
  };
  return { run, calls };
}

describe('@enplan/tools:migration', () => {
  it("writes the CLI's migration into the plugin and adds it to the plugin's migrations", async () => {
    const tree = await workspaceWithPlugin();
    const { run, calls } = cli({ file: { name: '1795600000000-AddNote.ts', content: ADD_NOTE }, messages: 'wrote /tmp/x\nadd TestModelAddNote1795600000000 to …' });
    await migrationGeneratorWith(run)(tree, { plugin: 'test-model', name: 'AddNote' });
    expect(calls).toEqual([[tree.root, 'test-model', 'AddNote']]);
    expect(tree.read('plugins/test-model/src/lib/migrations/1795600000000-AddNote.ts', 'utf-8')).toBe(ADD_NOTE);
    const index = tree.read('plugins/test-model/src/lib/migrations/index.ts', 'utf-8') ?? '';
    expect(index).toContain("import { TestModelAddNote1795600000000 } from './1795600000000-AddNote.js';");
    expect(index).toMatch(/export const testModelMigrations = \[TestModelInit\d{13}, TestModelAddNote1795600000000\];/);
  });

  it('writes nothing when the schema is up to date', async () => {
    const tree = await workspaceWithPlugin();
    const before = tree.listChanges().map((c) => `${c.path} ${c.content?.toString()}`);
    await migrationGeneratorWith(cli({ messages: 'no schema changes: nothing generated' }).run)(tree, { plugin: 'test-model', name: 'Nothing' });
    expect(tree.listChanges().map((c) => `${c.path} ${c.content?.toString()}`)).toEqual(before);
  });

  it('refuses an unknown plugin or a name that is not PascalCase, before running the CLI', async () => {
    const tree = await workspaceWithPlugin();
    const { run, calls } = cli({ messages: '' });
    await expect(migrationGeneratorWith(run)(tree, { plugin: 'no-such-plugin', name: 'AddNote' })).rejects.toThrow('there is no plugin plugins/no-such-plugin/');
    await expect(migrationGeneratorWith(run)(tree, { plugin: 'Test_Model', name: 'AddNote' })).rejects.toThrow('is not a valid plugin name');
    await expect(migrationGeneratorWith(run)(tree, { plugin: 'test-model', name: 'add-note' })).rejects.toThrow('"add-note" is not PascalCase');
    expect(calls).toEqual([]);
  });

  it("passes the CLI's refusal on (e.g. a plugin missing from the catalogue)", async () => {
    const tree = await workspaceWithPlugin();
    const failing: MigrationCli = () => {
      throw new Error('plugin test-model is not in the catalogue (libs/plugin-catalogue); available: none');
    };
    await expect(migrationGeneratorWith(failing)(tree, { plugin: 'test-model', name: 'AddNote' })).rejects.toThrow('is not in the catalogue');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getProjects, readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { DefaultNamingStrategy } from 'typeorm';
import { MUTATION_RULE_FILES, PLUGIN_API_VERSION_FILE, pluginGenerator } from './generator.js';

/**
 * The plugin generator against an in-memory workspace holding the real files it edits (tsconfig.base.json,
 * the plugin catalogue), as they are in the repository. That the generated plugin passes lint, typecheck
 * and its own tests is proven end to end by tools/scripts/plugin-probe.sh (run by .ci/run).
 */
const root = join(import.meta.dirname, '../../../../..');
const repoFile = (path: string) => readFileSync(join(root, path), 'utf8');
const NAME = 'test-model';

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('package.json', JSON.stringify({ name: 'enplan', version: '0.1.0', type: 'module' }, null, 2));
  // A plugin API version unlike the app's, so the test tells which one the range is derived from.
  tree.write(PLUGIN_API_VERSION_FILE, repoFile(PLUGIN_API_VERSION_FILE).replace(/PLUGIN_API_VERSION = '[^']*'/, "PLUGIN_API_VERSION = '3.2.1'"));
  tree.write('tsconfig.base.json', repoFile('tsconfig.base.json'));
  tree.write('libs/plugin-catalogue/src/index.ts', repoFile('libs/plugin-catalogue/src/index.ts'));
  tree.write('libs/plugin-catalogue/project.json', repoFile('libs/plugin-catalogue/project.json'));
  tree.write('deployments/example.json', repoFile('deployments/example.json'));
  tree.write(MUTATION_RULE_FILES, repoFile(MUTATION_RULE_FILES));
  tree.write('libs/core/database/src/migrations/1795446236796-Init.ts', '// the core\'s first migration');
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('@enplan/tools:plugin', () => {
  let tree: Tree;
  let before: Map<string, string>;
  beforeAll(async () => {
    tree = workspace();
    before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString() ?? '']));
    await pluginGenerator(tree, { name: NAME, description: 'Test model: one caseworker, monthly reviews.' });
  });
  const text = (path: string) => before.get(path) ?? '';

  it('creates the plugin, its unit and e2e tests, its README and an example deployment, and edits only the alias, the catalogue and the mutation list', () => {
    const created = tree.listChanges().map((c) => c.path).filter((p) => !before.has(p));
    const migration = created.find((p) => /migrations\/\d{13}-Init\.ts$/.test(p));
    expect(migration).toBeDefined();
    expect(created.sort()).toEqual(
      [
        `deployments/${NAME}.json`,
        `plugins/${NAME}/README.md`,
        `plugins/${NAME}/e2e/${NAME}.e2e-spec.ts`,
        `plugins/${NAME}/e2e/project.json`,
        `plugins/${NAME}/project.json`,
        `plugins/${NAME}/src/index.spec.ts`,
        `plugins/${NAME}/src/index.ts`,
        `plugins/${NAME}/src/lib/extensions.ts`,
        migration,
        `plugins/${NAME}/src/lib/migrations/index.ts`,
        `plugins/${NAME}/src/lib/settings.ts`,
        `plugins/${NAME}/src/lib/${NAME}-event.entity.ts`,
        `plugins/${NAME}/src/lib/${NAME}-events.service.ts`,
        `plugins/${NAME}/src/lib/${NAME}.controller.ts`,
        `plugins/${NAME}/src/lib/${NAME}.dto.ts`,
        `plugins/${NAME}/src/lib/${NAME}.module.ts`,
      ].sort(),
    );
    const edited = [...before].filter(([path, content]) => read(tree, path) !== content).map(([path]) => path);
    expect(edited.sort()).toEqual(['libs/plugin-catalogue/src/index.ts', MUTATION_RULE_FILES, 'tsconfig.base.json']);
  });

  it("adds the plugin's rules file, with its spec, to the mutation-testing list, keeping every listed file", () => {
    const was = JSON.parse(text(MUTATION_RULE_FILES)) as Record<string, string[]>;
    const now = JSON.parse(read(tree, MUTATION_RULE_FILES)) as Record<string, string[]>;
    expect(Object.keys(was).length).toBeGreaterThan(0);
    expect(now).toEqual({ ...was, [`plugins/${NAME}/src/lib/rules.ts`]: [`plugins/${NAME}/src/lib/rules.spec.ts`] });
  });

  it('tags the project as a plugin, so lint allows it only the plugin API and shared libs', () => {
    const project = readProjectConfiguration(tree, `plugin-${NAME}`);
    expect(project.root).toBe(`plugins/${NAME}`);
    expect(project.sourceRoot).toBe(`plugins/${NAME}/src`);
    expect(project.tags).toEqual(['type:plugin', 'scope:plugin', 'layer:feature']);
    expect(project.targets?.test?.options.command).toBe(`node tools/scripts/run-tests.mjs plugins/${NAME}/src`);
  });

  it('gives the e2e tests in plugins/<id>/e2e a project of their own, so they may import the test harness the plugin may not', () => {
    const e2e = readProjectConfiguration(tree, `plugin-${NAME}-e2e`);
    expect(e2e.root).toBe(`plugins/${NAME}/e2e`);
    expect(e2e.tags).toEqual(['type:e2e', 'scope:plugin', 'layer:composition']);
    expect(e2e.implicitDependencies).toEqual([`plugin-${NAME}`]);
    expect(e2e.targets?.lint?.options.command).toBe(`eslint plugins/${NAME}/e2e`);
    expect(e2e.targets?.test?.options.command).toBe(`node tools/scripts/run-tests.mjs plugins/${NAME}/e2e`);
  });

  it('adds the path alias as one line at its sorted place, leaving every other line of tsconfig.base.json as it was', () => {
    const paths = readJson(tree, 'tsconfig.base.json').compilerOptions.paths;
    expect(paths[`@enplan/plugin-${NAME}`]).toEqual([`./plugins/${NAME}/src/index.ts`]);
    const after = read(tree, 'tsconfig.base.json').split('\n');
    const added = after.filter((l) => l.includes(`@enplan/plugin-${NAME}`));
    expect(added).toEqual([`      "@enplan/plugin-${NAME}": ["./plugins/${NAME}/src/index.ts"],`]);
    expect(after.filter((l) => !added.includes(l))).toEqual(text('tsconfig.base.json').split('\n'));
  });

  it('registers the definition in the plugin catalogue', () => {
    const catalogue = read(tree, 'libs/plugin-catalogue/src/index.ts');
    expect(catalogue).toContain(`import { testModelPlugin } from '@enplan/plugin-${NAME}';`);
    const list = /PLUGIN_CATALOGUE[^=]*=\s*\[([^\]]*)\]/.exec(catalogue)?.[1] ?? '';
    expect(list.split(',').map((s) => s.trim()).filter(Boolean).at(-1)).toBe('testModelPlugin');
    // Only additions: every line that was there is still there, in order.
    const was = text('libs/plugin-catalogue/src/index.ts').split('\n');
    expect(catalogue.split('\n').filter((l) => was.includes(l))).toEqual(was);
  });

  it('declares id, version 0.1.0, the plugin API range from PLUGIN_API_VERSION (not the app version), display name and description', () => {
    const index = read(tree, `plugins/${NAME}/src/index.ts`);
    expect(index).toContain('export const testModelPlugin = definePlugin<TestModelSettings>({');
    expect(index).toContain(`id: '${NAME}',`);
    expect(index).toContain("version: '0.1.0',");
    expect(index).toContain("pluginApi: '^3.2.1',");
    expect(index).toContain("displayName: 'Test Model',");
    expect(index).toContain("description: 'Test model: one caseworker, monthly reviews.',");
    expect(index).toContain('model: true,');
  });

  it('gives the settings class a validated default', () => {
    const settings = read(tree, `plugins/${NAME}/src/lib/settings.ts`);
    expect(settings).toMatch(/export class TestModelSettings \{[^]*@IsInt\(\) @Min\(7\) @Max\(365\)\s+reviewEveryDays = 90;/);
  });

  it('fills a role, a meeting type with a cadence rule and a lifecycle hook', () => {
    const x = read(tree, `plugins/${NAME}/src/lib/extensions.ts`);
    expect(x).toContain(`export const REVIEW_MEETING = '${NAME}-review';`);
    expect(x).toContain(`export const FACILITATOR_ROLE = '${NAME}-facilitator';`);
    expect(x).toMatch(/roles: \[\{ id: FACILITATOR_ROLE, kind: 'meeting'/);
    expect(x).toMatch(/meetingTypes: \[\{ id: REVIEW_MEETING/);
    expect(x).toMatch(/rules: \[\{ id: REVIEW_MEETING, meetingType: REVIEW_MEETING, everyDays: settings\.reviewEveryDays/);
    expect(x).toMatch(/onReferral: \(event, ctx\) => ctx\.get\(TestModelEvents\)\.record\(ctx\.db, /);
  });

  it('serves REST routes with exactly one access declaration each', () => {
    const controller = read(tree, `plugins/${NAME}/src/lib/${NAME}.controller.ts`);
    const routes = controller.split(/\n\s*@Get\(/).slice(1);
    expect(routes).toHaveLength(2);
    for (const route of routes) {
      const decorators = route.slice(0, route.indexOf('async '));
      expect((decorators.match(/@(CourseAccess|CitizenAccess|StaffRoute|Public)\(/g) ?? []).length).toBe(1);
      expect(decorators).toMatch(/@ApiOperation\(\{ summary: /);
    }
    expect(controller).toContain("@StaffRoute({ record: 'test-model-overview' })");
    expect(controller).toContain("@CourseAccess('read', { record: 'test-model-event' })");
    const dto = read(tree, `plugins/${NAME}/src/lib/${NAME}.dto.ts`);
    const properties = dto.match(/^ {2}\w+: [^;]+;$/gm) ?? [];
    expect(properties.length).toBeGreaterThan(0);
    expect(dto.match(/@ApiProperty\(\{ (example|type): /g)).toHaveLength(properties.length);
  });

  it("prefixes the table and the migration as the host requires, with TypeORM's own constraint names", () => {
    const entity = read(tree, `plugins/${NAME}/src/lib/${NAME}-event.entity.ts`);
    expect(entity).toContain("@Entity({ name: 'test_model_event' })");
    const file = tree.children(`plugins/${NAME}/src/lib/migrations`).find((f) => f.endsWith('-Init.ts')) ?? '';
    const timestamp = Number(file.slice(0, 13));
    expect(timestamp).toBeGreaterThan(1795446236796);
    const migration = read(tree, `plugins/${NAME}/src/lib/migrations/${file}`);
    expect(migration).toContain(`export class TestModelInit${timestamp} implements MigrationInterface {`);
    expect(migration).toContain(`name = 'TestModelInit${timestamp}';`);
    const naming = new DefaultNamingStrategy();
    expect(migration).toContain(`CONSTRAINT "${naming.primaryKeyName('test_model_event', ['id'])}" PRIMARY KEY ("id")`);
    expect(migration).toContain(`CREATE INDEX "${naming.indexName('test_model_event', ['municipality_id'])}" ON "test_model_event" ("municipality_id")`);
    expect(migration).toContain(`CREATE INDEX "${naming.indexName('test_model_event', ['course_id'])}" ON "test_model_event" ("course_id")`);
    expect(migration).toContain(`ADD CONSTRAINT "${naming.foreignKeyName('test_model_event', ['municipality_id'])}" FOREIGN KEY ("municipality_id")`);
    expect(read(tree, `plugins/${NAME}/src/lib/migrations/index.ts`)).toContain(`export const testModelMigrations = [TestModelInit${timestamp}];`);
  });

  it('writes an e2e test that boots the API with the plugin enabled and calls its endpoint', () => {
    const e2e = read(tree, `plugins/${NAME}/e2e/${NAME}.e2e-spec.ts`);
    expect(e2e).toContain(`import { FACILITATOR_ROLE, testModelPlugin, REVIEW_MEETING } from '@enplan/plugin-${NAME}';`);
    expect(e2e).toContain('plugins: [testModelPlugin],');
    expect(e2e).toContain(`await get('/plugins/${NAME}/overview')`);
  });

  it('writes a deployment file enabling the plugin for the demo municipality', () => {
    expect(readJson(tree, `deployments/${NAME}.json`)).toEqual({
      municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [{ id: NAME, settings: { reviewEveryDays: 90 } }] }],
    });
  });

  it('explains each generated file in the README', () => {
    const readme = read(tree, `plugins/${NAME}/README.md`);
    for (const f of ['project.json', 'src/index.ts', 'src/lib/settings.ts', 'src/lib/extensions.ts', `${NAME}-event.entity.ts`, `${NAME}.controller.ts`, `${NAME}.module.ts`, 'src/lib/migrations/', 'src/index.spec.ts', `e2e/${NAME}.e2e-spec.ts`, 'e2e/project.json', `deployments/${NAME}.json`]) {
      expect(readme).toContain(f);
    }
  });

  it('leaves no template syntax behind', () => {
    for (const c of tree.listChanges()) {
      const text = c.content?.toString() ?? '';
      expect({ path: c.path, leftovers: text.match(/<%|%>|__name__|__timestamp__/g) }).toEqual({ path: c.path, leftovers: null });
    }
  });
});

describe('@enplan/tools:plugin with a name it must refuse', () => {
  const snapshot = (tree: Tree) => tree.listChanges().map((c) => `${c.type} ${c.path} ${c.content?.toString() ?? ''}`);
  const refuses = async (tree: Tree, name: string, reason: RegExp) => {
    const before = snapshot(tree);
    await expect(pluginGenerator(tree, { name })).rejects.toThrow(reason);
    await expect(pluginGenerator(tree, { name })).rejects.toThrow(/Nothing was written/);
    expect(snapshot(tree)).toEqual(before);
  };

  it.each(['TestModel', 'test_model', 'test--model', '-test', 'test-', '1test', 'test model', 'tëst', ''])('refuses %j: not kebab-case', async (name) => {
    await refuses(workspace(), name, name ? /is not a valid plugin name: use kebab-case/ : /a plugin name is required/);
  });

  it('refuses a name longer than the host accepts', async () => {
    await refuses(workspace(), `a${'-b'.repeat(24)}`, /at most 48 characters/);
  });

  it.each([
    ['generic', /"generic" is reserved: it is the core model's id/],
    ['api', /"api" is reserved: the project plugin-api/],
    ['catalogue', /"catalogue" is reserved: the project plugin-catalogue/],
  ])('refuses the reserved name %s', async (name, reason) => {
    await refuses(workspace(), name, reason);
  });

  it('refuses a name whose folder exists', async () => {
    const tree = workspace();
    tree.write(`plugins/${NAME}/notes.md`, 'someone started here');
    await refuses(tree, NAME, /plugins\/test-model already exists/);
  });

  it('refuses an id another plugin already declares', async () => {
    const tree = workspace();
    tree.write('plugins/older/src/index.ts', `export const p = definePlugin<S>({\n  id: '${NAME}',\n  displayName: 'Older',\n});\n`);
    await refuses(tree, NAME, /a plugin with id "test-model" is already defined in plugins\/older\/src\/index\.ts/);
  });

  it('refuses a name whose path alias exists', async () => {
    const tree = workspace();
    const tsconfig = read(tree, 'tsconfig.base.json').replace('"paths": {', `"paths": {\n      "@enplan/plugin-${NAME}": ["./elsewhere/src/index.ts"],`);
    tree.write('tsconfig.base.json', tsconfig);
    await refuses(tree, NAME, /the path alias @enplan\/plugin-test-model already exists in tsconfig\.base\.json/);
  });

  it('refuses a name whose Nx project exists elsewhere', async () => {
    const tree = workspace();
    tree.write('libs/elsewhere/project.json', JSON.stringify({ name: `plugin-${NAME}`, sourceRoot: 'libs/elsewhere/src' }));
    expect(getProjects(tree).has(`plugin-${NAME}`)).toBe(true);
    await refuses(tree, NAME, /an Nx project named plugin-test-model already exists \(libs\/elsewhere\)/);
  });

  it('refuses a name whose e2e project name exists elsewhere', async () => {
    const tree = workspace();
    tree.write('apps/elsewhere/project.json', JSON.stringify({ name: `plugin-${NAME}-e2e`, sourceRoot: 'apps/elsewhere/src' }));
    await refuses(tree, NAME, /an Nx project named plugin-test-model-e2e already exists \(apps\/elsewhere\)/);
  });

  it('refuses a name whose deployment example would overwrite a deployment file', async () => {
    await refuses(workspace(), 'example', /deployments\/example\.json already exists/);
  });

  it('refuses a workspace whose core does not declare PLUGIN_API_VERSION (the range it writes comes from it)', async () => {
    const tree = workspace();
    tree.delete(PLUGIN_API_VERSION_FILE);
    await refuses(tree, NAME, /libs\/core\/extensions\/src\/plugin-api-version\.ts does not declare PLUGIN_API_VERSION/);
  });

  it('refuses the same name twice', async () => {
    const tree = workspace();
    await pluginGenerator(tree, { name: NAME });
    await refuses(tree, NAME, /plugins\/test-model already exists/);
  });
});

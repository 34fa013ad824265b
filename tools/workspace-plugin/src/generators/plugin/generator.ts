import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { generateFiles, getProjects, logger, readJson, type Tree } from '@nx/devkit';
import { fileDefiningPluginId, pluginIdFormatProblem, pluginNames, type PluginNames } from '../../lib/plugin-names.js';
import { addPathAlias, addToCatalogue, CATALOGUE_FILE } from '../../lib/workspace-files.js';

export interface PluginGeneratorOptions {
  name: string;
  description?: string;
  displayName?: string;
}

/** A TypeScript string literal (single quotes, as the workspace writes them). */
export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, ' ')}'`;
}

/** Text safe inside a doc comment (no comment terminator, one line). */
function commentText(value: string): string {
  return value.replace(/\*\//g, '*\\/').replace(/\r?\n/g, ' ');
}

/** TypeORM's DefaultNamingStrategy names (sha1 of table and columns): the migration must use exactly these. */
function constraintName(prefix: 'PK' | 'FK' | 'IDX', table: string, columns: string[]): string {
  const hash = createHash('sha1').update(`${table}_${[...columns].sort().join('_')}`).digest('hex');
  return `${prefix}_${hash.slice(0, prefix === 'IDX' ? 26 : 27)}`;
}

/** A migration timestamp after every core migration (plugin tables reference the core's `municipality`). */
function migrationTimestamp(tree: Tree): number {
  const dir = 'libs/core/database/src/migrations';
  const core = tree.exists(dir) ? tree.children(dir).map((f) => Number(/^(\d{13})-/.exec(f)?.[1] ?? 0)) : [];
  return Math.max(Date.now(), ...core.map((t) => t + 1));
}

/** Every reason this plugin cannot be generated here; empty when it can. Nothing is written before this passes. */
export function pluginProblems(tree: Tree, options: PluginGeneratorOptions): string[] {
  const formatProblem = pluginIdFormatProblem(options.name);
  if (formatProblem) return [formatProblem];
  const n = pluginNames(options.name);
  const problems: string[] = [];
  const taken = (path: string, what: string) => tree.exists(path) && problems.push(`${path} already exists (${what})`);
  taken(`plugins/${n.id}`, 'a plugin folder of that name');
  taken(`deployments/${n.id}.json`, 'the example deployment file it would write');
  const definedIn = fileDefiningPluginId(tree, n.id);
  if (definedIn) problems.push(`a plugin with id "${n.id}" is already defined in ${definedIn}`);
  const projects = getProjects(tree);
  for (const name of [n.projectName, `${n.projectName}-e2e`]) {
    const project = projects.get(name);
    if (project) problems.push(`an Nx project named ${name} already exists (${project.root})`);
  }
  const paths = tree.exists('tsconfig.base.json') ? readJson(tree, 'tsconfig.base.json').compilerOptions?.paths ?? {} : {};
  if (paths[n.importPath]) problems.push(`the path alias ${n.importPath} already exists in tsconfig.base.json`);
  if (!tree.exists(CATALOGUE_FILE)) problems.push(`${CATALOGUE_FILE} (the plugin catalogue) is missing: is this the enplan workspace?`);
  if (!pluginApiVersion(tree)) {
    problems.push(`${PLUGIN_API_VERSION_FILE} does not declare PLUGIN_API_VERSION = '<major.minor.patch>': the plugin API range a plugin declares is derived from it`);
  }
  return problems;
}

/** Where the core declares the plugin API version, on one line (read as text: the generator does not load the core). */
export const PLUGIN_API_VERSION_FILE = 'libs/core/extensions/src/plugin-api-version.ts';

function pluginApiVersion(tree: Tree): string | undefined {
  const source = tree.exists(PLUGIN_API_VERSION_FILE) ? (tree.read(PLUGIN_API_VERSION_FILE, 'utf-8') ?? '') : '';
  return /^export const PLUGIN_API_VERSION = '(\d+\.\d+\.\d+)';$/m.exec(source)?.[1];
}

function substitutions(tree: Tree, n: PluginNames, options: PluginGeneratorOptions) {
  const displayName = options.displayName?.trim() || n.title;
  const description = options.description?.trim() || `${displayName}: an organisational model for Én plan.`;
  const timestamp = migrationTimestamp(tree);
  const table = `${n.tablePrefix}event`;
  return {
    ...n,
    name: n.id,
    timestamp,
    displayName,
    description,
    displayNameTs: tsString(displayName),
    displayNameComment: commentText(displayName),
    descriptionComment: commentText(description),
    descriptionTs: tsString(description),
    reviewLabelDaTs: tsString(`${displayName}: opfølgningsmøde`),
    reviewLabelEnTs: tsString(`${displayName}: review meeting`),
    facilitatorLabelDaTs: tsString(`${displayName}: facilitator`),
    facilitatorLabelEnTs: tsString(`${displayName}: facilitator`),
    overviewSummaryTs: tsString(`${displayName} in the caller's municipality: its settings and how many courses it has recorded`),
    pluginApiVersion: pluginApiVersion(tree),
    table,
    pkName: constraintName('PK', table, ['id']),
    municipalityIndex: constraintName('IDX', table, ['municipality_id']),
    courseIndex: constraintName('IDX', table, ['course_id']),
    municipalityFk: constraintName('FK', table, ['municipality_id']),
    tmpl: '',
  };
}

/**
 * `npx nx g @enplan/tools:plugin <name> [--description ...] [--displayName ...]`: a complete, working
 * organisational-model plugin that passes lint, typecheck and its tests as generated. Fails, writing
 * nothing, when the name is not a valid plugin id, is reserved, or is taken.
 */
export async function pluginGenerator(tree: Tree, options: PluginGeneratorOptions): Promise<() => void> {
  const problems = pluginProblems(tree, options);
  if (problems.length) {
    throw new Error(`Cannot generate plugin "${options.name}":\n  - ${problems.join('\n  - ')}\nNothing was written.`);
  }
  const n = pluginNames(options.name);
  const vars = substitutions(tree, n, options);
  // Compute the shared-file edits first: if one cannot be made, nothing is written.
  const tsconfig = addPathAlias(tree.read('tsconfig.base.json', 'utf-8') ?? '', n.importPath, `./plugins/${n.id}/src/index.ts`);
  const catalogue = addToCatalogue(tree.read(CATALOGUE_FILE, 'utf-8') ?? '', `${n.propertyName}Plugin`, n.importPath);

  // One folder holds the whole plugin, its e2e tests included (plugins/<id>/e2e, an Nx project of its own:
  // the tests import the core's test harness, which the plugin's own code may not).
  generateFiles(tree, join(import.meta.dirname, 'files', 'plugin'), `plugins/${n.id}`, vars);
  tree.write(`deployments/${n.id}.json`, deploymentFile(n));
  tree.write('tsconfig.base.json', tsconfig);
  tree.write(CATALOGUE_FILE, catalogue);
  if (tree.exists(MUTATION_RULE_FILES)) tree.write(MUTATION_RULE_FILES, addToMutationList(tree.read(MUTATION_RULE_FILES, 'utf-8') ?? '{}', n.id));

  return () => {
    logger.info(
      [
        '',
        `Plugin ${n.id} is in plugins/${n.id}/ (read its README.md), registered in ${CATALOGUE_FILE}, aliased as ${n.importPath}.`,
        'Next:',
        `  npx nx test ${n.projectName}     its unit tests`,
        `  npx nx test ${n.projectName}-e2e     its e2e tests in plugins/${n.id}/e2e/ (PGlite, then PostgreSQL when one answers)`,
        `  ENPLAN_DEPLOYMENT_FILE=deployments/${n.id}.json npm start     then GET /api/v1/plugins/${n.id}/overview`,
        `  npx nx g @enplan/tools:migration ${n.id} <ChangeName>     after you change its entities`,
      ].join('\n'),
    );
  };
}

/** The rule files under mutation testing (`npm run test:mutation`), each with the unit specs that test it. */
export const MUTATION_RULE_FILES = 'tools/mutation/rule-files.json';

/**
 * Lists the plugin's rules file (`src/lib/rules.ts`, tested by `rules.spec.ts`) for mutation testing: a plugin
 * keeps its rules there as pure functions, as the bundled plugins do; until it has one there is nothing to mutate.
 */
export function addToMutationList(listText: string, id: string): string {
  const list = JSON.parse(listText) as Record<string, string[]>;
  list[`plugins/${id}/src/lib/rules.ts`] = [`plugins/${id}/src/lib/rules.spec.ts`];
  return JSON.stringify(list, null, 2) + '\n';
}

/** An example deployment: the demo municipality (the one `npm start` seeds and `enplan token` signs for) with the plugin enabled. */
export function deploymentFile(n: PluginNames): string {
  const deployment = {
    municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [{ id: n.id, settings: { reviewEveryDays: 90 } }] }],
  };
  return JSON.stringify(deployment, null, 2) + '\n';
}

export default pluginGenerator;

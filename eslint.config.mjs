import nx from '@nx/eslint-plugin';

/**
 * The architecture, enforced. Three tag dimensions (type:*, scope:*, layer:*); a project must satisfy every
 * constraint whose source tag it carries. By type (who may see whom):
 *   apps     -> anything they compose
 *   core     -> core and shared only (never a plugin, never the plugin API that re-exports it)
 *   core-api -> core and shared (it is the curated surface over core)
 *   plugins  -> the plugin API and shared libs only: never core internals, never another plugin
 *   catalogue -> the plugins (and the plugin API): the list of plugins a build carries, used only by the apps
 *   testing  -> core, core-api and shared (test harness)
 *   shared   -> shared only
 *   e2e      -> apps/api-e2e: whole-host tests, may use everything but other apps
 * By layer (which way imports point; only downwards):
 *   composition    -> the host, the test harness, the plugin catalogue, the apps: anything below them
 *   feature        -> a slice of the domain with its services and controllers (access, courses, meetings, ...,
 *                     the plugin API and the plugins): other features, infrastructure and domain; never
 *                     composition (a feature importing the host would mount itself)
 *   infrastructure -> config, database, common (errors, clock, validation): infrastructure and domain only,
 *                     never a feature (the database must not know meetings)
 *   domain         -> pure rules and vocabulary (shared/util, meeting-rules): domain only, and no framework
 *                     (no Nest, TypeORM, pg, validation decorators), so they run and test without a host
 */
export const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:core-api', 'type:plugin', 'type:catalogue', 'type:shared', 'type:testing'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core', 'type:shared'] },
  { sourceTag: 'type:core-api', onlyDependOnLibsWithTags: ['type:core', 'type:shared', 'type:testing'] },
  { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:core-api', 'type:shared'], notDependOnLibsWithTags: ['type:plugin'] },
  { sourceTag: 'type:catalogue', onlyDependOnLibsWithTags: ['type:plugin', 'type:core-api', 'type:shared'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:core-api', 'type:shared'] },
  { sourceTag: 'type:shared', onlyDependOnLibsWithTags: ['type:shared'] },
  // HTTP-level and database tests of the whole host live apart from the libs they test: a spec inside a
  // core lib importing the harness (which imports that lib) would be a circular project dependency.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:core', 'type:core-api', 'type:plugin', 'type:catalogue', 'type:shared', 'type:testing'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool', 'type:shared'] },
  { sourceTag: 'layer:composition', onlyDependOnLibsWithTags: ['layer:composition', 'layer:feature', 'layer:infrastructure', 'layer:domain'] },
  { sourceTag: 'layer:feature', onlyDependOnLibsWithTags: ['layer:feature', 'layer:infrastructure', 'layer:domain'] },
  { sourceTag: 'layer:infrastructure', onlyDependOnLibsWithTags: ['layer:infrastructure', 'layer:domain'] },
  {
    sourceTag: 'layer:domain',
    onlyDependOnLibsWithTags: ['layer:domain'],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', '@electric-sql/*', 'class-validator', 'class-transformer', 'express', 'nestjs-pino'],
  },
  { sourceTag: 'layer:tool', onlyDependOnLibsWithTags: ['layer:tool', 'layer:domain'] },
];

/**
 * The plugin fence: outside its migrations a plugin reads the core through the plugin API's ports and its own
 * tables through `ctx.db` / `PluginHost`, never by SQL, never with TypeORM's DataSource or EntityManager, and
 * never by naming a core table. tools/workspace-plugin/src/plugin-fence.spec.ts proves each rule bites.
 */
export const CORE_TABLES = ['course', 'course_transition', 'team_assignment', 'staff_member', 'org_unit', 'citizen', 'household', 'household_member', 'consent', 'meeting', 'meeting_course', 'meeting_participant', 'meeting_outcome', 'plan', 'plan_version', 'legal_basis', 'access_log', 'access_grant', 'provider_order'];
const coreTableInSql = `/\\b(FROM|JOIN|UPDATE|INTO|TABLE|from|join|update|into)\\s+"?(${CORE_TABLES.join('|')})"?(\\s|$|;|,|\\))/`;
export const pluginFence = {
  files: ['plugins/**/*.ts'],
  // Migrations own their tables' SQL; tests (unit and the plugins' e2e projects) drive the whole host.
  ignores: ['plugins/**/migrations/**', 'plugins/**/*.spec.ts', 'plugins/**/*.e2e-spec.ts', 'plugins/*/e2e/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: "CallExpression[callee.property.name='query']", message: 'Plugin fence: no SQL in a plugin; read the core through ctx.core / PluginHost ports and your tables through ctx.db' },
      { selector: "CallExpression[callee.property.name='createQueryBuilder']", message: 'Plugin fence: no query builders in a plugin; use ctx.db.repository(YourEntity) find options' },
      { selector: `Literal[value=${coreTableInSql}]`, message: 'Plugin fence: a plugin does not name core tables; use the core ports' },
      { selector: `TemplateElement[value.raw=${coreTableInSql}]`, message: 'Plugin fence: a plugin does not name core tables; use the core ports' },
    ],
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'typeorm', importNames: ['DataSource', 'EntityManager', 'QueryRunner', 'getManager', 'getConnection'], message: 'Plugin fence: use ctx.db (hooks) or PluginHost (services); the core transaction is not handed to plugins' },
          { name: '@nestjs/typeorm', message: 'Plugin fence: use ctx.db (hooks) or PluginHost (services)' },
        ],
      },
    ],
  },
};

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tmp/**', '.nx/**', '**/files/**', 'coverage/**', 'docs/plugin-api/**', 'reports/**', '.stryker-tmp/**', 'libs/api-client/src/generated/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  pluginFence,
];

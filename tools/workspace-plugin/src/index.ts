/**
 * The workspace's own Nx plugin (`@enplan/tools`, generators in generators.json):
 *   npx nx g @enplan/tools:plugin <name> [--description ...]   a new organisational-model plugin in plugins/<name>
 *   npx nx g @enplan/tools:migration <plugin> <Name>            the next migration of a plugin's entities
 *   npx nx g @enplan/tools:instrument <name> [--title ...]      a progression instrument as data (definition, test, example)
 * The operations CLI wraps the first and the last: `npm run enplan -- new plugin <name>`, `new instrument <name>`.
 */
export const toolsVersion = '0.1.0';
export { pluginGenerator, pluginProblems, type PluginGeneratorOptions } from './generators/plugin/generator.js';
export { migrationGenerator, migrationGeneratorWith, type MigrationGeneratorOptions } from './generators/migration/generator.js';
export { pluginNames, pluginIdFormatProblem, RESERVED_PLUGIN_IDS, type PluginNames } from './lib/plugin-names.js';
export { instrumentGenerator, instrumentProblems, type InstrumentGeneratorOptions } from './generators/instrument/generator.js';

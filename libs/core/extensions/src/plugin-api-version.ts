/**
 * The version of the plugin contract, `@enplan/plugin-api`: semver over its exported surface, independent of
 * the application's version (package.json, `CORE_VERSION`), so the core can be released without moving every
 * plugin, and a plugin states the contract it was written against (`pluginApi: '^1.0.0'`), checked at boot.
 *
 * The surface it versions is recorded in libs/plugin-api/api-report/plugin-api.api.md; `.ci/run` fails when the
 * surface and the report differ, or when the report changed without a bump. Bump it with the report, in one
 * command: `npm run api-report -- --bump minor` (additions) or `--bump major` (removals, changed shapes).
 *
 * Kept on this one line as a plain literal: the report script and the plugin generator read it as text.
 */
export const PLUGIN_API_VERSION = '1.2.0';

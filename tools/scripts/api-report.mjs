#!/usr/bin/env node
// The plugin API report: the exported surface of libs/plugin-api, as API Extractor prints it, committed in
// libs/plugin-api/api-report/plugin-api.api.md next to a record of the PLUGIN_API_VERSION it was taken at
// (plugin-api.version.json: the version and a hash of the surface). A change to the surface is then a visible
// diff of the report, and it comes with a version bump.
//
//   npm run api-report                     regenerate; refused when the surface changed and the version did not
//   npm run api-report -- --bump minor     raise PLUGIN_API_VERSION (additions; major: removals or changed shapes)
//                                          and regenerate, in one step
//   npm run api-report -- --amend          regenerate keeping the recorded version (only while that version is
//                                          unreleased, e.g. a second change on the same branch)
//   npm run api-report:check               .ci/run: fails, with the diff, when the surface and the report differ,
//                                          or the report, its record and PLUGIN_API_VERSION disagree
//
// How: `tsc --emitDeclarationOnly` of libs/plugin-api/src/index.ts (and what it re-exports from the core) into a
// temporary folder under tmp/, then API Extractor over those declarations with the workspace's path aliases
// pointed at them, so the core's types are reported as part of the plugin API (they are: plugins use them),
// while npm packages (NestJS, TypeORM) stay imports. The output depends only on the sources and the pinned
// TypeScript and API Extractor versions.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

export const REPORT_FILE = 'libs/plugin-api/api-report/plugin-api.api.md';
export const RECORD_FILE = 'libs/plugin-api/api-report/plugin-api.version.json';
/** Also read by the plugin generator (tools/workspace-plugin), which derives a new plugin's `pluginApi` range from it. */
export const VERSION_FILE = 'libs/core/extensions/src/plugin-api-version.ts';
const ENTRY = 'libs/plugin-api/src/index.ts';
const VERSION_DECLARATION = /^export const PLUGIN_API_VERSION = '([^']*)';$/m;
// How API Extractor prints the constant; neutralised in the surface hash so a bump alone is not a surface change.
const VERSION_IN_REPORT = /^(export const PLUGIN_API_VERSION = )"[^"]*";$/m;

/** PLUGIN_API_VERSION as declared in the source of VERSION_FILE. */
export function readVersion(source) {
  const m = VERSION_DECLARATION.exec(source);
  if (!m || !semver.valid(m[1])) throw new Error(`${VERSION_FILE} must declare, on one line: export const PLUGIN_API_VERSION = '<major.minor.patch>';`);
  return m[1];
}

export function withVersion(source, version) {
  readVersion(source);
  return source.replace(VERSION_DECLARATION, `export const PLUGIN_API_VERSION = '${version}';`);
}

/** The version the report shows for PLUGIN_API_VERSION, if it shows one. */
export function reportVersion(report) {
  return /^export const PLUGIN_API_VERSION = "([^"]*)";$/m.exec(report)?.[1];
}

/** A hash of the surface a report describes, the version constant's value left out. */
export function surfaceHash(report) {
  return `sha256:${createHash('sha256').update(report.replace(VERSION_IN_REPORT, '$1"<PLUGIN_API_VERSION>";')).digest('hex')}`;
}

/** A unified diff of two texts (- recorded, + now), three lines of context; '' when they are equal. */
export function unifiedDiff(before, after, labels = ['recorded', 'now']) {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence by dynamic programming: reports are a few thousand lines at most.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ t: ' ', s: a[i], i: i++, j: j++ });
    // Removals before additions within a change, as diff -u prints them.
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ t: '-', s: a[i], i: i++, j });
    else ops.push({ t: '+', s: b[j], i, j: j++ });
  }
  const out = [`--- ${labels[0]}`, `+++ ${labels[1]}`];
  const changed = ops.map((o, k) => (o.t !== ' ' ? k : -1)).filter((k) => k >= 0);
  for (let h = 0; h < changed.length; ) {
    const start = Math.max(0, changed[h] - 3);
    let end = changed[h];
    while (h < changed.length && changed[h] <= end + 6) end = changed[h++];
    end = Math.min(ops.length - 1, end + 3);
    const hunk = ops.slice(start, end + 1);
    const aLen = hunk.filter((o) => o.t !== '+').length;
    const bLen = hunk.filter((o) => o.t !== '-').length;
    out.push(`@@ -${hunk[0].i + 1},${aLen} +${hunk[0].j + 1},${bLen} @@`, ...hunk.map((o) => `${o.t}${o.s}`));
  }
  return out.join('\n');
}

/** The semver step a change of the report calls for: anything removed or changed is major, additions only minor. */
export function suggestedBump(before, after) {
  const lines = (text) => new Set(text.replace(VERSION_IN_REPORT, '').split('\n').filter((l) => l.trim()));
  const now = lines(after);
  return [...lines(before)].some((l) => !now.has(l)) ? 'major' : 'minor';
}

const howToUpdate = (committed, generated) =>
  `If the change is intended, record it with a version bump: npm run api-report -- --bump ${committed === undefined ? 'minor' : suggestedBump(committed, generated)}` +
  ' (minor: additions only; major: anything removed or changed), and commit the report with the change.';

/**
 * What `--check` finds wrong; [] when the committed report is the surface of the sources, its record matches it,
 * and both carry the declared PLUGIN_API_VERSION.
 */
export function checkProblems({ generated, committed, record, version }) {
  if (committed === undefined) return [`${REPORT_FILE} is missing: create it with npm run api-report`];
  const problems = [];
  if (generated !== committed) {
    problems.push(
      `The plugin API surface differs from ${REPORT_FILE} (- recorded, + the sources now):\n${unifiedDiff(committed, generated, [REPORT_FILE, ENTRY])}\n${howToUpdate(committed, generated)}`,
    );
  }
  if (!record) problems.push(`${RECORD_FILE} is missing or unreadable: regenerate it with npm run api-report`);
  else {
    if (record.surface !== surfaceHash(committed)) {
      problems.push(`${REPORT_FILE} is not the surface recorded in ${RECORD_FILE} (edited by hand?): regenerate both with npm run api-report, never edit them`);
    }
    if (record.pluginApiVersion !== version) {
      problems.push(`PLUGIN_API_VERSION is ${version} (${VERSION_FILE}), but the report was recorded at ${record.pluginApiVersion}: regenerate it with npm run api-report`);
    }
  }
  return problems;
}

/**
 * Whether a regeneration may be written: the surface is unchanged since the record, or PLUGIN_API_VERSION is
 * above the recorded version, or `amend` keeps the (unreleased) recorded version. Returns the new record or the problems.
 */
export function updateOutcome({ generated, committed, record, version, amend = false }) {
  if (record && semver.valid(record.pluginApiVersion) && semver.lt(version, record.pluginApiVersion)) {
    return { problems: [`PLUGIN_API_VERSION ${version} is below the recorded ${record.pluginApiVersion}: versions only go up`] };
  }
  const surface = surfaceHash(generated);
  const changed = record !== undefined && record.surface !== surface;
  if (changed && !amend && !semver.gt(version, record.pluginApiVersion)) {
    return {
      problems: [
        `The plugin API surface changed since ${record.pluginApiVersion}, but PLUGIN_API_VERSION is still ${version}: nothing was written.\n` +
          `${committed === undefined ? '' : `${unifiedDiff(committed, generated, [REPORT_FILE, ENTRY])}\n`}${howToUpdate(committed, generated)}` +
          `\nOr, to keep ${version} while it is unreleased (a second change on the same branch): npm run api-report -- --amend`,
      ],
    };
  }
  return { record: { pluginApiVersion: version, surface } };
}

const readIfExists = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

function readRecord(root) {
  try {
    const r = JSON.parse(readFileSync(join(root, RECORD_FILE), 'utf8'));
    return typeof r?.pluginApiVersion === 'string' && typeof r?.surface === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Declarations of the plugin API, then API Extractor's report over them; the temporary folder is removed. */
export async function generateReport(root) {
  // Under the workspace, so the declarations resolve npm packages from its node_modules.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const tmp = mkdtempSync(join(root, 'tmp', 'api-report-'));
  try {
    const decl = join(tmp, 'decl');
    const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
    writeFileSync(
      join(tmp, 'tsconfig.decl.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.base.json'),
        compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, sourceMap: false, declarationMap: false, incremental: false, rootDir: root, outDir: decl },
        files: [join(root, ENTRY)],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(tmp, 'tsconfig.decl.json')], { cwd: root, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`tsc could not emit the plugin API's declarations:\n${tsc.stdout}${tsc.stderr}`);

    // The aliases, pointed at the declarations: the core's modules are then part of the analysed program.
    const dts = (target) => join(decl, target.replace(/^\.\//, '').replace(/\.ts$/, '.d.ts'));
    const paths = Object.fromEntries(Object.entries(base.paths ?? {}).map(([alias, [target]]) => [alias, [dts(target)]]));
    const { Extractor, ExtractorConfig } = await import('@microsoft/api-extractor');
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: '@enplan/plugin-api', version: '0.0.0' }));
    const configFile = join(tmp, 'api-extractor.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        projectFolder: tmp,
        mainEntryPointFilePath: dts(ENTRY),
        compiler: {
          overrideTsconfig: {
            compilerOptions: { ...base, paths, noEmit: true, declaration: false, sourceMap: false, types: ['node'] },
            files: [dts(ENTRY)],
          },
        },
        newlineKind: 'lf',
        apiReport: { enabled: true, reportFileName: 'plugin-api.api.md', reportFolder: join(tmp, 'report'), reportTempFolder: join(tmp, 'report-temp'), includeForgottenExports: true },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'error' } },
          extractorMessageReporting: {
            // No release tags (@public/@beta): everything exported is the contract.
            default: { logLevel: 'none', addToApiReportFile: false },
            // A type the surface uses but the entry point does not export: listed in the report, so it is seen.
            'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
            'ae-wrong-input-file-type': { logLevel: 'error' },
          },
          // The sources' comments are written for people and TypeDoc, not checked as TSDoc here.
          tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
        },
      }),
    );
    mkdirSync(join(tmp, 'report'));
    const errors = [];
    const result = Extractor.invoke(ExtractorConfig.loadFileAndPrepare(configFile), {
      localBuild: true,
      messageCallback: (m) => {
        if (m.logLevel === 'error') errors.push(m.formatMessageWithLocation(tmp));
        m.handled = true;
      },
    });
    if (errors.length || !result.succeeded) throw new Error(`API Extractor failed:\n${errors.join('\n') || `${result.errorCount} error(s)`}`);
    // Absolute temporary paths must not reach the report (they would change on every run).
    return readFileSync(join(tmp, 'report', 'plugin-api.api.md'), 'utf8').split(tmp).join('<tmp>');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const USAGE = 'usage: node tools/scripts/api-report.mjs [--check | --bump major|minor|patch | --amend]';

/** The CLI; `root` is the workspace (this script's, unless a test says otherwise). Returns the exit code. */
export async function main(argv, root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')) {
  const opts = { check: false, amend: false, bump: undefined };
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--check') opts.check = true;
    else if (argv[k] === '--amend') opts.amend = true;
    else if (argv[k] === '--bump' && ['major', 'minor', 'patch'].includes(argv[k + 1])) opts.bump = argv[++k];
    else {
      console.error(`${USAGE}\n(${JSON.stringify(argv[k])} is not one of them)`);
      return 2;
    }
  }
  if (opts.check && (opts.bump || opts.amend)) {
    console.error(`${USAGE}\n(--check writes nothing: it takes no other option)`);
    return 2;
  }
  const { bump } = opts;
  const versionPath = join(root, VERSION_FILE);
  const versionSource = readFileSync(versionPath, 'utf8');
  let version = readVersion(versionSource);
  const committed = readIfExists(join(root, REPORT_FILE));
  const record = readRecord(root);

  if (opts.check) {
    const problems = checkProblems({ generated: await generateReport(root), committed, record, version });
    for (const p of problems) console.error(`${p}\n`);
    if (problems.length) return 1;
    console.log(`plugin API report: up to date (PLUGIN_API_VERSION ${version})`);
    return 0;
  }

  if (bump) {
    version = semver.inc(version, bump);
    writeFileSync(versionPath, withVersion(versionSource, version));
  }
  let generated, outcome;
  try {
    generated = await generateReport(root);
    outcome = updateOutcome({ generated, committed, record, version, amend: opts.amend });
  } catch (e) {
    if (bump) writeFileSync(versionPath, versionSource);
    throw e;
  }
  if (outcome.problems) {
    // A refused update leaves the workspace as it was, the version constant included.
    if (bump) writeFileSync(versionPath, versionSource);
    for (const p of outcome.problems) console.error(`${p}\n`);
    return 1;
  }
  mkdirSync(dirname(join(root, REPORT_FILE)), { recursive: true });
  writeFileSync(join(root, REPORT_FILE), generated);
  writeFileSync(join(root, RECORD_FILE), `${JSON.stringify(outcome.record, null, 2)}\n`);
  const what = committed === generated ? 'unchanged' : committed === undefined ? 'written' : 'updated';
  console.log(`plugin API report ${what}: ${REPORT_FILE} (PLUGIN_API_VERSION ${version}${bump ? `, raised (${bump})` : ''})`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}

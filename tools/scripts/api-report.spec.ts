import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLUGIN_API_VERSION } from '@enplan/plugin-api';
import {
  checkProblems,
  readVersion,
  RECORD_FILE,
  REPORT_FILE,
  reportVersion,
  suggestedBump,
  surfaceHash,
  unifiedDiff,
  updateOutcome,
  VERSION_FILE,
  withVersion,
  type ReportRecord,
} from './api-report.mjs';

/**
 * The plugin API report (tools/scripts/api-report.mjs): the committed report agrees with its record and with
 * PLUGIN_API_VERSION; the rules for when a report may be written and when the check fails; and, in a scratch
 * copy of the workspace, a planted export failing `--check` with the diff (.ci/run runs the check on the real tree).
 */
const root = join(import.meta.dirname, '../..');
const repoFile = (path: string) => readFileSync(join(root, path), 'utf8');

const report = (version: string, ...members: string[]) =>
  ['## API Report File for "@enplan/plugin-api"', '', '```ts', '', ...members, '', `export const PLUGIN_API_VERSION = "${version}";`, '', '```', ''].join('\n');
const V1 = report('1.0.0', 'export function definePlugin(d: PluginDefinition): PluginDefinition;', 'export const LEGAL_AREAS: readonly string[];');
const ADDED = report('1.0.0', 'export function definePlugin(d: PluginDefinition): PluginDefinition;', 'export const LEGAL_AREAS: readonly string[];', 'export const TEAM_ROLES: readonly string[];');
const CHANGED = report('1.0.0', 'export function definePlugin(d: PluginDefinition, strict: boolean): PluginDefinition;', 'export const LEGAL_AREAS: readonly string[];');
const recordOf = (r: string, version = reportVersion(r)!): ReportRecord => ({ pluginApiVersion: version, surface: surfaceHash(r) });

describe('the committed plugin API report', () => {
  it('is recorded at PLUGIN_API_VERSION, and its record is its surface', () => {
    const committed = repoFile(REPORT_FILE);
    const record = JSON.parse(repoFile(RECORD_FILE)) as ReportRecord;
    expect(readVersion(repoFile(VERSION_FILE))).toBe(PLUGIN_API_VERSION);
    expect(record.pluginApiVersion).toBe(PLUGIN_API_VERSION);
    expect(reportVersion(committed)).toBe(PLUGIN_API_VERSION);
    expect(record.surface).toBe(surfaceHash(committed));
  });
});

describe('PLUGIN_API_VERSION in its source file', () => {
  it('is read and rewritten in place', () => {
    const source = repoFile(VERSION_FILE);
    expect(readVersion(withVersion(source, '1.4.0'))).toBe('1.4.0');
    expect(withVersion(source, '1.4.0').replace("'1.4.0'", `'${PLUGIN_API_VERSION}'`)).toBe(source);
  });

  it('must be a literal semver version on one line', () => {
    expect(() => readVersion("export const PLUGIN_API_VERSION = 'one';")).toThrow(/must declare, on one line/);
    expect(() => readVersion('export const PLUGIN_API_VERSION = VERSION;')).toThrow(/must declare, on one line/);
  });
});

describe('the surface of a report', () => {
  it('leaves the version out: a bump alone is not a surface change', () => {
    expect(surfaceHash(V1)).toBe(surfaceHash(V1.replace('"1.0.0"', '"1.1.0"')));
    expect(surfaceHash(V1)).not.toBe(surfaceHash(ADDED));
  });

  it('diffs as a unified diff naming what was added and removed', () => {
    const diff = unifiedDiff(V1, CHANGED, ['recorded', 'now']);
    expect(diff.split('\n').slice(0, 3)).toEqual(['--- recorded', '+++ now', '@@ -2,7 +2,7 @@']);
    expect(diff).toContain('\n-export function definePlugin(d: PluginDefinition): PluginDefinition;\n+export function definePlugin(d: PluginDefinition, strict: boolean): PluginDefinition;\n');
    expect(unifiedDiff(V1, V1)).toBe('');
  });

  it('calls for a minor bump when only added to, major when anything was removed or changed', () => {
    expect(suggestedBump(V1, ADDED)).toBe('minor');
    expect(suggestedBump(V1, CHANGED)).toBe('major');
    expect(suggestedBump(ADDED, V1)).toBe('major');
  });
});

describe('api-report:check', () => {
  const state = { generated: V1, committed: V1, record: recordOf(V1), version: '1.0.0' };

  it('passes when the sources, the report, its record and the version agree', () => {
    expect(checkProblems(state)).toEqual([]);
  });

  it('fails on a surface change the report does not show, with the diff and the bump to make', () => {
    const [problem, ...rest] = checkProblems({ ...state, generated: ADDED });
    expect(rest).toEqual([]);
    expect(problem).toContain(`The plugin API surface differs from ${REPORT_FILE}`);
    expect(problem).toContain('\n+export const TEAM_ROLES: readonly string[];\n');
    expect(problem).toContain('npm run api-report -- --bump minor');
    expect(checkProblems({ ...state, generated: CHANGED })[0]).toContain('npm run api-report -- --bump major');
  });

  it('fails when the version was bumped in the source but the report not regenerated', () => {
    expect(checkProblems({ ...state, generated: V1.replace('"1.0.0"', '"1.1.0"'), version: '1.1.0' })).toEqual([
      expect.stringContaining('\n+export const PLUGIN_API_VERSION = "1.1.0";'),
      `PLUGIN_API_VERSION is 1.1.0 (${VERSION_FILE}), but the report was recorded at 1.0.0: regenerate it with npm run api-report`,
    ]);
  });

  it('fails when the report was edited by hand (it is not the recorded surface), or its record is missing', () => {
    expect(checkProblems({ ...state, generated: ADDED, committed: ADDED })).toEqual([expect.stringContaining('(edited by hand?)')]);
    expect(checkProblems({ ...state, record: undefined })).toEqual([`${RECORD_FILE} is missing or unreadable: regenerate it with npm run api-report`]);
    expect(checkProblems({ ...state, committed: undefined })).toEqual([`${REPORT_FILE} is missing: create it with npm run api-report`]);
  });
});

describe('npm run api-report (writing the report)', () => {
  const state = { committed: V1, record: recordOf(V1), version: '1.0.0' };

  it('rewrites an unchanged surface at the same version', () => {
    expect(updateOutcome({ ...state, generated: V1 })).toEqual({ record: recordOf(V1) });
  });

  it('refuses a changed surface without a version bump, showing the diff and the bump to make', () => {
    const { problems } = updateOutcome({ ...state, generated: ADDED });
    expect(problems).toEqual([expect.stringContaining('The plugin API surface changed since 1.0.0, but PLUGIN_API_VERSION is still 1.0.0: nothing was written.')]);
    expect(problems![0]).toContain('\n+export const TEAM_ROLES: readonly string[];\n');
    expect(problems![0]).toContain('npm run api-report -- --bump minor');
  });

  it('records a changed surface at a raised version (--bump), or at the same one with --amend', () => {
    const bumped = ADDED.replace('"1.0.0"', '"1.1.0"');
    expect(updateOutcome({ ...state, generated: bumped, version: '1.1.0' })).toEqual({ record: recordOf(bumped, '1.1.0') });
    expect(updateOutcome({ ...state, generated: ADDED, amend: true })).toEqual({ record: recordOf(ADDED, '1.0.0') });
  });

  it('records the first report, and refuses a version below the recorded one', () => {
    expect(updateOutcome({ generated: V1, committed: undefined, record: undefined, version: '1.0.0' })).toEqual({ record: recordOf(V1) });
    expect(updateOutcome({ ...state, generated: V1, record: recordOf(V1, '2.0.0') }).problems).toEqual(['PLUGIN_API_VERSION 1.0.0 is below the recorded 2.0.0: versions only go up']);
  });
});

describe('api-report:check in a scratch copy of the workspace with a planted export', () => {
  let copy: string;
  beforeAll(() => {
    // As tools/scripts/plugin-probe.sh copies it: sources only, node_modules linked.
    copy = mkdtempSync(join(tmpdir(), 'enplan-api-report-'));
    const exclude = ['node_modules', 'dist', '.nx', 'data', 'tmp', 'coverage', 'docs/plugin-api', '.git'].map((d) => `--exclude=./${d}`);
    const tar = spawnSync('bash', ['-c', `tar -C "$1" ${exclude.join(' ')} -cf - . | tar -C "$2" -xf -`, 'copy', root, copy], { encoding: 'utf8' });
    expect(tar.stderr).toBe('');
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('fails, showing the new export in the diff and asking for a minor bump', () => {
    appendFileSync(join(copy, 'libs/plugin-api/src/index.ts'), "\nexport const PLANTED_BY_A_TEST = 'not in the report';\n");
    const r = spawnSync(process.execPath, [join(copy, 'tools/scripts/api-report.mjs'), '--check'], { cwd: copy, encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`The plugin API surface differs from ${REPORT_FILE}`);
    expect(r.stderr).toContain('\n+export const PLANTED_BY_A_TEST = "not in the report";\n');
    expect(r.stderr).toContain('npm run api-report -- --bump minor');
    expect(r.status).toBe(1);
  });
});

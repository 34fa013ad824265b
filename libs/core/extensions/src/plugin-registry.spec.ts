import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Column, Entity, PrimaryGeneratedColumn, type EntityManager, type MigrationInterface } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import type { Deployment } from '@enplan/core/config';
import { CORE_VERSION } from './core-version.js';
import { PLUGIN_API_VERSION } from './plugin-api-version.js';
import type { CourseFacts, DecisionAuthorityInput, StaffFacts, TeamFacts, TeamMemberFacts } from './extension-points.js';
import { PluginError } from './extensions.error.js';
import { definePlugin, pascalId, tablePrefix, type PluginDefinition } from './plugin-definition.js';
import { PluginRegistry } from './plugin-registry.js';
import { displaySettings, SensitiveSetting, validateSettings } from './settings.js';

class PairSettings {
  @IsInt() @Min(1) @Max(12)
  jointMeetingsPerYear = 6;

  @IsOptional() @IsIn(['employment', 'social-adults'])
  leadArea?: string;

  @IsOptional() @IsString() @SensitiveSetting()
  apiKey?: string;
}

@Entity({ name: 'pair_test_note' })
class PairNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column({ type: 'text' })
  text: string;
}

@Entity({ name: 'notes' })
class BadlyNamed {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}

class PairTestInit1795500000000 implements MigrationInterface {
  name = 'PairTestInit1795500000000';
  async up(): Promise<void> {
    // never run: the registry only reads the name
  }
  async down(): Promise<void> {
    // never run
  }
}

class WrongName1795500000001 implements MigrationInterface {
  async up(): Promise<void> {
    // never run
  }
  async down(): Promise<void> {
    // never run
  }
}

const staff = (id: string, areas: StaffFacts['authorityAreas'], extra: Partial<StaffFacts> = {}): StaffFacts => ({
  id,
  name: `Staff ${id}`,
  unitId: 'u1',
  unitKind: 'job-centre',
  function: 'caseworker',
  authorityAreas: areas,
  isProvider: false,
  fte: 1,
  active: true,
  ...extra,
});
const course = (modelId: string): CourseFacts => ({
  id: 'c1',
  modelId,
  status: 'active',
  targetGroup: 'adults',
  citizenId: 'z1',
  householdId: null,
  referredOn: '2026-01-02',
  referralReasonCode: 'other',
  activatedOn: '2026-01-05',
  endDate: null,
  outcomeCode: null,
});
const member = (role: string, s: StaffFacts): TeamMemberFacts => ({ assignmentId: `a-${s.id}-${role}`, role, startsOn: '2026-01-05', staff: s });
const team = (modelId: string, ...members: TeamMemberFacts[]): TeamFacts => ({ course: course(modelId), members, change: { kind: 'activation' } });
const principal = (code = '999'): Principal => ({ userId: 's1', municipalityCode: code, municipalityId: `m-${code}`, roles: ['caseworker'] });

const pairPlugin = definePlugin({
  id: 'pair-test',
  displayName: 'Makkerpar (test)',
  version: '1.2.0',
  pluginApi: '>=1.0.0',
  model: true,
  settings: PairSettings,
  entities: [PairNote],
  migrations: [PairTestInit1795500000000],
  extensions: (s) => ({
    teamRules: (t) => {
      const holders = t.members.filter((m) => m.role === 'caseworker' && m.staff.authorityAreas.length);
      const areas = new Set(holders.flatMap((m) => m.staff.authorityAreas));
      return holders.length === 2 && areas.size >= 2 ? [] : [{ rule: 'two-authority-holders', message: 'Two caseworkers with authority in different areas are needed' }];
    },
    roles: [
      { id: 'explorer', kind: 'meeting', label: { da: 'Udforsker', en: 'Explorer' } },
      { id: 'captain', kind: 'meeting', label: { da: 'Kaptajn', en: 'Captain' } },
    ],
    meetingTypes: [{ id: 'pair-review', label: { da: 'Makkergennemgang', en: 'Pair review' } }],
    cadencePolicy: {
      rules: [{ id: 'joint-meetings', meetingType: 'joint', everyDays: Math.floor(365 / s.jointMeetingsPerYear), description: `${s.jointMeetingsPerYear} joint meetings a year` }],
      suppressions: [{ rule: 'plan-every-60-days', legalReason: 'The joint meetings revise the plan' }],
    },
    caseload: { targetPerFte: 40, capPerFte: 2 },
    decisionAuthority: async ({ staff: who, legalArea }) =>
      who?.authorityAreas.includes(legalArea) ? { allowed: true } : { allowed: false, reason: `pair: not ${who?.name ?? 'anyone'}'s area` },
    workList: async ({ courses, today }) => ({
      items: courses.map((c) => ({ courseId: c.course.id, ref: 'pair-review', dueOn: today, title: 'Pair review due' })),
      // Only its own rules count: the core's plan rule and an unknown course are ignored.
      cadenceMet: courses.flatMap((c) => [
        { courseId: c.course.id, rule: 'joint-meetings' },
        { courseId: c.course.id, rule: 'plan-every-60-days' },
        { courseId: 'not-asked', rule: 'joint-meetings' },
      ]),
    }),
  }),
});

const addOn = definePlugin({
  id: 'local-rules',
  displayName: 'Lokale regler',
  version: '0.1.0',
  pluginApi: '^1.0.0 || ^2.0.0',
  extensions: {
    teamRules: (t) => (t.members.length ? [] : [{ rule: 'someone', message: 'A course needs a team', code: 'local-rules.team-empty' }]),
    decisionAuthority: async ({ legalArea }) => (legalArea === 'health' ? { allowed: false, reason: 'Health decisions are made by the region' } : { allowed: true }),
    meetingTypes: [{ id: 'local-check-in', label: { da: 'Tjek ind', en: 'Check-in' } }],
  },
});

const otherModel = definePlugin({ id: 'other-model', displayName: 'Other', version: '0.1.0', pluginApi: '*', model: true });

const deployment = (plugins: Deployment['municipalities'][number]['plugins'], more: Deployment['municipalities'] = []): Deployment => ({
  municipalities: [{ code: '999', name: 'Demo Kommune', plugins }, ...more],
});

const core = {
  meetingTypes: [{ id: 'plan', label: { da: 'Planmøde', en: 'Plan meeting' } }, { id: 'joint', label: { da: 'Fællesmøde', en: 'Joint meeting' } }],
  roles: [{ id: 'coordinator', kind: 'team' as const, label: { da: 'Koordinator', en: 'Coordinator' } }, { id: 'chair', kind: 'meeting' as const, label: { da: 'Mødeleder', en: 'Chair' } }],
  cadencePolicy: {
    id: 'core-default',
    rules: [
      { id: 'plan-every-60-days', meetingType: 'plan', everyDays: 60, description: 'plan' },
      { id: 'start-up-within-14-days', meetingType: 'start-up', withinDays: 14, of: 'activation' as const, description: 'start-up' },
    ],
    suppressions: [],
  },
};

function problemsOf(catalogue: PluginDefinition[], d: Deployment, pluginApiVersion?: string): string[] {
  try {
    PluginRegistry.create({ catalogue, deployment: d, core, pluginApiVersion });
  } catch (e) {
    expect(e).toBeInstanceOf(PluginError);
    return (e as PluginError).problems.map((p) => `${p.plugin}@${p.municipality ?? '-'}: ${p.message}`);
  }
  throw new Error('expected a PluginError');
}

describe('core version', () => {
  it('is the workspace package version', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../package.json'), 'utf8'));
    expect(CORE_VERSION).toBe(pkg.version);
  });
});

describe('plugin API version', () => {
  it('is a semver version of its own, which the registry checks plugins against by default', () => {
    expect(semver.valid(PLUGIN_API_VERSION)).toBe(PLUGIN_API_VERSION);
    const r = PluginRegistry.create({ catalogue: [{ ...pairPlugin, pluginApi: `^${PLUGIN_API_VERSION}` }], deployment: deployment([{ id: 'pair-test' }]), core });
    expect(r.pluginApiVersion).toBe(PLUGIN_API_VERSION);
    expect(r.coreVersion).toBe(CORE_VERSION);
    const next = semver.inc(PLUGIN_API_VERSION, 'major')!;
    expect(problemsOf([{ ...pairPlugin, pluginApi: `^${next}` }], deployment([{ id: 'pair-test' }]))).toEqual([
      `pair-test@-: needs plugin API ^${next}, but this host's plugin API is ${PLUGIN_API_VERSION} (enabled in 999)`,
    ]);
  });
});

describe('plugin helpers', () => {
  it('derives the table and migration prefixes from the id', () => {
    expect(tablePrefix('plan-coordinator')).toBe('plan_coordinator_');
    expect(pascalId('step-up-meetings')).toBe('StepUpMeetings');
  });
});

describe('plugin settings', () => {
  it('applies defaults for omitted settings', () => {
    const r = validateSettings(PairSettings, undefined);
    expect(r.problems).toEqual([]);
    expect(r.value.jointMeetingsPerYear).toBe(6);
    expect(validateSettings(PairSettings, { jointMeetingsPerYear: 4 }).value.jointMeetingsPerYear).toBe(4);
  });

  it('names each invalid or unknown setting, never echoing a value', () => {
    const r = validateSettings(PairSettings, { jointMeetingsPerYear: 40, colour: 'red', apiKey: 7 });
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('setting "jointMeetingsPerYear"'),
        'setting "colour" is not known',
        expect.stringContaining('setting "apiKey"'),
      ]),
    );
    expect(r.problems.join()).not.toContain('red');
  });

  it('refuses settings for a plugin that takes none', () => {
    expect(validateSettings(undefined, { x: 1 }).problems).toEqual(['takes no settings, got "x"']);
  });

  it('masks sensitive settings for display', () => {
    expect(displaySettings(validateSettings(PairSettings, { apiKey: 's3cret' }).value)).toEqual({ jointMeetingsPerYear: 6, apiKey: '***' });
  });
});

describe('PluginRegistry.create refuses a bad composition, naming plugin and municipality', () => {
  it('sector adapters with a malformed or repeated id, an unknown event type or no deliver function, refused at start', () => {
    const deliver = async () => ({ reference: null });
    const withAdapters = (sectorAdapters: unknown[]) => ({ ...pairPlugin, extensions: { ...pairPlugin.extensions, sectorAdapters } }) as unknown as PluginDefinition;
    const problems = problemsOf(
      [
        withAdapters([
          { id: 'archive', eventTypes: ['plan.version-published'], deliver },
          { id: 'archive', eventTypes: ['decision.decided'], deliver },
          { id: 'Bad Id/x', eventTypes: ['decision.decided'], deliver },
          { id: 'job-centre', eventTypes: ['plan.deleted'], deliver },
          { id: 'no-types', eventTypes: [], deliver },
          { id: 'no-deliver', eventTypes: ['decision.decided'] },
        ]),
      ],
      deployment([{ id: 'pair-test' }]),
    ).join('\n');
    expect(problems).toContain('sectorAdapters[1].id "archive" is used twice in this plugin');
    expect(problems).toContain('sectorAdapters[2].id must be kebab-case');
    expect(problems).toContain('sectorAdapters[3] (job-centre).eventTypes[0] "plan.deleted" is not a domain event type');
    expect(problems).toContain('sectorAdapters[4] (no-types).eventTypes must list at least one domain event type');
    expect(problems).toContain('sectorAdapters[5] (no-deliver).deliver must be a function');
    expect(problems).not.toContain('sectorAdapters[0]');
    expect(() =>
      PluginRegistry.create({ catalogue: [withAdapters([{ id: 'archive', eventTypes: ['decision.decided'], deliver }])], deployment: deployment([{ id: 'pair-test' }]), core }),
    ).not.toThrow();
  });

  it('an unknown plugin id', () => {
    expect(problemsOf([pairPlugin], deployment([{ id: 'nope' }]))).toEqual(['nope@999 (Demo Kommune): is not a known plugin (available: pair-test)']);
  });

  it('two catalogue plugins with one id, even when neither is enabled', () => {
    expect(problemsOf([pairPlugin, { ...otherModel, id: 'pair-test' }], deployment([]))).toEqual(['pair-test@-: two plugins in the catalogue claim this id']);
  });

  it('a plugin API range the host does not implement, naming the range and the API version', () => {
    expect(problemsOf([{ ...pairPlugin, pluginApi: '^1.0.0' }], deployment([{ id: 'pair-test' }]), '2.0.0')).toEqual([
      "pair-test@-: needs plugin API ^1.0.0, but this host's plugin API is 2.0.0 (enabled in 999)",
    ]);
    expect(() => PluginRegistry.create({ catalogue: [{ ...pairPlugin, pluginApi: '^1.0.0' }], deployment: deployment([{ id: 'pair-test' }]), core, pluginApiVersion: '1.4.2' })).not.toThrow();
  });

  it('a definition still declaring compatibleCore (the app-version range), saying what to declare instead', () => {
    const { pluginApi: _, ...legacy } = pairPlugin;
    const old = { ...legacy, compatibleCore: '^0.1.0' } as unknown as PluginDefinition;
    expect(problemsOf([old], deployment([{ id: 'pair-test' }]), '1.0.0')).toEqual([
      "pair-test@-: declares compatibleCore, which is no longer read: declare pluginApi, the plugin API range it works with (this host's plugin API is 1.0.0) (enabled in 999)",
    ]);
  });

  it('an invalid or unknown setting', () => {
    expect(problemsOf([pairPlugin], deployment([{ id: 'pair-test', settings: { jointMeetingsPerYear: 0, colour: 'red' } }])).sort()).toEqual([
      'pair-test@999 (Demo Kommune): setting "colour" is not known',
      'pair-test@999 (Demo Kommune): setting "jointMeetingsPerYear": jointMeetingsPerYear must not be less than 1',
    ]);
  });

  it("an invalid setting of the core's generic model", () => {
    expect(problemsOf([], deployment([{ id: 'generic', settings: { caseloadTarget: -1 } }]))[0]).toMatch(/^generic@999 .*setting "caseloadTarget"/);
  });

  it('a table without the plugin prefix, and a migration without the plugin name', () => {
    expect(problemsOf([{ ...pairPlugin, entities: [PairNote, BadlyNamed], migrations: [WrongName1795500000001] }], deployment([{ id: 'pair-test' }]))).toEqual([
      'pair-test@-: table "notes" (entity BadlyNamed) must be prefixed "pair_test_" (enabled in 999)',
      'pair-test@-: migration WrongName1795500000001 must be named PairTest<Change><timestamp> (enabled in 999)',
    ]);
  });

  it('a malformed id, version or range', () => {
    const problems = problemsOf([{ ...otherModel, id: 'Other_Model' }, { ...addOn, version: 'one', pluginApi: 'latest please' }], deployment([{ id: 'Other_Model' }, { id: 'local-rules' }]));
    expect(problems).toEqual([
      expect.stringContaining('id must be kebab-case'),
      expect.stringContaining('version "one" is not a semver version'),
      expect.stringContaining('pluginApi "latest please" is not a semver range'),
    ]);
  });

  it('a plugin listed twice, and a role the core already has', () => {
    const clash = definePlugin({ id: 'clash', displayName: 'Clash', version: '0.1.0', pluginApi: '*', extensions: { roles: [{ id: 'chair', kind: 'meeting', label: { da: 'x', en: 'x' } }] } });
    expect(problemsOf([clash], deployment([{ id: 'clash' }, { id: 'clash' }]))).toEqual([
      'clash@999 (Demo Kommune): is listed twice',
      'clash@999 (Demo Kommune): role "chair" is already defined by the core',
    ]);
  });

  it('a caseload on an add-on, and a team role added by a plugin', () => {
    const bad = definePlugin({
      id: 'bad-add-on',
      displayName: 'Bad',
      version: '0.1.0',
      pluginApi: '*',
      extensions: { caseload: { capPerFte: 3 }, roles: [{ id: 'boss', kind: 'team', label: { da: 'Chef', en: 'Boss' } }] },
    });
    expect(problemsOf([bad], deployment([{ id: 'bad-add-on' }]))).toEqual([
      expect.stringContaining('roles[0] (boss): team roles are the core'),
      expect.stringContaining('caseload is only for model plugins'),
    ]);
  });
});

describe('PluginRegistry resolution', () => {
  const registry = PluginRegistry.create({
    catalogue: [pairPlugin, addOn, otherModel],
    deployment: deployment(
      [{ id: 'pair-test', settings: { jointMeetingsPerYear: 4, apiKey: 'k' } }, { id: 'local-rules' }, { id: 'generic', settings: { maxActiveCourses: 120 } }],
      [{ code: '101', name: 'Anden Kommune', plugins: [{ id: 'other-model' }] }],
    ),
    core,
  });

  it('loads the modules and tables only of plugins enabled somewhere', () => {
    expect(registry.activePlugins().map((p) => p.id)).toEqual(['pair-test', 'local-rules', 'other-model']);
    expect(PluginRegistry.create({ catalogue: [pairPlugin, addOn], deployment: deployment([{ id: 'local-rules' }]) }).activePlugins().map((p) => p.id)).toEqual(['local-rules']);
  });

  it('lists each municipality its own models and plugins', () => {
    expect(registry.models('999').map((m) => m.id)).toEqual(['generic', 'pair-test']);
    expect(registry.models('101').map((m) => m.id)).toEqual(['generic', 'other-model']);
    expect(registry.hasModel('999', 'pair-test')).toBe(true);
    expect(registry.hasModel('101', 'pair-test')).toBe(false);
    expect(registry.hasModel('999', 'local-rules')).toBe(false);
    expect(registry.isEnabled('999', 'local-rules')).toBe(true);
    expect(registry.enabledPlugins('999').map((p) => [p.id, p.model, p.settings])).toEqual([
      ['pair-test', true, { jointMeetingsPerYear: 4, apiKey: '***' }],
      ['local-rules', false, {}],
    ]);
    expect(registry.settings<PairSettings>('999', 'pair-test')?.apiKey).toBe('k');
  });

  it('resolves caseload: generic from its settings, a plugin from its extension, defaults otherwise', () => {
    expect(registry.caseload('999', 'generic')).toMatchObject({ targetPerFte: 45, maxActiveCourses: 120, capPerFte: null });
    expect(registry.caseload('101', 'generic')).toMatchObject({ targetPerFte: 45, maxActiveCourses: null });
    expect(registry.caseload('999', 'pair-test')).toEqual({ targetPerFte: 40, capPerFte: 2, cappedRoles: ['primary-contact', 'coordinator'], maxActiveCourses: null });
    expect(registry.caseload('101', 'other-model')).toEqual({ targetPerFte: null, capPerFte: null, cappedRoles: ['primary-contact', 'coordinator'], maxActiveCourses: null });
  });

  it('merges cadence: the model plugin over the core, from its settings', () => {
    expect(registry.cadencePolicy('999', 'generic')).toBe(core.cadencePolicy);
    const pair = registry.cadencePolicy('999', 'pair-test');
    expect(pair.id).toBe('core-default+pair-test');
    expect(pair.rules.map((r) => r.id)).toEqual(['plan-every-60-days', 'start-up-within-14-days', 'joint-meetings']);
    expect(pair.rules[2]).toMatchObject({ everyDays: 91 });
    expect(pair.suppressions).toEqual([{ rule: 'plan-every-60-days', legalReason: 'The joint meetings revise the plan' }]);
  });

  it('adds plugin meeting types and roles to the core catalogue, per municipality', () => {
    expect(registry.meetingTypes('999').map((t) => `${t.id}:${t.source}`)).toEqual(['plan:core', 'joint:core', 'pair-review:pair-test', 'local-check-in:local-rules']);
    expect(registry.meetingTypes('101').map((t) => t.id)).toEqual(['plan', 'joint']);
    expect(registry.roles('999').filter((r) => r.kind === 'meeting').map((r) => r.id)).toEqual(['chair', 'explorer', 'captain']);
  });

  it("applies a model plugin's team rules to its own courses and an add-on's to every course", async () => {
    const a = staff('a', ['employment']);
    const b = staff('b', ['social-adults']);
    const call = (code = '999') => ({ em: {} as never, principal: principal(code) });
    expect((await registry.teamViolations(call(), team('generic'))).map((v) => `${v.plugin}:${v.rule}:${v.code}`)).toEqual(['local-rules:someone:local-rules.team-empty']);
    expect(await registry.teamViolations(call(), team('generic', member('caseworker', a)))).toEqual([]);
    expect((await registry.teamViolations(call(), team('pair-test', member('caseworker', a)))).map((v) => v.rule)).toEqual(['two-authority-holders']);
    expect(await registry.teamViolations(call(), team('pair-test', member('caseworker', a), member('caseworker', b)))).toEqual([]);
    // In 101 neither plugin is enabled.
    expect(await registry.teamViolations(call('101'), team('generic'))).toEqual([]);
  });

  it('refuses a team change only for the rules it newly breaks', async () => {
    const a = staff('a', ['employment']);
    const b = staff('b', ['social-adults']);
    const two = team('pair-test', member('caseworker', a), member('caseworker', b));
    const one = team('pair-test', member('caseworker', a));
    const call = { em: {} as never, principal: principal() };
    await expect(registry.checkTeam(call, 'assignmentId', one, two)).rejects.toMatchObject({
      code: 'plugin.team-rule',
      kind: 'unprocessable',
      extensions: { errors: [{ field: 'assignmentId', code: 'plugin.team-rule' }], rules: [{ plugin: 'pair-test', rule: 'two-authority-holders' }] },
    });
    // Already short before: adding someone who does not mend it is not refused.
    await expect(registry.checkTeam(call, 'staffMemberId', team('pair-test', member('caseworker', a), member('provider', staff('p', []))), one)).resolves.toBeUndefined();
  });

  it('decides authority: core rule by default, the model plugin replacing it, an add-on narrowing both', async () => {
    const jc = staff('a', ['employment', 'health']);
    const em = {} as EntityManager;
    const call = (code: string) => ({ em, principal: principal(code) });
    const input = (legalArea: 'employment' | 'social-adults' | 'health', modelId = 'generic'): DecisionAuthorityInput => ({
      staff: jc,
      legalArea,
      legalBasis: null,
      course: course(modelId),
      team: [],
      site: { kind: 'meeting-outcome', meetingId: 'm1', meetingType: 'plan' },
      on: '2026-01-05',
    });
    expect(await registry.decisionAuthority(call('101'), input('employment'))).toEqual({ allowed: true });
    expect(await registry.decisionAuthority(call('101'), input('social-adults'))).toEqual({ allowed: false, reason: 'The staff member recording it holds no authority in social-adults' });
    expect(await registry.decisionAuthority(call('999'), input('social-adults', 'pair-test'))).toEqual({ allowed: false, reason: "pair: not Staff a's area" });
    expect(await registry.decisionAuthority(call('999'), input('health', 'pair-test'))).toEqual({ allowed: false, reason: 'Health decisions are made by the region' });
    expect(registry.hasCustomDecisionAuthority('999', 'generic')).toBe(true);
    expect(registry.hasCustomDecisionAuthority('101', 'generic')).toBe(false);
  });

  it('collects work-list items of the model plugin; a plugin marks only its own cadence rules met', async () => {
    const run = { em: {} as EntityManager, now: new Date('2026-01-05T09:00:00Z'), municipalityCode: '999', municipalityId: 'm-999' };
    const facts = (modelId: string, id: string) => ({ course: { ...course(modelId), id }, meetings: [], cadence: [] });
    const out = await registry.workListContributions(run, { courses: [facts('pair-test', 'c1'), facts('generic', 'c2')], today: '2026-01-05', horizon: '2026-03-06' });
    expect([...out.keys()]).toEqual(['c1']);
    expect(out.get('c1')?.items).toEqual([{ courseId: 'c1', ref: 'pair-review', dueOn: '2026-01-05', title: 'Pair review due', plugin: 'pair-test' }]);
    expect([...(out.get('c1')?.met ?? [])]).toEqual(['joint-meetings']);
  });

  it('runs hooks of the model plugin then the add-ons, with the context of each', async () => {
    const calls: string[] = [];
    const hooked = (id: string, model: boolean) =>
      definePlugin({
        id,
        displayName: id,
        version: '0.1.0',
        pluginApi: '*',
        model,
        extensions: { hooks: { onReferral: (e, ctx) => void calls.push(`${ctx.pluginId}:${e.course.modelId}:${ctx.municipalityCode}`) } },
      });
    const r = PluginRegistry.create({ catalogue: [hooked('add-on', false), hooked('model-a', true), hooked('model-b', true)], deployment: deployment([{ id: 'add-on' }, { id: 'model-a' }, { id: 'model-b' }]) });
    const call = { em: {} as never, principal: principal() };
    await r.runHook(call, 'model-a', 'onReferral', { course: course('model-a') });
    await r.runHook(call, 'generic', 'onReferral', { course: course('generic') });
    expect(calls).toEqual(['model-a:model-a:999', 'add-on:model-a:999', 'add-on:generic:999']);
    expect(r.hasHook('999', 'model-b', 'onReferral')).toBe(true);
    expect(r.hasHook('999', 'model-b', 'onClosing')).toBe(false);
  });

  it('refuses on eligibility and plan validation with the plugin codes', async () => {
    const strict = definePlugin({
      id: 'strict',
      displayName: 'Strict',
      version: '0.1.0',
      pluginApi: '*',
      extensions: {
        eligibility: ({ citizen }) => ({ eligible: (citizen?.ageYears ?? 0) >= 18, reasons: ['Adults only'], code: 'strict.adults-only' }),
        validatePlanPublish: ({ content }) => content.actions.filter((a) => !a.deadline).map((a) => ({ field: `content.actions[${content.actions.indexOf(a)}].deadline`, code: 'strict.deadline', message: 'Every action needs a deadline' })),
      },
    });
    const r = PluginRegistry.create({ catalogue: [strict], deployment: deployment([{ id: 'strict' }]) });
    const call = { em: {} as never, principal: principal() };
    await expect(r.checkEligibility(call, { course: course('generic'), citizen: { id: 'z', birthDate: '2010-01-01', ageYears: 16 }, household: null, referralReason: 'x' })).rejects.toMatchObject({
      code: 'strict.adults-only',
      extensions: { plugin: 'strict', reasons: ['Adults only'] },
    });
    await expect(r.checkEligibility(call, { course: course('generic'), citizen: { id: 'z', birthDate: '1980-01-01', ageYears: 46 }, household: null, referralReason: 'x' })).resolves.toBeUndefined();
    const action = { id: 'a1', goalId: 'g1', title: 'Praktik', legalBasis: 'LAB-57', legalArea: 'employment' as const, responsible: { kind: 'citizen' as const }, startDate: '2026-01-05', status: 'planned' };
    const content = { citizenWords: { worries: '', whatWorks: '', dreamsAndWishes: '' }, overallGoal: { text: 'Job', citizenAgreed: true }, goals: [], actions: [action], agreements: [] };
    await expect(r.validatePlanPublish(call, { course: course('generic'), team: [], publisher: null, version: 1, content, previous: null, changedActions: [action] })).rejects.toMatchObject({
      code: 'strict.deadline',
      extensions: { errors: [{ field: 'content.actions[0].deadline', code: 'strict.deadline', message: 'Every action needs a deadline' }] },
    });
  });

  it('binds access-rule contributors to a hook context and awaits them', async () => {
    const seen: string[] = [];
    const acl = definePlugin({
      id: 'acl',
      displayName: 'ACL',
      version: '0.1.0',
      pluginApi: '*',
      extensions: {
        accessRules: async (rules, who, ctx) => {
          await Promise.resolve();
          seen.push(`${ctx.pluginId}:${ctx.principal.userId}:${ctx.municipalityId}:${ctx.modelId}:${ctx.today}`);
          rules.can('read', 'Course', { buddy: who.principal.userId });
        },
      },
    });
    const r = PluginRegistry.create({ catalogue: [acl], deployment: deployment([{ id: 'acl' }]) });
    r.attach({ get: () => undefined, now: () => new Date('2026-03-01T23:30:00Z') });
    const granted: unknown[][] = [];
    const builder = { can: (...args: unknown[]) => granted.push(args), cannot: () => undefined };
    const call = (code: string) => ({ em: {} as never, principal: principal(code) });
    for (const contribute of r.accessRuleContributors(call('999'))) await contribute(builder, { principal: principal(), staff: null });
    expect(granted).toEqual([['read', 'Course', { buddy: 's1' }]]);
    // The Danish day of the registry's clock (CET: already 2 March).
    expect(seen).toEqual(['acl:s1:m-999:generic:2026-03-02']);
    expect(r.accessRuleContributors(call('101'))).toEqual([]);
  });
});

describe('the problem codes the plugins’ rules can answer (for the OpenAPI document)', () => {
  it('lists each enabled plugin’s declared codes by extension point, with the point’s default once a plugin fills it', () => {
    const declared = {
      ...addOn,
      problemCodes: { teamRules: ['local-rules.team-empty'], hooks: { onActivation: { 409: ['local-rules.not-now'] } } },
      extensions: { ...(addOn.extensions as object), hooks: { onActivation: () => undefined } },
    } as PluginDefinition;
    const r = PluginRegistry.create({ catalogue: [{ ...pairPlugin, pluginApi: '*' }, declared], deployment: deployment([{ id: 'pair-test' }, { id: 'local-rules' }]), core });
    const codes = r.ruleProblemCodes();
    expect(codes.teamRules).toEqual({ 422: ['local-rules.team-empty', 'plugin.team-rule'] });
    expect(codes.caseload).toEqual({ 422: ['plugin.caseload-cap'] });
    expect(codes.decisionAuthority).toEqual({ 422: ['plugin.decision-authority'] });
    expect(codes.onActivation).toEqual({ 409: ['local-rules.not-now'] });
    // Without plugins only the core's own decision-authority refusal remains.
    expect(PluginRegistry.create({ catalogue: [], deployment: deployment([]), core }).ruleProblemCodes()).toEqual({ decisionAuthority: { 422: ['plugin.decision-authority'] } });
  });

  it('refuses problemCodes that are not codes, or name no extension point', () => {
    const bad = definePlugin({
      id: 'bad-codes',
      displayName: 'Bad',
      version: '0.1.0',
      pluginApi: '*',
      problemCodes: { teamRules: ['Not A Code'], hooks: { onNothing: { 422: ['bad-codes.x'] } }, workList: ['bad-codes.y'] } as never,
    });
    expect(problemsOf([bad], deployment([{ id: 'bad-codes' }]))).toEqual([
      'bad-codes@-: problemCodes.teamRules: "Not A Code" is not a problem code (dotted kebab-case, e.g. "my-plugin.rule-broken") (enabled in 999)',
      'bad-codes@-: problemCodes.hooks.onNothing: not a lifecycle hook (onReferral, onActivation, onPlanPublished, onClosing) (enabled in 999)',
      'bad-codes@-: problemCodes.workList: not an extension point with problem codes (teamRules, decisionAuthority, validatePlanPublish, eligibility, hooks) (enabled in 999)',
    ]);
  });
});

import semver from 'semver';
import { getMetadataArgsStorage, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import type { FieldProblem, ProblemCodesByStatus, RuleHook } from '@enplan/core/common';
import type { Deployment } from '@enplan/core/config';
import { SnakeNamingStrategy } from '@enplan/core/database';
import { SHIPPED_INSTRUMENT_IDS, validateDefinition, type InstrumentDefinition } from '@enplan/core/progression-instruments';
import { cadenceRuleProblems, mergeCadence, type CadencePolicy } from './cadence.js';
import { CORE_VERSION } from './core-version.js';
import { PLUGIN_API_VERSION } from './plugin-api-version.js';
import type { DomainEventFacts, SectorAdapterContext, SectorAdapterResult } from './sector-adapters.js';
import {
  CORE_MODEL_ID,
  coreDecisionAuthority,
  EMPTY_CASELOAD,
  EMPTY_CORE_CATALOGUE,
  genericCaseload,
  GenericModelSettings,
  type CoreCatalogue,
} from './core-defaults.js';
import type {
  AccessRuleBuilder,
  AccessRuleSubject,
  AuthorityDecision,
  CaseloadPolicy,
  DecisionAuthorityInput,
  EligibilityInput,
  ExtensionContext,
  HookContext,
  LifecycleHooks,
  MeetingTypeDefinition,
  PlanPublishInput,
  PluginExtensions,
  PluginWorkItem,
  RoleDefinition,
  TeamFacts,
  WorkListContext,
  WorkListCourseFacts,
  WorkListInput,
} from './extension-points.js';
import { extensionError, ExtensionErrorCode, PluginError, type PluginProblem, type TeamRuleViolation } from './extensions.error.js';
import { pascalId, tablePrefix, type PluginDefinition } from './plugin-definition.js';
import { displaySettings, validateSettings } from './settings.js';
import { PluginHost, type PluginScope } from './ports.js';
import { danishDay } from '@enplan/shared/util';
import { isDomainEventType } from '@enplan/core/events';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 48;

/** A catalogue entry with where it comes from: `core` or the plugin's id. */
export type Sourced<T> = T & { source: string };

export interface ModelInfo {
  id: string;
  displayName: string;
  source: string;
}

export interface EnabledPluginInfo {
  id: string;
  displayName: string;
  version: string;
  model: boolean;
  /** Validated settings with defaults applied, sensitive ones masked. */
  settings: Record<string, unknown>;
}

/** What a core service passes when it asks the plugins: its transaction (never handed to a plugin) and the caller. */
export interface CallContext {
  em: EntityManager;
  principal: Principal;
}

export interface RegistryOptions {
  /** Every plugin this build can run; the deployment picks from it per municipality. */
  catalogue: readonly PluginDefinition[];
  deployment: Deployment;
  /** The core's meeting types, roles and cadence policy (the host supplies them from the courses and meetings libs). */
  core?: Partial<CoreCatalogue>;
  /** For tests; defaults to the plugin API this build implements (`PLUGIN_API_VERSION`). */
  pluginApiVersion?: string;
}

/** How hooks reach the application's providers and the clock, bound once the Nest app exists. */
export interface RegistryRuntime {
  get(token: unknown): unknown;
  now(): Date;
}

interface Enabled {
  definition: PluginDefinition;
  settings: object;
  extensions: PluginExtensions;
}

interface MunicipalityPlugins {
  code: string;
  name: string;
  enabled: Enabled[];
  generic: GenericModelSettings;
  roles: Sourced<RoleDefinition>[];
  meetingTypes: Sourced<MeetingTypeDefinition>[];
}

function isClass(x: unknown): boolean {
  return typeof x === 'function';
}

/** Static checks of one plugin definition: id, versions, tables, migrations. */
export function definitionProblems(d: PluginDefinition, pluginApiVersion: string = PLUGIN_API_VERSION): string[] {
  const out: string[] = [];
  if (typeof d.id !== 'string' || !KEBAB.test(d.id) || d.id.length > MAX_ID_LENGTH) {
    out.push(`id must be kebab-case (a-z, 0-9, single dashes), at most ${MAX_ID_LENGTH} characters`);
    return out;
  }
  if (d.id === CORE_MODEL_ID) out.push(`"${CORE_MODEL_ID}" is the core model's id and cannot be a plugin's`);
  if (typeof d.displayName !== 'string' || !d.displayName.trim()) out.push('displayName is required');
  if (typeof d.version !== 'string' || !semver.valid(d.version)) out.push(`version ${JSON.stringify(d.version)} is not a semver version`);
  const declared = d as { pluginApi?: unknown; compatibleCore?: unknown };
  if (declared.pluginApi === undefined && declared.compatibleCore !== undefined) {
    // The range used to be checked against the app version; read silently, it would test the wrong thing.
    out.push(`declares compatibleCore, which is no longer read: declare pluginApi, the plugin API range it works with (this host's plugin API is ${pluginApiVersion})`);
  } else if (typeof d.pluginApi !== 'string' || !semver.validRange(d.pluginApi)) {
    out.push(`pluginApi ${JSON.stringify(d.pluginApi)} is not a semver range`);
  } else if (!semver.satisfies(pluginApiVersion, d.pluginApi, { includePrerelease: true })) {
    out.push(`needs plugin API ${d.pluginApi}, but this host's plugin API is ${pluginApiVersion}`);
  }
  if (d.settings !== undefined && !isClass(d.settings)) out.push('settings must be a class (with class-validator decorators)');
  out.push(...problemCodeProblems(d.problemCodes));
  if (d.module !== undefined && !isClass(d.module) && !isClass((d.module as { module?: unknown }).module)) out.push('module must be a NestJS module class or dynamic module');
  const prefix = tablePrefix(d.id);
  const naming = new SnakeNamingStrategy();
  const tables = getMetadataArgsStorage().tables;
  for (const entity of d.entities ?? []) {
    const args = isClass(entity) ? tables.find((t) => t.target === entity) : undefined;
    if (!args) {
      out.push(`entity ${(entity as { name?: string })?.name ?? String(entity)} is not a TypeORM @Entity class`);
      continue;
    }
    const table = naming.tableName(entity.name, args.name);
    if (!table.startsWith(prefix)) out.push(`table "${table}" (entity ${entity.name}) must be prefixed "${prefix}"`);
  }
  const migrationPrefix = pascalId(d.id);
  for (const m of d.migrations ?? []) {
    if (!isClass(m)) {
      out.push('migrations must be TypeORM migration classes');
      continue;
    }
    const name = (new m() as { name?: string }).name ?? m.name;
    if (!name.startsWith(migrationPrefix)) out.push(`migration ${name} must be named ${migrationPrefix}<Change><timestamp>`);
  }
  out.push(...demoProblems(d));
  out.push(...instrumentProblems(d));
  return out;
}

/** Each instrument valid (schema and references), not claiming a shipped id, and each (id, version) once. */
function instrumentProblems(d: PluginDefinition): string[] {
  if (d.instruments === undefined) return [];
  if (!Array.isArray(d.instruments)) return ['instruments must be a list of instrument definitions'];
  const out: string[] = [];
  const shipped = new Set<string>(SHIPPED_INSTRUMENT_IDS);
  const seen = new Set<string>();
  for (const [i, def] of d.instruments.entries()) {
    const check = validateDefinition(def);
    if (!check.ok) {
      for (const issue of check.issues) out.push(`instruments[${i}].${issue.field}: ${issue.message} (${issue.code})`);
      continue;
    }
    const { id, version } = check.definition;
    if (shipped.has(id)) out.push(`instruments[${i}].id: "${id}" is a shipped instrument's id`);
    if (seen.has(`${id}@${version}`)) out.push(`instruments[${i}]: ${id} version ${version} is listed twice`);
    seen.add(`${id}@${version}`);
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A demo must name a three-digit municipality code, staff with fixed uuids, and a seed function. */
function demoProblems(d: PluginDefinition): string[] {
  if (d.demo === undefined) return [];
  const { municipality, users, seed } = d.demo;
  const out: string[] = [];
  if (!/^\d{3}$/.test(municipality?.code ?? '')) out.push('demo.municipality.code must be a three-digit municipality code');
  if (typeof municipality?.name !== 'string' || !municipality.name.trim()) out.push('demo.municipality.name is required');
  if (!Array.isArray(users) || !users.length) out.push('demo.users must name at least one staff member');
  for (const [i, u] of (users ?? []).entries()) {
    if (!UUID.test(u?.id ?? '')) out.push(`demo.users[${i}].id must be a uuid`);
    if (!Array.isArray(u?.roles) || !u.roles.length) out.push(`demo.users[${i}].roles must name at least one role`);
  }
  if (typeof seed !== 'function') out.push('demo.seed must be a function');
  return out;
}

const PROBLEM_CODE = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;
const RULE_POINTS = ['teamRules', 'decisionAuthority', 'validatePlanPublish', 'eligibility'] as const;
const LIFECYCLE_HOOKS = ['onReferral', 'onActivation', 'onPlanPublished', 'onClosing'] as const;
const HOOK_STATUSES = ['400', '404', '409', '422', '428', '503'];

/** `problemCodes`: known points only, each a list of dotted kebab-case codes (a hook's by status). */
function problemCodeProblems(codes: PluginDefinition['problemCodes']): string[] {
  if (codes === undefined) return [];
  if (!codes || typeof codes !== 'object') return ['problemCodes must be an object'];
  const out: string[] = [];
  const list = (at: string, v: unknown) => {
    if (!Array.isArray(v)) return out.push(`${at} must be a list of problem codes`);
    for (const c of v) if (typeof c !== 'string' || !PROBLEM_CODE.test(c)) out.push(`${at}: ${JSON.stringify(c)} is not a problem code (dotted kebab-case, e.g. "my-plugin.rule-broken")`);
  };
  for (const [key, v] of Object.entries(codes)) {
    if ((RULE_POINTS as readonly string[]).includes(key)) list(`problemCodes.${key}`, v);
    else if (key === 'hooks' && v && typeof v === 'object') {
      for (const [hook, byStatus] of Object.entries(v)) {
        if (!(LIFECYCLE_HOOKS as readonly string[]).includes(hook)) out.push(`problemCodes.hooks.${hook}: not a lifecycle hook (${LIFECYCLE_HOOKS.join(', ')})`);
        else for (const [status, c] of Object.entries(byStatus ?? {})) {
          if (!HOOK_STATUSES.includes(status)) out.push(`problemCodes.hooks.${hook}.${status}: not a problem status (${HOOK_STATUSES.join(', ')})`);
          else list(`problemCodes.hooks.${hook}.${status}`, c);
        }
      }
    } else out.push(`problemCodes.${key}: not an extension point with problem codes (${[...RULE_POINTS, 'hooks'].join(', ')})`);
  }
  return out;
}

function catalogueEntryProblems(kind: string, entries: unknown): string[] {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) return [`${kind} must be a list`];
  return entries.flatMap((e: { id?: unknown; label?: { da?: unknown; en?: unknown } }, i) => {
    const problems: string[] = [];
    if (typeof e?.id !== 'string' || !KEBAB.test(e.id)) problems.push(`${kind}[${i}].id must be kebab-case`);
    if (typeof e?.label?.da !== 'string' || typeof e?.label?.en !== 'string') problems.push(`${kind}[${i}] needs a Danish and an English label`);
    return problems;
  });
}

function extensionProblems(d: PluginDefinition, x: PluginExtensions): string[] {
  const out = [...catalogueEntryProblems('roles', x.roles), ...catalogueEntryProblems('meetingTypes', x.meetingTypes)];
  for (const [i, r] of (x.roles ?? []).entries()) if (r.kind === 'team') out.push(`roles[${i}] (${r.id}): team roles are the core's; add meeting or plugin roles`);
  for (const [i, r] of (x.cadencePolicy?.rules ?? []).entries()) {
    for (const m of cadenceRuleProblems(r)) out.push(`cadencePolicy.rules[${i}]${typeof r?.id === 'string' ? ` (${r.id})` : ''}: ${m}`);
  }
  if (x.caseload) {
    if (!d.model) out.push('caseload is only for model plugins (model: true)');
    for (const key of ['targetPerFte', 'capPerFte', 'maxActiveCourses'] as const) {
      const v = x.caseload[key];
      if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) out.push(`caseload.${key} must be a non-negative number or null`);
    }
  }
  for (const key of ['teamRules', 'decisionAuthority', 'validatePlanPublish', 'eligibility', 'accessRules', 'workList'] as const) {
    if (x[key] !== undefined && typeof x[key] !== 'function') out.push(`${key} must be a function`);
  }
  out.push(...sectorAdapterProblems(x.sectorAdapters));
  return out;
}

/**
 * Sector adapters: each id kebab-case (it is half of the delivery target id `<plugin id>/<adapter id>`, stored
 * on every delivery row) and unique within the plugin, each taking known domain event types, each with `deliver`.
 */
export function sectorAdapterProblems(adapters: unknown): string[] {
  if (adapters === undefined) return [];
  if (!Array.isArray(adapters)) return ['sectorAdapters must be a list'];
  const out: string[] = [];
  const seen = new Set<string>();
  adapters.forEach((a: { id?: unknown; eventTypes?: unknown; deliver?: unknown }, i) => {
    const id = a?.id;
    if (typeof id !== 'string' || !KEBAB.test(id) || id.length > MAX_ID_LENGTH) {
      out.push(`sectorAdapters[${i}].id must be kebab-case (a-z, 0-9, single dashes), at most ${MAX_ID_LENGTH} characters`);
    } else if (seen.has(id)) {
      out.push(`sectorAdapters[${i}].id "${id}" is used twice in this plugin`);
    } else {
      seen.add(id);
    }
    const label = typeof id === 'string' && KEBAB.test(id) ? ` (${id})` : '';
    if (!Array.isArray(a?.eventTypes) || !a.eventTypes.length) out.push(`sectorAdapters[${i}]${label}.eventTypes must list at least one domain event type`);
    else a.eventTypes.forEach((t: unknown, j: number) => {
      if (!isDomainEventType(t)) out.push(`sectorAdapters[${i}]${label}.eventTypes[${j}] ${JSON.stringify(t)?.slice(0, 60)} is not a domain event type`);
    });
    if (typeof a?.deliver !== 'function') out.push(`sectorAdapters[${i}]${label}.deliver must be a function`);
  });
  return out;
}

/**
 * The plugins of this deployment: which are enabled where, their validated settings, and each extension
 * point resolved for a (municipality, course model), falling back to the core default.
 *
 * A model plugin's extensions apply to the courses of its own model; an add-on plugin's (no `model`) to
 * every course of the municipalities that enable it. Catalogue data (roles, meeting types) is per municipality.
 */
export class PluginRegistry {
  private runtime: RegistryRuntime = {
    get: () => {
      throw new Error('The plugin registry is not attached to an application yet');
    },
    now: () => new Date(),
  };

  private constructor(
    private readonly available: readonly PluginDefinition[],
    private readonly byMunicipality: Map<string, MunicipalityPlugins>,
    private readonly core: CoreCatalogue,
    readonly pluginApiVersion: string,
  ) {}

  /** The application's version (package.json), shown to integrators; plugins are checked against `pluginApiVersion`. */
  readonly coreVersion: string = CORE_VERSION;

  /** Validates the catalogue against the deployment; throws a PluginError listing every problem. */
  static create(o: RegistryOptions): PluginRegistry {
    const pluginApiVersion = o.pluginApiVersion ?? PLUGIN_API_VERSION;
    const core: CoreCatalogue = { ...EMPTY_CORE_CATALOGUE, ...o.core };
    const problems: PluginProblem[] = [];
    const byId = new Map<string, PluginDefinition>();
    for (const d of o.catalogue) {
      if (byId.has(d.id)) problems.push({ plugin: d.id, message: 'two plugins in the catalogue claim this id' });
      else byId.set(d.id, d);
    }
    const enabledIn = new Map<PluginDefinition, string[]>();
    for (const m of o.deployment.municipalities) {
      for (const p of m.plugins) {
        const d = byId.get(p.id);
        if (d) enabledIn.set(d, [...(enabledIn.get(d) ?? []), m.code]);
      }
    }
    const broken = new Set<string>();
    for (const [d, codes] of enabledIn) {
      const id = d.id;
      for (const message of definitionProblems(d, pluginApiVersion)) {
        problems.push({ plugin: id, message: `${message} (enabled in ${codes.join(', ')})` });
        broken.add(id);
      }
    }
    const byMunicipality = new Map<string, MunicipalityPlugins>();
    for (const m of o.deployment.municipalities) {
      const where = `${m.code} (${m.name})`;
      const state: MunicipalityPlugins = { code: m.code, name: m.name, enabled: [], generic: new GenericModelSettings(), roles: [], meetingTypes: [] };
      const seen = new Set<string>();
      for (const sel of m.plugins) {
        if (seen.has(sel.id)) {
          problems.push({ plugin: sel.id, municipality: where, message: 'is listed twice' });
          continue;
        }
        seen.add(sel.id);
        if (sel.id === CORE_MODEL_ID) {
          const s = validateSettings(GenericModelSettings, sel.settings);
          for (const message of s.problems) problems.push({ plugin: sel.id, municipality: where, message });
          state.generic = s.value;
          continue;
        }
        const d = byId.get(sel.id);
        if (!d) {
          const known = [...byId.keys()];
          problems.push({ plugin: sel.id, municipality: where, message: `is not a known plugin (available: ${known.length ? known.join(', ') : 'none'})` });
          continue;
        }
        if (broken.has(d.id)) continue;
        const s = validateSettings(d.settings, sel.settings);
        for (const message of s.problems) problems.push({ plugin: d.id, municipality: where, message });
        if (s.problems.length) continue;
        let extensions: PluginExtensions;
        try {
          extensions = (typeof d.extensions === 'function' ? d.extensions(s.value) : d.extensions) ?? {};
        } catch (e) {
          problems.push({ plugin: d.id, municipality: where, message: `its extensions could not be built from the settings: ${(e as Error).message}` });
          continue;
        }
        const xp = extensionProblems(d, extensions);
        for (const message of xp) problems.push({ plugin: d.id, municipality: where, message });
        if (!xp.length) state.enabled.push({ definition: d, settings: s.value, extensions });
      }
      state.roles = PluginRegistry.mergeCatalogue('role', core.roles, state.enabled, (x) => x.roles, where, problems);
      state.meetingTypes = PluginRegistry.mergeCatalogue('meeting type', core.meetingTypes, state.enabled, (x) => x.meetingTypes, where, problems);
      byMunicipality.set(m.code, state);
    }
    if (problems.length) throw new PluginError(problems);
    return new PluginRegistry(o.catalogue, byMunicipality, core, pluginApiVersion);
  }

  private static mergeCatalogue<T extends { id: string }>(
    kind: string,
    coreEntries: T[],
    enabled: Enabled[],
    pick: (x: PluginExtensions) => T[] | undefined,
    where: string,
    problems: PluginProblem[],
  ): Sourced<T>[] {
    const out: Sourced<T>[] = coreEntries.map((e) => ({ ...e, source: 'core' }));
    for (const e of enabled) {
      for (const entry of pick(e.extensions) ?? []) {
        const clash = out.find((o) => o.id === entry.id);
        if (clash) problems.push({ plugin: e.definition.id, municipality: where, message: `${kind} "${entry.id}" is already defined by ${clash.source === 'core' ? 'the core' : `plugin ${clash.source}`}` });
        else out.push({ ...entry, source: e.definition.id });
      }
    }
    return out;
  }

  /** Called by the host once the application exists, so hooks can reach providers and the clock. */
  attach(runtime: RegistryRuntime): void {
    this.runtime = runtime;
  }

  // ---- composition -------------------------------------------------------------------------------------

  /** The whole catalogue this build carries. */
  catalogue(): readonly PluginDefinition[] {
    return this.available;
  }

  /** Plugins enabled in at least one municipality, in catalogue order: their modules, tables and migrations are loaded. */
  activePlugins(): PluginDefinition[] {
    const ids = new Set([...this.byMunicipality.values()].flatMap((m) => m.enabled.map((e) => e.definition.id)));
    return this.available.filter((d) => ids.has(d.id));
  }

  /**
   * What the rules of the plugins enabled somewhere can answer, by extension point and status: each plugin's
   * declared `problemCodes`, and a point's default code once a plugin fills it (the core's own decision-authority
   * rule refuses with `plugin.decision-authority` even without plugins). The OpenAPI document adds these to the
   * operations that run the point (`RunsRuleHooks`).
   */
  ruleProblemCodes(): Partial<Record<RuleHook, ProblemCodesByStatus>> {
    const out: Partial<Record<RuleHook, Record<number, Set<string>>>> = {};
    const add = (hook: RuleHook, status: number, codes: readonly string[] = []) => {
      const byStatus = (out[hook] ??= {});
      for (const c of codes) (byStatus[status] ??= new Set()).add(c);
    };
    add('decisionAuthority', 422, [ExtensionErrorCode.DecisionAuthority]);
    const enabled = [...this.byMunicipality.values()].flatMap((m) => m.enabled);
    for (const { definition: d, extensions: x } of enabled) {
      const declared = d.problemCodes ?? {};
      if (x.teamRules) add('teamRules', 422, [ExtensionErrorCode.TeamRule, ...(declared.teamRules ?? [])]);
      if (x.decisionAuthority) add('decisionAuthority', 422, declared.decisionAuthority);
      if (x.validatePlanPublish) add('validatePlanPublish', 422, declared.validatePlanPublish);
      if (x.eligibility) add('eligibility', 422, [ExtensionErrorCode.NotEligible, ...(declared.eligibility ?? [])]);
      if (x.caseload?.capPerFte != null) add('caseload', 422, [ExtensionErrorCode.CaseloadCap]);
      for (const [hook, byStatus] of Object.entries(declared.hooks ?? {}) as [RuleHook, ProblemCodesByStatus][]) {
        if (x.hooks?.[hook as keyof typeof x.hooks]) for (const [status, codes] of Object.entries(byStatus)) add(hook, Number(status), codes);
      }
    }
    return Object.fromEntries(
      Object.entries(out).map(([hook, byStatus]) => [hook, Object.fromEntries(Object.entries(byStatus).map(([st, set]) => [st, [...set].sort()]))]),
    ) as Partial<Record<RuleHook, ProblemCodesByStatus>>;
  }

  municipalityCodes(): string[] {
    return [...this.byMunicipality.keys()];
  }

  municipalityName(code: string): string | undefined {
    return this.byMunicipality.get(code)?.name;
  }

  /** The progression instruments the municipality's enabled plugins bring, in catalogue order. */
  instruments(municipalityCode: string): { pluginId: string; definition: InstrumentDefinition }[] {
    return this.enabledIn(municipalityCode).flatMap((e) => (e.definition.instruments ?? []).map((definition) => ({ pluginId: e.definition.id, definition })));
  }

  isEnabled(municipalityCode: string, pluginId: string): boolean {
    return this.enabledIn(municipalityCode).some((e) => e.definition.id === pluginId);
  }

  enabledPlugins(municipalityCode: string): EnabledPluginInfo[] {
    return this.enabledIn(municipalityCode).map((e) => ({
      id: e.definition.id,
      displayName: e.definition.displayName,
      version: e.definition.version,
      model: e.definition.model === true,
      settings: displaySettings(e.settings),
    }));
  }

  /** A plugin's validated settings in a municipality (defaults applied); undefined when it is not enabled there. */
  settings<S extends object = Record<string, unknown>>(municipalityCode: string, pluginId: string): S | undefined {
    if (pluginId === CORE_MODEL_ID) return this.byMunicipality.get(municipalityCode)?.generic as S | undefined;
    return this.enabledIn(municipalityCode).find((e) => e.definition.id === pluginId)?.settings as S | undefined;
  }

  // ---- course models -----------------------------------------------------------------------------------

  /** `generic` plus every enabled model plugin. */
  models(municipalityCode: string): ModelInfo[] {
    return [
      { id: CORE_MODEL_ID, displayName: 'Generisk (kernens regler)', source: 'core' },
      ...this.enabledIn(municipalityCode)
        .filter((e) => e.definition.model)
        .map((e) => ({ id: e.definition.id, displayName: e.definition.displayName, source: e.definition.id })),
    ];
  }

  hasModel(municipalityCode: string, modelId: string): boolean {
    return modelId === CORE_MODEL_ID || this.modelPlugin(municipalityCode, modelId) !== undefined;
  }

  // ---- catalogue data ----------------------------------------------------------------------------------

  roles(municipalityCode: string): Sourced<RoleDefinition>[] {
    return this.byMunicipality.get(municipalityCode)?.roles ?? this.core.roles.map((r) => ({ ...r, source: 'core' }));
  }

  meetingTypes(municipalityCode: string): Sourced<MeetingTypeDefinition>[] {
    return this.byMunicipality.get(municipalityCode)?.meetingTypes ?? this.core.meetingTypes.map((t) => ({ ...t, source: 'core' }));
  }

  /** The core's cadence policy with the model plugin's and the add-ons' contributions merged over it. */
  cadencePolicy(municipalityCode: string, modelId: string): CadencePolicy {
    const parts = this.contributors(municipalityCode, modelId).flatMap((e) => (e.extensions.cadencePolicy ? [{ id: e.definition.id, policy: e.extensions.cadencePolicy }] : []));
    if (!parts.length) return this.core.cadencePolicy;
    return mergeCadence([this.core.cadencePolicy.id, ...parts.map((p) => p.id)].join('+'), this.core.cadencePolicy, ...parts.map((p) => p.policy));
  }

  /** Caseload target and caps of a model: the generic model's from its deployment settings, a plugin's from its extension. */
  caseload(municipalityCode: string, modelId: string): CaseloadPolicy {
    if (modelId === CORE_MODEL_ID) {
      return genericCaseload(this.byMunicipality.get(municipalityCode)?.generic ?? new GenericModelSettings());
    }
    const plugin = this.modelPlugin(municipalityCode, modelId);
    return { ...EMPTY_CASELOAD, ...plugin?.extensions.caseload };
  }

  // ---- rules -------------------------------------------------------------------------------------------

  /** Whether any plugin fills this extension point for courses of the model (core services skip loading facts otherwise). */
  contributes(municipalityCode: string, modelId: string, point: Exclude<keyof PluginExtensions, 'hooks'>): boolean {
    return this.contributors(municipalityCode, modelId).some((e) => e.extensions[point] !== undefined);
  }

  hasHook(municipalityCode: string, modelId: string, hook: keyof LifecycleHooks): boolean {
    return this.contributors(municipalityCode, modelId).some((e) => typeof e.extensions.hooks?.[hook] === 'function');
  }


  /** Whether a plugin decides who may record decisions for this model (else the core rule applies). */
  hasCustomDecisionAuthority(municipalityCode: string, modelId: string): boolean {
    return this.contributors(municipalityCode, modelId).some((e) => e.extensions.decisionAuthority);
  }

  /**
   * May `input.staff` record this decision? The model plugin's rule, or the core's (authority in the area),
   * and then every add-on's rule must agree. Runs in the caller's transaction.
   */
  async decisionAuthority(call: CallContext, input: DecisionAuthorityInput): Promise<AuthorityDecision> {
    const { municipalityCode } = call.principal;
    const modelId = input.course.modelId;
    const model = this.modelPlugin(municipalityCode, modelId);
    const first = model?.extensions.decisionAuthority
      ? await model.extensions.decisionAuthority(input, this.hookContext(model, call, modelId))
      : coreDecisionAuthority(input);
    if (!first.allowed) return first;
    for (const e of this.addOns(municipalityCode)) {
      if (!e.extensions.decisionAuthority) continue;
      const d = await e.extensions.decisionAuthority(input, this.hookContext(e, call, modelId));
      if (!d.allowed) return d;
    }
    return { allowed: true };
  }

  /**
   * The plugins' work-list contributions for open courses of one municipality: items by course (each with
   * the plugin it comes from) and the cadence rules the plugins' records show met. A plugin marks only its
   * own rules met; an item on a course it was not asked about is ignored.
   */
  async workListContributions(
    run: { em: EntityManager; now: Date; municipalityCode: string; municipalityId: string },
    input: WorkListInput,
  ): Promise<Map<string, { items: (PluginWorkItem & { plugin: string })[]; met: Set<string> }>> {
    const out = new Map<string, { items: (PluginWorkItem & { plugin: string })[]; met: Set<string> }>();
    const byModel = new Map<string, WorkListCourseFacts[]>();
    for (const c of input.courses) byModel.set(c.course.modelId, [...(byModel.get(c.course.modelId) ?? []), c]);
    for (const [modelId, courses] of byModel) {
      const asked = new Set(courses.map((c) => c.course.id));
      for (const e of this.contributors(run.municipalityCode, modelId)) {
        const fn = e.extensions.workList;
        if (!fn) continue;
        const base = this.context(e, run.municipalityCode, run.municipalityId, modelId);
        const ctx: WorkListContext = this.scoped(base, run.em, null, run.now);
        const r = await fn({ ...input, courses }, ctx);
        const own = new Set((e.extensions.cadencePolicy?.rules ?? []).map((x) => x.id));
        const slot = (courseId: string) => {
          let v = out.get(courseId);
          if (!v) out.set(courseId, (v = { items: [], met: new Set() }));
          return v;
        };
        for (const item of r.items) if (asked.has(item.courseId)) slot(item.courseId).items.push({ ...item, plugin: e.definition.id });
        for (const m of r.cadenceMet ?? []) if (asked.has(m.courseId) && own.has(m.rule)) slot(m.courseId).met.add(m.rule);
      }
    }
    return out;
  }

  /** Every broken team rule of the course's model (none for the core default) and of the add-ons. */
  async teamViolations(call: CallContext, team: TeamFacts): Promise<TeamRuleViolation[]> {
    const modelId = team.course.modelId;
    const out: TeamRuleViolation[] = [];
    for (const e of this.contributors(call.principal.municipalityCode, modelId)) {
      if (!e.extensions.teamRules) continue;
      for (const p of await e.extensions.teamRules(team, this.hookContext(e, call, modelId))) {
        out.push({ plugin: e.definition.id, rule: p.rule, code: p.code ?? ExtensionErrorCode.TeamRule, message: p.message });
      }
    }
    return out;
  }

  /**
   * Refuses (422, `plugin.team-rule` or the plugin's code, naming each rule) when the team breaks a rule.
   * With `before`, only rules the change newly breaks count: a team that was already short may still be mended step by step.
   */
  async checkTeam(call: CallContext, field: string, after: TeamFacts, before?: TeamFacts): Promise<void> {
    const key = (v: TeamRuleViolation) => `${v.plugin}\u0000${v.rule}\u0000${v.message}`;
    const existing = new Set(before ? (await this.teamViolations(call, before)).map(key) : []);
    const fresh = (await this.teamViolations(call, after)).filter((v) => !existing.has(key(v)));
    if (fresh.length) throw extensionError.teamRule(field, fresh);
  }

  /** Runs the target-group rules of the course's model and the add-ons; refuses (422) on the first "not eligible". */
  async checkEligibility(call: CallContext, input: EligibilityInput): Promise<void> {
    for (const e of this.contributors(call.principal.municipalityCode, input.course.modelId)) {
      if (!e.extensions.eligibility) continue;
      const r = await e.extensions.eligibility(input, this.hookContext(e, call, input.course.modelId));
      if (!r.eligible) throw extensionError.notEligible(e.definition.id, r.code ?? ExtensionErrorCode.NotEligible, r.reasons ?? []);
    }
  }

  /** Calls a lifecycle hook of the model plugin, then of the add-ons, inside the caller's transaction. */
  async runHook<K extends keyof LifecycleHooks>(call: CallContext, modelId: string, hook: K, event: Parameters<NonNullable<LifecycleHooks[K]>>[0]): Promise<void> {
    for (const e of this.contributors(call.principal.municipalityCode, modelId)) {
      const fn = e.extensions.hooks?.[hook] as ((ev: unknown, ctx: HookContext) => void | Promise<void>) | undefined;
      if (fn) await fn.call(e.extensions.hooks, event, this.hookContext(e, call, modelId));
    }
  }

  /** Plugin checks of a plan publish; refuses (422 with the first problem's code) listing every problem. */
  async validatePlanPublish(call: CallContext, input: PlanPublishInput): Promise<void> {
    const errors: FieldProblem[] = [];
    for (const e of this.contributors(call.principal.municipalityCode, input.course.modelId)) {
      if (e.extensions.validatePlanPublish) errors.push(...(await e.extensions.validatePlanPublish(input, this.hookContext(e, call, input.course.modelId))));
    }
    if (errors.length) throw extensionError.planRejected(errors);
  }

  /**
   * For the access module: the extra CASL rules of the plugins enabled in the caller's municipality, each
   * bound to its settings and a hook context over the caller's transaction (shaped like the access module's
   * AccessRuleContributor). The access module awaits each in turn, so rules are added in deployment order.
   */
  accessRuleContributors(call: CallContext): ((rules: AccessRuleBuilder, who: AccessRuleSubject) => Promise<void>)[] {
    const { municipalityCode } = call.principal;
    return this.enabledIn(municipalityCode).flatMap((e) => {
      const contribute = e.extensions.accessRules;
      if (!contribute) return [];
      const ctx = this.hookContext(e, call, e.definition.model ? e.definition.id : CORE_MODEL_ID);
      return [async (rules: AccessRuleBuilder, who: AccessRuleSubject) => contribute(rules, who, ctx)];
    });
  }

  /**
   * The sector adapters of the plugins enabled in the municipality, in deployment order, each keyed
   * `<plugin id>/<adapter id>` (the delivery target id).
   */
  sectorAdapters(municipalityCode: string): { key: string; pluginId: string; eventTypes: readonly string[] }[] {
    return this.enabledIn(municipalityCode).flatMap((e) =>
      (e.extensions.sectorAdapters ?? []).map((a) => ({ key: `${e.definition.id}/${a.id}`, pluginId: e.definition.id, eventTypes: a.eventTypes })),
    );
  }

  /**
   * Delivers one event to one adapter, over `run.em` (the worker's transaction for this delivery). Throws what
   * the adapter throws, and an Error when the adapter is no longer enabled in the municipality (the delivery is
   * then retried and dead-lettered like any failure, so re-enabling the plugin and replaying delivers it).
   */
  async deliverToAdapter(
    run: { em: EntityManager; now: Date; municipalityCode: string; municipalityId: string },
    key: string,
    event: DomainEventFacts,
    o: { idempotencyKey: string; attempt: number },
  ): Promise<SectorAdapterResult> {
    const [pluginId, adapterId] = key.split('/');
    const e = this.enabledIn(run.municipalityCode).find((x) => x.definition.id === pluginId);
    const adapter = e?.extensions.sectorAdapters?.find((a) => a.id === adapterId);
    if (!e || !adapter) throw new Error(`sector adapter ${key} is not enabled in municipality ${run.municipalityCode}`);
    const base = this.context(e, run.municipalityCode, run.municipalityId, e.definition.model ? e.definition.id : CORE_MODEL_ID);
    const ctx: SectorAdapterContext = { ...this.scoped(base, run.em, null, run.now), idempotencyKey: o.idempotencyKey, attempt: o.attempt };
    return (await adapter.deliver(event, ctx)) ?? {};
  }

  // ---- internals ---------------------------------------------------------------------------------------

  private enabledIn(municipalityCode: string): Enabled[] {
    return this.byMunicipality.get(municipalityCode)?.enabled ?? [];
  }

  private modelPlugin(municipalityCode: string, modelId: string): Enabled | undefined {
    return this.enabledIn(municipalityCode).find((e) => e.definition.model && e.definition.id === modelId);
  }

  private addOns(municipalityCode: string): Enabled[] {
    return this.enabledIn(municipalityCode).filter((e) => !e.definition.model);
  }

  /** The model plugin (if the model is one), then the add-ons, in deployment order. */
  private contributors(municipalityCode: string, modelId: string): Enabled[] {
    const model = this.modelPlugin(municipalityCode, modelId);
    return [...(model ? [model] : []), ...this.addOns(municipalityCode)];
  }

  private context(e: Enabled, municipalityCode: string, municipalityId: string, modelId: string): ExtensionContext {
    return { municipalityCode, municipalityId, modelId, pluginId: e.definition.id, settings: e.settings };
  }

  private runtimeGet(): HookContext['get'] {
    const runtime = this.runtime;
    return ((token: unknown) => runtime.get(token)) as HookContext['get'];
  }

  private hookContext(e: Enabled, call: CallContext, modelId: string): HookContext {
    const base = this.context(e, call.principal.municipalityCode, call.principal.municipalityId, modelId);
    return this.scoped(base, call.em, call.principal, this.runtime.now()) as HookContext;
  }

  /**
   * The plugin's scope over the core's transaction, built on first use (a rule that reads nothing costs
   * nothing): its tables, the core's facts, its audit trail and logger, all from the host's PluginHost.
   */
  private scoped(base: ExtensionContext, em: EntityManager, principal: Principal | null, now: Date): WorkListContext & { principal: Principal | null } {
    let scope: PluginScope | undefined;
    const bind = (): PluginScope =>
      (scope ??= (this.runtime.get(PluginHost) as PluginHost).bind({
        pluginId: base.pluginId,
        municipalityId: base.municipalityId,
        municipalityCode: base.municipalityCode,
        tx: em,
        principal,
        settings: base.settings,
        now,
      }));
    // Getters, not values: spreading this object would bind the scope eagerly.
    return {
      ...base,
      principal,
      now,
      today: danishDay(now),
      get: this.runtimeGet(),
      get db() {
        return bind().db;
      },
      get core() {
        return bind().core;
      },
      get audit() {
        return bind().audit;
      },
      get logger() {
        return bind().logger;
      },
    };
  }

}

/** What a plugin's unit tests see of a deployment booted with it: the resolved extension points, read-only. */
export type BootedDeployment = Omit<PluginRegistry, 'attach' | 'catalogue' | 'activePlugins'>;

/**
 * Validates a deployment as the host does at boot (throws a PluginError listing every problem) and returns
 * its resolved extension points, for plugins' unit tests. Plugins are never handed the registry itself.
 */
export function bootDeployment(o: RegistryOptions): BootedDeployment {
  return PluginRegistry.create(o);
}

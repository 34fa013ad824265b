import type { DynamicModule, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import type { InstrumentDefinition } from '@enplan/core/progression-instruments';
import type { PluginDemo } from './demo.js';
import type { ProblemCodesByStatus } from '@enplan/core/common';
import type { LifecycleHooks, PluginExtensions } from './extension-points.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function;
export type MigrationClass = new () => MigrationInterface;

/**
 * A plugin: declarative metadata, optionally a NestJS module, its own tables, its settings and the
 * extension points it fills. Build one with `definePlugin({...})`; the host validates it at boot.
 *
 * `S` is the settings class; `PluginDefinition` without an argument is any plugin (the catalogue's type).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface PluginDefinition<S extends object = any> {
  /** kebab-case, unique in the catalogue; also the course model id when `model` is true. */
  id: string;
  /** Shown to users and integrators, e.g. "Plankoordinator". */
  displayName: string;
  description?: string;
  /** The plugin's own version (semver). */
  version: string;
  /**
   * The plugin API versions it works with, a semver range such as "^1.0.0": checked at boot against
   * `PLUGIN_API_VERSION` (not the application's version).
   */
  pluginApi: string;
  /** true: the plugin is an organisational model, and courses may be referred with `modelId: <id>`. */
  model?: boolean;
  /** Its NestJS module; the module's controllers are served under `/api/v1/plugins/<id>/`. */
  module?: Type<unknown> | DynamicModule;
  /** TypeORM entities; every table name must start with `<id with underscores>_`. */
  entities?: EntityClass[];
  /** TypeORM migrations creating those tables; class names start with the PascalCase id (`PlanCoordinatorInit1795…`). */
  migrations?: MigrationClass[];
  /**
   * A class-validator class. Property initialisers are the defaults for omitted settings; a municipality's
   * settings are validated against it at boot, and unknown settings are refused.
   */
  settings?: new () => S;
  /** The extension points it fills, as an object or as a function of the municipality's settings. */
  extensions?: PluginExtensions<S> | ((settings: S) => PluginExtensions<S>);
  /**
   * The problem codes its rules can answer, by extension point. The OpenAPI document lists them on every core
   * operation that runs the point (publishing a plan runs `decisionAuthority` and `validatePlanPublish`, an
   * activation `teamRules` and `onActivation`, …), so an integrator learns them from the contract, and the
   * contract tests fail a plugin whose rule answers a code it did not declare here.
   */
  problemCodes?: PluginProblemCodes;
  /**
   * Its demo municipality and data (optional): `npm start` without a deployment file serves it with the plugin
   * enabled, and plants the data once (see `PluginDemo`).
   */
  demo?: PluginDemo<S>;
  /**
   * Progression instruments it brings (definition format 1, the same JSON a municipality registers), available in
   * the municipalities that enable it. Validated at boot; published there as they are. A published version never
   * changes: a definition whose version is already published with other content stops the start, so a change
   * must be a new `version`.
   */
  instruments?: readonly InstrumentDefinition[];
}

/**
 * A plugin's problem codes by extension point. The rule points refuse with 422; a lifecycle hook may throw any
 * `DomainError`, so its codes are given by status. (A rule's refusal without its own code is answered with the
 * point's default, `plugin.team-rule`, `plugin.decision-authority` or `plugin.not-eligible`: no need to list those.)
 */
export interface PluginProblemCodes {
  /** Codes of `TeamRuleProblem.code`. */
  teamRules?: readonly string[];
  /** Codes of a refused `AuthorityDecision`. */
  decisionAuthority?: readonly string[];
  /** Codes of the `FieldProblem`s `validatePlanPublish` returns. */
  validatePlanPublish?: readonly string[];
  /** Codes of a refused `EligibilityResult`. */
  eligibility?: readonly string[];
  /** What each lifecycle hook can throw, by HTTP status. */
  hooks?: { readonly [K in keyof LifecycleHooks]?: ProblemCodesByStatus };
}

/** Declares a plugin (typed; validated when the host boots with it). */
export function definePlugin<S extends object = Record<string, never>>(definition: PluginDefinition<S>): PluginDefinition<S> {
  return Object.freeze({ ...definition });
}

/** The id as a table-name prefix: `plan-coordinator` → `plan_coordinator_`. */
export function tablePrefix(pluginId: string): string {
  return `${pluginId.replace(/-/g, '_')}_`;
}

/** The id as a class-name prefix for migrations: `plan-coordinator` → `PlanCoordinator`. */
export function pascalId(pluginId: string): string {
  return pluginId
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { shippedInstruments, validateDefinition, type InstrumentDefinition } from '@enplan/core/progression-instruments';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { RegisteredInstrument } from './registered-instrument.entity.js';
import { progressionError } from './progression.error.js';
import type { InstrumentSource } from './vocabulary.js';

/** Who registered what the deployment declares (a plugin's instruments): no staff member, the system. */
export const SYSTEM_REGISTRANT_ID = '00000000-0000-0000-0000-000000000000';

/** JSON with object keys sorted at every level, so two definitions compare by content (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An instrument the deployment declares for a municipality (today: a plugin's, from `definePlugin({ instruments })`). */
export interface DeclaredInstrument {
  pluginId: string;
  definition: InstrumentDefinition;
}

/** A declared instrument that would change a published version (or take an id the municipality owns): the start stops. */
export class InstrumentPublishedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Progression instruments refused at start:\n  - ${problems.join('\n  - ')}\nA published instrument version never changes (answers point to it): give the changed definition a new "version".`);
    this.name = 'InstrumentPublishedError';
  }
}

export interface InstrumentVersion {
  source: InstrumentSource;
  definition: InstrumentDefinition;
}

/**
 * The instruments a municipality may use: the shipped ones (in code, the same for all) and the versions it or
 * a plugin registered (rows, per municipality). A registered id never shadows a shipped one, and a version
 * once registered is never replaced, so every answer keeps pointing at the text it was given.
 */
@Injectable()
export class InstrumentRegistry {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async all(municipalityId: string): Promise<InstrumentVersion[]> {
    const rows = await this.ds.manager.find(RegisteredInstrument, { where: { municipalityId }, order: { instrumentId: 'ASC', version: 'ASC' } });
    return [...shippedInstruments().map((definition) => ({ source: 'shipped' as const, definition })), ...rows.map((r) => ({ source: r.source, definition: r.definition }))];
  }

  /** One version (the newest when `version` is absent), or `instrument.unknown`. */
  async get(municipalityId: string, instrumentId: string, version?: number, field = 'instrumentId'): Promise<InstrumentDefinition> {
    const found = await this.find(municipalityId, instrumentId, version);
    if (!found) throw progressionError.instrumentUnknown(field);
    return found;
  }

  /** The same, for an instrument the request's path names: a 404 `instrument.not-found` (no body field is at fault). */
  async named(municipalityId: string, instrumentId: string, version?: number): Promise<InstrumentDefinition> {
    const found = await this.find(municipalityId, instrumentId, version);
    if (!found) throw progressionError.instrumentNotFound();
    return found;
  }

  private async find(municipalityId: string, instrumentId: string, version?: number): Promise<InstrumentDefinition | undefined> {
    const shipped = shippedInstruments().filter((d) => d.id === instrumentId);
    const versions = shipped.length
      ? shipped
      : (await this.ds.manager.find(RegisteredInstrument, { where: { municipalityId, instrumentId }, order: { version: 'ASC' } })).map((r) => r.definition);
    return version === undefined ? versions.at(-1) : versions.find((d) => d.version === version);
  }

  /**
   * Publishes what the deployment declares for one municipality (a plugin's instruments), at start: a version not
   * yet published there is stored (source `plugin`); one published with the same content is left as it is; one
   * published with other content, or an id the municipality registered itself, stops the start with every such
   * problem listed. Nothing is stored unless all of them pass.
   */
  async publishDeclared(municipalityId: string, municipalityCode: string, declared: readonly DeclaredInstrument[]): Promise<number> {
    if (!declared.length) return 0;
    return this.ds.transaction(async (em) => {
      const ids = [...new Set(declared.map((d) => d.definition.id))];
      const rows = await em.find(RegisteredInstrument, { where: { municipalityId, instrumentId: In(ids) } });
      const problems: string[] = [];
      const fresh: DeclaredInstrument[] = [];
      for (const d of declared) {
        const { id, version } = d.definition;
        const check = validateDefinition(d.definition);
        if (!check.ok) {
          problems.push(`plugin ${d.pluginId}: instrument ${id} version ${version} is not valid (${check.issues.map((i) => `${i.field}: ${i.code}`).join('; ')})`);
          continue;
        }
        const owner = rows.find((r) => r.instrumentId === id && r.source === 'municipality');
        if (owner) {
          problems.push(`plugin ${d.pluginId}: instrument id ${id} is the municipality ${municipalityCode}'s own (registered through the API)`);
          continue;
        }
        const published = rows.find((r) => r.instrumentId === id && r.version === version);
        if (!published) fresh.push(d);
        else if (canonicalJson(published.definition) !== canonicalJson(d.definition))
          problems.push(`plugin ${d.pluginId}: instrument ${id} version ${version} differs from the version published in municipality ${municipalityCode} on ${published.registeredAt.toISOString().slice(0, 10)}`);
      }
      if (problems.length) throw new InstrumentPublishedError(problems);
      for (const d of fresh) {
        await em.insert(RegisteredInstrument, {
          municipalityId,
          instrumentId: d.definition.id,
          version: d.definition.version,
          source: 'plugin',
          definition: d.definition,
          registeredBy: SYSTEM_REGISTRANT_ID,
          registeredAt: this.clock.now(),
        });
      }
      return fresh.length;
    });
  }

  /** Validates and registers a new version; a broken definition or a taken version is refused, nothing saved. */
  async register(p: Principal, input: unknown, source: Exclude<InstrumentSource, 'shipped'> = 'municipality'): Promise<InstrumentDefinition> {
    const check = validateDefinition(input);
    if (!check.ok) throw progressionError.definitionInvalid(check.issues);
    const def = check.definition;
    if (shippedInstruments().some((d) => d.id === def.id)) throw progressionError.idTaken();
    return this.ds.transaction(async (em) => {
      // Two registrations of the same version at once: the unique index lets one in; the other is a 409.
      const exists = await em.findOne(RegisteredInstrument, { where: { municipalityId: p.municipalityId, instrumentId: def.id, version: def.version }, select: { id: true } });
      if (exists) throw progressionError.versionPublished();
      await em.insert(RegisteredInstrument, {
        municipalityId: p.municipalityId,
        instrumentId: def.id,
        version: def.version,
        source,
        definition: def,
        registeredBy: p.userId,
        registeredAt: this.clock.now(),
      });
      return def;
    });
  }
}

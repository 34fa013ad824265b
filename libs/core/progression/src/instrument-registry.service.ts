import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { shippedInstruments, validateDefinition, type InstrumentDefinition } from '@enplan/core/progression-instruments';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { RegisteredInstrument } from './registered-instrument.entity.js';
import { progressionError } from './progression.error.js';
import type { InstrumentSource } from './vocabulary.js';

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

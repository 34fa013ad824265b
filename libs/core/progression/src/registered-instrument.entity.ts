import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import type { InstrumentDefinition } from '@enplan/core/progression-instruments';
import { INSTRUMENT_SOURCES, type InstrumentSource } from './vocabulary.js';

/**
 * A version of an instrument a municipality (or a plugin, for its municipalities) registered. Published
 * versions never change: the table refuses UPDATE (a trigger), and a changed definition is a new version.
 */
@Entity({ name: 'progression_instrument' })
@Unique('uq_progression_instrument_version', ['municipalityId', 'instrumentId', 'version'])
@Index('ix_progression_instrument_municipality', ['municipalityId', 'instrumentId'])
export class RegisteredInstrument extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  instrumentId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'enum', enum: INSTRUMENT_SOURCES, enumName: 'progression_instrument_source' })
  source: InstrumentSource;

  @Column({ type: 'jsonb' })
  definition: InstrumentDefinition;

  @Column({ type: 'uuid' })
  registeredBy: string;

  @Column({ type: 'timestamptz' })
  registeredAt: Date;
}

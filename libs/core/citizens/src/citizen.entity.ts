import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { CONTACT_CHANNELS, type ContactChannel } from './vocabulary.js';

/**
 * A citizen of the municipality. The CPR number is needed to match records in the sector systems, so it is
 * kept in full, but only the single-citizen read returns it; lists show the masked form and it is never
 * used in a URL (look-ups by CPR are POSTs).
 */
@Entity({ name: 'citizen' })
@Unique('uq_citizen_municipality_cpr', ['municipalityId', 'cpr'])
export class Citizen extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 10 })
  cpr: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Derived from the CPR number when the citizen is registered. */
  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'enum', enum: CONTACT_CHANNELS, enumName: 'contact_channel', default: 'digital-post' })
  contactChannel: ContactChannel;

  /** e.g. "interpreter: Arabic", "easy-read Danish". */
  @Column({ type: 'varchar', length: 500, nullable: true })
  languageNeeds: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

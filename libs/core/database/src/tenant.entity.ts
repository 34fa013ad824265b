import { Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Municipality } from './municipality.entity.js';

/**
 * Base of every tenant-owned table: a non-null, indexed `municipality_id` with a foreign key to the tenant.
 * Queries always filter on it, and it is the distribution column if the schema is ever sharded by municipality.
 */
export abstract class TenantEntity {
  @Index()
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;
}

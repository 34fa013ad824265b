import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { UNIT_KINDS, type UnitKind } from './vocabulary.js';

@Entity({ name: 'org_unit' })
export class OrgUnit extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: UNIT_KINDS, enumName: 'unit_kind' })
  kind: UnitKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

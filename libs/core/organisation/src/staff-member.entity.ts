import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { OrgUnit } from './org-unit.entity.js';
import { LEGAL_AREAS, STAFF_FUNCTIONS, type LegalArea, type StaffFunction } from './vocabulary.js';

/** A person working on courses. Their id is the `sub` claim of their bearer token. */
@Entity({ name: 'staff_member' })
export class StaffMember extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index()
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'unit_id' })
  unit?: OrgUnit;

  @Column({ type: 'enum', enum: STAFF_FUNCTIONS, enumName: 'staff_function' })
  function: StaffFunction;

  /** Legal areas in which this person holds statutory authority; empty for a pure provider. */
  @Column({ type: 'enum', enum: LEGAL_AREAS, enumName: 'legal_area', array: true, default: '{}' })
  authorityAreas: LegalArea[];

  /** Delivers actions (udfører): mentor, support contact person, family therapist. */
  @Column({ type: 'boolean', default: false })
  isProvider: boolean;

  /** Full-time equivalent, for caseload per full-time consultant. */
  @Column({ type: 'numeric', precision: 3, scale: 2, default: 1, transformer: { to: (v?: number) => v, from: (v: string | number) => Number(v) } })
  fte: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

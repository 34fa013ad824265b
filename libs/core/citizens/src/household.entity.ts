import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Citizen } from './citizen.entity.js';
import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from './vocabulary.js';

/** Citizens living together or related; a family course is a course for a household. */
@Entity({ name: 'household' })
export class Household extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A working label such as "Family Jensen"; never shown to other households. */
  @Column({ type: 'varchar', length: 200 })
  label: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'household_member' })
@Unique('uq_household_member', ['householdId', 'citizenId'])
export class HouseholdMember extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'household_id' })
  household?: Household;

  @Index()
  @Column({ type: 'uuid' })
  citizenId: string;

  @ManyToOne(() => Citizen, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Citizen;

  @Column({ type: 'enum', enum: HOUSEHOLD_RELATIONS, enumName: 'household_relation' })
  relation: HouseholdRelation;

  /**
   * A parent's custody (forældremyndighed) of the household's children: true, or false for a parent without
   * it (after a divorce). Null for members who are not parents, and for a parent whose custody was never
   * recorded, who holds it: joint custody is the Danish default after a divorce. See `disclosureCircle`.
   */
  @Column({ type: 'boolean', nullable: true })
  custody: boolean | null;
}

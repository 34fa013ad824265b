import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course } from '@enplan/core/courses';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';

/**
 * An order to a provider (mentor, § 85 support contact person, family therapist) for one action of the
 * course's published plan: what for, which unit delivers it, and how often the provider reports back.
 * One order per plan action; a report that does not arrive in time is a work-list item.
 */
@Entity({ name: 'provider_order' })
@Unique('uq_provider_order_action', ['courseId', 'actionId'])
export class ProviderOrder extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** The plan action's stable id (as in the plan content). */
  @Column({ type: 'varchar', length: 64 })
  actionId: string;

  @Column({ type: 'text' })
  purpose: string;

  @Index()
  @Column({ type: 'uuid' })
  providerUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'provider_unit_id' })
  providerUnit?: OrgUnit;

  /** The named provider (e.g. the mentor), if there is one. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  providerStaffId: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'provider_staff_id' })
  providerStaff?: StaffMember;

  /** A report is expected this many days after the start, then after each report. */
  @Column({ type: 'int' })
  reportEveryDays: number;

  @Column({ type: 'date' })
  startsOn: string;

  /** Last day of delivery: no report is expected after it. */
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A report received from the provider on an order. */
@Entity({ name: 'provider_report' })
export class ProviderReport extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  orderId: string;

  @ManyToOne(() => ProviderOrder, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'order_id' })
  order?: ProviderOrder;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

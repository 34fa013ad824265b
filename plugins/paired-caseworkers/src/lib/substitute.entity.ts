import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity, type LegalArea } from '@enplan/plugin-api';

/**
 * A named substitute for one of a paired course's two caseworkers, for a period of whole days. While it is
 * in force the substitute may record decisions in the covered caseworker's areas and stand in for them at
 * joint meetings. The core's tables are referred to by entity name only (a plugin never imports core
 * entities): a course deleted by retention takes its substitutions with it.
 */
@Entity({ name: 'paired_caseworkers_substitute' })
@Index('ix_paired_caseworkers_substitute_course', ['courseId', 'fromDate'])
export class PairedCaseworkersSubstitute extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne('Course', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: object;

  /** The one of the pair who is covered. */
  @Index()
  @Column({ type: 'uuid' })
  coveredStaffMemberId: string;

  @ManyToOne('StaffMember', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'covered_staff_member_id' })
  coveredStaffMember?: object;

  @Index()
  @Column({ type: 'uuid' })
  substituteStaffMemberId: string;

  @ManyToOne('StaffMember', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'substitute_staff_member_id' })
  substituteStaffMember?: object;

  /** First day of the cover (YYYY-MM-DD). */
  @Column({ type: 'date' })
  fromDate: string;

  /** Last day of the cover, included. */
  @Column({ type: 'date' })
  toDate: string;

  /** The covered caseworker's authority areas when the substitute was named. */
  @Column({ type: 'text', array: true })
  coveredAreas: LegalArea[];

  /** Who named the substitute (a staff member or an integration). */
  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

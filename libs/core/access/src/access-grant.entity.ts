import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Course } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';

/**
 * Temporary access to a course for someone not on its team (absence cover, a colleague asked for advice),
 * granted by a manager with a reason. Every access made through it carries that reason in the access log.
 */
@Entity({ name: 'access_grant' })
export class AccessGrant extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Index()
  @Column({ type: 'uuid' })
  staffMemberId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'staff_member_id' })
  staffMember?: StaffMember;

  @Column({ type: 'text' })
  reason: string;

  /** Household members the reason concerns (family courses): disclosed to them by the rule, without a review. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  concerns: string[];

  /** Last day the grant applies. */
  @Column({ type: 'date' })
  validUntil: string;

  @Column({ type: 'uuid' })
  grantedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { StaffMember } from '@enplan/core/organisation';
import { Course } from './course.entity.js';
import { TEAM_ROLES, type TeamRole } from './vocabulary.js';

/**
 * Who works on a course, in which role, from when to when. Ending an assignment sets `endsOn`; rows are
 * never deleted, so the team's history (and every handover note) stays with the course.
 */
@Entity({ name: 'team_assignment' })
// The database itself guarantees at most one current primary contact per course.
@Index('uq_team_one_primary_contact', ['courseId'], { unique: true, where: `"role" = 'primary-contact' AND "ends_on" IS NULL` })
export class TeamAssignment extends TenantEntity {
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

  @Column({ type: 'enum', enum: TEAM_ROLES, enumName: 'team_role' })
  role: TeamRole;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  /** For a new primary contact: what the previous one handed over, so the citizen need not retell their story. */
  @Column({ type: 'text', nullable: true })
  handoverNote: string | null;

  @Column({ type: 'uuid' })
  assignedBy: string;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/plugin-api';

/**
 * A period in which a course's buddy covers for the consultant (sickness, holiday): while it runs, the buddy
 * may decide the plan's actions in the legal areas the buddy holds authority in. No reason is stored: why a
 * colleague is away is their own business.
 */
@Entity({ name: 'citizen_consultant_cover' })
@Index(['courseId', 'startsOn'])
export class CitizenConsultantCover extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  /** The buddy (a `buddy` on the course's team when the cover was recorded). */
  @Column({ type: 'uuid' })
  buddyStaffMemberId: string;

  /** First and last day of the cover (Danish calendar dates). */
  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  /** From the injected clock, not the database's. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

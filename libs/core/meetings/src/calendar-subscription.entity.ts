import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { StaffMember } from '@enplan/core/organisation';

/**
 * A staff member's calendar subscription: calendar programs cannot send a bearer token, so the feed URL
 * carries a random secret instead. Only its SHA-256 is stored (a copy of the table opens no feed). One row per
 * token: rotating ends the current row (`rotated_at`) and adds a new one, revoking ends it (`revoked_at`);
 * ended rows stay, so a call with an old token is recognised and logged as a refusal in its municipality.
 */
@Entity({ name: 'calendar_subscription' })
// At most one live token per staff member.
@Index('uq_calendar_subscription_live', ['municipalityId', 'staffMemberId'], { unique: true, where: 'rotated_at IS NULL AND revoked_at IS NULL' })
export class CalendarSubscription extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The feed's owner: the token opens this staff member's feed and nothing else. */
  @Index()
  @Column({ type: 'uuid' })
  staffMemberId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'staff_member_id' })
  staffMember?: StaffMember;

  /** Hex SHA-256 of the token; the token itself is shown once, when made. */
  @Index('uq_calendar_subscription_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  /** From the injected clock, like every other business time. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  createdBy: string;

  /** Replaced by a newer token. */
  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  /** Revoked by its owner; the feed has no live token until a new one is made. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';

export const ACCESS_OPERATIONS = ['read', 'write', 'purge'] as const;
export type AccessOperation = (typeof ACCESS_OPERATIONS)[number];
export const ACCESS_OUTCOMES = ['allowed', 'denied', 'failed'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/**
 * One access to citizens' data: who, when, which records, through which route and on what footing. Rows are
 * append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE for every role, the application's
 * included, so the log answers "who has looked at my case?" even after a purge of the case itself.
 * It holds ids and route templates only, never names, CPR numbers or content.
 */
@Entity({ name: 'access_log' })
// GIN indexes over the id arrays answer "everything about this citizen / course" (`@>`); TypeORM cannot
// declare GIN, so the migration creates them and the schema sync leaves them alone.
@Index('ix_access_log_citizens', { synchronize: false })
@Index('ix_access_log_courses', { synchronize: false })
export class AccessLogEntry extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'varchar', length: 32, array: true })
  actorRoles: string[];

  @Column({ type: 'enum', enum: ACCESS_OPERATIONS, enumName: 'access_operation' })
  operation: AccessOperation;

  @Column({ type: 'enum', enum: ACCESS_OUTCOMES, enumName: 'access_outcome' })
  outcome: AccessOutcome;

  /** The kind of record (`plan`, `meeting`, `journal-note`, …) and its id, when the route names one. */
  @Column({ type: 'varchar', length: 64 })
  recordType: string;

  @Column({ type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'uuid', array: true, default: '{}' })
  courseIds: string[];

  @Column({ type: 'uuid', array: true, default: '{}' })
  citizenIds: string[];

  /** Method and route template, e.g. `GET /api/v1/courses/:courseId/plan` (templates never carry personal data). */
  @Column({ type: 'varchar', length: 300 })
  route: string;

  /** On what footing: team, former-team, manager, grant, external, integrator, staff. */
  @Column({ type: 'varchar', length: 32 })
  basis: string;

  /** For a temporary grant: its reason; for a purge: the retention rule. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}

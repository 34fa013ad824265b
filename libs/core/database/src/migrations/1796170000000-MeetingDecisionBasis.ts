import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreMeetingDecisionBasis1796170000000 implements MigrationInterface {
  name = 'CoreMeetingDecisionBasis1796170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_outcome" ADD "legal_basis" character varying(40)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_outcome" DROP COLUMN "legal_basis"`);
  }
}

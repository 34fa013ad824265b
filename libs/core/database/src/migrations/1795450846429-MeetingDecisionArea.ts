import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreMeetingDecisionArea1795450846429 implements MigrationInterface {
  name = 'CoreMeetingDecisionArea1795450846429';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_outcome" ADD "legal_area" "public"."legal_area"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_outcome" DROP COLUMN "legal_area"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PairedCaseworkersForeignKeyIndexes1796177220870 implements MigrationInterface {
  name = 'PairedCaseworkersForeignKeyIndexes1796177220870';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_515116f3aa1772305f4e655403" ON "paired_caseworkers_substitute"  ("covered_staff_member_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_515116f3aa1772305f4e655403"`);
  }
}

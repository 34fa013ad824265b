import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A parent's custody on the household membership; parents already recorded get joint custody, the Danish default. */
export class CoreHouseholdCustody1795460000000 implements MigrationInterface {
  name = 'CoreHouseholdCustody1795460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "household_member" ADD "custody" boolean`);
    await q.query(`UPDATE "household_member" SET "custody" = true WHERE "relation" = 'parent'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "household_member" DROP COLUMN "custody"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreForeignKeyIndexes1796177074076 implements MigrationInterface {
  name = 'CoreForeignKeyIndexes1796177074076';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_ab4d6936dd628f9dc8ff9f1b85" ON "course"  ("referring_unit_id") `);
    await q.query(`CREATE INDEX "IDX_cf02b47b8f91d90cfc959db3e1" ON "consent"  ("citizen_id") `);
    await q.query(`CREATE INDEX "IDX_05e420bfca4d5aa0c9fcb40008" ON "meeting_participant"  ("citizen_id") `);
    await q.query(`CREATE INDEX "IDX_b5dfaadabbd6d359e48d0b6403" ON "follow_up"  ("contact_id") `);
    await q.query(`CREATE INDEX "IDX_80f739a4572c73bf7ce753991e" ON "follow_up"  ("next_meeting_id") `);
    await q.query(`CREATE INDEX "IDX_7a3e3e20203297c4ebb688f245" ON "provider_order"  ("provider_unit_id") `);
    await q.query(`CREATE INDEX "IDX_cc11a05fe611171d64e22e8854" ON "provider_order"  ("provider_staff_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_cc11a05fe611171d64e22e8854"`);
    await q.query(`DROP INDEX "public"."IDX_7a3e3e20203297c4ebb688f245"`);
    await q.query(`DROP INDEX "public"."IDX_80f739a4572c73bf7ce753991e"`);
    await q.query(`DROP INDEX "public"."IDX_b5dfaadabbd6d359e48d0b6403"`);
    await q.query(`DROP INDEX "public"."IDX_05e420bfca4d5aa0c9fcb40008"`);
    await q.query(`DROP INDEX "public"."IDX_cf02b47b8f91d90cfc959db3e1"`);
    await q.query(`DROP INDEX "public"."IDX_ab4d6936dd628f9dc8ff9f1b85"`);
  }
}

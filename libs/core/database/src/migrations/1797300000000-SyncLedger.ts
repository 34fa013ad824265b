import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the sync ledger. One row per plan version (or decision) and target system, with its delivery state,
 * attempts, times and the target's reference; indexed by municipality first.
 */
export class CoreSyncLedger1797300000000 implements MigrationInterface {
  name = 'CoreSyncLedger1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."sync_subject_kind" AS ENUM('plan-version', 'decision')`);
    await q.query(`CREATE TYPE "public"."sync_state" AS ENUM('pending', 'delivered', 'failed', 'needs-manual-entry')`);
    await q.query(`CREATE TABLE "sync_delivery" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "subject_kind" "public"."sync_subject_kind" NOT NULL, "subject_id" uuid NOT NULL, "subject_version" integer, "subject_at" TIMESTAMP WITH TIME ZONE NOT NULL, "target" character varying(40) NOT NULL, "state" "public"."sync_state" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "manual" boolean NOT NULL DEFAULT false, "target_reference" character varying(300), "last_error" character varying(200), "recorded_by" uuid, CONSTRAINT "uq_sync_delivery_subject_target" UNIQUE ("municipality_id", "subject_kind", "subject_id", "target"), CONSTRAINT "PK_374f03048fae4e0dfdbd058d7ee" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_21c12658b61c1748c8c346c105" ON "sync_delivery"  ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_sync_delivery_course" ON "sync_delivery"  ("municipality_id", "course_id") `);
    await q.query(`CREATE INDEX "ix_sync_delivery_subject_at" ON "sync_delivery"  ("municipality_id", "subject_at") `);
    await q.query(`ALTER TABLE "sync_delivery" ADD CONSTRAINT "FK_21c12658b61c1748c8c346c105b" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "sync_delivery" ADD CONSTRAINT "FK_749f679ddb6b12665ebd7fb47ef" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sync_delivery" DROP CONSTRAINT "FK_749f679ddb6b12665ebd7fb47ef"`);
    await q.query(`ALTER TABLE "sync_delivery" DROP CONSTRAINT "FK_21c12658b61c1748c8c346c105b"`);
    await q.query(`DROP INDEX "public"."ix_sync_delivery_subject_at"`);
    await q.query(`DROP INDEX "public"."ix_sync_delivery_course"`);
    await q.query(`DROP INDEX "public"."IDX_21c12658b61c1748c8c346c105"`);
    await q.query(`DROP TABLE "sync_delivery"`);
    await q.query(`DROP TYPE "public"."sync_state"`);
    await q.query(`DROP TYPE "public"."sync_subject_kind"`);
  }
}

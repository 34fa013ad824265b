import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreMeetingsFollowUps1795449442209 implements MigrationInterface {
  name = 'CoreMeetingsFollowUps1795449442209';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "provider_order" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "action_id" character varying(64) NOT NULL, "purpose" text NOT NULL, "provider_unit_id" uuid NOT NULL, "provider_staff_id" uuid, "report_every_days" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_provider_order_action" UNIQUE ("course_id", "action_id"), CONSTRAINT "PK_609f55cfbee592ddd2520f42377" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_2c7e8c4bf6466f98e37094b4ef" ON "provider_order"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_e6408317811d446542cee15aed" ON "provider_order"  ("course_id") `);
    await q.query(`CREATE TABLE "provider_report" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "order_id" uuid NOT NULL, "received_on" date NOT NULL, "summary" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bbdda727147967023a79b9bb1b" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_a95951792b0bd02ae6b01684b2" ON "provider_report"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_4fc17546b576d6ce7fe008348b" ON "provider_report"  ("order_id") `);
    await q.query(`CREATE TYPE "public"."outbox_topic" AS ENUM('meeting-invitation', 'work-list-reminder')`);
    await q.query(`CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed')`);
    await q.query(`CREATE TABLE "outbox_message" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "topic" "public"."outbox_topic" NOT NULL, "recipient_kind" character varying(20) NOT NULL, "recipient_id" uuid NOT NULL, "meeting_id" uuid, "dedupe_key" character varying(200), "status" "public"."outbox_status" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "created_by" uuid, CONSTRAINT "uq_outbox_dedupe" UNIQUE ("municipality_id", "dedupe_key"), CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_e814c85a1b8951a1e6fef6f52d" ON "outbox_message"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_2fc2e4fb6a084652bbe75f637f" ON "outbox_message"  ("meeting_id") `);
    await q.query(`CREATE INDEX "ix_outbox_status_created" ON "outbox_message"  ("status", "created_at") `);
    await q.query(`ALTER TABLE "contact" ADD "staff_member_ids" uuid array NOT NULL DEFAULT '{}'`);
    // Contacts had no API before this migration; should any row exist, its one staff member logged it.
    await q.query(`UPDATE "contact" SET "staff_member_ids" = ARRAY["staff_member_id"] WHERE cardinality("staff_member_ids") = 0`);
    await q.query(`ALTER TABLE "contact" ADD "created_by" uuid`);
    await q.query(`UPDATE "contact" SET "created_by" = "staff_member_id"`);
    await q.query(`ALTER TABLE "contact" ALTER COLUMN "created_by" SET NOT NULL`);
    await q.query(`ALTER TABLE "contact" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`ALTER TYPE "public"."contact_kind" ADD VALUE 'letter'`);
    await q.query(`ALTER TYPE "public"."contact_kind" ADD VALUE 'other'`);
    await q.query(`ALTER TABLE "provider_order" ADD CONSTRAINT "FK_2c7e8c4bf6466f98e37094b4eff" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "provider_order" ADD CONSTRAINT "FK_e6408317811d446542cee15aedd" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "provider_order" ADD CONSTRAINT "FK_7a3e3e20203297c4ebb688f2458" FOREIGN KEY ("provider_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "provider_order" ADD CONSTRAINT "FK_cc11a05fe611171d64e22e8854d" FOREIGN KEY ("provider_staff_id") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "provider_report" ADD CONSTRAINT "FK_a95951792b0bd02ae6b01684b23" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "provider_report" ADD CONSTRAINT "FK_4fc17546b576d6ce7fe008348b6" FOREIGN KEY ("order_id") REFERENCES "provider_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "outbox_message" ADD CONSTRAINT "FK_e814c85a1b8951a1e6fef6f52d5" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "outbox_message" ADD CONSTRAINT "FK_2fc2e4fb6a084652bbe75f637ff" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "FK_2fc2e4fb6a084652bbe75f637ff"`);
    await q.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "FK_e814c85a1b8951a1e6fef6f52d5"`);
    await q.query(`ALTER TABLE "provider_report" DROP CONSTRAINT "FK_4fc17546b576d6ce7fe008348b6"`);
    await q.query(`ALTER TABLE "provider_report" DROP CONSTRAINT "FK_a95951792b0bd02ae6b01684b23"`);
    await q.query(`ALTER TABLE "provider_order" DROP CONSTRAINT "FK_cc11a05fe611171d64e22e8854d"`);
    await q.query(`ALTER TABLE "provider_order" DROP CONSTRAINT "FK_7a3e3e20203297c4ebb688f2458"`);
    await q.query(`ALTER TABLE "provider_order" DROP CONSTRAINT "FK_e6408317811d446542cee15aedd"`);
    await q.query(`ALTER TABLE "provider_order" DROP CONSTRAINT "FK_2c7e8c4bf6466f98e37094b4eff"`);
    await q.query(`CREATE TYPE "public"."contact_kind_old" AS ENUM('meeting', 'call', 'sms', 'email', 'home-visit')`);
    await q.query(`ALTER TABLE "contact" ALTER COLUMN "kind" TYPE "public"."contact_kind_old" USING "kind"::"text"::"public"."contact_kind_old"`);
    await q.query(`DROP TYPE "public"."contact_kind"`);
    await q.query(`ALTER TYPE "public"."contact_kind_old" RENAME TO "contact_kind"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "created_at"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "created_by"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "staff_member_ids"`);
    await q.query(`DROP INDEX "public"."ix_outbox_status_created"`);
    await q.query(`DROP INDEX "public"."IDX_2fc2e4fb6a084652bbe75f637f"`);
    await q.query(`DROP INDEX "public"."IDX_e814c85a1b8951a1e6fef6f52d"`);
    await q.query(`DROP TABLE "outbox_message"`);
    await q.query(`DROP TYPE "public"."outbox_status"`);
    await q.query(`DROP TYPE "public"."outbox_topic"`);
    await q.query(`DROP INDEX "public"."IDX_4fc17546b576d6ce7fe008348b"`);
    await q.query(`DROP INDEX "public"."IDX_a95951792b0bd02ae6b01684b2"`);
    await q.query(`DROP TABLE "provider_report"`);
    await q.query(`DROP INDEX "public"."IDX_e6408317811d446542cee15aed"`);
    await q.query(`DROP INDEX "public"."IDX_2c7e8c4bf6466f98e37094b4ef"`);
    await q.query(`DROP TABLE "provider_order"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreCalendarSubscriptionsAndReschedule1796166839486 implements MigrationInterface {
  name = 'CoreCalendarSubscriptionsAndReschedule1796166839486';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "calendar_subscription" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "staff_member_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6f7bc98fda02baf865f24820520" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_4b6c18373cef5ad092737e2cf1" ON "calendar_subscription"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_87ea80ad2cd1cbaa696e3fe298" ON "calendar_subscription"  ("staff_member_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_calendar_subscription_token_hash" ON "calendar_subscription"  ("token_hash") `);
    await q.query(`CREATE UNIQUE INDEX "uq_calendar_subscription_live" ON "calendar_subscription"  ("municipality_id", "staff_member_id") WHERE rotated_at IS NULL AND revoked_at IS NULL`);
    await q.query(`ALTER TABLE "meeting" ADD "place_staff_facing" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "meeting" ADD "online_link" character varying(500)`);
    await q.query(`ALTER TABLE "meeting" ADD "sequence" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TYPE "public"."outbox_topic" ADD VALUE 'meeting-update'`);
    await q.query(`ALTER TABLE "calendar_subscription" ADD CONSTRAINT "FK_4b6c18373cef5ad092737e2cf11" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "calendar_subscription" ADD CONSTRAINT "FK_87ea80ad2cd1cbaa696e3fe2985" FOREIGN KEY ("staff_member_id") REFERENCES "staff_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calendar_subscription" DROP CONSTRAINT "FK_87ea80ad2cd1cbaa696e3fe2985"`);
    await q.query(`ALTER TABLE "calendar_subscription" DROP CONSTRAINT "FK_4b6c18373cef5ad092737e2cf11"`);
    // The old type cannot hold the new topic: reverting drops the staff's pending meeting updates.
    await q.query(`DELETE FROM "outbox_message" WHERE "topic" = 'meeting-update'`);
    await q.query(`CREATE TYPE "public"."outbox_topic_old" AS ENUM('meeting-invitation', 'work-list-reminder')`);
    await q.query(`ALTER TABLE "outbox_message" ALTER COLUMN "topic" TYPE "public"."outbox_topic_old" USING "topic"::"text"::"public"."outbox_topic_old"`);
    await q.query(`DROP TYPE "public"."outbox_topic"`);
    await q.query(`ALTER TYPE "public"."outbox_topic_old" RENAME TO "outbox_topic"`);
    await q.query(`ALTER TABLE "meeting" DROP COLUMN "sequence"`);
    await q.query(`ALTER TABLE "meeting" DROP COLUMN "online_link"`);
    await q.query(`ALTER TABLE "meeting" DROP COLUMN "place_staff_facing"`);
    await q.query(`DROP INDEX "public"."uq_calendar_subscription_live"`);
    await q.query(`DROP INDEX "public"."uq_calendar_subscription_token_hash"`);
    await q.query(`DROP INDEX "public"."IDX_87ea80ad2cd1cbaa696e3fe298"`);
    await q.query(`DROP INDEX "public"."IDX_4b6c18373cef5ad092737e2cf1"`);
    await q.query(`DROP TABLE "calendar_subscription"`);
  }
}

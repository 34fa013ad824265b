import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: free text tagged with whom it concerns (`concerns` on contacts, follow-ups, transitions, agenda items,
 * grants and a plan version's change summary), and caseworkers' releases of untagged free text to household members.
 */
export class CoreFreeTextConcernsAndReleases1796171000000 implements MigrationInterface {
  name = 'CoreFreeTextConcernsAndReleases1796171000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."disclosure_release_kind" AS ENUM('contact-note', 'follow-up', 'transition-reason', 'plan-change-summary', 'citizen-words', 'meeting-minutes', 'meeting-agenda', 'participant-organisation', 'grant-reason')`);
    await q.query(`CREATE TABLE "disclosure_release" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "kind" "public"."disclosure_release_kind" NOT NULL, "record_id" uuid NOT NULL, "citizen_ids" uuid array NOT NULL, "reason" text NOT NULL, "released_by" uuid NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_67183903ca031e49ee51654412f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_4013022a6267a0f2d62d513e27" ON "disclosure_release"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_b3982f27638e37171174a699e1" ON "disclosure_release"  ("course_id") `);
    await q.query(`CREATE INDEX "ix_disclosure_release_record" ON "disclosure_release"  ("municipality_id", "course_id", "kind", "record_id") `);
    await q.query(`ALTER TABLE "course_transition" ADD "concerns" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "access_grant" ADD "concerns" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "plan_version" ADD "change_summary_concerns" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "agenda_item" ADD "concerns" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "contact" ADD "concerns" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "follow_up" ADD "concerns" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "disclosure_release" ADD CONSTRAINT "FK_4013022a6267a0f2d62d513e27b" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "disclosure_release" ADD CONSTRAINT "FK_b3982f27638e37171174a699e1a" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // A release is never edited (a later decision is a new row); only the retention purge deletes them, with their course.
    await q.query(`CREATE FUNCTION "enplan_disclosure_release_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'disclosure_release rows are never updated: record a new release' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "disclosure_release_no_update" BEFORE UPDATE ON "disclosure_release" FOR EACH ROW EXECUTE FUNCTION "enplan_disclosure_release_immutable"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "disclosure_release_no_update" ON "disclosure_release"`);
    await q.query(`DROP FUNCTION "enplan_disclosure_release_immutable"()`);
    await q.query(`ALTER TABLE "disclosure_release" DROP CONSTRAINT "FK_b3982f27638e37171174a699e1a"`);
    await q.query(`ALTER TABLE "disclosure_release" DROP CONSTRAINT "FK_4013022a6267a0f2d62d513e27b"`);
    await q.query(`ALTER TABLE "follow_up" DROP COLUMN "concerns"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "concerns"`);
    await q.query(`ALTER TABLE "agenda_item" DROP COLUMN "concerns"`);
    await q.query(`ALTER TABLE "plan_version" DROP COLUMN "change_summary_concerns"`);
    await q.query(`ALTER TABLE "access_grant" DROP COLUMN "concerns"`);
    await q.query(`ALTER TABLE "course_transition" DROP COLUMN "concerns"`);
    await q.query(`DROP INDEX "public"."ix_disclosure_release_record"`);
    await q.query(`DROP INDEX "public"."IDX_b3982f27638e37171174a699e1"`);
    await q.query(`DROP INDEX "public"."IDX_4013022a6267a0f2d62d513e27"`);
    await q.query(`DROP TABLE "disclosure_release"`);
    await q.query(`DROP TYPE "public"."disclosure_release_kind"`);
  }
}

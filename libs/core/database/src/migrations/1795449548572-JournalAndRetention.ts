import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreJournalAndRetention1795449548572 implements MigrationInterface {
  name = 'CoreJournalAndRetention1795449548572';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."item_visibility" AS ENUM('team', 'authority', 'member')`);
    await q.query(`CREATE TABLE "journal_note" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "legal_area" "public"."information_category" NOT NULL, "concerns" uuid array NOT NULL DEFAULT '{}', "visibility" "public"."item_visibility" NOT NULL, "author_id" uuid NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL, "text" text NOT NULL, "corrects_id" uuid, CONSTRAINT "PK_5db7d44d2204da1f1159fa36f9c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_eeb832cfc1b6f4914035fd1efa" ON "journal_note"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_d819e0351cee6df2c0edb735b4" ON "journal_note"  ("corrects_id") `);
    await q.query(`CREATE INDEX "ix_journal_note_course_written" ON "journal_note"  ("course_id", "written_at") `);
    await q.query(`ALTER TABLE "course" ADD "retention_until" date`);
    await q.query(`ALTER TABLE "journal_note" ADD CONSTRAINT "FK_eeb832cfc1b6f4914035fd1efab" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "journal_note" ADD CONSTRAINT "FK_6146ec37119a4cf6cb76313e33c" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "journal_note" ADD CONSTRAINT "FK_d819e0351cee6df2c0edb735b44" FOREIGN KEY ("corrects_id") REFERENCES "journal_note"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Notes are never edited (a correction is a new note); only the retention purge deletes them, with their course.
    await q.query(`CREATE FUNCTION "enplan_journal_note_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'journal_note rows are never updated: write a correcting note' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "journal_note_no_update" BEFORE UPDATE ON "journal_note" FOR EACH ROW EXECUTE FUNCTION "enplan_journal_note_immutable"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "journal_note_no_update" ON "journal_note"`);
    await q.query(`DROP FUNCTION "enplan_journal_note_immutable"()`);
    await q.query(`ALTER TABLE "journal_note" DROP CONSTRAINT "FK_d819e0351cee6df2c0edb735b44"`);
    await q.query(`ALTER TABLE "journal_note" DROP CONSTRAINT "FK_6146ec37119a4cf6cb76313e33c"`);
    await q.query(`ALTER TABLE "journal_note" DROP CONSTRAINT "FK_eeb832cfc1b6f4914035fd1efab"`);
    await q.query(`ALTER TABLE "course" DROP COLUMN "retention_until"`);
    await q.query(`DROP INDEX "public"."ix_journal_note_course_written"`);
    await q.query(`DROP INDEX "public"."IDX_d819e0351cee6df2c0edb735b4"`);
    await q.query(`DROP INDEX "public"."IDX_eeb832cfc1b6f4914035fd1efa"`);
    await q.query(`DROP TABLE "journal_note"`);
    await q.query(`DROP TYPE "public"."item_visibility"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreProgression1797400000000 implements MigrationInterface {
  name = 'CoreProgression1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."progression_respondent_type" AS ENUM('citizen', 'caseworker', 'parent', 'teacher', 'youth')`);
    await q.query(`CREATE TYPE "public"."progression_occasion" AS ENUM('baseline', 'follow-up', 'end', 'extra')`);
    await q.query(`CREATE TYPE "public"."progression_measurement_status" AS ENUM('in-progress', 'completed', 'skipped')`);
    await q.query(`CREATE TABLE "progression_measurement" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "instrument_id" text NOT NULL, "instrument_version" integer NOT NULL, "about_citizen_id" uuid NOT NULL, "respondent_type" "public"."progression_respondent_type" NOT NULL, "respondent_citizen_id" uuid, "occasion" "public"."progression_occasion" NOT NULL, "status" "public"."progression_measurement_status" NOT NULL, "started_by" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "answers" jsonb NOT NULL DEFAULT '[]', "comment" text, "scores" jsonb, "skip_reason" text, CONSTRAINT "PK_76feeae7e307b7b3044687254d5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_bd6127bf7278980445a9352ddf" ON "progression_measurement"  ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_progression_measurement_municipality_instrument" ON "progression_measurement"  ("municipality_id", "instrument_id", "instrument_version") `);
    await q.query(`CREATE INDEX "ix_progression_measurement_municipality_course" ON "progression_measurement"  ("municipality_id", "course_id", "started_at") `);
    await q.query(`CREATE TYPE "public"."progression_instrument_source" AS ENUM('shipped', 'municipality', 'plugin')`);
    await q.query(`CREATE TABLE "progression_instrument" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "instrument_id" text NOT NULL, "version" integer NOT NULL, "source" "public"."progression_instrument_source" NOT NULL, "definition" jsonb NOT NULL, "registered_by" uuid NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_progression_instrument_version" UNIQUE ("municipality_id", "instrument_id", "version"), CONSTRAINT "PK_c66a5facb47fab7ab39fbf2510d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_a8e54242fc9c05f4a33207e23a" ON "progression_instrument"  ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_progression_instrument_municipality" ON "progression_instrument"  ("municipality_id", "instrument_id") `);
    await q.query(`ALTER TABLE "progression_measurement" ADD CONSTRAINT "FK_bd6127bf7278980445a9352ddfb" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "progression_measurement" ADD CONSTRAINT "FK_6d1864cd5fe1d418ef9211399b9" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "progression_instrument" ADD CONSTRAINT "FK_a8e54242fc9c05f4a33207e23aa" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // A published instrument version never changes (answers point to it); a change is a new version.
    await q.query(`CREATE FUNCTION "enplan_progression_instrument_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published instrument version never changes: register a new version' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "progression_instrument_no_update" BEFORE UPDATE ON "progression_instrument" FOR EACH ROW EXECUTE FUNCTION "enplan_progression_instrument_immutable"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "progression_instrument_no_update" ON "progression_instrument"`);
    await q.query(`DROP FUNCTION "enplan_progression_instrument_immutable"()`);
    await q.query(`ALTER TABLE "progression_instrument" DROP CONSTRAINT "FK_a8e54242fc9c05f4a33207e23aa"`);
    await q.query(`ALTER TABLE "progression_measurement" DROP CONSTRAINT "FK_6d1864cd5fe1d418ef9211399b9"`);
    await q.query(`ALTER TABLE "progression_measurement" DROP CONSTRAINT "FK_bd6127bf7278980445a9352ddfb"`);
    await q.query(`DROP INDEX "public"."ix_progression_instrument_municipality"`);
    await q.query(`DROP INDEX "public"."IDX_a8e54242fc9c05f4a33207e23a"`);
    await q.query(`DROP TABLE "progression_instrument"`);
    await q.query(`DROP TYPE "public"."progression_instrument_source"`);
    await q.query(`DROP INDEX "public"."ix_progression_measurement_municipality_course"`);
    await q.query(`DROP INDEX "public"."ix_progression_measurement_municipality_instrument"`);
    await q.query(`DROP INDEX "public"."IDX_bd6127bf7278980445a9352ddf"`);
    await q.query(`DROP TABLE "progression_measurement"`);
    await q.query(`DROP TYPE "public"."progression_measurement_status"`);
    await q.query(`DROP TYPE "public"."progression_occasion"`);
    await q.query(`DROP TYPE "public"."progression_respondent_type"`);
  }
}

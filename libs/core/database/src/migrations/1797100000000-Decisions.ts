import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: decisions (afgørelser) as their own resource on a course, the municipality's complaint guidance per
 * legal area and its list of committee provisions. A decided decision is frozen here as well as in the service.
 */
export class CoreDecisions1797100000000 implements MigrationInterface {
  name = 'CoreDecisions1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."decision_status" AS ENUM('draft', 'decided', 'notified')`);
    await q.query(`CREATE TYPE "public"."decision_notification_channel" AS ENUM('digital-post', 'letter', 'in-person')`);
    await q.query(`CREATE TABLE "decision" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "status" "public"."decision_status" NOT NULL DEFAULT 'draft', "legal_basis" character varying(40), "legal_area" "public"."legal_area" NOT NULL, "plan_version" integer, "actions" jsonb NOT NULL DEFAULT '[]', "summary" text NOT NULL DEFAULT '', "text" text NOT NULL DEFAULT '', "reasoning" text NOT NULL DEFAULT '', "complaint_guidance" text NOT NULL DEFAULT '', "effective_from" date, "effective_to" date, "visibility" "public"."item_visibility" NOT NULL DEFAULT 'team', "meeting_id" uuid, "meeting_outcome_id" uuid, "supersedes_id" uuid, "committee_name" character varying(200), "committee_approved_on" date, "committee_reference" character varying(200), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "notified_at" TIMESTAMP WITH TIME ZONE, "notified_channel" "public"."decision_notification_channel", "notified_by" uuid, CONSTRAINT "PK_fa4cbd6abf1215054f13c27df5a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_509b57d2ba85fef9998e77e51d" ON "decision"  ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_decision_meeting" ON "decision"  ("municipality_id", "meeting_id") `);
    await q.query(`CREATE INDEX "ix_decision_course" ON "decision"  ("municipality_id", "course_id", "created_at") `);
    await q.query(`CREATE TABLE "decision_complaint_template" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "legal_area" "public"."legal_area" NOT NULL, "text" text NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_decision_complaint_template" UNIQUE ("municipality_id", "legal_area"), CONSTRAINT "PK_1b8ed7f82248e390895114d619e" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_aa54a13f3ab1d1974afef61724" ON "decision_complaint_template"  ("municipality_id") `);
    await q.query(`CREATE TABLE "decision_settings" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "committee_legal_bases" character varying(40) array NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_decision_settings" UNIQUE ("municipality_id"), CONSTRAINT "PK_168a095c2b70660c7b8fbe3366c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_72c00bd499ebeb71b413e46391" ON "decision_settings"  ("municipality_id") `);
    await q.query(`ALTER TABLE "decision" ADD CONSTRAINT "FK_509b57d2ba85fef9998e77e51da" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "decision" ADD CONSTRAINT "FK_55b2fddbeb1d8ee434e4791e5dd" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "decision" ADD CONSTRAINT "FK_2dfbe7478bac978c97cbc410094" FOREIGN KEY ("supersedes_id") REFERENCES "decision"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "decision_complaint_template" ADD CONSTRAINT "FK_aa54a13f3ab1d1974afef617242" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "decision_settings" ADD CONSTRAINT "FK_72c00bd499ebeb71b413e46391f" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // At most one decided (or notified) decision supersedes another: two concurrent supersessions cannot both win.
    await q.query(`CREATE UNIQUE INDEX "uq_decision_supersedes" ON "decision" ("municipality_id", "supersedes_id") WHERE "supersedes_id" IS NOT NULL AND "status" <> 'draft'`);
    // A decided decision is never changed: only a draft is edited, and a decided one may only become notified
    // (status and the notification columns, nothing else). A change is a new decision that supersedes it.
    await q.query(`CREATE FUNCTION "enplan_decision_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'draft' THEN
          RETURN NEW;
        END IF;
        IF OLD.status = 'decided' AND NEW.status = 'notified'
           AND (to_jsonb(NEW) - 'status' - 'notified_at' - 'notified_channel' - 'notified_by') = (to_jsonb(OLD) - 'status' - 'notified_at' - 'notified_channel' - 'notified_by') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'a decided decision is never changed: make a new decision that supersedes it' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "decision_decided_immutable" BEFORE UPDATE ON "decision" FOR EACH ROW EXECUTE FUNCTION "enplan_decision_immutable"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "decision_decided_immutable" ON "decision"`);
    await q.query(`DROP FUNCTION "enplan_decision_immutable"()`);
    await q.query(`DROP INDEX "public"."uq_decision_supersedes"`);
    await q.query(`ALTER TABLE "decision_settings" DROP CONSTRAINT "FK_72c00bd499ebeb71b413e46391f"`);
    await q.query(`ALTER TABLE "decision_complaint_template" DROP CONSTRAINT "FK_aa54a13f3ab1d1974afef617242"`);
    await q.query(`ALTER TABLE "decision" DROP CONSTRAINT "FK_2dfbe7478bac978c97cbc410094"`);
    await q.query(`ALTER TABLE "decision" DROP CONSTRAINT "FK_55b2fddbeb1d8ee434e4791e5dd"`);
    await q.query(`ALTER TABLE "decision" DROP CONSTRAINT "FK_509b57d2ba85fef9998e77e51da"`);
    await q.query(`DROP INDEX "public"."IDX_72c00bd499ebeb71b413e46391"`);
    await q.query(`DROP TABLE "decision_settings"`);
    await q.query(`DROP INDEX "public"."IDX_aa54a13f3ab1d1974afef61724"`);
    await q.query(`DROP TABLE "decision_complaint_template"`);
    await q.query(`DROP INDEX "public"."ix_decision_course"`);
    await q.query(`DROP INDEX "public"."ix_decision_meeting"`);
    await q.query(`DROP INDEX "public"."IDX_509b57d2ba85fef9998e77e51d"`);
    await q.query(`DROP TABLE "decision"`);
    await q.query(`DROP TYPE "public"."decision_notification_channel"`);
    await q.query(`DROP TYPE "public"."decision_status"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreAccessAndConsent1795449324919 implements MigrationInterface {
  name = 'CoreAccessAndConsent1795449324919';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."consent_kind" AS ENUM('participation', 'information-sharing')`);
    await q.query(`CREATE TYPE "public"."information_category" AS ENUM('general', 'employment', 'active-social-policy', 'social-adults', 'children', 'health', 'education')`);
    await q.query(`CREATE TYPE "public"."consent_form" AS ENUM('written', 'digital', 'oral-witnessed')`);
    await q.query(`CREATE TABLE "consent" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "kind" "public"."consent_kind" NOT NULL, "party_unit_ids" uuid array NOT NULL DEFAULT '{}', "purpose" text NOT NULL, "categories" "public"."information_category" array NOT NULL DEFAULT '{}', "valid_from" date NOT NULL, "valid_to" date, "form" "public"."consent_form" NOT NULL, "witness" character varying(200), "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "revocation_note" text, CONSTRAINT "ck_consent_witness" CHECK ("form" <> 'oral-witnessed' OR "witness" IS NOT NULL), CONSTRAINT "ck_consent_period" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_e726fef47fb8742c5595d07c7a" ON "consent"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_5356c224b1c4264b74afa07c08" ON "consent"  ("course_id") `);
    await q.query(`CREATE TABLE "access_grant" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "staff_member_id" uuid NOT NULL, "reason" text NOT NULL, "valid_until" date NOT NULL, "granted_by" uuid NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2c12ba789e7748324e87e103a41" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_bb9b53288221c103e11b9b42db" ON "access_grant"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_bf6915f00cc28fb19a02b60bb4" ON "access_grant"  ("course_id") `);
    await q.query(`CREATE INDEX "IDX_85b8299a65cced23b3d29d012f" ON "access_grant"  ("staff_member_id") `);
    await q.query(`CREATE TYPE "public"."access_operation" AS ENUM('read', 'write', 'purge')`);
    await q.query(`CREATE TYPE "public"."access_outcome" AS ENUM('allowed', 'denied', 'failed')`);
    await q.query(`CREATE TABLE "access_log" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid NOT NULL, "actor_roles" character varying(32) array NOT NULL, "operation" "public"."access_operation" NOT NULL, "outcome" "public"."access_outcome" NOT NULL, "record_type" character varying(64) NOT NULL, "record_id" uuid, "course_ids" uuid array NOT NULL DEFAULT '{}', "citizen_ids" uuid array NOT NULL DEFAULT '{}', "route" character varying(300) NOT NULL, "basis" character varying(32) NOT NULL, "reason" text, "request_id" character varying(64), CONSTRAINT "PK_bd09621fb73b42d9e32b85ae41f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_de5e26a9c6f8dfba4f09839933" ON "access_log"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_e8e8e704907a190726502c4cc0" ON "access_log"  ("at") `);
    await q.query(`CREATE INDEX "ix_access_log_citizens" ON "access_log"  ("citizen_ids") `);
    await q.query(`ALTER TABLE "consent" ADD CONSTRAINT "FK_e726fef47fb8742c5595d07c7ad" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consent" ADD CONSTRAINT "FK_5356c224b1c4264b74afa07c08f" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consent" ADD CONSTRAINT "FK_cf02b47b8f91d90cfc959db3e14" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "access_grant" ADD CONSTRAINT "FK_bb9b53288221c103e11b9b42db5" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "access_grant" ADD CONSTRAINT "FK_bf6915f00cc28fb19a02b60bb49" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "access_grant" ADD CONSTRAINT "FK_85b8299a65cced23b3d29d012f6" FOREIGN KEY ("staff_member_id") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "access_log" ADD CONSTRAINT "FK_de5e26a9c6f8dfba4f09839933f" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The access log is append-only for every role, the application's included (a superuser could disable
    // the trigger, which itself needs DDL rights the application's role should not have in production).
    await q.query(`CREATE FUNCTION "enplan_access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "access_log_no_update_delete" BEFORE UPDATE OR DELETE ON "access_log" FOR EACH ROW EXECUTE FUNCTION "enplan_access_log_append_only"()`);
    await q.query(`CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "access_log" FOR EACH STATEMENT EXECUTE FUNCTION "enplan_access_log_append_only"()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "access_log" FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "access_log_no_truncate" ON "access_log"`);
    await q.query(`DROP TRIGGER "access_log_no_update_delete" ON "access_log"`);
    await q.query(`DROP FUNCTION "enplan_access_log_append_only"()`);
    await q.query(`ALTER TABLE "access_log" DROP CONSTRAINT "FK_de5e26a9c6f8dfba4f09839933f"`);
    await q.query(`ALTER TABLE "access_grant" DROP CONSTRAINT "FK_85b8299a65cced23b3d29d012f6"`);
    await q.query(`ALTER TABLE "access_grant" DROP CONSTRAINT "FK_bf6915f00cc28fb19a02b60bb49"`);
    await q.query(`ALTER TABLE "access_grant" DROP CONSTRAINT "FK_bb9b53288221c103e11b9b42db5"`);
    await q.query(`ALTER TABLE "consent" DROP CONSTRAINT "FK_cf02b47b8f91d90cfc959db3e14"`);
    await q.query(`ALTER TABLE "consent" DROP CONSTRAINT "FK_5356c224b1c4264b74afa07c08f"`);
    await q.query(`ALTER TABLE "consent" DROP CONSTRAINT "FK_e726fef47fb8742c5595d07c7ad"`);
    await q.query(`DROP INDEX "public"."ix_access_log_citizens"`);
    await q.query(`DROP INDEX "public"."IDX_e8e8e704907a190726502c4cc0"`);
    await q.query(`DROP INDEX "public"."IDX_de5e26a9c6f8dfba4f09839933"`);
    await q.query(`DROP TABLE "access_log"`);
    await q.query(`DROP TYPE "public"."access_outcome"`);
    await q.query(`DROP TYPE "public"."access_operation"`);
    await q.query(`DROP INDEX "public"."IDX_85b8299a65cced23b3d29d012f"`);
    await q.query(`DROP INDEX "public"."IDX_bf6915f00cc28fb19a02b60bb4"`);
    await q.query(`DROP INDEX "public"."IDX_bb9b53288221c103e11b9b42db"`);
    await q.query(`DROP TABLE "access_grant"`);
    await q.query(`DROP INDEX "public"."IDX_5356c224b1c4264b74afa07c08"`);
    await q.query(`DROP INDEX "public"."IDX_e726fef47fb8742c5595d07c7a"`);
    await q.query(`DROP TABLE "consent"`);
    await q.query(`DROP TYPE "public"."consent_form"`);
    await q.query(`DROP TYPE "public"."information_category"`);
    await q.query(`DROP TYPE "public"."consent_kind"`);
  }
}

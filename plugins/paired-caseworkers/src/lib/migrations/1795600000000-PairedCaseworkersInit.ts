import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The plugin's own table: named substitutes for one of a pair (generated from the entity, then kept by hand). */
export class PairedCaseworkersInit1795600000000 implements MigrationInterface {
  name = 'PairedCaseworkersInit1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "paired_caseworkers_substitute" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "covered_staff_member_id" uuid NOT NULL, "substitute_staff_member_id" uuid NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, "covered_areas" text array NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7909b317820cbb4c57566513813" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_ca05bdd88f23ff39d36d264db1" ON "paired_caseworkers_substitute"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_a5cf36df21ed17499e99db33f7" ON "paired_caseworkers_substitute"  ("substitute_staff_member_id") `);
    await q.query(`CREATE INDEX "ix_paired_caseworkers_substitute_course" ON "paired_caseworkers_substitute"  ("course_id", "from_date") `);
    await q.query(
      `ALTER TABLE "paired_caseworkers_substitute" ADD CONSTRAINT "FK_ca05bdd88f23ff39d36d264db18" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "paired_caseworkers_substitute" ADD CONSTRAINT "FK_2581499da5b44af3c4ce47eb36e" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "paired_caseworkers_substitute" ADD CONSTRAINT "FK_515116f3aa1772305f4e655403e" FOREIGN KEY ("covered_staff_member_id") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "paired_caseworkers_substitute" ADD CONSTRAINT "FK_a5cf36df21ed17499e99db33f74" FOREIGN KEY ("substitute_staff_member_id") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "paired_caseworkers_substitute" DROP CONSTRAINT "FK_a5cf36df21ed17499e99db33f74"`);
    await q.query(`ALTER TABLE "paired_caseworkers_substitute" DROP CONSTRAINT "FK_515116f3aa1772305f4e655403e"`);
    await q.query(`ALTER TABLE "paired_caseworkers_substitute" DROP CONSTRAINT "FK_2581499da5b44af3c4ce47eb36e"`);
    await q.query(`ALTER TABLE "paired_caseworkers_substitute" DROP CONSTRAINT "FK_ca05bdd88f23ff39d36d264db18"`);
    await q.query(`DROP INDEX "public"."ix_paired_caseworkers_substitute_course"`);
    await q.query(`DROP INDEX "public"."IDX_a5cf36df21ed17499e99db33f7"`);
    await q.query(`DROP INDEX "public"."IDX_ca05bdd88f23ff39d36d264db1"`);
    await q.query(`DROP TABLE "paired_caseworkers_substitute"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The plugin's own table: the buddy's cover periods. */
export class CitizenConsultantInit1795600000000 implements MigrationInterface {
  name = 'CitizenConsultantInit1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "citizen_consultant_cover" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "buddy_staff_member_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f541323b6357d3733bfd936664e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_ead7b12a025753c0e15c5162aa" ON "citizen_consultant_cover"  ("municipality_id") `);
    await q.query(`CREATE INDEX "IDX_aae27f583ceb2783b3d1badc03" ON "citizen_consultant_cover"  ("course_id", "starts_on") `);
    await q.query(
      `ALTER TABLE "citizen_consultant_cover" ADD CONSTRAINT "FK_ead7b12a025753c0e15c5162aac" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "citizen_consultant_cover"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GIN indexes for "who has looked at this citizen / course": the access log grows with every read. */
export class CoreAccessLogArrayIndexes1795452000000 implements MigrationInterface {
  name = 'CoreAccessLogArrayIndexes1795452000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_access_log_citizens"`);
    await q.query(`CREATE INDEX "ix_access_log_citizens" ON "access_log" USING gin ("citizen_ids")`);
    await q.query(`CREATE INDEX "ix_access_log_courses" ON "access_log" USING gin ("course_ids")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_access_log_courses"`);
    await q.query(`DROP INDEX "public"."ix_access_log_citizens"`);
    await q.query(`CREATE INDEX "ix_access_log_citizens" ON "access_log" ("citizen_ids")`);
  }
}

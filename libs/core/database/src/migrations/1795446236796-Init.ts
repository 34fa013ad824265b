import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreInit1795446236796 implements MigrationInterface {
  name = 'CoreInit1795446236796';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "municipality" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "code" character varying(3) NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f01eb47e7b81481ca5a146a786d" UNIQUE ("code"), CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "municipality"`);
  }
}

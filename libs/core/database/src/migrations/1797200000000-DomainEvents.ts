import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: domain events (the transactional outbox of `@enplan/core/events`), their deliveries per target and
 * the municipalities' webhooks.
 *
 * `domain_event.tx_id` is the writing transaction's id (`pg_current_xact_id()`): the pull feed serves only
 * rows whose transaction is older than every transaction still open (`pg_snapshot_xmin`), so a row with a lower
 * sequence that commits after a higher one cannot be skipped by a client's cursor.
 */
export class CoreDomainEvents1797200000000 implements MigrationInterface {
  name = 'CoreDomainEvents1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "domain_event" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "sequence" BIGSERIAL NOT NULL, "type" character varying(60) NOT NULL, "data" jsonb NOT NULL, "course_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "tx_id" bigint NOT NULL, "routed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_d0b5669e82fa2ee692f4c2a9ccf" UNIQUE ("sequence"), CONSTRAINT "PK_f901502d0301da69fb8cebbb8f2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_5b25e97759096acd9a65cc62cc" ON "domain_event"  ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_domain_event_unrouted" ON "domain_event"  ("routed_at", "sequence") `);
    await q.query(`CREATE INDEX "ix_domain_event_course" ON "domain_event"  ("municipality_id", "course_id", "sequence") `);
    await q.query(`CREATE INDEX "ix_domain_event_feed" ON "domain_event"  ("municipality_id", "sequence") `);
    await q.query(`CREATE TABLE "event_delivery" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "event_id" uuid NOT NULL, "target_kind" character varying(20) NOT NULL, "target_id" character varying(200) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "delivered_at" TIMESTAMP WITH TIME ZONE, "target_reference" character varying(500), "dead_at" TIMESTAMP WITH TIME ZONE, "replays" integer NOT NULL DEFAULT '0', CONSTRAINT "uq_event_delivery_target" UNIQUE ("event_id", "target_kind", "target_id"), CONSTRAINT "PK_cf3a43c27b8bcb66ddac6f3126b" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_94207b27000266d89d94ef0e31" ON "event_delivery"  ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_event_delivery_due" ON "event_delivery"  ("status", "next_attempt_at") `);
    await q.query(`CREATE INDEX "ix_event_delivery_status" ON "event_delivery"  ("municipality_id", "status", "next_attempt_at") `);
    await q.query(`CREATE TABLE "webhook" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "url" character varying(2000) NOT NULL, "event_types" character varying(60) array NOT NULL DEFAULT '{}', "secret" character varying(200) NOT NULL, "previous_secret" character varying(200), "previous_secret_until" TIMESTAMP WITH TIME ZONE, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_76b5e15799e0ea8589597dd042" ON "webhook"  ("municipality_id") `);
    await q.query(`CREATE INDEX "ix_webhook_municipality_active" ON "webhook"  ("municipality_id", "active") `);
    await q.query(`ALTER TABLE "domain_event" ADD CONSTRAINT "FK_5b25e97759096acd9a65cc62cca" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_delivery" ADD CONSTRAINT "FK_94207b27000266d89d94ef0e31a" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_delivery" ADD CONSTRAINT "FK_77c6a1cf2c559f3bde0af255ed8" FOREIGN KEY ("event_id") REFERENCES "domain_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "webhook" ADD CONSTRAINT "FK_76b5e15799e0ea8589597dd0422" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // An event is a fact: it is never edited (the worker only marks it routed).
    await q.query(`CREATE FUNCTION "enplan_domain_event_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id <> OLD.id OR NEW.sequence <> OLD.sequence OR NEW.type <> OLD.type OR NEW.data <> OLD.data OR NEW.municipality_id <> OLD.municipality_id OR NEW.occurred_at <> OLD.occurred_at THEN
          RAISE EXCEPTION 'domain_event rows are never edited' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "domain_event_immutable" BEFORE UPDATE ON "domain_event" FOR EACH ROW EXECUTE FUNCTION "enplan_domain_event_immutable"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook"`);
    await q.query(`DROP TABLE "event_delivery"`);
    await q.query(`DROP TRIGGER "domain_event_immutable" ON "domain_event"`);
    await q.query(`DROP FUNCTION "enplan_domain_event_immutable"()`);
    await q.query(`DROP TABLE "domain_event"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The plugin's tables: the flow, the worksheet, the agreement and the flow's history, each cascading from its course. */
export class StepUpMeetingsInit1795450683750 implements MigrationInterface {
  name = 'StepUpMeetingsInit1795450683750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "step_up_meetings_flow" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "state" character varying(20) NOT NULL, "started_on" date NOT NULL, "started_by" uuid NOT NULL, "years_on_benefit" integer NOT NULL, "benefit_category" character varying(60) NOT NULL, "preparation_due_on" date NOT NULL, "material_sent_on" date, "material_sent_by" uuid, "material_recipient_unit_ids" uuid array NOT NULL DEFAULT '{}', "meeting_id" uuid, "meeting_held_on" date, "chair_staff_member_id" uuid, "job_consultant_staff_member_id" uuid, "re_review_due_on" date, "re_review_meeting_id" uuid, "re_review_held_on" date, "re_review_conclusion" text, "re_review_waived_reason" text, "re_review_waived_by" uuid, "re_review_waived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_50a53a524cb16c52d7c7b17fdec" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_6b295f25db43b22e00e34ab7cd" ON "step_up_meetings_flow"  ("municipality_id")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_28acfe77b8329f70db05ab2ea7" ON "step_up_meetings_flow"  ("course_id")`);
    await q.query(`CREATE TABLE "step_up_meetings_worksheet" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "situation" text NOT NULL, "wishes" text NOT NULL, "obstacles" text NOT NULL, "filled_in_on" date NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9bab8feb54df9098946a24f95a2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_171bfa3a207a2a8c5e0650a64a" ON "step_up_meetings_worksheet"  ("municipality_id")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_fbb9659b03a858cc94cdae6401" ON "step_up_meetings_worksheet"  ("course_id")`);
    await q.query(`CREATE TABLE "step_up_meetings_agreement" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "next_step" text NOT NULL, "responsible" character varying(200) NOT NULL, "next_step_due_on" date, "actions" jsonb NOT NULL, "direction" character varying(40), "citizen_signed_on" date NOT NULL, "chair_staff_member_id" uuid NOT NULL, "chair_signed_on" date NOT NULL, "job_consultant_staff_member_id" uuid NOT NULL, "job_consultant_signed_on" date NOT NULL, "agreed_on" date NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_36ec1ad553eefd6c9eb3b6bf8c2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_97c891ab7a66e1617c4db8e707" ON "step_up_meetings_agreement"  ("municipality_id")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_4b29aafd35fc416954870e0847" ON "step_up_meetings_agreement"  ("course_id")`);
    await q.query(`CREATE TABLE "step_up_meetings_transition" ("municipality_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT uuid_generate_v4(), "course_id" uuid NOT NULL, "from_state" character varying(20), "to_state" character varying(20) NOT NULL, "actor_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2d144f7ac1824989a70cb558caa" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_cd8c679a02308c3b6d1ae1287f" ON "step_up_meetings_transition"  ("municipality_id")`);
    await q.query(`CREATE INDEX "IDX_0f3deae4bb9c4fdce3279724e6" ON "step_up_meetings_transition"  ("course_id")`);
    await q.query(`ALTER TABLE "step_up_meetings_flow" ADD CONSTRAINT "FK_6b295f25db43b22e00e34ab7cda" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "step_up_meetings_flow" ADD CONSTRAINT "FK_28acfe77b8329f70db05ab2ea7b" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "step_up_meetings_worksheet" ADD CONSTRAINT "FK_171bfa3a207a2a8c5e0650a64ac" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "step_up_meetings_worksheet" ADD CONSTRAINT "FK_fbb9659b03a858cc94cdae6401d" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "step_up_meetings_agreement" ADD CONSTRAINT "FK_97c891ab7a66e1617c4db8e7078" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "step_up_meetings_agreement" ADD CONSTRAINT "FK_4b29aafd35fc416954870e0847a" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "step_up_meetings_transition" ADD CONSTRAINT "FK_cd8c679a02308c3b6d1ae1287f5" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "step_up_meetings_transition" ADD CONSTRAINT "FK_0f3deae4bb9c4fdce3279724e6b" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "step_up_meetings_transition" DROP CONSTRAINT "FK_0f3deae4bb9c4fdce3279724e6b"`);
    await q.query(`ALTER TABLE "step_up_meetings_transition" DROP CONSTRAINT "FK_cd8c679a02308c3b6d1ae1287f5"`);
    await q.query(`ALTER TABLE "step_up_meetings_agreement" DROP CONSTRAINT "FK_4b29aafd35fc416954870e0847a"`);
    await q.query(`ALTER TABLE "step_up_meetings_agreement" DROP CONSTRAINT "FK_97c891ab7a66e1617c4db8e7078"`);
    await q.query(`ALTER TABLE "step_up_meetings_worksheet" DROP CONSTRAINT "FK_fbb9659b03a858cc94cdae6401d"`);
    await q.query(`ALTER TABLE "step_up_meetings_worksheet" DROP CONSTRAINT "FK_171bfa3a207a2a8c5e0650a64ac"`);
    await q.query(`ALTER TABLE "step_up_meetings_flow" DROP CONSTRAINT "FK_28acfe77b8329f70db05ab2ea7b"`);
    await q.query(`ALTER TABLE "step_up_meetings_flow" DROP CONSTRAINT "FK_6b295f25db43b22e00e34ab7cda"`);
    await q.query(`DROP INDEX "public"."IDX_0f3deae4bb9c4fdce3279724e6"`);
    await q.query(`DROP INDEX "public"."IDX_cd8c679a02308c3b6d1ae1287f"`);
    await q.query(`DROP TABLE "step_up_meetings_transition"`);
    await q.query(`DROP INDEX "public"."IDX_4b29aafd35fc416954870e0847"`);
    await q.query(`DROP INDEX "public"."IDX_97c891ab7a66e1617c4db8e707"`);
    await q.query(`DROP TABLE "step_up_meetings_agreement"`);
    await q.query(`DROP INDEX "public"."IDX_fbb9659b03a858cc94cdae6401"`);
    await q.query(`DROP INDEX "public"."IDX_171bfa3a207a2a8c5e0650a64a"`);
    await q.query(`DROP TABLE "step_up_meetings_worksheet"`);
    await q.query(`DROP INDEX "public"."IDX_28acfe77b8329f70db05ab2ea7"`);
    await q.query(`DROP INDEX "public"."IDX_6b295f25db43b22e00e34ab7cd"`);
    await q.query(`DROP TABLE "step_up_meetings_flow"`);
  }
}

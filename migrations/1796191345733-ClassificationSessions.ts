import { MigrationInterface, QueryRunner } from 'typeorm';

// Klassningstillfällen (domain.md §4b, issue 4), and the FK of classification.session_id to them.

export class ClassificationSessions1796191345733 implements MigrationInterface {
  name = 'ClassificationSessions1796191345733';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "classification_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(20) NOT NULL, "title" character varying(300) NOT NULL, "org_unit_id" uuid NOT NULL, "org_unit_path" uuid array NOT NULL, "information_set_ids" uuid array NOT NULL, "information_owner_ids" uuid array NOT NULL DEFAULT '{}', "asset_keeper_ids" uuid array NOT NULL DEFAULT '{}', "led_by_id" uuid NOT NULL, "participant_ids" uuid array NOT NULL DEFAULT '{}', "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE, "minutes" text, "status" character varying(20) NOT NULL DEFAULT 'PLANNED', "closed_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_classification_session__has_sets" CHECK (cardinality("information_set_ids") > 0), CONSTRAINT "ck_classification_session__cancelled" CHECK ("status" <> 'CANCELLED' OR "cancel_reason" IS NOT NULL), CONSTRAINT "ck_classification_session__closed" CHECK ("status" <> 'CLOSED' OR ("minutes" IS NOT NULL AND "closed_at" IS NOT NULL)), CONSTRAINT "ck_classification_session__held" CHECK ("status" NOT IN ('HELD', 'CLOSED') OR "held_at" IS NOT NULL), CONSTRAINT "ck_classification_session__status" CHECK ("status" IN ('PLANNED','HELD','CLOSED','CANCELLED')), CONSTRAINT "pk_classification_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_classification_session__tenant_id__status__planned_at" ON "classification_session"  ("tenant_id", "status", "planned_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_classification_session__tenant_id__code" ON "classification_session"  ("tenant_id", "code") `,
    );
    // GIN indexes (synchronize: false in the entity): scope S, and the sessions of a set.
    await queryRunner.query(
      `CREATE INDEX "ix_classification_session__org_unit_path" ON "classification_session" USING gin ("org_unit_path")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_classification_session__information_set_ids" ON "classification_session" USING gin ("information_set_ids")`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification_session" ADD CONSTRAINT "fk_classification_session__org_unit_id__org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification_session" ADD CONSTRAINT "fk_classification_session__led_by_id__person" FOREIGN KEY ("led_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" ADD CONSTRAINT "fk_classification__session_id__classification_session" FOREIGN KEY ("session_id") REFERENCES "classification_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "classification" DROP CONSTRAINT "fk_classification__session_id__classification_session"`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification_session" DROP CONSTRAINT "fk_classification_session__led_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification_session" DROP CONSTRAINT "fk_classification_session__org_unit_id__org_unit"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_classification_session__information_set_ids"`);
    await queryRunner.query(`DROP INDEX "public"."ix_classification_session__org_unit_path"`);
    await queryRunner.query(`DROP INDEX "public"."ix_classification_session__tenant_id__code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_classification_session__tenant_id__status__planned_at"`);
    await queryRunner.query(`DROP TABLE "classification_session"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796166814851 implements MigrationInterface {
  name = 'Notifications1796166814851';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "recipient_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "subject_type" character varying(40) NOT NULL, "subject_id" uuid NOT NULL, "text" text NOT NULL, "dedupe_key" character varying(200) NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_notification__tenant_id__dedupe_key" UNIQUE ("tenant_id", "dedupe_key"), CONSTRAINT "pk_notification" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notification__tenant_id__recipient_id__notified_at" ON "notification"  ("tenant_id", "recipient_id", "notified_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "fk_notification__recipient_id__person" FOREIGN KEY ("recipient_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "fk_notification__recipient_id__person"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_notification__tenant_id__recipient_id__notified_at"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}

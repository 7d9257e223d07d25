import { MigrationInterface, QueryRunner } from 'typeorm';

// The generator does not see a changed CHECK expression: the timeline kinds are replaced by hand. The
// list before includes the attachment kinds (migration IncidentAttachments), which may run first.
const KINDS_BEFORE = `'CREATED','STATUS_CHANGED','TYPE_CHANGED','SEVERITY_CHANGED','AWARE_AT_CHANGED','ASSIGNED','UNIT_CHANGED','FIELDS_UPDATED','NOTE','OBLIGATION_CREATED','OBLIGATION_SUBMITTED','OBLIGATION_NOT_REQUIRED','OBLIGATION_WITHDRAWN','OBLIGATION_RESCHEDULED','SECRECY_MARKED','SECRECY_UNMARKED','EXPORTED','ATTACHMENT_ADDED','ATTACHMENT_REMOVED'`;
const KINDS_AFTER = `${KINDS_BEFORE},'MERGED','MERGED_FROM','QUALITY_BRIDGE','NOTICE_SENT'`;

export class IncidentMergeBridgeNotices1796167957027 implements MigrationInterface {
  name = 'IncidentMergeBridgeNotices1796167957027';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "information_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "incident_id" uuid NOT NULL, "recipient" character varying(200) NOT NULL, "text" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_by_id" uuid NOT NULL, CONSTRAINT "pk_information_notice" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_information_notice__tenant_id__incident_id" ON "information_notice"  ("tenant_id", "incident_id") `,
    );
    await queryRunner.query(`ALTER TABLE "incident" ADD "merged_into_id" uuid`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "bridged_from_id" uuid`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "quality_bridge_answer" character varying(3)`);
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "ck_incident__merged" CHECK (("status" = 'MERGED') = ("merged_into_id" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "ck_incident__quality_bridge_answer" CHECK ("quality_bridge_answer" IS NULL OR "quality_bridge_answer" IN ('YES','NO'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "fk_incident__merged_into_id__incident" FOREIGN KEY ("merged_into_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "fk_incident__bridged_from_id__incident" FOREIGN KEY ("bridged_from_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_notice" ADD CONSTRAINT "fk_information_notice__incident_id__incident" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_notice" ADD CONSTRAINT "fk_information_notice__sent_by_id__person" FOREIGN KEY ("sent_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" DROP CONSTRAINT "ck_incident_timeline_entry__kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" ADD CONSTRAINT "ck_incident_timeline_entry__kind" CHECK ("kind" IN (${KINDS_AFTER}))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" DROP CONSTRAINT "ck_incident_timeline_entry__kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" ADD CONSTRAINT "ck_incident_timeline_entry__kind" CHECK ("kind" IN (${KINDS_BEFORE}))`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_notice" DROP CONSTRAINT "fk_information_notice__sent_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_notice" DROP CONSTRAINT "fk_information_notice__incident_id__incident"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident" DROP CONSTRAINT "fk_incident__bridged_from_id__incident"`,
    );
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "fk_incident__merged_into_id__incident"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "ck_incident__quality_bridge_answer"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "ck_incident__merged"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "quality_bridge_answer"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "bridged_from_id"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "merged_into_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_information_notice__tenant_id__incident_id"`);
    await queryRunner.query(`DROP TABLE "information_notice"`);
  }
}

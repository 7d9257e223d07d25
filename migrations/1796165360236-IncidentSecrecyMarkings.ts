import { MigrationInterface, QueryRunner } from 'typeorm';

export class IncidentSecrecyMarkings1796165360236 implements MigrationInterface {
  name = 'IncidentSecrecyMarkings1796165360236';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incident_secrecy_marking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "incident_id" uuid NOT NULL, "field_paths" text array NOT NULL, "provision" character varying(80) NOT NULL, "reason" text NOT NULL, "marked_by_id" uuid NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_incident_secrecy_marking__reason" CHECK (length(btrim("reason")) > 0), CONSTRAINT "ck_incident_secrecy_marking__field_paths_nonempty" CHECK (cardinality("field_paths") > 0), CONSTRAINT "ck_incident_secrecy_marking__field_paths" CHECK ("field_paths" <@ ARRAY['title','description','rootCause','consequences','measures','lessonsLearned','dataSubjectsApprox','recordsApprox','dataCategories']::text[]), CONSTRAINT "pk_incident_secrecy_marking" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_incident_secrecy_marking__tenant_id__incident_id" ON "incident_secrecy_marking"  ("tenant_id", "incident_id") `,
    );
    await queryRunner.query(`ALTER TABLE "incident" ADD "data_subjects_approx" integer`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "records_approx" integer`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "data_categories" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "asset_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "incident" ADD "information_set_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "ck_incident__records_approx" CHECK ("records_approx" IS NULL OR "records_approx" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "ck_incident__data_subjects_approx" CHECK ("data_subjects_approx" IS NULL OR "data_subjects_approx" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "ck_incident__data_categories" CHECK ("data_categories" <@ ARRAY['IDENTITY','CONTACT','PERSONAL_ID_NUMBER','FINANCIAL','EVALUATIVE','HEALTH','ETHNIC_ORIGIN','POLITICAL_OPINION','RELIGION','TRADE_UNION','SEX_LIFE','GENETIC_BIOMETRIC','CRIMINAL_OFFENCE','LOCATION','COMMUNICATION_METADATA','OSL_SECRET']::text[])`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_secrecy_marking" ADD CONSTRAINT "fk_incident_secrecy_marking__incident_id__incident" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_secrecy_marking" ADD CONSTRAINT "fk_incident_secrecy_marking__marked_by_id__person" FOREIGN KEY ("marked_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The generator does not see a changed CHECK expression: the timeline kinds are replaced by hand.
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" DROP CONSTRAINT "ck_incident_timeline_entry__kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" ADD CONSTRAINT "ck_incident_timeline_entry__kind" CHECK ("kind" IN ('CREATED','STATUS_CHANGED','TYPE_CHANGED','SEVERITY_CHANGED','AWARE_AT_CHANGED','ASSIGNED','UNIT_CHANGED','FIELDS_UPDATED','NOTE','OBLIGATION_CREATED','OBLIGATION_SUBMITTED','OBLIGATION_NOT_REQUIRED','OBLIGATION_WITHDRAWN','OBLIGATION_RESCHEDULED','SECRECY_MARKED','SECRECY_UNMARKED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" DROP CONSTRAINT "ck_incident_timeline_entry__kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" ADD CONSTRAINT "ck_incident_timeline_entry__kind" CHECK ("kind" IN ('CREATED','STATUS_CHANGED','TYPE_CHANGED','SEVERITY_CHANGED','AWARE_AT_CHANGED','ASSIGNED','UNIT_CHANGED','FIELDS_UPDATED','NOTE','OBLIGATION_CREATED','OBLIGATION_SUBMITTED','OBLIGATION_NOT_REQUIRED','OBLIGATION_WITHDRAWN','OBLIGATION_RESCHEDULED'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_secrecy_marking" DROP CONSTRAINT "fk_incident_secrecy_marking__marked_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_secrecy_marking" DROP CONSTRAINT "fk_incident_secrecy_marking__incident_id__incident"`,
    );
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "ck_incident__data_categories"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "ck_incident__data_subjects_approx"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "ck_incident__records_approx"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "information_set_ids"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "asset_ids"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "data_categories"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "records_approx"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "data_subjects_approx"`);
    await queryRunner.query(`DROP INDEX "public"."ix_incident_secrecy_marking__tenant_id__incident_id"`);
    await queryRunner.query(`DROP TABLE "incident_secrecy_marking"`);
  }
}

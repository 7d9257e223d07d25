import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInformationRegisters1796165300151 implements MigrationInterface {
  name = 'CreateInformationRegisters1796165300151';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "information_set" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "description" text, "org_unit_id" uuid NOT NULL, "org_unit_path" uuid array NOT NULL, "information_owner_id" uuid, "information_owner_appointed_by_id" uuid, "information_owner_appointed_at" TIMESTAMP WITH TIME ZONE, "information_owner_appointment_ref" character varying(100), "records_class_code" character varying(40), "contains_personal_data" boolean NOT NULL DEFAULT false, "personal_data_categories" text array NOT NULL DEFAULT '{}', "special_category_data" boolean NOT NULL DEFAULT false, "criminal_offence_data" boolean NOT NULL DEFAULT false, "concerns_children" boolean NOT NULL DEFAULT false, "protected_identity" boolean NOT NULL DEFAULT false, "secrecy_provisions" text array NOT NULL DEFAULT '{}', "legal_bases" text array NOT NULL DEFAULT '{}', "special_handling" boolean NOT NULL DEFAULT false, "retention" text, "status" character varying(20) NOT NULL DEFAULT 'DRAFT', "classification_id" uuid, "classification_due_at" date, "asset_keeper_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "uq_information_set__tenant_id__code" UNIQUE ("tenant_id", "code"), CONSTRAINT "ck_information_set__special_handling" CHECK (NOT "special_handling" OR ("description" IS NULL AND "records_class_code" IS NULL AND "retention" IS NULL AND NOT "contains_personal_data" AND "personal_data_categories" = '{}' AND NOT "special_category_data" AND NOT "criminal_offence_data" AND NOT "concerns_children" AND NOT "protected_identity" AND "secrecy_provisions" = '{}' AND "legal_bases" = '{}')), CONSTRAINT "ck_information_set__personal_data_categories" CHECK ("personal_data_categories" <@ ARRAY['IDENTITY','CONTACT','PERSONAL_ID_NUMBER','FINANCIAL','EVALUATIVE','HEALTH','ETHNIC_ORIGIN','POLITICAL_OPINION','RELIGION','TRADE_UNION','SEX_LIFE','GENETIC_BIOMETRIC','CRIMINAL_OFFENCE','LOCATION','COMMUNICATION_METADATA','OSL_SECRET']::text[]), CONSTRAINT "ck_information_set__status" CHECK ("status" IN ('DRAFT','ACTIVE','RETIRED')), CONSTRAINT "pk_information_set" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_information_set__tenant_id__information_owner_id" ON "information_set"  ("tenant_id", "information_owner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "asset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "description" text, "type" character varying(30) NOT NULL, "subtype" character varying(30), "org_unit_id" uuid NOT NULL, "org_unit_path" uuid array NOT NULL, "asset_owner_id" uuid, "asset_owner_appointed_by_id" uuid, "asset_owner_appointed_at" TIMESTAMP WITH TIME ZONE, "asset_owner_appointment_ref" character varying(100), "system_manager_id" uuid, "system_manager_appointed_by_id" uuid, "system_manager_appointed_at" TIMESTAMP WITH TIME ZONE, "system_manager_appointment_ref" character varying(100), "provider_org_unit_id" uuid, "supplier_name" character varying(200), "hosting" character varying(30), "third_country_processing" boolean NOT NULL DEFAULT false, "mfa_required" boolean NOT NULL DEFAULT false, "internet_exposed" boolean NOT NULL DEFAULT false, "criticality" character varying(10) NOT NULL DEFAULT 'NORMAL', "rto_hours" integer, "rpo_hours" integer, "status" character varying(20) NOT NULL DEFAULT 'PLANNED', "contains_personal_data" boolean NOT NULL DEFAULT false, "special_category_data" boolean NOT NULL DEFAULT false, "information_owner_ids" uuid array NOT NULL DEFAULT '{}', "derived_levels" jsonb, "effective_levels" jsonb, "classification_complete" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_asset__tenant_id__code" UNIQUE ("tenant_id", "code"), CONSTRAINT "ck_asset__rpo_hours" CHECK ("rpo_hours" IS NULL OR "rpo_hours" >= 0), CONSTRAINT "ck_asset__rto_hours" CHECK ("rto_hours" IS NULL OR "rto_hours" >= 0), CONSTRAINT "ck_asset__status" CHECK ("status" IN ('PLANNED','PROCUREMENT','ACTIVE','PHASE_OUT','RETIRED')), CONSTRAINT "ck_asset__criticality" CHECK ("criticality" IN ('LOW','NORMAL','HIGH','VITAL')), CONSTRAINT "ck_asset__hosting" CHECK ("hosting" IS NULL OR "hosting" IN ('ON_PREMISES','MUNICIPAL_DATACENTRE','OTHER_PUBLIC_BODY','SWEDISH_SUPPLIER','EU_SUPPLIER','THIRD_COUNTRY')), CONSTRAINT "ck_asset__subtype" CHECK ("subtype" IS NULL OR "subtype" IN ('STORAGE','BACKUP','FIREWALL','NETWORK_EQUIPMENT','SERVER','ENDPOINT','IDENTITY','LOGGING','OTHER')), CONSTRAINT "ck_asset__type" CHECK ("type" IN ('IT_SYSTEM','IT_COMPONENT','PHYSICAL_STORAGE','SPACE','PROCESS','EXTERNAL_SERVICE','OTHER')), CONSTRAINT "pk_asset" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_asset__tenant_id__system_manager_id" ON "asset"  ("tenant_id", "system_manager_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_asset__tenant_id__asset_owner_id" ON "asset"  ("tenant_id", "asset_owner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "asset_information_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "asset_id" uuid NOT NULL, "information_set_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_asset_information_link__asset_id__information_set_id" UNIQUE ("asset_id", "information_set_id"), CONSTRAINT "ck_asset_information_link__role" CHECK ("role" IN ('STORES','PROCESSES','TRANSFERS','USED_IN')), CONSTRAINT "pk_asset_information_link" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_asset_information_link__tenant_id__information_set_id" ON "asset_information_link"  ("tenant_id", "information_set_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "asset_dependency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "asset_id" uuid NOT NULL, "supporting_asset_id" uuid NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_asset_dependency__asset_id__supporting_asset_id" UNIQUE ("asset_id", "supporting_asset_id"), CONSTRAINT "ck_asset_dependency__not_self" CHECK ("asset_id" <> "supporting_asset_id"), CONSTRAINT "pk_asset_dependency" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_asset_dependency__tenant_id__supporting_asset_id" ON "asset_dependency"  ("tenant_id", "supporting_asset_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "information_set" ADD CONSTRAINT "fk_information_set__org_unit_id__org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_set" ADD CONSTRAINT "fk_information_set__information_owner_id__person" FOREIGN KEY ("information_owner_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_set" ADD CONSTRAINT "fk_information_set__information_owner_appointed_by_id__person" FOREIGN KEY ("information_owner_appointed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__org_unit_id__org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__asset_owner_id__person" FOREIGN KEY ("asset_owner_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__asset_owner_appointed_by_id__person" FOREIGN KEY ("asset_owner_appointed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__system_manager_id__person" FOREIGN KEY ("system_manager_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__system_manager_appointed_by_id__person" FOREIGN KEY ("system_manager_appointed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__provider_org_unit_id__org_unit" FOREIGN KEY ("provider_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_information_link" ADD CONSTRAINT "fk_asset_information_link__asset_id__asset" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_information_link" ADD CONSTRAINT "fk_asset_information_link__information_set_id__information_set" FOREIGN KEY ("information_set_id") REFERENCES "information_set"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_dependency" ADD CONSTRAINT "fk_asset_dependency__asset_id__asset" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_dependency" ADD CONSTRAINT "fk_asset_dependency__supporting_asset_id__asset" FOREIGN KEY ("supporting_asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Not expressible in entity decorators (so marked synchronize: false there): GIN indexes for the
    // scope filters (array overlap and containment of the org path and the denormalised keeper ids).
    await queryRunner.query(
      `CREATE INDEX "ix_information_set__org_unit_path" ON "information_set" USING gin ("org_unit_path")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_information_set__asset_keeper_ids" ON "information_set" USING gin ("asset_keeper_ids")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_asset__org_unit_path" ON "asset" USING gin ("org_unit_path")`);
    await queryRunner.query(
      `CREATE INDEX "ix_asset__information_owner_ids" ON "asset" USING gin ("information_owner_ids")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_asset__information_owner_ids"`);
    await queryRunner.query(`DROP INDEX "ix_asset__org_unit_path"`);
    await queryRunner.query(`DROP INDEX "ix_information_set__asset_keeper_ids"`);
    await queryRunner.query(`DROP INDEX "ix_information_set__org_unit_path"`);
    await queryRunner.query(
      `ALTER TABLE "asset_dependency" DROP CONSTRAINT "fk_asset_dependency__supporting_asset_id__asset"`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_dependency" DROP CONSTRAINT "fk_asset_dependency__asset_id__asset"`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_information_link" DROP CONSTRAINT "fk_asset_information_link__information_set_id__information_set"`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_information_link" DROP CONSTRAINT "fk_asset_information_link__asset_id__asset"`,
    );
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__provider_org_unit_id__org_unit"`);
    await queryRunner.query(
      `ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__system_manager_appointed_by_id__person"`,
    );
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__system_manager_id__person"`);
    await queryRunner.query(
      `ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__asset_owner_appointed_by_id__person"`,
    );
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__asset_owner_id__person"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__org_unit_id__org_unit"`);
    await queryRunner.query(
      `ALTER TABLE "information_set" DROP CONSTRAINT "fk_information_set__information_owner_appointed_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_set" DROP CONSTRAINT "fk_information_set__information_owner_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "information_set" DROP CONSTRAINT "fk_information_set__org_unit_id__org_unit"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_asset_dependency__tenant_id__supporting_asset_id"`);
    await queryRunner.query(`DROP TABLE "asset_dependency"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset_information_link__tenant_id__information_set_id"`);
    await queryRunner.query(`DROP TABLE "asset_information_link"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__tenant_id__asset_owner_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__tenant_id__system_manager_id"`);
    await queryRunner.query(`DROP TABLE "asset"`);
    await queryRunner.query(`DROP INDEX "public"."ix_information_set__tenant_id__information_owner_id"`);
    await queryRunner.query(`DROP TABLE "information_set"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClassification1796165695484 implements MigrationInterface {
  name = 'CreateClassification1796165695484';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "classification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "information_set_id" uuid NOT NULL, "session_id" uuid, "org_unit_id" uuid NOT NULL, "org_unit_path" uuid array NOT NULL, "information_owner_id" uuid, "asset_keeper_ids" uuid array NOT NULL DEFAULT '{}', "model_version" integer NOT NULL, "level_k" smallint, "level_r" smallint, "level_t" smallint, "level_s" smallint, "special_handling" boolean NOT NULL DEFAULT false, "rationale_k" text, "rationale_r" text, "rationale_t" text, "rationale_s" text, "consequence_categories" text array NOT NULL DEFAULT '{}', "legal_refs" text array NOT NULL DEFAULT '{}', "trigger" character varying(30) NOT NULL DEFAULT 'INITIAL', "status" character varying(20) NOT NULL DEFAULT 'DRAFT', "proposed_by_id" uuid, "proposed_at" TIMESTAMP WITH TIME ZONE, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "diarienummer" character varying(60), "valid_until" date, "return_comment" text, "cancel_reason" text, "review_flagged_at" TIMESTAMP WITH TIME ZONE, "review_flag_reason" character varying(30), "confirmed_unchanged_by_id" uuid, "confirmed_unchanged_at" TIMESTAMP WITH TIME ZONE, "supersedes_id" uuid, CONSTRAINT "ck_classification__decided_levels" CHECK ("status" <> 'DECIDED' OR ("level_k" IS NOT NULL AND "level_r" IS NOT NULL AND "level_t" IS NOT NULL AND "level_s" IS NOT NULL)), CONSTRAINT "ck_classification__decided" CHECK ("status" NOT IN ('DECIDED', 'SPECIAL_HANDLING') OR ("decided_at" IS NOT NULL AND "valid_until" IS NOT NULL)), CONSTRAINT "ck_classification__special_handling" CHECK (NOT "special_handling" OR ("level_k" IS NULL AND "level_r" IS NULL AND "level_t" IS NULL AND "level_s" IS NULL)), CONSTRAINT "ck_classification__consequence_categories" CHECK ("consequence_categories" <@ ARRAY['ekonomisk förlust','påverkan på verksamheten','bristande efterlevnad av rättsliga krav','skadat förtroende','skada på annan organisation eller samhället','personskada']::text[]), CONSTRAINT "ck_classification__level_s" CHECK ("level_s" IS NULL OR "level_s" BETWEEN 0 AND 3), CONSTRAINT "ck_classification__level_t" CHECK ("level_t" IS NULL OR "level_t" BETWEEN 0 AND 3), CONSTRAINT "ck_classification__level_r" CHECK ("level_r" IS NULL OR "level_r" BETWEEN 0 AND 3), CONSTRAINT "ck_classification__level_k" CHECK ("level_k" IS NULL OR "level_k" BETWEEN 0 AND 3), CONSTRAINT "ck_classification__review_flag_reason" CHECK ("review_flag_reason" IS NULL OR "review_flag_reason" IN ('INITIAL','PERIODIC','INFORMATION_CHANGED','NEW_ASSET_LINK','INCIDENT','LEGAL_CHANGE','MANUAL')), CONSTRAINT "ck_classification__trigger" CHECK ("trigger" IN ('INITIAL','PERIODIC','INFORMATION_CHANGED','NEW_ASSET_LINK','INCIDENT','LEGAL_CHANGE','MANUAL')), CONSTRAINT "ck_classification__status" CHECK ("status" IN ('DRAFT','PROPOSED','DECIDED','SPECIAL_HANDLING','SUPERSEDED','CANCELLED')), CONSTRAINT "pk_classification" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_classification__in_force" ON "classification"  ("information_set_id") WHERE "status" IN ('DECIDED', 'SPECIAL_HANDLING')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_classification__open" ON "classification"  ("information_set_id") WHERE "status" IN ('DRAFT', 'PROPOSED')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_classification__tenant_id__information_owner_id" ON "classification"  ("tenant_id", "information_owner_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_classification__tenant_id__status__valid_until" ON "classification"  ("tenant_id", "status", "valid_until") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_classification__tenant_id__information_set_id" ON "classification"  ("tenant_id", "information_set_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "protection_override" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "asset_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "org_unit_path" uuid array NOT NULL, "asset_owner_id" uuid, "system_manager_id" uuid, "aspect" character varying(1) NOT NULL, "level" smallint NOT NULL, "direction" character varying(10) NOT NULL, "reason_type" character varying(20) NOT NULL, "reason" text NOT NULL, "requested_by_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "approved_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "rejection_reason" text, "valid_until" date, "status" character varying(20) NOT NULL, CONSTRAINT "ck_protection_override__lower_valid_until" CHECK ("direction" <> 'LOWER' OR "valid_until" IS NOT NULL), CONSTRAINT "ck_protection_override__status" CHECK ("status" IN ('REQUESTED','ACTIVE','REJECTED','WITHDRAWN','EXPIRED')), CONSTRAINT "ck_protection_override__reason_type" CHECK ("reason_type" IN ('AGGREGATION','ACCUMULATION','INTEGRATION','DISTRIBUTION','SEGREGATION','OTHER')), CONSTRAINT "ck_protection_override__direction" CHECK ("direction" IN ('RAISE','LOWER')), CONSTRAINT "ck_protection_override__level" CHECK ("level" BETWEEN 0 AND 3), CONSTRAINT "ck_protection_override__aspect" CHECK ("aspect" IN ('K','R','T','S')), CONSTRAINT "pk_protection_override" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_protection_override__tenant_id__asset_id" ON "protection_override"  ("tenant_id", "asset_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "action_plan_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "asset_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "org_unit_path" uuid array NOT NULL, "asset_owner_id" uuid, "system_manager_id" uuid, "requirement_code" character varying(20) NOT NULL, "catalogue_version" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'NOT_MET', "how" text, "responsible_id" uuid, "due_date" date, "assessed_by_id" uuid, "assessed_at" TIMESTAMP WITH TIME ZONE, "action_id" uuid, "not_applicable_reason" text, CONSTRAINT "uq_action_plan_item__asset_id__requirement_code" UNIQUE ("asset_id", "requirement_code"), CONSTRAINT "ck_action_plan_item__not_applicable_reason" CHECK ("status" <> 'NOT_APPLICABLE' OR "not_applicable_reason" IS NOT NULL), CONSTRAINT "ck_action_plan_item__status" CHECK ("status" IN ('MET','PARTLY','NOT_MET','NOT_APPLICABLE')), CONSTRAINT "pk_action_plan_item" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_action_plan_item__tenant_id__asset_id" ON "action_plan_item"  ("tenant_id", "asset_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "classification_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "review_interval_months" integer NOT NULL DEFAULT '12', "model_version" integer NOT NULL DEFAULT '1', CONSTRAINT "uq_classification_settings__tenant_id" UNIQUE ("tenant_id"), CONSTRAINT "ck_classification_settings__review_interval_months" CHECK ("review_interval_months" BETWEEN 1 AND 36), CONSTRAINT "pk_classification_settings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" ADD CONSTRAINT "fk_classification__information_set_id__information_set" FOREIGN KEY ("information_set_id") REFERENCES "information_set"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" ADD CONSTRAINT "fk_classification__proposed_by_id__person" FOREIGN KEY ("proposed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" ADD CONSTRAINT "fk_classification__decided_by_id__person" FOREIGN KEY ("decided_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" ADD CONSTRAINT "fk_classification__confirmed_unchanged_by_id__person" FOREIGN KEY ("confirmed_unchanged_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" ADD CONSTRAINT "fk_classification__supersedes_id__classification" FOREIGN KEY ("supersedes_id") REFERENCES "classification"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "protection_override" ADD CONSTRAINT "fk_protection_override__asset_id__asset" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "protection_override" ADD CONSTRAINT "fk_protection_override__requested_by_id__person" FOREIGN KEY ("requested_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "protection_override" ADD CONSTRAINT "fk_protection_override__approved_by_id__person" FOREIGN KEY ("approved_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_plan_item" ADD CONSTRAINT "fk_action_plan_item__asset_id__asset" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_plan_item" ADD CONSTRAINT "fk_action_plan_item__responsible_id__person" FOREIGN KEY ("responsible_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_plan_item" ADD CONSTRAINT "fk_action_plan_item__assessed_by_id__person" FOREIGN KEY ("assessed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Not expressible in entity decorators (so marked synchronize: false there): GIN indexes for the
    // scope filters, and decided versions that cannot change (§4b): once out of DRAFT/PROPOSED only the
    // review flag, the confirmation, the denormalised scope columns and DECIDED → SUPERSEDED may change.
    for (const table of ['classification', 'protection_override', 'action_plan_item']) {
      await queryRunner.query(
        `CREATE INDEX "ix_${table}__org_unit_path" ON "${table}" USING gin ("org_unit_path")`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX "ix_classification__asset_keeper_ids" ON "classification" USING gin ("asset_keeper_ids")`,
    );
    await queryRunner.query(`CREATE FUNCTION classification_decision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'classification % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.status IN ('DECIDED', 'SPECIAL_HANDLING', 'SUPERSEDED', 'CANCELLED')
           AND ((NEW.information_set_id, NEW.tenant_id, NEW.model_version, NEW.level_k, NEW.level_r, NEW.level_t, NEW.level_s, NEW.special_handling, NEW.rationale_k, NEW.rationale_r, NEW.rationale_t, NEW.rationale_s, NEW.consequence_categories, NEW.legal_refs, NEW.trigger, NEW.proposed_by_id, NEW.proposed_at, NEW.decided_by_id, NEW.decided_at, NEW.diarienummer, NEW.valid_until, NEW.return_comment, NEW.cancel_reason, NEW.supersedes_id, NEW.created_at) IS DISTINCT FROM (OLD.information_set_id, OLD.tenant_id, OLD.model_version, OLD.level_k, OLD.level_r, OLD.level_t, OLD.level_s, OLD.special_handling, OLD.rationale_k, OLD.rationale_r, OLD.rationale_t, OLD.rationale_s, OLD.consequence_categories, OLD.legal_refs, OLD.trigger, OLD.proposed_by_id, OLD.proposed_at, OLD.decided_by_id, OLD.decided_at, OLD.diarienummer, OLD.valid_until, OLD.return_comment, OLD.cancel_reason, OLD.supersedes_id, OLD.created_at)
                OR (NEW.status <> OLD.status AND NOT (OLD.status IN ('DECIDED', 'SPECIAL_HANDLING') AND NEW.status = 'SUPERSEDED'))) THEN
          RAISE EXCEPTION 'classification % is decided and cannot be changed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "tr_classification__decision_immutable" BEFORE UPDATE OR DELETE ON "classification"
      FOR EACH ROW EXECUTE FUNCTION classification_decision_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_classification__decision_immutable" ON "classification"`);
    await queryRunner.query(`DROP FUNCTION classification_decision_immutable()`);
    await queryRunner.query(`DROP INDEX "ix_classification__asset_keeper_ids"`);
    for (const table of ['classification', 'protection_override', 'action_plan_item']) {
      await queryRunner.query(`DROP INDEX "ix_${table}__org_unit_path"`);
    }
    await queryRunner.query(
      `ALTER TABLE "action_plan_item" DROP CONSTRAINT "fk_action_plan_item__assessed_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_plan_item" DROP CONSTRAINT "fk_action_plan_item__responsible_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_plan_item" DROP CONSTRAINT "fk_action_plan_item__asset_id__asset"`,
    );
    await queryRunner.query(
      `ALTER TABLE "protection_override" DROP CONSTRAINT "fk_protection_override__approved_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "protection_override" DROP CONSTRAINT "fk_protection_override__requested_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "protection_override" DROP CONSTRAINT "fk_protection_override__asset_id__asset"`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" DROP CONSTRAINT "fk_classification__supersedes_id__classification"`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" DROP CONSTRAINT "fk_classification__confirmed_unchanged_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" DROP CONSTRAINT "fk_classification__decided_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" DROP CONSTRAINT "fk_classification__proposed_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "classification" DROP CONSTRAINT "fk_classification__information_set_id__information_set"`,
    );
    await queryRunner.query(`DROP TABLE "classification_settings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_action_plan_item__tenant_id__asset_id"`);
    await queryRunner.query(`DROP TABLE "action_plan_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_protection_override__tenant_id__asset_id"`);
    await queryRunner.query(`DROP TABLE "protection_override"`);
    await queryRunner.query(`DROP INDEX "public"."ix_classification__tenant_id__information_set_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_classification__tenant_id__status__valid_until"`);
    await queryRunner.query(`DROP INDEX "public"."ix_classification__tenant_id__information_owner_id"`);
    await queryRunner.query(`DROP INDEX "public"."ux_classification__open"`);
    await queryRunner.query(`DROP INDEX "public"."ux_classification__in_force"`);
    await queryRunner.query(`DROP TABLE "classification"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1796154107714 implements MigrationInterface {
  name = 'CreateFoundation1796154107714';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tenant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "organisation_number" character varying(20), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "uq_tenant__code" UNIQUE ("code"), CONSTRAINT "pk_tenant" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "org_unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "short_name" character varying(40) NOT NULL, "type" character varying(30) NOT NULL, "parent_id" uuid, "path" uuid array NOT NULL, "is_data_controller" boolean NOT NULL DEFAULT false, "serves_committee_id" uuid, "covered_by_cyber_security_act" boolean NOT NULL DEFAULT false, "nis_sector" character varying(200), "headcount" integer NOT NULL DEFAULT '0', "aliases" text array NOT NULL DEFAULT '{}', "status" character varying(20) NOT NULL DEFAULT 'ACTIVE', "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "uq_org_unit__tenant_id__code" UNIQUE ("tenant_id", "code"), CONSTRAINT "ck_org_unit__root_has_no_parent" CHECK (("type" = 'TENANT_ROOT') = ("parent_id" IS NULL)), CONSTRAINT "ck_org_unit__status" CHECK ("status" IN ('ACTIVE','DISSOLVED')), CONSTRAINT "ck_org_unit__type" CHECK ("type" IN ('TENANT_ROOT','COUNCIL','EXECUTIVE_BOARD','COMMITTEE','AUDIT_BODY','ADMINISTRATION','DIVISION','UNIT','COMPANY','JOINT_BODY','PROJECT')), CONSTRAINT "pk_org_unit" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_org_unit__tenant_id__parent_id" ON "org_unit"  ("tenant_id", "parent_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "username" character varying(100) NOT NULL, "display_name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "phone" character varying(40), "employee_number" character varying(40), "home_org_unit_id" uuid NOT NULL, "has_own_computer" boolean NOT NULL DEFAULT true, "is_elected" boolean NOT NULL DEFAULT false, "external_organisation" character varying(200), "status" character varying(20) NOT NULL DEFAULT 'ACTIVE', "identity_provider_subject" character varying(300), CONSTRAINT "ck_person__status" CHECK ("status" IN ('ACTIVE','INACTIVE')), CONSTRAINT "pk_person" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_person__tenant_id__home_org_unit_id" ON "person"  ("tenant_id", "home_org_unit_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "role_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "person_id" uuid NOT NULL, "role" character varying(40) NOT NULL, "org_unit_ids" uuid array NOT NULL, "org_unit_paths" uuid array NOT NULL, "include_subtree" boolean NOT NULL DEFAULT true, "valid_from" date NOT NULL, "valid_to" date, "appointed_by_id" uuid, "appointment_ref" character varying(60), "deputy_for_id" uuid, "is_acting" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_role_assignment__has_units" CHECK (cardinality("org_unit_ids") > 0), CONSTRAINT "ck_role_assignment__valid_range" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "ck_role_assignment__role" CHECK ("role" IN ('ADMIN','CISO','COORDINATOR','DPO','HEAD','MANAGER','EMPLOYEE','AUDITOR','ELECTED','READER','SECURITY_PROTECTION_OFFICER')), CONSTRAINT "pk_role_assignment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_role_assignment__tenant_id__person_id" ON "role_assignment"  ("tenant_id", "person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "history_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_roles" text array NOT NULL DEFAULT '{}', "action" character varying(40) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" uuid NOT NULL, "before" jsonb, "after" jsonb, "reason" text, "correlation_id" character varying(100), "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "uq_history_entry__tenant_id__seq" UNIQUE ("tenant_id", "seq"), CONSTRAINT "pk_history_entry" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_history_entry__tenant_id__entity_type__entity_id" ON "history_entry"  ("tenant_id", "entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "credential" ("person_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "password_hash" text NOT NULL, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_credential" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "login_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(200) NOT NULL, "ip" character varying(64) NOT NULL, "succeeded" boolean NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_login_attempt" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_login_attempt__ip__attempted_at" ON "login_attempt"  ("ip", "attempted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_login_attempt__username__attempted_at" ON "login_attempt"  ("username", "attempted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "person_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "csrf_token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "user_agent" character varying(300), CONSTRAINT "pk_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session__tenant_id__person_id" ON "session"  ("tenant_id", "person_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_session__token_hash" ON "session"  ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit__tenant_id__tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit__parent_id__org_unit" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit__serves_committee_id__org_unit" FOREIGN KEY ("serves_committee_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "fk_person__tenant_id__tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "fk_person__home_org_unit_id__org_unit" FOREIGN KEY ("home_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignment" ADD CONSTRAINT "fk_role_assignment__person_id__person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignment" ADD CONSTRAINT "fk_role_assignment__appointed_by_id__person" FOREIGN KEY ("appointed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "credential" ADD CONSTRAINT "fk_credential__person_id__person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "fk_session__person_id__person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Not expressible in entity decorators (so marked synchronize: false there):
    // GIN indexes for the scope filters (array overlap), case-insensitive unique usernames,
    // and an append-only history.
    await queryRunner.query(`CREATE INDEX "ix_org_unit__path" ON "org_unit" USING gin ("path")`);
    await queryRunner.query(
      `CREATE INDEX "ix_role_assignment__org_unit_paths" ON "role_assignment" USING gin ("org_unit_paths")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_person__tenant_id__username" ON "person" ("tenant_id", lower("username"))`,
    );
    await queryRunner.query(`CREATE FUNCTION history_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'history_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "tr_history_entry__append_only" BEFORE UPDATE OR DELETE ON "history_entry"
      FOR EACH ROW EXECUTE FUNCTION history_entry_append_only()`);
    await queryRunner.query(`CREATE TRIGGER "tr_history_entry__no_truncate" BEFORE TRUNCATE ON "history_entry"
      FOR EACH STATEMENT EXECUTE FUNCTION history_entry_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_history_entry__no_truncate" ON "history_entry"`);
    await queryRunner.query(`DROP TRIGGER "tr_history_entry__append_only" ON "history_entry"`);
    await queryRunner.query(`DROP FUNCTION history_entry_append_only()`);
    await queryRunner.query(`DROP INDEX "uq_person__tenant_id__username"`);
    await queryRunner.query(`DROP INDEX "ix_role_assignment__org_unit_paths"`);
    await queryRunner.query(`DROP INDEX "ix_org_unit__path"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "fk_session__person_id__person"`);
    await queryRunner.query(`ALTER TABLE "credential" DROP CONSTRAINT "fk_credential__person_id__person"`);
    await queryRunner.query(
      `ALTER TABLE "role_assignment" DROP CONSTRAINT "fk_role_assignment__appointed_by_id__person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignment" DROP CONSTRAINT "fk_role_assignment__person_id__person"`,
    );
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "fk_person__home_org_unit_id__org_unit"`);
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "fk_person__tenant_id__tenant"`);
    await queryRunner.query(
      `ALTER TABLE "org_unit" DROP CONSTRAINT "fk_org_unit__serves_committee_id__org_unit"`,
    );
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "fk_org_unit__parent_id__org_unit"`);
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "fk_org_unit__tenant_id__tenant"`);
    await queryRunner.query(`DROP INDEX "public"."ix_session__token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_session__tenant_id__person_id"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_login_attempt__username__attempted_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_login_attempt__ip__attempted_at"`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
    await queryRunner.query(`DROP TABLE "credential"`);
    await queryRunner.query(`DROP INDEX "public"."ix_history_entry__tenant_id__entity_type__entity_id"`);
    await queryRunner.query(`DROP TABLE "history_entry"`);
    await queryRunner.query(`DROP INDEX "public"."ix_role_assignment__tenant_id__person_id"`);
    await queryRunner.query(`DROP TABLE "role_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person__tenant_id__home_org_unit_id"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_org_unit__tenant_id__parent_id"`);
    await queryRunner.query(`DROP TABLE "org_unit"`);
    await queryRunner.query(`DROP TABLE "tenant"`);
  }
}

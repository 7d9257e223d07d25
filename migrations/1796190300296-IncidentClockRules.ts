import { MigrationInterface, QueryRunner } from 'typeorm';

// Per-tenant regulator clock rules (domain.md §4d, D-24, D-25; ADR 0015): one row per tenant, the
// defaults while there is none.
export class IncidentClockRules1796190300296 implements MigrationInterface {
  name = 'IncidentClockRules1796190300296';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incident_clock_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "msbfs_enabled" boolean NOT NULL DEFAULT false, "msbfs_incident_types" character varying(30) array NOT NULL, "period_overrides" jsonb NOT NULL, "receivers" jsonb NOT NULL, CONSTRAINT "uq_incident_clock_rules__tenant_id" UNIQUE ("tenant_id"), CONSTRAINT "pk_incident_clock_rules" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "incident_clock_rules"`);
  }
}

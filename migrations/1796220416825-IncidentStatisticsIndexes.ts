import { MigrationInterface, QueryRunner } from 'typeorm';

export class IncidentStatisticsIndexes1796220416825 implements MigrationInterface {
  name = 'IncidentStatisticsIndexes1796220416825';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_incident__tenant_id__triaged_at" ON "incident" ("tenant_id", "triaged_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_incident__tenant_id__closed_at" ON "incident" ("tenant_id", "closed_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_incident__tenant_id__closed_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_incident__tenant_id__triaged_at"`);
  }
}

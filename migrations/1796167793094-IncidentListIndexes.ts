import { MigrationInterface, QueryRunner } from 'typeorm';

export class IncidentListIndexes1796167793094 implements MigrationInterface {
  name = 'IncidentListIndexes1796167793094';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_incident__tenant_id__type__reported_at__scope" ON "incident"  ("tenant_id", "type", "reported_at", "org_unit_path", "reporter_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_incident__tenant_id__type__reported_at__scope"`);
  }
}

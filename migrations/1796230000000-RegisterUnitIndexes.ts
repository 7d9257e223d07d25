import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 6, (e): a grant on one unit without its subtree (every person's EMPLOYEE grant on the home
// unit) reads `org_unit_id = ANY(…)`. Without an index for it, the OR of the read rules could not
// become a BitmapOr and the register's count read the whole table.

const TABLES = ['information_set', 'asset', 'classification'];

export class RegisterUnitIndexes1796230000000 implements MigrationInterface {
  name = 'RegisterUnitIndexes1796230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE INDEX "ix_${table}__tenant_id__org_unit_id" ON "${table}" ("tenant_id", "org_unit_id") `,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP INDEX "public"."ix_${table}__tenant_id__org_unit_id"`);
    }
  }
}

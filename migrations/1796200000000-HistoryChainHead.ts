import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 6, (f): the head of each tenant's history chain as a row, so appending is one statement
// (the head's row lock serialises writers only from that statement to commit, where the advisory
// lock was held from before the head look-up). Filled from every tenant's last entry.

export class HistoryChainHead1796200000000 implements MigrationInterface {
  name = 'HistoryChainHead1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "history_chain_head" ("tenant_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, "prev_hash" character(64) NOT NULL, CONSTRAINT "pk_history_chain_head" PRIMARY KEY ("tenant_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "history_chain_head" ("tenant_id", "seq", "hash", "prev_hash")
       SELECT DISTINCT ON ("tenant_id") "tenant_id", "seq", "hash", "prev_hash"
         FROM "history_entry" ORDER BY "tenant_id", "seq" DESC`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "history_chain_head"`);
  }
}

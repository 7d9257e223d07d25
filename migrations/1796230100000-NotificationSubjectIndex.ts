import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 6: the escalation job reads only the untriaged reports without a reminder yet
// (NOT EXISTS a notification about the incident), which this index answers.

export class NotificationSubjectIndex1796230100000 implements MigrationInterface {
  name = 'NotificationSubjectIndex1796230100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_notification__tenant_id__subject_id" ON "notification" ("tenant_id", "subject_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notification__tenant_id__subject_id"`);
  }
}

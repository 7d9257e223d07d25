import { MigrationInterface, QueryRunner } from 'typeorm';

// The in-app inbox (issue 5): a notification names the web page of its object (an app-relative path).
// Nullable, so every existing row stays valid; rows about incidents and information sets get their page.

export class NotificationLink1796193619277 implements MigrationInterface {
  name = 'NotificationLink1796193619277';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "link" character varying(300)`);
    await queryRunner.query(
      `UPDATE "notification" SET "link" = CASE "subject_type"
         WHEN 'Incident' THEN '/incidenter/' || "subject_id"
         WHEN 'InformationSet' THEN '/informationsmangder/' || "subject_id" END
       WHERE "link" IS NULL AND "subject_type" IN ('Incident', 'InformationSet')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "link"`);
  }
}

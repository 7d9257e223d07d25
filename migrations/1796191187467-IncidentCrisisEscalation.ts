import { MigrationInterface, QueryRunner } from 'typeorm';

// Incident.crisisEscalation (domain.md §4d): NONE, TIB_INFORMED, CRISIS_LEVEL_RAISED; null until asked.

export class IncidentCrisisEscalation1796191187467 implements MigrationInterface {
  name = 'IncidentCrisisEscalation1796191187467';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ADD "crisis_escalation" character varying(30)`);
    await queryRunner.query(
      `ALTER TABLE "incident" ADD CONSTRAINT "ck_incident__crisis_escalation" CHECK ("crisis_escalation" IS NULL OR "crisis_escalation" IN ('NONE','TIB_INFORMED','CRISIS_LEVEL_RAISED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" DROP CONSTRAINT "ck_incident__crisis_escalation"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "crisis_escalation"`);
  }
}

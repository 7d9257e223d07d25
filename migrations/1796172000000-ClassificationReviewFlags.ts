import { MigrationInterface, QueryRunner } from 'typeorm';

// BR-B5 / D-54 review flags: the note of a CISO's or coordinator's flag, and the incident timeline kind
// that names the sets flagged when an incident is closed (BR-D7). The generator does not see a changed
// CHECK expression: the timeline kinds are replaced by hand.
const KINDS_BEFORE = `'CREATED','STATUS_CHANGED','TYPE_CHANGED','SEVERITY_CHANGED','AWARE_AT_CHANGED','ASSIGNED','UNIT_CHANGED','FIELDS_UPDATED','NOTE','OBLIGATION_CREATED','OBLIGATION_SUBMITTED','OBLIGATION_NOT_REQUIRED','OBLIGATION_WITHDRAWN','OBLIGATION_RESCHEDULED','SECRECY_MARKED','SECRECY_UNMARKED','EXPORTED','ATTACHMENT_ADDED','ATTACHMENT_REMOVED','MERGED','MERGED_FROM','QUALITY_BRIDGE','NOTICE_SENT'`;
const KINDS_AFTER = `${KINDS_BEFORE},'CLASSIFICATION_FLAGGED'`;

export class ClassificationReviewFlags1796172000000 implements MigrationInterface {
  name = 'ClassificationReviewFlags1796172000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "classification" ADD "review_flag_note" text`);
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" DROP CONSTRAINT "ck_incident_timeline_entry__kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" ADD CONSTRAINT "ck_incident_timeline_entry__kind" CHECK ("kind" IN (${KINDS_AFTER}))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" DROP CONSTRAINT "ck_incident_timeline_entry__kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_timeline_entry" ADD CONSTRAINT "ck_incident_timeline_entry__kind" CHECK ("kind" IN (${KINDS_BEFORE}))`,
    );
    await queryRunner.query(`ALTER TABLE "classification" DROP COLUMN "review_flag_note"`);
  }
}

import { oneOf, TenantScopedEntity } from '@varna/db';
import { PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { IncidentEntity } from '../incident.entity';
import { SCAN_RESULTS, type ScanResult } from './attachment-scanner';

/**
 * A file attached to an incident (a photo, a screenshot, a log, a letter): the metadata and the
 * scope columns, placed like its incident (`org_unit_path`, `incident_type`, kept in step with it).
 * `incidentReporterId` lets the reporter add to and list their own report (D-08). The bytes are in
 * `incident_attachment_content`, so a list never reads them.
 */
@Entity({ name: 'incident_attachment' })
@Index(['tenantId', 'incidentId'])
@Index('ix_incident_attachment__org_unit_path', { synchronize: false }) // GIN, in the migration
@Check('ck_incident_attachment__scan_status', oneOf('scan_status', SCAN_RESULTS))
@Check('ck_incident_attachment__size', `"size_bytes" >= 0`)
@Check('ck_incident_attachment__sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class IncidentAttachmentEntity extends TenantScopedEntity {
  static readonly modelName = 'IncidentAttachment';

  @Column('uuid')
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: IncidentEntity;

  @Column('uuid')
  orgUnitId: string;

  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  incidentType: string | null;

  /** The incident's reporter (never changes): the reporter's rights to the own report's files. */
  @Column('uuid')
  incidentReporterId: string;

  /** As uploaded, without any path; at most 255 characters. */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** The declared type, normalised (lower case, no parameters), one of the allowlist. */
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column('int')
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 20 })
  scanStatus: ScanResult;

  @Column('uuid')
  uploadedById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: PersonEntity;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;
}

/** The bytes of one attachment, removed with it. */
@Entity({ name: 'incident_attachment_content' })
export class IncidentAttachmentContentEntity {
  @PrimaryColumn('uuid')
  attachmentId: string;

  @OneToOne(() => IncidentAttachmentEntity, { onDelete: 'CASCADE' })
  // The generated name would pass PostgreSQL's 63-byte limit.
  @JoinColumn({
    name: 'attachment_id',
    foreignKeyConstraintName: 'fk_incident_attachment_content__attachment',
  })
  attachment?: IncidentAttachmentEntity;

  @Column('uuid')
  tenantId: string;

  @Column({ type: 'bytea' })
  content: Buffer;
}

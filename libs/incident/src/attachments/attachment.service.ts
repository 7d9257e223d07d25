import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type IncidentAttachmentSubject, type Principal, whereAllowed } from '@varna/authz';
import { VarnaConfig } from '@varna/config';
import { Clock } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '../domain';
import { incidentView } from '../incident-access';
import { IncidentErrors } from '../incident.errors';
import type { IncidentEntity } from '../incident.entity';
import { IncidentService } from '../incident.service';
import { IncidentSecrecyMarkingEntity } from '../secrecy/incident-secrecy-marking.entity';
import { TimelineWriter } from '../timeline-writer';
import { AttachmentScanner } from './attachment-scanner';
import { AttachmentErrors } from './attachment.errors';
import { checkAttachmentType, cleanFileName } from './attachment-types';
import type { UploadedAttachment } from './attachment-upload.interceptor';
import { IncidentAttachmentContentEntity, IncidentAttachmentEntity } from './incident-attachment.entity';

type Untagged<T> = Omit<T, '__caslSubjectType__'>;

/** The fields the rules look at (IncidentAttachmentSubject). */
export function attachmentSubject(a: IncidentAttachmentEntity) {
  return {
    id: a.id,
    tenantId: a.tenantId,
    incidentId: a.incidentId,
    orgUnitId: a.orgUnitId,
    orgUnitPath: a.orgUnitPath,
    incidentType: a.incidentType,
    incidentReporterId: a.incidentReporterId,
    uploadedById: a.uploadedById,
  } satisfies Untagged<IncidentAttachmentSubject>;
}

/** Attachments follow their incident's unit and type, like its timeline entries and stages. */
export async function followIncidentAttachments(m: EntityManager, incident: IncidentEntity): Promise<void> {
  await m.query(
    `UPDATE incident_attachment SET org_unit_id = $2, org_unit_path = $3::uuid[], incident_type = $4
      WHERE incident_id = $1`,
    [incident.id, incident.orgUnitId, incident.orgUnitPath, incident.type],
  );
}

/** What the history keeps of an attachment: its metadata, never the bytes. */
const snapshot = (a: IncidentAttachmentEntity) => {
  const { incident: _incident, uploadedBy: _uploadedBy, ...metadata } = a;
  return metadata;
};

/** How the caller sees an incident's files (ADR 0013). */
export interface AttachmentAccess {
  /** The reporter, whose identity the auditor's view hides; else null. */
  maskUploaderId: string | null;
  /** Whether this attachment's bytes may be downloaded by the caller. */
  contentAvailable: (a: IncidentAttachmentEntity) => boolean;
}

/**
 * Files attached to an incident, stored in PostgreSQL: the metadata row (scope columns, sha256,
 * scan status) and the bytes in a table of their own. Every add and removal is a timeline entry
 * (BR-D3) and a history entry.
 */
@Injectable()
export class AttachmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly timeline: TimelineWriter,
    private readonly history: HistoryService,
    private readonly scanner: AttachmentScanner,
    private readonly config: VarnaConfig,
    private readonly clock: Clock,
  ) {}

  /** The attachments of a readable incident the caller may read, oldest first. */
  async list(principal: Principal, incidentId: string) {
    const incident = await this.incidents.get(principal, incidentId);
    const qb = this.dataSource
      .getRepository(IncidentAttachmentEntity)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.uploadedBy', 'uploader')
      .where('a.incident_id = :incidentId', { incidentId });
    const items = await whereAllowed(qb, principal.ability, 'read', 'IncidentAttachment')
      .orderBy('a.uploaded_at', 'ASC')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return { items, access: await this.access(this.dataSource.manager, principal, incident) };
  }

  /**
   * Adds a file: reach (404), the right on the row as it will be (403), an open incident (409),
   * the file itself (400, 413, 415), the scanner (422 INFECTED); only then one transaction stores
   * the row, the bytes, the timeline entry and the history entry.
   */
  async add(principal: Principal, incidentId: string, file: UploadedAttachment | undefined) {
    const incident = await this.incidents.get(principal, incidentId);
    const attachment = this.dataSource.manager.create(IncidentAttachmentEntity, {
      id: randomUUID(),
      tenantId: incident.tenantId,
      incidentId: incident.id,
      orgUnitId: incident.orgUnitId,
      orgUnitPath: incident.orgUnitPath,
      incidentType: incident.type,
      incidentReporterId: incident.reporterId,
      uploadedById: principal.actor.personId,
    });
    assertCan(principal.ability, 'create', 'IncidentAttachment', attachmentSubject(attachment));
    if (!OPEN_STATUSES.includes(incident.status)) throw IncidentErrors.closed();
    if (!file) throw AttachmentErrors.fileRequired();
    const fileName = cleanFileName(file.originalname);
    if (fileName === '') throw AttachmentErrors.nameInvalid();
    // multer enforces the limit while receiving; this holds for any other way a file arrives.
    if (file.buffer.length > this.config.attachmentMaxBytes) {
      throw AttachmentErrors.tooLarge(this.config.attachmentMaxBytes);
    }
    const check = checkAttachmentType(file.mimetype, fileName, file.buffer);
    if (!check.ok) throw AttachmentErrors.typeNotAllowed(check.reason);
    const scanStatus = await this.scanner.scan({
      fileName,
      contentType: check.type.contentType,
      content: file.buffer,
    });
    if (scanStatus === 'INFECTED') throw AttachmentErrors.infected();

    Object.assign(attachment, {
      fileName,
      contentType: check.type.contentType,
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      scanStatus,
      uploadedAt: this.clock.now(),
    });
    const id = await this.dataSource.transaction(async (m) => {
      await this.incidents.lock(m, incident.id);
      // The incident as it is now, under its lock: closed or moved in the meantime is refused.
      const current = await this.incidents.get(principal, incident.id, m);
      if (!OPEN_STATUSES.includes(current.status)) throw IncidentErrors.closed();
      Object.assign(attachment, {
        orgUnitId: current.orgUnitId,
        orgUnitPath: current.orgUnitPath,
        incidentType: current.type,
      });
      assertCan(principal.ability, 'create', 'IncidentAttachment', attachmentSubject(attachment));
      const saved = await m.save(IncidentAttachmentEntity, attachment);
      await m.insert(IncidentAttachmentContentEntity, {
        attachmentId: saved.id,
        tenantId: saved.tenantId,
        content: file.buffer,
      });
      await this.timeline.append(m, current, principal.actor.personId, [
        {
          kind: 'ATTACHMENT_ADDED',
          text: saved.fileName,
          data: {
            attachmentId: saved.id,
            fileName: saved.fileName,
            contentType: saved.contentType,
            sizeBytes: saved.sizeBytes,
            sha256: saved.sha256,
            scanStatus: saved.scanStatus,
          },
        },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'IncidentAttachment',
          action: 'add',
          entityId: saved.id,
          before: null,
          after: snapshot(saved),
        }),
      );
      return saved.id;
    });
    const saved = await this.dataSource.manager.findOneOrFail(IncidentAttachmentEntity, {
      where: { id },
      relations: { uploadedBy: true },
    });
    return { attachment: saved, access: await this.access(this.dataSource.manager, principal, incident) };
  }

  /** The bytes of one attachment: readable (404), and not withheld from the caller's view (403). */
  async download(principal: Principal, incidentId: string, attachmentId: string) {
    const incident = await this.incidents.get(principal, incidentId);
    const attachment = await this.readable(this.dataSource.manager, principal, incidentId, attachmentId);
    const access = await this.access(this.dataSource.manager, principal, incident);
    if (!access.contentAvailable(attachment)) throw AttachmentErrors.contentRestricted();
    const { content } = await this.dataSource.manager.findOneByOrFail(IncidentAttachmentContentEntity, {
      attachmentId: attachment.id,
    });
    return { attachment, content };
  }

  /** Removes a file (handlers only, by the rules): the row and its bytes; the timeline keeps the fact. */
  async remove(principal: Principal, incidentId: string, attachmentId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.get(principal, incidentId, m);
      const attachment = await this.readable(m, principal, incidentId, attachmentId);
      assertCan(principal.ability, 'delete', 'IncidentAttachment', attachmentSubject(attachment));
      if (!OPEN_STATUSES.includes(incident.status)) throw IncidentErrors.closed();
      await this.incidents.lock(m, incident.id);
      const before = snapshot(attachment);
      await m.delete(IncidentAttachmentEntity, { id: attachment.id });
      await this.timeline.append(m, incident, principal.actor.personId, [
        {
          kind: 'ATTACHMENT_REMOVED',
          text: attachment.fileName,
          data: { attachmentId: attachment.id, fileName: attachment.fileName, sha256: attachment.sha256 },
        },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'IncidentAttachment',
          action: 'remove',
          entityId: attachment.id,
          before,
          after: null,
        }),
      );
    });
  }

  private async readable(m: EntityManager, principal: Principal, incidentId: string, id: string) {
    const qb = m
      .getRepository(IncidentAttachmentEntity)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.uploadedBy', 'uploader')
      .where('a.id = :id AND a.incident_id = :incidentId', { id, incidentId });
    const found = await whereAllowed(qb, principal.ability, 'read', 'IncidentAttachment').getOne();
    if (!found) throw AttachmentErrors.notFound();
    return found;
  }

  /**
   * The simplest honest rule for what a view shows (ADR 0013): handlers see every file they read,
   * with the uploader; the reporter their own uploads; the auditor (read and export, no update) the
   * list with the reporter masked, and the content only while the incident carries no secrecy
   * marking, since a file may hold exactly what a marking protects.
   */
  private async access(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
  ): Promise<AttachmentAccess> {
    const view = incidentView(principal.ability, incident);
    if (view === 'HANDLER') return { maskUploaderId: null, contentAvailable: () => true };
    const marked = await m.existsBy(IncidentSecrecyMarkingEntity, { incidentId: incident.id });
    const me = principal.actor.personId;
    return {
      maskUploaderId: view === 'AUDITOR' ? incident.reporterId : null,
      contentAvailable: (a) => a.uploadedById === me || !marked,
    };
  }
}

import { SCAN_RESULT_LABELS } from './attachment-scanner';
import type { AttachmentDto } from './attachment.dto';
import type { AttachmentAccess } from './attachment.service';
import type { IncidentAttachmentEntity } from './incident-attachment.entity';

export function toAttachmentDto(a: IncidentAttachmentEntity, access: AttachmentAccess): AttachmentDto {
  const masked = access.maskUploaderId !== null && a.uploadedById === access.maskUploaderId;
  return {
    id: a.id,
    incidentId: a.incidentId,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    scanStatus: a.scanStatus,
    scanStatusLabel: SCAN_RESULT_LABELS[a.scanStatus],
    uploadedById: masked ? null : a.uploadedById,
    uploadedByName: masked ? null : (a.uploadedBy?.displayName ?? null),
    uploadedByMasked: masked,
    uploadedAt: a.uploadedAt.toISOString(),
    contentAvailable: access.contentAvailable(a),
  };
}

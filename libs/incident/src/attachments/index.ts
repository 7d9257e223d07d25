export {
  AttachmentScanner,
  AttachmentScannerModule,
  NoAttachmentScanner,
  SCAN_RESULTS,
} from './attachment-scanner';
export type { ScanResult, ScannedFile } from './attachment-scanner';
export { IncidentAttachmentContentEntity, IncidentAttachmentEntity } from './incident-attachment.entity';
export { ALLOWED_TYPES, checkAttachmentType } from './attachment-types';

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCAN_RESULTS, type ScanResult } from './attachment-scanner';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'The stored type (one of the allowlist)' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty({ enum: SCAN_RESULTS }) scanStatus: ScanResult;
  @ApiProperty() scanStatusLabel: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null when masked (the reporter, in the auditor’s view)',
  })
  uploadedById: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) uploadedByName: string | null;
  @ApiProperty({ description: 'The uploader is the reporter, whose identity this view hides' })
  uploadedByMasked: boolean;
  @ApiProperty() uploadedAt: string;
  @ApiProperty({ description: 'Whether the caller may download the content (ADR 0013)' })
  contentAvailable: boolean;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto] }) items: AttachmentDto[];
}

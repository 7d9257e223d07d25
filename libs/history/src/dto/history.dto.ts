import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';

export class HistoryQueryDto {
  @ApiProperty({ example: 'OrgUnit', description: 'Entity type, e.g. OrgUnit or RoleAssignment' })
  @IsString()
  @Matches(/^[A-Z][A-Za-z]{1,59}$/)
  entity: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '42' }) seq: string;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ type: [String] }) actorRoles: string[];
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiPropertyOptional({ type: Object, nullable: true }) before: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) after: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) correlationId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class HistoryListDto {
  @ApiProperty({ type: [HistoryEntryDto] }) items: HistoryEntryDto[];
}

export class ChainBreakDto {
  @ApiProperty() seq: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ enum: ['HASH_MISMATCH', 'PREVIOUS_HASH_MISMATCH', 'SEQUENCE_GAP'] }) reason: string;
}

export class VerifyResultDto {
  @ApiProperty() ok: boolean;
  @ApiProperty() entriesChecked: number;
  @ApiPropertyOptional({ type: ChainBreakDto, nullable: true }) firstBreak: ChainBreakDto | null;
}

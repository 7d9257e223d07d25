import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { TIMELINE_KINDS, type TimelineKind } from '../domain';

export class CreateTimelineNoteDto {
  @ApiProperty({ maxLength: 10_000, description: 'A manual note; notes are never edited (BR-D3)' })
  @IsString()
  @Length(1, 10_000)
  text: string;
}

export class TimelineEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '1, 2, 3 … within the incident' }) seq: number;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: TIMELINE_KINDS }) kind: TimelineKind;
  @ApiProperty() kindLabel: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: the system, or masked',
  })
  actorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ description: 'The actor is the reporter, whose identity this view hides' })
  actorMasked: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) text: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) data: Record<string, unknown> | null;
}

export class TimelineListDto {
  @ApiProperty({ type: [TimelineEntryDto] }) items: TimelineEntryDto[];
}

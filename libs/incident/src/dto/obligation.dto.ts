import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import {
  ANCHOR_KINDS,
  ART34_EXEMPTIONS,
  CLOCK_KINDS,
  ESCALATION_LEVELS,
  ESCALATIONS,
  OBLIGATION_DECISIONS,
  OBLIGATION_STATUSES,
  RECEIVER_KINDS,
  REGULATORY_REGIMES,
  REGULATORY_STAGES,
  type AnchorKind,
  type Art34Exemption,
  type ClockKind,
  type Escalation,
  type EscalationLevel,
  type ObligationDecision,
  type ObligationStatus,
  type ReceiverKind,
  type RegulatoryRegime,
  type RegulatoryStage,
} from '../domain';
import { IsInstant } from './instant';

export class SubmitObligationDto {
  @ApiProperty({ description: 'The version of the stage read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ description: 'When it was sent; default now, never in the future' })
  @IsOptional()
  @IsInstant('submittedAt')
  submittedAt?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'The receiver’s case number' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  externalReference?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Required after a statutory deadline (GDPR Art. 33(1))',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  lateReason?: string;

  @ApiPropertyOptional({ description: 'GDPR Art. 33(4): a first phase; a supplement follows (IMY only)' })
  @IsOptional()
  @IsBoolean()
  firstPhase?: boolean;

  @ApiPropertyOptional({ description: 'For a stage counted from a decision (IVO): when it was decided' })
  @IsOptional()
  @IsInstant('decisionAt')
  decisionAt?: string;
}

export class NotRequiredObligationDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiProperty({ maxLength: 2000, description: 'Why no report is due' })
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiPropertyOptional({ enum: ART34_EXEMPTIONS, description: 'Required for GDPR_ART34_SUBJECTS' })
  @IsOptional()
  @IsIn(ART34_EXEMPTIONS)
  art34Exemption?: Art34Exemption;
}

export class WithdrawObligationDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiProperty({ maxLength: 2000, description: 'Why the regime no longer applies (after re-triage)' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class RegulatoryObligationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ enum: REGULATORY_REGIMES }) regime: RegulatoryRegime;
  @ApiProperty() regimeLabel: string;
  @ApiProperty({ enum: REGULATORY_STAGES }) stage: RegulatoryStage;
  @ApiProperty() stageLabel: string;
  @ApiProperty({ enum: RECEIVER_KINDS }) receiver: ReceiverKind;
  @ApiProperty() receiverLabel: string;
  @ApiProperty({ enum: ANCHOR_KINDS }) anchor: AnchorKind;
  @ApiPropertyOptional({ nullable: true, type: String }) anchorAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Statutory deadline' }) deadlineAt:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Internal target' }) targetAt:
    string | null;
  @ApiProperty({ enum: CLOCK_KINDS }) clock: ClockKind;
  @ApiPropertyOptional({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ enum: OBLIGATION_STATUSES, description: 'Computed at the time of the request' })
  status: ObligationStatus;
  @ApiProperty() statusLabel: string;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Seconds until due; negative when overdue',
  })
  timeLeftSeconds: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) dueSoonFrom: string | null;
  @ApiProperty({ enum: ESCALATION_LEVELS, isArray: true }) escalationsDue: EscalationLevel[];
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description:
      'Share of the time anchor → due that has passed (1 = due); null when closed or without a clock',
  })
  elapsedShare: number | null;
  @ApiProperty({ enum: ESCALATIONS, description: 'NONE, HALF (≥ 50 %), NINETY (≥ 90 %) or OVERDUE' })
  escalation: Escalation;
  @ApiProperty({ description: 'False when re-triage means the regime no longer applies (withdraw it)' })
  regimeApplies: boolean;
  @ApiPropertyOptional({ enum: OBLIGATION_DECISIONS, nullable: true }) decision: ObligationDecision | null;
  @ApiPropertyOptional({ nullable: true, type: String }) submittedAt: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) submittedById: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) decidedById: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) externalReference: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lateReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notRequiredReason: string | null;
  @ApiPropertyOptional({ enum: ART34_EXEMPTIONS, nullable: true }) art34Exemption: Art34Exemption | null;
  @ApiProperty() firstPhase: boolean;
  @ApiProperty() version: number;
}

export class ObligationListDto {
  @ApiProperty({ type: [RegulatoryObligationDto] }) items: RegulatoryObligationDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable, PageQuery } from '@varna/core';
import {
  CLASSIFICATION_STATUSES,
  REVIEW_TRIGGERS,
  type ClassificationStatus,
  type Level,
  type ReviewState,
  type ReviewTrigger,
} from '../domain';

const TEXT_MAX = 10_000;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The editable fields of a draft (all optional: a draft is filled in over time). */
export class ClassificationFieldsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 3, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3)
  levelK?: Level | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 3, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3)
  levelR?: Level | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 3, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3)
  levelT?: Level | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 3, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3)
  levelS?: Level | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  rationaleK?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  rationaleR?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  rationaleT?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  rationaleS?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'MSB consequence categories of the model' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  consequenceCategories?: string[];

  @ApiPropertyOptional({ type: [String], example: ['OSL 26 kap. 1 §', 'GDPR Art. 9'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  legalRefs?: string[];
}

export class CreateClassificationDto extends ClassificationFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  informationSetId: string;

  @ApiPropertyOptional({
    enum: REVIEW_TRIGGERS,
    description: 'Default INITIAL, or PERIODIC after a decision',
  })
  @IsOmittable()
  @IsIn(REVIEW_TRIGGERS)
  trigger?: ReviewTrigger;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The klassningstillfälle (PLANNED or HELD, covering the set) the draft is made in',
  })
  @IsOmittable()
  @IsUUID()
  sessionId?: string;
}

export class UpdateClassificationDto extends ClassificationFieldsDto {
  @ApiPropertyOptional({ description: 'The version read (optimistic lock)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class DecideClassificationDto {
  @ApiPropertyOptional({ maxLength: 60, example: 'KS 2026-00123 1.2.3', description: 'Diarienummer' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  diarienummer?: string | null;
}

export class ReturnClassificationDto {
  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString()
  @MaxLength(TEXT_MAX)
  returnComment: string;
}

export class CancelClassificationDto {
  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString()
  @MaxLength(TEXT_MAX)
  reason: string;
}

export class SpecialHandlingDto {
  @ApiPropertyOptional({ maxLength: 60, description: 'Diarienummer' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  diarienummer?: string | null;
}

export class ListClassificationsQueryDto extends PageQuery(50, 500) {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  informationSetId?: string;

  @ApiPropertyOptional({ enum: CLASSIFICATION_STATUSES })
  @IsOptional()
  @IsIn(CLASSIFICATION_STATUSES)
  status?: ClassificationStatus;

  @ApiPropertyOptional({
    description: 'Decisions in force due for review: flagged, past or within 30 days of validUntil',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  due?: boolean;

  @ApiPropertyOptional({ description: 'Decisions in force past validUntil' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The set’s unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

export class ClassificationAspectDto {
  @ApiProperty({ enum: ['K', 'R', 'T', 'S'] })
  aspect: string;

  @ApiProperty()
  aspectName: string;

  @ApiProperty({ nullable: true, type: Number })
  level: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'Allvarlig' })
  levelName: string | null;

  @ApiProperty({ nullable: true, type: String })
  rationale: string | null;
}

export class ClassificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'uuid' })
  informationSetId: string;

  @ApiProperty({ nullable: true, type: String })
  informationSetCode: string | null;

  @ApiProperty({ nullable: true, type: String })
  informationSetName: string | null;

  @ApiProperty({ format: 'uuid' })
  orgUnitId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  informationOwnerId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The klassningstillfälle' })
  sessionId: string | null;

  @ApiProperty()
  modelVersion: number;

  @ApiProperty({ enum: CLASSIFICATION_STATUSES })
  status: ClassificationStatus;

  @ApiProperty()
  statusLabel: string;

  @ApiProperty({ nullable: true, type: Number })
  levelK: number | null;

  @ApiProperty({ nullable: true, type: Number })
  levelR: number | null;

  @ApiProperty({ nullable: true, type: Number })
  levelT: number | null;

  @ApiProperty({ nullable: true, type: Number })
  levelS: number | null;

  @ApiProperty({ type: [ClassificationAspectDto] })
  aspects: ClassificationAspectDto[];

  @ApiProperty()
  specialHandling: boolean;

  @ApiProperty({ type: [String] })
  consequenceCategories: string[];

  @ApiProperty({ type: [String] })
  legalRefs: string[];

  @ApiProperty({ enum: REVIEW_TRIGGERS })
  trigger: ReviewTrigger;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  proposedById: string | null;

  @ApiProperty({ nullable: true, type: String })
  proposedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  decidedById: string | null;

  @ApiProperty({ nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  diarienummer: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2027-11-16' })
  validUntil: string | null;

  @ApiProperty({ nullable: true, enum: ['CURRENT', 'DUE_SOON', 'FLAGGED', 'OVERDUE'] })
  reviewState: ReviewState | null;

  @ApiProperty({ nullable: true, type: String })
  returnComment: string | null;

  @ApiProperty({ nullable: true, type: String })
  cancelReason: string | null;

  @ApiProperty({ nullable: true, type: String })
  reviewFlaggedAt: string | null;

  @ApiProperty({ nullable: true, enum: REVIEW_TRIGGERS })
  reviewFlagReason: ReviewTrigger | null;

  @ApiProperty({ nullable: true, type: String, description: 'The note of a LEGAL_CHANGE or MANUAL flag' })
  reviewFlagNote: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  confirmedUnchangedById: string | null;

  @ApiProperty({ nullable: true, type: String })
  confirmedUnchangedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  supersedesId: string | null;

  @ApiProperty()
  createdAt: string;
}

export class ClassificationListDto {
  @ApiProperty({ type: [ClassificationDto] })
  items: ClassificationDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** A step without fields of its own; an optional comment goes into the history entry. */
export class StepCommentDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Recorded with the history entry' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export const MANUAL_FLAG_REASONS = ['LEGAL_CHANGE', 'MANUAL'] as const;
export type ManualFlagReason = (typeof MANUAL_FLAG_REASONS)[number];

/** BR-B5: the CISO flags for a legal change; the CISO or a samordnare flags manually. */
export class FlagReviewDto {
  @ApiProperty({ enum: MANUAL_FLAG_REASONS, description: 'LEGAL_CHANGE: the CISO only' })
  @IsIn(MANUAL_FLAG_REASONS)
  reason: ManualFlagReason;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Shown with the flag' })
  @IsString()
  @Length(1, 2000)
  note: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  informationSetIds: string[];
}

export class FlagReviewSkippedDto {
  @ApiProperty({ format: 'uuid' })
  informationSetId: string;

  @ApiProperty({ enum: ['NO_DECISION_IN_FORCE', 'ALREADY_FLAGGED'] })
  reason: string;
}

export class FlagReviewResultDto {
  @ApiProperty({ type: [String], description: 'The classifications flagged' })
  flagged: string[];

  @ApiProperty({ type: [FlagReviewSkippedDto] })
  skipped: FlagReviewSkippedDto[];
}

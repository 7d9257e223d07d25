import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '@varna/core';
import { RatioDto } from './kpi.dto';
import {
  ACTION_PLAN_STATUSES,
  ASPECTS,
  OVERRIDE_DIRECTIONS,
  OVERRIDE_REASON_TYPES,
  OVERRIDE_STATUSES,
  type ActionPlanStatus,
  type Aspect,
  type OverrideDirection,
  type OverrideReasonType,
  type OverrideStatus,
} from '../domain';

export class LevelSourceDto {
  @ApiProperty({ enum: ['INFORMATION_SET', 'DEPENDANT_ASSET'] })
  kind: 'INFORMATION_SET' | 'DEPENDANT_ASSET';

  @ApiProperty()
  level: number;

  @ApiPropertyOptional({ format: 'uuid' })
  informationSetId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  classificationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  assetId?: string;

  @ApiProperty({ nullable: true, type: String, description: 'Code of the set or asset' })
  code: string | null;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;
}

export class AspectProtectionDto {
  @ApiProperty({ enum: ASPECTS })
  aspect: Aspect;

  @ApiProperty()
  aspectName: string;

  @ApiProperty({ nullable: true, type: Number })
  derived: number | null;

  @ApiProperty({ nullable: true, type: Number })
  effective: number | null;

  @ApiProperty({ nullable: true, type: String })
  effectiveName: string | null;

  @ApiProperty({ enum: ['DERIVED', 'RAISED', 'LOWERED', 'NONE'] })
  basis: 'DERIVED' | 'RAISED' | 'LOWERED' | 'NONE';

  @ApiProperty({ type: [LevelSourceDto] })
  sources: LevelSourceDto[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  overrideId: string | null;
}

export class AssetProtectionDto {
  @ApiProperty({ format: 'uuid' })
  assetId: string;

  @ApiProperty()
  classificationComplete: boolean;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Linked ACTIVE sets without a decision' })
  unclassifiedSetIds: string[];

  @ApiProperty({ type: [AspectProtectionDto] })
  aspects: AspectProtectionDto[];
}

export class CreateOverrideDto {
  @ApiProperty({ enum: ASPECTS })
  @IsIn(ASPECTS)
  aspect: Aspect;

  @ApiProperty({ minimum: 0, maximum: 3 })
  @IsInt()
  @Min(0)
  @Max(3)
  level: number;

  @ApiProperty({ enum: OVERRIDE_DIRECTIONS })
  @IsIn(OVERRIDE_DIRECTIONS)
  direction: OverrideDirection;

  @ApiProperty({ enum: OVERRIDE_REASON_TYPES })
  @IsIn(OVERRIDE_REASON_TYPES)
  reasonType: OverrideReasonType;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  reason: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'Required for LOWER, at most 12 months ahead' })
  @IsOptional()
  @IsString()
  @Length(10, 10)
  validUntil?: string | null;
}

export class RejectOverrideDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  reason: string;
}

export class OverrideDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  assetId: string;

  @ApiProperty({ enum: ASPECTS })
  aspect: Aspect;

  @ApiProperty()
  level: number;

  @ApiProperty({ enum: OVERRIDE_DIRECTIONS })
  direction: OverrideDirection;

  @ApiProperty({ enum: OVERRIDE_REASON_TYPES })
  reasonType: OverrideReasonType;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: OVERRIDE_STATUSES })
  status: OverrideStatus;

  @ApiProperty()
  statusLabel: string;

  @ApiProperty({ format: 'uuid' })
  requestedById: string;

  @ApiProperty()
  requestedAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  approvedById: string | null;

  @ApiProperty({ nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  rejectionReason: string | null;

  @ApiProperty({ nullable: true, type: String })
  validUntil: string | null;

  @ApiProperty()
  version: number;
}

export class OverrideListDto {
  @ApiProperty({ type: [OverrideDto] })
  items: OverrideDto[];
}

export class ListActionPlanQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assetId: string;
}

export class GenerateActionPlanDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assetId: string;
}

export class UpdateActionPlanItemDto {
  @ApiPropertyOptional({ enum: ACTION_PLAN_STATUSES })
  @IsOmittable()
  @IsIn(ACTION_PLAN_STATUSES)
  status?: ActionPlanStatus;

  @ApiPropertyOptional({ nullable: true, maxLength: 10000, description: 'Hur kravet uppfylls' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  how?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  responsibleId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-03-31' })
  @IsOptional()
  @IsString()
  @Length(10, 10)
  dueDate?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notApplicableReason?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ActionPlanItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  assetId: string;

  @ApiProperty({ example: 'VG-K2-03' })
  requirementCode: string;

  @ApiProperty()
  catalogueVersion: string;

  @ApiProperty({ enum: ['K', 'R', 'T', 'S', 'ALL'] })
  aspect: string;

  @ApiProperty()
  minLevel: number;

  @ApiProperty()
  category: string;

  @ApiProperty()
  textSv: string;

  @ApiProperty()
  procurementTextSv: string;

  @ApiProperty({ type: [String] })
  annexARefs: string[];

  @ApiProperty({ enum: ACTION_PLAN_STATUSES })
  status: ActionPlanStatus;

  @ApiProperty()
  statusLabel: string;

  @ApiProperty({ nullable: true, type: String })
  how: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  responsibleId: string | null;

  @ApiProperty({ nullable: true, type: String })
  dueDate: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  assessedById: string | null;

  @ApiProperty({ nullable: true, type: String })
  assessedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  notApplicableReason: string | null;

  @ApiProperty()
  version: number;
}

export class ActionPlanDto {
  @ApiProperty({ format: 'uuid' })
  assetId: string;

  @ApiProperty({ type: [ActionPlanItemDto] })
  items: ActionPlanItemDto[];

  @ApiProperty({ description: 'K26: MET / items not NOT_APPLICABLE', nullable: true, type: Number })
  fulfilment: number | null;

  @ApiProperty({
    type: RatioDto,
    description: 'K26 Handlingsplansuppfyllnad of the asset: MET / not NOT_APPLICABLE',
  })
  k26: RatioDto;
}

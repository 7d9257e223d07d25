import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** The most rows of `overdue` and of `incompleteAssets` when `limit` is not given, and the cap of `limit`. */
export const KPI_LIST_DEFAULT_LIMIT = 50;
export const KPI_LIST_MAX_LIMIT = 500;

export class ClassificationKpiQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the tenant root' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({
    default: KPI_LIST_DEFAULT_LIMIT,
    maximum: KPI_LIST_MAX_LIMIT,
    description: 'The most rows of each list (overdue, incompleteAssets); their totals count them all',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(KPI_LIST_MAX_LIMIT)
  limit?: number;
}

export class RatioDto {
  @ApiProperty()
  numerator: number;

  @ApiProperty()
  denominator: number;

  @ApiProperty({ nullable: true, type: Number })
  value: number | null;
}

export class UnitKpisDto {
  @ApiProperty({ format: 'uuid' })
  orgUnitId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: RatioDto, description: 'K01 Klassningstäckning' })
  k01: RatioDto;

  @ApiProperty({ type: RatioDto, description: 'K02 Aktuell klassning' })
  k02: RatioDto;

  @ApiProperty({
    type: RatioDto,
    description: 'K26 Handlingsplansuppfyllnad: action-plan items MET / items not NOT_APPLICABLE',
  })
  k26: RatioDto;
}

export class OverdueClassificationDto {
  @ApiProperty({ format: 'uuid' })
  classificationId: string;

  @ApiProperty({ format: 'uuid' })
  informationSetId: string;

  @ApiProperty()
  informationSetCode: string;

  @ApiProperty()
  informationSetName: string;

  @ApiProperty()
  validUntil: string;
}

export class IncompleteAssetDto {
  @ApiProperty({ format: 'uuid' })
  assetId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;
}

export class ClassificationKpisDto extends UnitKpisDto {
  @ApiProperty({ example: '2026-11-16' })
  asOf: string;

  @ApiProperty({ type: [UnitKpisDto], description: 'Each child unit with its subtree (D-35)' })
  units: UnitKpisDto[];

  @ApiProperty({
    type: [OverdueClassificationDto],
    description: 'The first `limit` overdue decisions, by valid-until then set code',
  })
  overdue: OverdueClassificationDto[];

  @ApiProperty({ description: 'Every overdue decision the caller may read (overdue holds at most `limit`)' })
  overdueTotal: number;

  @ApiProperty({
    type: [IncompleteAssetDto],
    description: 'The first `limit` assets with a linked set not yet classified, by code',
  })
  incompleteAssets: IncompleteAssetDto[];

  @ApiProperty({
    description: 'Every such asset the caller may read (incompleteAssets holds at most `limit`)',
  })
  incompleteAssetsTotal: number;

  @ApiProperty({ description: 'The most rows of each list in this response' })
  limit: number;
}

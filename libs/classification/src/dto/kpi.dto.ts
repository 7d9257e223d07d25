import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ClassificationKpiQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the tenant root' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
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

  @ApiProperty({ type: [OverdueClassificationDto] })
  overdue: OverdueClassificationDto[];

  @ApiProperty({ type: [IncompleteAssetDto], description: 'Assets with a linked set not yet classified' })
  incompleteAssets: IncompleteAssetDto[];
}

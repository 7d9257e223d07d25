import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOmittable } from '@varna/core';
import { ORG_UNIT_TYPES, type OrgUnitStatus, type OrgUnitType } from '../domain/org-unit-type';

const CODE = /^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9-]{0,19}$/;
const CODE_MESSAGE = 'code: 1–20 versaler, siffror eller bindestreck';

export class CreateOrgUnitDto {
  @ApiProperty({ example: 'IFF-MOT', maxLength: 20 })
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Mottagningsenheten barn och unga', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 40, description: 'Defaults to the first 40 characters of name' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  shortName?: string;

  @ApiProperty({ enum: ORG_UNIT_TYPES.filter((t) => t !== 'TENANT_ROOT') })
  @IsIn(ORG_UNIT_TYPES.filter((t) => t !== 'TENANT_ROOT'))
  type: OrgUnitType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  parentId: string;

  @ApiPropertyOptional({ description: 'Default: true for EXECUTIVE_BOARD, COMMITTEE and COMPANY' })
  @IsOptional()
  @IsBoolean()
  isDataController?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  servesCommitteeId?: string;

  @ApiPropertyOptional({
    description: 'Default: inherited from the parent; false for a COMPANY (D-05, D-47)',
  })
  @IsOptional()
  @IsBoolean()
  coveredByCyberSecurityAct?: boolean;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nisSector?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  headcount?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom: datum på formen ÅÅÅÅ-MM-DD' })
  validFrom?: string;
}

/** Rename and other attribute changes; moving and deactivation have their own operations. */
export class UpdateOrgUnitDto {
  @ApiProperty({ description: 'The version read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 20 })
  @IsOmittable()
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOmittable()
  @IsString()
  @Length(1, 40)
  shortName?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  isDataController?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @IsUUID()
  servesCommitteeId?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  coveredByCyberSecurityAct?: boolean;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nisSector?: string | null;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  headcount?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];
}

export class MoveOrgUnitDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  parentId: string;
}

export class DeactivateOrgUnitDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Default: today (Europe/Stockholm)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validTo: datum på formen ÅÅÅÅ-MM-DD' })
  @IsISO8601({ strict: true })
  validTo?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class ListOrgUnitsQueryDto {
  @ApiPropertyOptional({ description: 'Search in code, name, short name and aliases' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'DISSOLVED', 'ALL'], default: 'ACTIVE' })
  @IsOptional()
  @IsIn(['ACTIVE', 'DISSOLVED', 'ALL'])
  status?: 'ACTIVE' | 'DISSOLVED' | 'ALL';
}

export class OrgUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ enum: ORG_UNIT_TYPES }) type: OrgUnitType;
  @ApiProperty({ description: 'Swedish label of the type' }) typeLabel: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ type: [String], description: 'Ancestor ids from the root, including this unit' })
  path: string[];
  @ApiProperty() depth: number;
  @ApiProperty() isDataController: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) servesCommitteeId: string | null;
  @ApiProperty() coveredByCyberSecurityAct: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) nisSector: string | null;
  @ApiProperty() headcount: number;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ enum: ['ACTIVE', 'DISSOLVED'] }) status: OrgUnitStatus;
  @ApiProperty() validFrom: string;
  @ApiPropertyOptional({ nullable: true, type: String }) validTo: string | null;
  @ApiProperty() version: number;
}

export class OrgUnitListDto {
  @ApiProperty({ type: [OrgUnitDto] }) items: OrgUnitDto[];
  @ApiProperty() total: number;
}

export class OrgUnitTreeNodeDto extends OrgUnitDto {
  @ApiProperty({ type: () => [OrgUnitTreeNodeDto] }) children: OrgUnitTreeNodeDto[];
}

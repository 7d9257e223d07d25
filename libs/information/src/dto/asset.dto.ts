import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsOmittable } from '@varna/core';
import {
  ASSET_STATUSES,
  ASSET_SUBTYPES,
  ASSET_TYPES,
  CRITICALITIES,
  HOSTINGS,
  LINK_ROLES,
  PERSONAL_DATA_CATEGORIES,
  type AspectLevels,
  type AssetStatus,
  type AssetSubtype,
  type AssetType,
  type Criticality,
  type Hosting,
  type InformationSetStatus,
  type LinkRole,
  type PersonalDataCategory,
} from '../domain/enums';
import { CODE_PATTERN, RegisterListQuery, RegisterNameDto, TEXT_MAX, TransitionBaseDto } from './common';

const HOURS_MAX = 100_000;

class AssetFields {
  @ApiPropertyOptional({ maxLength: TEXT_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  description?: string | null;

  @ApiPropertyOptional({ enum: ASSET_SUBTYPES, nullable: true, description: 'For IT_COMPONENT only' })
  @IsOptional()
  @IsIn(ASSET_SUBTYPES)
  subtype?: AssetSubtype | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Tillgångsägare (BR-A2)',
  })
  @IsOptional()
  @IsUUID()
  assetOwnerId?: string | null;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  assetOwnerAppointmentRef?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Systemförvaltare (BR-A2)',
  })
  @IsOptional()
  @IsUUID()
  systemManagerId?: string | null;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  systemManagerAppointmentRef?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'IT provider unit (D-03)',
  })
  @IsOptional()
  @IsUUID()
  providerOrgUnitId?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  supplierName?: string | null;

  @ApiPropertyOptional({ enum: HOSTINGS, nullable: true, description: 'Empty for PROCESS assets' })
  @IsOptional()
  @IsIn(HOSTINGS)
  hosting?: Hosting | null;

  @ApiPropertyOptional() @IsOmittable() @IsBoolean() thirdCountryProcessing?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() mfaRequired?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() internetExposed?: boolean;

  @ApiPropertyOptional({ enum: CRITICALITIES, default: 'NORMAL' })
  @IsOmittable()
  @IsIn(CRITICALITIES)
  criticality?: Criticality;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: HOURS_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(HOURS_MAX)
  rtoHours?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: HOURS_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(HOURS_MAX)
  rpoHours?: number | null;
}

export class CreateAssetDto extends AssetFields {
  @ApiProperty({ maxLength: 20, example: 'AS-01' })
  @IsString()
  @Length(1, 20)
  @Matches(CODE_PATTERN, { message: 'code: bokstäver, siffror och . _ / -' })
  code: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: ASSET_TYPES }) @IsIn(ASSET_TYPES) type: AssetType;
  @ApiProperty({ format: 'uuid' }) @IsUUID() orgUnitId: string;
}

/** What an import creates (D-53): an existing system may arrive ACTIVE. Not an HTTP body. */
export type AssetInput = CreateAssetDto & { status?: AssetStatus };

export class UpdateAssetDto extends AssetFields {
  @ApiProperty({ description: 'The version read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 20 })
  @IsOmittable()
  @IsString()
  @Length(1, 20)
  @Matches(CODE_PATTERN, { message: 'code: bokstäver, siffror och . _ / -' })
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOmittable() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: ASSET_TYPES }) @IsOmittable() @IsIn(ASSET_TYPES) type?: AssetType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() orgUnitId?: string;
}

export class AssetTransitionDto extends TransitionBaseDto {
  @ApiProperty({ enum: ASSET_STATUSES }) @IsIn(ASSET_STATUSES) to: AssetStatus;
}

export class ListAssetsQueryDto extends RegisterListQuery {
  @ApiPropertyOptional({ enum: ASSET_STATUSES })
  @IsOptional()
  @IsIn(ASSET_STATUSES)
  status?: AssetStatus;

  @ApiPropertyOptional({ enum: ASSET_TYPES })
  @IsOptional()
  @IsIn(ASSET_TYPES)
  type?: AssetType;
}

export class AspectLevelsDto {
  @ApiProperty({ nullable: true, type: Number }) K: number | null;
  @ApiProperty({ nullable: true, type: Number }) R: number | null;
  @ApiProperty({ nullable: true, type: Number }) T: number | null;
  @ApiProperty({ nullable: true, type: Number }) S: number | null;
}

export class AssetDto {
  @ApiProperty({ enum: ['FULL'] }) view: 'FULL';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: ASSET_TYPES }) type: AssetType;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ enum: ASSET_SUBTYPES, nullable: true }) subtype: AssetSubtype | null;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assetOwnerId: string | null;
  @ApiProperty({ nullable: true, type: String }) assetOwnerName: string | null;
  @ApiProperty({ description: 'No owner, or the owner’s account is closed (K04)' }) ownerMissing: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assetOwnerAppointedById: string | null;
  @ApiProperty({ nullable: true, type: String }) assetOwnerAppointedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) assetOwnerAppointmentRef: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) systemManagerId: string | null;
  @ApiProperty({ nullable: true, type: String }) systemManagerName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) systemManagerAppointedById: string | null;
  @ApiProperty({ nullable: true, type: String }) systemManagerAppointedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) systemManagerAppointmentRef: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) providerOrgUnitId: string | null;
  @ApiProperty({ nullable: true, type: String }) supplierName: string | null;
  @ApiProperty({ enum: HOSTINGS, nullable: true }) hosting: Hosting | null;
  @ApiProperty() thirdCountryProcessing: boolean;
  @ApiProperty() mfaRequired: boolean;
  @ApiProperty() internetExposed: boolean;
  @ApiProperty({ enum: CRITICALITIES }) criticality: Criticality;
  @ApiProperty({ nullable: true, type: Number }) rtoHours: number | null;
  @ApiProperty({ nullable: true, type: Number }) rpoHours: number | null;
  @ApiProperty({ enum: ASSET_STATUSES }) status: AssetStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ description: 'BR-A4: OR over the linked, non-retired sets' }) containsPersonalData: boolean;
  @ApiProperty({ description: 'BR-A4' }) specialCategoryData: boolean;
  @ApiProperty({ type: AspectLevelsDto, nullable: true }) derivedLevels: AspectLevels | null;
  @ApiProperty({ type: AspectLevelsDto, nullable: true }) effectiveLevels: AspectLevels | null;
  @ApiProperty() classificationComplete: boolean;
  @ApiProperty({ enum: ASSET_STATUSES, isArray: true, description: 'Steps the caller may take' })
  allowedTransitions: AssetStatus[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class AssetNameDto extends RegisterNameDto {}

export const ASSET_RESPONSE_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(AssetDto) }, { $ref: getSchemaPath(AssetNameDto) }],
};

export class AssetListDto {
  @ApiProperty({ type: 'array', items: ASSET_RESPONSE_SCHEMA })
  items: (AssetDto | AssetNameDto)[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

// ----- Links and dependencies -----

export class LinkInformationSetDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() informationSetId: string;
  @ApiProperty({ enum: LINK_ROLES }) @IsIn(LINK_ROLES) role: LinkRole;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOmittable() @IsString() @Length(1, 2000) note?: string;
}

/** What the owner and system manager of an asset read of the sets it carries (BR-A3). */
export class LinkedSetDetailsDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) informationOwnerId: string | null;
  @ApiProperty({ enum: ['DRAFT', 'ACTIVE', 'RETIRED'] }) status: InformationSetStatus;
  @ApiProperty() containsPersonalData: boolean;
  @ApiProperty({ enum: PERSONAL_DATA_CATEGORIES, isArray: true })
  personalDataCategories: PersonalDataCategory[];
  @ApiProperty() specialCategoryData: boolean;
  @ApiProperty() criminalOffenceData: boolean;
  @ApiProperty() concernsChildren: boolean;
  @ApiProperty() protectedIdentity: boolean;
  @ApiProperty() specialHandling: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) classificationId: string | null;
}

export class LinkedInformationSetDto {
  @ApiProperty({ format: 'uuid' }) informationSetId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LINK_ROLES }) role: LinkRole;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({
    type: LinkedSetDetailsDto,
    nullable: true,
    description: 'For callers who read the set itself (its owner, the asset’s owner and system manager …)',
  })
  details: LinkedSetDetailsDto | null;
}

export class AddDependencyDto {
  @ApiProperty({ format: 'uuid', description: 'The asset this one relies on' })
  @IsUUID()
  supportingAssetId: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOmittable() @IsString() @Length(1, 2000) note?: string;
}

export class DependencyEndDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class AssetDependenciesDto {
  @ApiProperty({ type: [DependencyEndDto], description: 'Supporting assets this one relies on' })
  dependsOn: DependencyEndDto[];
  @ApiProperty({ type: [DependencyEndDto], description: 'Assets that rely on this one' })
  dependants: DependencyEndDto[];
}

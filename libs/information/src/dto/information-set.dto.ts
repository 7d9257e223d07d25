import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { IsOmittable } from '@varna/core';
import {
  INFORMATION_SET_STATUSES,
  PERSONAL_DATA_CATEGORIES,
  type InformationSetStatus,
  type PersonalDataCategory,
} from '../domain/enums';
import { CODE_PATTERN, RegisterListQuery, RegisterNameDto, TEXT_MAX, TransitionBaseDto } from './common';

/** The fields of a set a request may give; shared by create (required where marked) and update. */
class InformationSetFields {
  @ApiPropertyOptional({ maxLength: TEXT_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  description?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Informationsägare (BR-A2)',
  })
  @IsOptional()
  @IsUUID()
  informationOwnerId?: string | null;

  @ApiPropertyOptional({ maxLength: 100, description: 'Registry number of the appointment decision' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  informationOwnerAppointmentRef?: string;

  @ApiPropertyOptional({ maxLength: 40, nullable: true, type: String, example: '2.1.1.0' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  recordsClassCode?: string | null;

  @ApiPropertyOptional() @IsOmittable() @IsBoolean() containsPersonalData?: boolean;

  @ApiPropertyOptional({ enum: PERSONAL_DATA_CATEGORIES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(PERSONAL_DATA_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(PERSONAL_DATA_CATEGORIES, { each: true })
  personalDataCategories?: PersonalDataCategory[];

  @ApiPropertyOptional({ description: 'GDPR Art. 9' })
  @IsOmittable()
  @IsBoolean()
  specialCategoryData?: boolean;
  @ApiPropertyOptional({ description: 'GDPR Art. 10' })
  @IsOmittable()
  @IsBoolean()
  criminalOffenceData?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() concernsChildren?: boolean;
  @ApiPropertyOptional({ description: 'Skyddade personuppgifter' })
  @IsOmittable()
  @IsBoolean()
  protectedIdentity?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['26 kap. 1 § OSL'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  secrecyProvisions?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  legalBases?: string[];

  @ApiPropertyOptional({ description: 'Level 4 / säkerhetsskydd: code, name, owner and unit only (BR-A6)' })
  @IsOmittable()
  @IsBoolean()
  specialHandling?: boolean;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  retention?: string | null;
}

export class CreateInformationSetDto extends InformationSetFields {
  @ApiProperty({ maxLength: 20, example: 'IM-09' })
  @IsString()
  @Length(1, 20)
  @Matches(CODE_PATTERN, { message: 'code: bokstäver, siffror och . _ / -' })
  code: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() orgUnitId: string;
}

/** What an import creates (D-53): a set may arrive ACTIVE. Not an HTTP body. */
export type InformationSetInput = CreateInformationSetDto & { status?: InformationSetStatus };

export class UpdateInformationSetDto extends InformationSetFields {
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
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() orgUnitId?: string;
}

export class InformationSetTransitionDto extends TransitionBaseDto {}

export class ListInformationSetsQueryDto extends RegisterListQuery {
  @ApiPropertyOptional({ enum: INFORMATION_SET_STATUSES })
  @IsOptional()
  @IsIn(INFORMATION_SET_STATUSES)
  status?: InformationSetStatus;
}

export class InformationSetDto {
  @ApiProperty({ enum: ['FULL'] }) view: 'FULL';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) informationOwnerId: string | null;
  @ApiProperty({ nullable: true, type: String }) informationOwnerName: string | null;
  @ApiProperty({ description: 'No owner, or the owner’s account is closed (K03)' }) ownerMissing: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) informationOwnerAppointedById: string | null;
  @ApiProperty({ nullable: true, type: String }) informationOwnerAppointedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) informationOwnerAppointmentRef: string | null;
  @ApiProperty({ nullable: true, type: String }) recordsClassCode: string | null;
  @ApiProperty() containsPersonalData: boolean;
  @ApiProperty({ enum: PERSONAL_DATA_CATEGORIES, isArray: true })
  personalDataCategories: PersonalDataCategory[];
  @ApiProperty() specialCategoryData: boolean;
  @ApiProperty() criminalOffenceData: boolean;
  @ApiProperty() concernsChildren: boolean;
  @ApiProperty() protectedIdentity: boolean;
  @ApiProperty({ type: [String] }) secrecyProvisions: string[];
  @ApiProperty({ type: [String] }) legalBases: string[];
  @ApiProperty() specialHandling: boolean;
  @ApiProperty({ nullable: true, type: String }) retention: string | null;
  @ApiProperty({ enum: INFORMATION_SET_STATUSES }) status: InformationSetStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) classificationId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) classificationDueAt: string | null;
  @ApiProperty({ enum: INFORMATION_SET_STATUSES, isArray: true, description: 'Steps the caller may take' })
  allowedTransitions: InformationSetStatus[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class InformationSetNameDto extends RegisterNameDto {}

export const INFORMATION_SET_RESPONSE_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(InformationSetDto) }, { $ref: getSchemaPath(InformationSetNameDto) }],
};

export class InformationSetListDto {
  @ApiProperty({ type: 'array', items: INFORMATION_SET_RESPONSE_SCHEMA })
  items: (InformationSetDto | InformationSetNameDto)[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

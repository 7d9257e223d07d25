import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { IsOmittable, PageQuery } from '@varna/core';
import { CLASSIFICATION_STATUSES, type ClassificationStatus } from './domain';
import { PersonRefDto } from './dto/classification.dto';
import { SESSION_STATUSES, type SessionStatus } from './session.domain';

const TEXT_MAX = 20_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant: ISO 8601 date and time with `Z` or an offset (as the incident DTOs take them). */
const IsInstant = (field: string) =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(INSTANT, { message: `${field}: tidpunkt på formen 2026-11-16T10:00:00+01:00 eller …Z` }),
  );

export class CreateClassificationSessionDto {
  @ApiProperty({ maxLength: 300, example: 'Klassning av familjehemsvårdens information' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ format: 'uuid', description: 'The unit; every set lies in its subtree' })
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  informationSetIds: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'COORDINATOR covering the unit, or CISO. Default: the caller',
  })
  @IsOmittable()
  @IsUUID()
  ledById?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100 })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[];

  @ApiProperty({ example: '2026-12-03T09:00:00+01:00' })
  @IsInstant('plannedAt')
  plannedAt: string;
}

export class UpdateClassificationSessionDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOmittable()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  informationSetIds?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  ledById?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100 })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[];

  @ApiPropertyOptional({ example: '2026-12-03T09:00:00+01:00' })
  @IsOmittable()
  @IsInstant('plannedAt')
  plannedAt?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, nullable: true, description: 'Protokoll' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  minutes?: string | null;

  @ApiPropertyOptional({ description: 'The version read (optimistic lock)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class HoldClassificationSessionDto {
  @ApiProperty({ example: '2026-12-03T09:00:00+01:00', description: 'When it was held (not in the future)' })
  @IsInstant('heldAt')
  heldAt: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOmittable()
  @IsString()
  @MaxLength(TEXT_MAX)
  minutes?: string;
}

export class CloseClassificationSessionDto {
  @ApiPropertyOptional({
    maxLength: TEXT_MAX,
    description: 'The minutes; required unless written earlier',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(TEXT_MAX)
  minutes?: string;
}

export class CancelClassificationSessionDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class ListClassificationSessionsQueryDto extends PageQuery(50, 500) {
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The session’s unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Free text in code or title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class ClassificationSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: 'KT-2026-001' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ nullable: true, type: String }) orgUnitName: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) informationSetIds: string[];
  @ApiProperty({ type: PersonRefDto }) ledBy: PersonRefDto;
  @ApiProperty({ type: [PersonRefDto] }) participants: PersonRefDto[];
  @ApiProperty() plannedAt: string;
  @ApiProperty({ nullable: true, type: String }) heldAt: string | null;
  @ApiProperty({ nullable: true, type: String }) minutes: string | null;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty() createdAt: string;
}

export class SessionClassificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CLASSIFICATION_STATUSES }) status: ClassificationStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty() createdAt: string;
}

export class SessionInformationSetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: PersonRefDto }) informationOwner: PersonRefDto | null;
  @ApiProperty({ type: [SessionClassificationDto], description: 'The classifications made in the session' })
  classifications: SessionClassificationDto[];
}

export class ClassificationSessionDetailDto extends ClassificationSessionDto {
  @ApiProperty({ type: [SessionInformationSetDto] }) informationSets: SessionInformationSetDto[];
}

export class ClassificationSessionListDto {
  @ApiProperty({ type: [ClassificationSessionDto] }) items: ClassificationSessionDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ROLES, type Role } from '@varna/authz';
import { IsOmittable, PageQuery } from '@varna/core';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'datum på formen ÅÅÅÅ-MM-DD';

export class CreateRoleAssignmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The org units the role applies to' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  orgUnitIds: string[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() includeSubtree?: boolean;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Default: today (Europe/Stockholm)' })
  @IsOptional()
  @Matches(DATE, { message: `validFrom: ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: `validTo: ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true })
  validTo?: string;

  @ApiPropertyOptional({ example: 'KS 2026-00123 1.2.1', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  appointmentRef?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() deputyForId?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isActing?: boolean;
}

export class UpdateRoleAssignmentDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  orgUnitIds?: string[];

  @ApiPropertyOptional() @IsOmittable() @IsBoolean() includeSubtree?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @Matches(DATE, { message: `validFrom: ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Set to end the assignment; null to make it open-ended',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(DATE, { message: `validTo: ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true })
  validTo?: string | null;

  @ApiPropertyOptional({ maxLength: 60, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  appointmentRef?: string | null;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() isActing?: boolean;
}

export class ListRoleAssignmentsQueryDto extends PageQuery(100, 1000) {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Assignments on this unit (exact)' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;

  @ApiPropertyOptional({ example: '2026-11-16', description: 'Only assignments valid on this date' })
  @IsOptional()
  @Matches(DATE, { message: `validOn: ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true })
  validOn?: string;
}

export class RoleAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'Swedish label of the role' }) roleLabel: string;
  @ApiProperty({ type: [String] }) orgUnitIds: string[];
  @ApiProperty() includeSubtree: boolean;
  @ApiProperty() validFrom: string;
  @ApiPropertyOptional({ nullable: true, type: String }) validTo: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) appointedById: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) appointmentRef: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) deputyForId: string | null;
  @ApiProperty() isActing: boolean;
  @ApiProperty() version: number;
}

export class RoleAssignmentListDto {
  @ApiProperty({ type: [RoleAssignmentDto] }) items: RoleAssignmentDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

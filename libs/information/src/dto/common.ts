import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { IsOmittable, PageQuery } from '@varna/core';

export const TEXT_MAX = 20_000;
/** `IM-09`, `AS-01`: letters, digits and . _ / - */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** Filters shared by both registers' lists; sorted by code. */
export class RegisterListQuery extends PageQuery(50, 500) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Rows of this unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Rows owned by this person' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Free text in code or name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

/** A state-machine step: the version read (a stale one is 409) and a reason where one is required. */
export class TransitionBaseDto {
  @ApiProperty({ description: 'The version read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** The name view: what a medarbetare reads of the rows of the own unit (§3.3 "R S (name)"). */
export class RegisterNameDto {
  @ApiProperty({ enum: ['NAME'] }) view: 'NAME';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
}

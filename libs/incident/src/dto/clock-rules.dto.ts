import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@varna/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ANCHOR_KINDS,
  CLOCK_KINDS,
  INCIDENT_TYPES,
  PERIOD_UNITS,
  RECEIVER_KINDS,
  REGULATORY_REGIMES,
  REGULATORY_STAGES,
  type AnchorKind,
  type ClockKind,
  type IncidentType,
  type PeriodUnit,
  type ReceiverKind,
  type RegulatoryRegime,
  type RegulatoryStage,
} from '../domain';
import { CONFIGURABLE_RECEIVERS, type ConfigurableReceiver } from '../clock-rules/clock-rules';
import { IsInstant } from './instant';

export class PeriodDto {
  @ApiProperty({ enum: PERIOD_UNITS }) @IsIn(PERIOD_UNITS) unit: PeriodUnit;
  @ApiProperty({ description: 'A positive whole number (checked with the clock rules)', maximum: 10000 })
  @IsInt()
  @Max(10000)
  amount: number;
}

export class PeriodOverrideDto {
  @ApiProperty({ enum: REGULATORY_REGIMES }) @IsIn(REGULATORY_REGIMES) regime: RegulatoryRegime;
  @ApiProperty({ enum: REGULATORY_STAGES }) @IsIn(REGULATORY_STAGES) stage: RegulatoryStage;
  @ApiProperty({ type: PeriodDto }) @ValidateNested() @Type(() => PeriodDto) period: PeriodDto;
}

export class ReceiverInputDto {
  @ApiProperty({ enum: CONFIGURABLE_RECEIVERS }) @IsIn(CONFIGURABLE_RECEIVERS) kind: ConfigurableReceiver;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({
    maxLength: 500,
    nullable: true,
    type: String,
    description: 'Web address, e-mail, phone',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string | null;
}

/** Only what is sent changes; `periodOverrides` replaces the whole list, `receivers` the kinds named. */
export class UpdateIncidentClockRulesDto {
  @ApiPropertyOptional({ description: 'The MSBFS 2020:8 model (voluntary for kommuner)' })
  @IsOmittable()
  @IsBoolean()
  msbfsEnabled?: boolean;

  @ApiPropertyOptional({
    enum: INCIDENT_TYPES,
    isArray: true,
    description: 'Incident types the model covers',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(INCIDENT_TYPES, { each: true })
  msbfsIncidentTypes?: IncidentType[];

  @ApiPropertyOptional({
    type: [PeriodOverrideDto],
    description: 'Periods of internal targets; statutory deadlines are refused (PERIOD_NOT_OVERRIDABLE)',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PeriodOverrideDto)
  periodOverrides?: PeriodOverrideDto[];

  @ApiPropertyOptional({ type: [ReceiverInputDto], description: 'D-25: the receivers’ names' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(CONFIGURABLE_RECEIVERS.length)
  @ValidateNested({ each: true })
  @Type(() => ReceiverInputDto)
  receivers?: ReceiverInputDto[];
}

export class ClockStageRuleDto {
  @ApiProperty({ enum: REGULATORY_REGIMES }) regime: RegulatoryRegime;
  @ApiProperty() regimeLabel: string;
  @ApiProperty({ enum: REGULATORY_STAGES }) stage: RegulatoryStage;
  @ApiProperty() stageLabel: string;
  @ApiProperty({ enum: ANCHOR_KINDS }) anchor: AnchorKind;
  @ApiProperty({ enum: CLOCK_KINDS }) clock: ClockKind;
  @ApiProperty({ type: PeriodDto, description: 'In force for stages created from now on' }) period: PeriodDto;
  @ApiProperty({ type: PeriodDto }) defaultPeriod: PeriodDto;
  @ApiProperty({ description: 'True where the tenant has set its own period' }) overridden: boolean;
}

export class ReceiverDto {
  @ApiProperty({ enum: RECEIVER_KINDS }) kind: ReceiverKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contact: string | null;
  @ApiProperty({ description: 'False while the default is used' }) configured: boolean;
}

export class IncidentClockRulesDto {
  @ApiProperty() msbfsEnabled: boolean;
  @ApiProperty({ enum: INCIDENT_TYPES, isArray: true }) msbfsIncidentTypes: IncidentType[];
  @ApiProperty({ type: [ClockStageRuleDto], description: 'Internal targets: the tenant may set the period' })
  targets: ClockStageRuleDto[];
  @ApiProperty({ type: [ClockStageRuleDto], description: 'Statutory deadlines: fixed by law' })
  deadlines: ClockStageRuleDto[];
  @ApiProperty({ type: [ReceiverDto], description: 'The configurable receivers (D-25)' })
  receivers: ReceiverDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null while the defaults apply' })
  updatedAt: string | null;
  @ApiProperty({ description: 'Row version; 0 while the defaults apply' }) version: number;
}

export class IntermediateRequestDto {
  @ApiProperty({ description: 'When the CSIRT asked; not in the future' })
  @IsInstant('requestedAt')
  requestedAt: string;

  @ApiProperty({ description: 'The deadline the request states; after requestedAt' })
  @IsInstant('deadlineAt')
  deadlineAt: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What the CSIRT asked for' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

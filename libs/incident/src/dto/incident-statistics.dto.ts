import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

// ---------------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------------

export class IncidentStatisticsQueryDto {
  @ApiPropertyOptional({
    minimum: 2000,
    maximum: 2100,
    description: 'Default: the current year in Stockholm',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Incidents of this unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

// ---------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------

/** One count; below the threshold it is null and `suppressed` for callers without row access. */
export class StatisticsCountDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Null when suppressed' })
  count: number | null;

  @ApiProperty()
  suppressed: boolean;
}

/** Counts per tertial (by reportedAt in Europe/Stockholm: T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec) and for the year. */
export class TertialCountsDto {
  @ApiProperty({ type: StatisticsCountDto }) T1: StatisticsCountDto;
  @ApiProperty({ type: StatisticsCountDto }) T2: StatisticsCountDto;
  @ApiProperty({ type: StatisticsCountDto }) T3: StatisticsCountDto;
  @ApiProperty({ type: StatisticsCountDto }) year: StatisticsCountDto;
}

export class TypeCountsDto extends TertialCountsDto {
  @ApiProperty({ description: 'Incident type; UNTRIAGED while there is none' })
  type: string;
}

export class SubtypeCountsDto extends TertialCountsDto {
  @ApiProperty({ description: 'Incident type; UNTRIAGED while there is none' })
  type: string;

  @ApiProperty({ type: String, nullable: true, description: 'Category (subtype); null when none is set' })
  subtype: string | null;
}

export class SeverityCountsDto extends TertialCountsDto {
  @ApiProperty({ description: 'LOW … CRITICAL; UNTRIAGED while there is none' })
  severity: string;
}

export class OrgUnitCountsDto extends TertialCountsDto {
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** A share `numerator / denominator` (K12, K15); null without a denominator or when suppressed. */
export class StatisticsShareDto {
  @ApiProperty({ type: StatisticsCountDto }) numerator: StatisticsCountDto;
  @ApiProperty({ type: StatisticsCountDto }) denominator: StatisticsCountDto;

  @ApiProperty({ type: Number, nullable: true, description: 'Percent, one decimal' })
  percent: number | null;

  @ApiProperty()
  suppressed: boolean;
}

/** A median in hours over `count` values; null without values or when suppressed. */
export class StatisticsMedianDto {
  @ApiProperty({ type: StatisticsCountDto }) count: StatisticsCountDto;

  @ApiProperty({ type: Number, nullable: true, description: 'Hours, one decimal' })
  hours: number | null;

  @ApiProperty()
  suppressed: boolean;
}

export class IncidentStatisticsDto {
  @ApiProperty() year: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ApiProperty({
    description:
      'True when the caller may not read the counted incidents (aggregated figures only, scope G): ' +
      'every count below `threshold` is null and marked suppressed',
  })
  suppressionApplied: boolean;

  @ApiProperty({ example: 5 }) threshold: number;

  @ApiProperty({ type: TertialCountsDto, description: 'K10 total: REJECTED and MERGED excluded' })
  total: TertialCountsDto;

  @ApiProperty({ type: [TypeCountsDto], description: 'K10: per type' }) byType: TypeCountsDto[];
  @ApiProperty({ type: [SubtypeCountsDto] }) bySubtype: SubtypeCountsDto[];
  @ApiProperty({ type: [SeverityCountsDto] }) bySeverity: SeverityCountsDto[];
  @ApiProperty({ type: [OrgUnitCountsDto], description: 'Per the incident’s own unit' })
  byOrgUnit: OrgUnitCountsDto[];

  @ApiProperty({
    type: StatisticsShareDto,
    description:
      'K12: MET / (MET + MISSED + OVERDUE) over clock stages whose statutory deadlineAt falls in the year',
  })
  obligationsMetOnTime: StatisticsShareDto;

  @ApiProperty({
    type: StatisticsMedianDto,
    description: 'K13: median hours from awareAt to the GDPR_ART33_IMY notification, submitted in the year',
  })
  imyNotificationMedian: StatisticsMedianDto;

  @ApiProperty({
    type: StatisticsMedianDto,
    description: 'Median hours from awareAt to triage, for incidents triaged in the year',
  })
  awarenessToTriageMedian: StatisticsMedianDto;

  @ApiProperty({
    type: StatisticsShareDto,
    description:
      'K15: closed in the year with severity ≥ MEDIUM or a personal data breach: with root cause and lessons / all',
  })
  rootCauseOnClose: StatisticsShareDto;
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { IncidentStatisticsDto, IncidentStatisticsQueryDto } from './dto/incident-statistics.dto';
import { IncidentStatisticsService } from './incident-statistics.service';

/** Aggregated incident figures (K10, K12, K13, K15, time to triage), filtered in SQL. */
@ApiTags('incidents')
@Controller('incident-statistics')
export class IncidentStatisticsController {
  constructor(private readonly statistics: IncidentStatisticsService) {}

  @Get()
  @Can('read', 'IncidentStatistics')
  @ApiOkResponse({ type: IncidentStatisticsDto })
  @ApiBadRequestResponse({ description: 'Ogiltig fråga' })
  get(
    @CurrentPrincipal() p: Principal,
    @Query() query: IncidentStatisticsQueryDto,
  ): Promise<IncidentStatisticsDto> {
    return this.statistics.statistics(p, query);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { ClassificationKpiService } from './classification-kpi.service';
import { ClassificationKpiQueryDto, ClassificationKpisDto } from './dto/kpi.dto';

@ApiTags('classifications')
@Controller('classification-kpis')
export class ClassificationKpiController {
  constructor(private readonly kpis: ClassificationKpiService) {}

  @Get()
  @Can('read', 'ClassificationStatistics')
  @ApiOkResponse({ type: ClassificationKpisDto })
  get(
    @CurrentPrincipal() p: Principal,
    @Query() query: ClassificationKpiQueryDto,
  ): Promise<ClassificationKpisDto> {
    return this.kpis.kpis(p, query.orgUnitId, query.limit);
  }
}

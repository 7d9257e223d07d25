import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { IncidentClockRulesDto, UpdateIncidentClockRulesDto } from '../dto/clock-rules.dto';
import { IncidentClockRulesService } from './clock-rules.service';

/**
 * The tenant's regulator clock rules (§4d "Clock rules", D-24, D-25, ADR 0015): the MSBFS 2020:8
 * model switch, the internal target periods and the receivers. Read by everyone signed in, changed by
 * the CISO; a change applies to stages created afterwards.
 */
@ApiTags('incidents')
@Controller('incident-clock-rules')
export class IncidentClockRulesController {
  constructor(private readonly rules: IncidentClockRulesService) {}

  @Get()
  @Can('read', 'IncidentClockRules')
  @ApiOkResponse({ type: IncidentClockRulesDto })
  get(@CurrentPrincipal() p: Principal): Promise<IncidentClockRulesDto> {
    return this.rules.get(p);
  }

  @Patch()
  @Can('update', 'IncidentClockRules')
  @ApiOkResponse({ type: IncidentClockRulesDto })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED; CLOCK_RULES_PERIOD_NOT_OVERRIDABLE (a statutory deadline), ' +
      'CLOCK_RULES_STAGE_NOT_IN_REGIME, CLOCK_RULES_INVALID_PERIOD, CLOCK_RULES_RECEIVER_DUPLICATE',
  })
  update(
    @CurrentPrincipal() p: Principal,
    @Body() body: UpdateIncidentClockRulesDto,
  ): Promise<IncidentClockRulesDto> {
    return this.rules.update(p, body);
  }
}

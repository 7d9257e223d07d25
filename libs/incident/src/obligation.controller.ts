import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { Clock, UUID_PARAM } from '@varna/core';
import {
  NotRequiredObligationDto,
  ObligationListDto,
  RegulatoryObligationDto,
  SubmitObligationDto,
  WithdrawObligationDto,
} from './dto/obligation.dto';
import { toObligationDto } from './obligation.mapper';
import { ObligationService } from './obligation.service';
import type { RegulatoryObligationEntity } from './regulatory-obligation.entity';

/** The regulator clock stages of an incident (§4d): status computed at the request. */
@ApiTags('incidents')
@Controller('incidents/:id/obligations')
export class ObligationController {
  constructor(
    private readonly obligations: ObligationService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Can('read', 'RegulatoryObligation')
  @ApiOkResponse({ type: ObligationListDto })
  @ApiNotFoundResponse()
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<ObligationListDto> {
    const { items, applies, now } = await this.obligations.list(p, id);
    return { items: items.map((o) => toObligationDto(o, now, applies(o))) };
  }

  @Post(':obligationId/submit')
  @HttpCode(200)
  @Can('approve', 'RegulatoryObligation')
  @ApiOkResponse({ type: RegulatoryObligationDto })
  async submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('obligationId', UUID_PARAM) obligationId: string,
    @Body() dto: SubmitObligationDto,
  ): Promise<RegulatoryObligationDto> {
    return this.toDto(await this.obligations.submit(p, id, obligationId, dto));
  }

  @Post(':obligationId/not-required')
  @HttpCode(200)
  @Can('approve', 'RegulatoryObligation')
  @ApiOkResponse({ type: RegulatoryObligationDto })
  async notRequired(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('obligationId', UUID_PARAM) obligationId: string,
    @Body() dto: NotRequiredObligationDto,
  ): Promise<RegulatoryObligationDto> {
    return this.toDto(await this.obligations.notRequired(p, id, obligationId, dto));
  }

  @Post(':obligationId/withdraw')
  @HttpCode(200)
  @Can('approve', 'RegulatoryObligation')
  @ApiOkResponse({ type: RegulatoryObligationDto })
  async withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('obligationId', UUID_PARAM) obligationId: string,
    @Body() dto: WithdrawObligationDto,
  ): Promise<RegulatoryObligationDto> {
    return this.toDto(await this.obligations.withdraw(p, id, obligationId, dto));
  }

  private toDto(result: {
    obligation: RegulatoryObligationEntity;
    regimeApplies: boolean;
  }): RegulatoryObligationDto {
    return toObligationDto(result.obligation, this.clock.now(), result.regimeApplies);
  }
}

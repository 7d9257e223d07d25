import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { Clock, UUID_PARAM } from '@varna/core';
import type { ReceiverDirectory } from './clock-rules/clock-rules';
import { IntermediateRequestDto } from './dto/clock-rules.dto';
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
    const { items, applies, now, receivers } = await this.obligations.list(p, id);
    return { items: items.map((o) => toObligationDto(o, now, applies(o), receivers[o.receiver].name)) };
  }

  /**
   * D-60: the CSIRT asked for an intermediate report (cyber act); a handler of the incident records
   * the request and the deadline it states, which creates the INTERMEDIATE_REPORT stage.
   */
  @Post('intermediate-request')
  @Can('update', 'Incident')
  @ApiCreatedResponse({ type: RegulatoryObligationDto })
  @ApiNotFoundResponse()
  @ApiBadRequestResponse({ description: 'requestedAt in the future, or deadlineAt not after it' })
  @ApiConflictResponse({
    description: 'OBLIGATION_CYBER_ACT_NOT_APPLICABLE; INCIDENT_CLOSED',
  })
  async intermediateRequest(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IntermediateRequestDto,
  ): Promise<RegulatoryObligationDto> {
    return this.toDto(await this.obligations.requestIntermediate(p, id, dto));
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
    receivers: ReceiverDirectory;
  }): RegulatoryObligationDto {
    return toObligationDto(
      result.obligation,
      this.clock.now(),
      result.regimeApplies,
      result.receivers[result.obligation.receiver].name,
    );
  }
}

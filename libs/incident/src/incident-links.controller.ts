import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import {
  CreateInformationNoticeDto,
  INCIDENT_RESPONSE_SCHEMA,
  type IncidentDto,
  InformationNoticeDto,
  InformationNoticeListDto,
  MergeIncidentDto,
  QualityBridgeDto,
  QualityBridgeResultDto,
  type ReportedIncidentDto,
} from './dto/incident.dto';
import type { IncidentEntity } from './incident.entity';
import { IncidentLinksService } from './incident-links.service';
import { toIncidentResponse } from './incident.mapper';
import type { InformationNoticeEntity } from './information-notice.entity';
import { SecrecyService } from './secrecy/secrecy.service';

function toNoticeDto(n: InformationNoticeEntity): InformationNoticeDto {
  return {
    id: n.id,
    incidentId: n.incidentId,
    recipient: n.recipient,
    text: n.text,
    sentAt: n.sentAt.toISOString(),
    sentById: n.sentById,
  };
}

/** Merging, the quality bridge (BR-D4) and information notices (BR-D5). */
@ApiTags('incidents')
@Controller('incidents/:id')
export class IncidentLinksController {
  constructor(
    private readonly links: IncidentLinksService,
    private readonly secrecy: SecrecyService,
  ) {}

  private async respond(p: Principal, incident: IncidentEntity): Promise<IncidentDto | ReportedIncidentDto> {
    const markings = await this.secrecy.markingsOf([incident.id]);
    return toIncidentResponse(incident, p, markings.get(incident.id) ?? []);
  }

  @Post('merge')
  @HttpCode(200)
  @Can('update', 'Incident')
  @ApiOkResponse({ description: 'The incident, now MERGED', schema: INCIDENT_RESPONSE_SCHEMA })
  @ApiNotFoundResponse()
  async merge(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: MergeIncidentDto,
  ): Promise<IncidentDto | ReportedIncidentDto> {
    return this.respond(p, await this.links.merge(p, id, dto));
  }

  @Post('quality-bridge')
  @HttpCode(200)
  @Can('update', 'Incident')
  @ApiOkResponse({ type: QualityBridgeResultDto })
  @ApiNotFoundResponse()
  async qualityBridge(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: QualityBridgeDto,
  ): Promise<QualityBridgeResultDto> {
    const { deviation, breachId } = await this.links.answerQualityBridge(p, id, dto);
    return { deviation: await this.respond(p, deviation), breachId };
  }

  @Post('notices')
  @Can('update', 'Incident')
  @ApiCreatedResponse({ type: InformationNoticeDto })
  @ApiNotFoundResponse()
  async sendNotice(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateInformationNoticeDto,
  ): Promise<InformationNoticeDto> {
    return toNoticeDto(await this.links.sendNotice(p, id, dto));
  }

  @Get('notices')
  @Can('read', 'IncidentTimelineEntry')
  @ApiOkResponse({ type: InformationNoticeListDto })
  @ApiNotFoundResponse()
  async notices(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<InformationNoticeListDto> {
    return { items: (await this.links.notices(p, id)).map(toNoticeDto) };
  }
}

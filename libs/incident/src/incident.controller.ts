import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import type { Response } from 'express';
import {
  CreateIncidentDto,
  INCIDENT_RESPONSE_SCHEMA,
  IncidentDto,
  IncidentListDto,
  ListIncidentsQueryDto,
  ReportedIncidentDto,
  TransitionIncidentDto,
  TriageIncidentDto,
  UpdateIncidentDto,
} from './dto/incident.dto';
import { IncidentHandlingService } from './incident-handling.service';
import { toIncidentResponse } from './incident.mapper';
import { IncidentService } from './incident.service';

type IncidentResponse = IncidentDto | ReportedIncidentDto;

@ApiTags('incidents')
@ApiExtraModels(IncidentDto, ReportedIncidentDto)
@Controller('incidents')
export class IncidentController {
  constructor(
    private readonly incidents: IncidentService,
    private readonly handling: IncidentHandlingService,
  ) {}

  @Post()
  @Can('create', 'Incident')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Client-generated key: a retry with the same key returns the first report (200)',
  })
  @ApiCreatedResponse({ description: 'Reported', schema: INCIDENT_RESPONSE_SCHEMA })
  @ApiOkResponse({
    description: 'A retry: the incident the same key reported first',
    schema: INCIDENT_RESPONSE_SCHEMA,
  })
  async report(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateIncidentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentResponse> {
    const { incident, created } = await this.incidents.report(p, dto, idempotencyKey);
    if (!created) res.status(200);
    return toIncidentResponse(incident, p);
  }

  @Get()
  @Can('read', 'Incident')
  @ApiOkResponse({ type: IncidentListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListIncidentsQueryDto,
  ): Promise<IncidentListDto> {
    const page = await this.incidents.list(p, query);
    return { ...page, items: page.items.map((i) => toIncidentResponse(i, p)) };
  }

  @Get(':id')
  @Can('read', 'Incident')
  @ApiOkResponse({ schema: INCIDENT_RESPONSE_SCHEMA })
  @ApiNotFoundResponse()
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<IncidentResponse> {
    return toIncidentResponse(await this.incidents.get(p, id), p);
  }

  @Patch(':id')
  @Can('update', 'Incident')
  @ApiOkResponse({ schema: INCIDENT_RESPONSE_SCHEMA })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateIncidentDto,
  ): Promise<IncidentResponse> {
    return toIncidentResponse(await this.handling.update(p, id, dto), p);
  }

  @Post(':id/triage')
  @HttpCode(200)
  @Can('update', 'Incident')
  @ApiOkResponse({ schema: INCIDENT_RESPONSE_SCHEMA })
  async triage(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: TriageIncidentDto,
  ): Promise<IncidentResponse> {
    return toIncidentResponse(await this.handling.triage(p, id, dto), p);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @Can('update', 'Incident')
  @ApiOkResponse({ schema: INCIDENT_RESPONSE_SCHEMA })
  async transition(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: TransitionIncidentDto,
  ): Promise<IncidentResponse> {
    return toIncidentResponse(await this.handling.transition(p, id, dto), p);
  }
}

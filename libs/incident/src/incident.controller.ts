import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import type { Response } from 'express';
import {
  CreateIncidentDto,
  ExportIncidentsQueryDto,
  INCIDENT_RESPONSE_SCHEMA,
  IncidentDto,
  IncidentListDto,
  ListIncidentsQueryDto,
  ReportedIncidentDto,
  TransitionIncidentDto,
  TriageIncidentDto,
  UpdateIncidentDto,
} from './dto/incident.dto';
import { IncidentExportService } from './incident-export.service';
import { IncidentHandlingService } from './incident-handling.service';
import type { IncidentEntity } from './incident.entity';
import { toIncidentResponse } from './incident.mapper';
import { IncidentService } from './incident.service';
import { SecrecyService } from './secrecy/secrecy.service';

type IncidentResponse = IncidentDto | ReportedIncidentDto;

@ApiTags('incidents')
@ApiExtraModels(IncidentDto, ReportedIncidentDto)
@Controller('incidents')
export class IncidentController {
  constructor(
    private readonly incidents: IncidentService,
    private readonly handling: IncidentHandlingService,
    private readonly secrecy: SecrecyService,
    private readonly registerExport: IncidentExportService,
  ) {}

  /** Every response goes through the caller's view and the incident's secrecy markings. */
  private async respond(p: Principal, incident: IncidentEntity): Promise<IncidentResponse> {
    const markings = await this.secrecy.markingsOf([incident.id]);
    return toIncidentResponse(incident, p, markings.get(incident.id) ?? []);
  }

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
    // A report made just now has no secrecy markings yet (handlers add them later).
    return created ? toIncidentResponse(incident, p, []) : this.respond(p, incident);
  }

  @Get()
  @Can('read', 'Incident')
  @ApiOkResponse({ type: IncidentListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListIncidentsQueryDto,
  ): Promise<IncidentListDto> {
    const page = await this.incidents.list(p, query);
    const markings = await this.secrecy.markingsOf(page.items.map((i) => i.id));
    return { ...page, items: page.items.map((i) => toIncidentResponse(i, p, markings.get(i.id) ?? [])) };
  }

  /** The incident register (XLSX or CSV), marked fields redacted for everyone (BR-D8, §5.2). */
  @Get('export')
  @Can('export', 'Incident')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'The register file', schema: { type: 'string', format: 'binary' } })
  async export(
    @CurrentPrincipal() p: Principal,
    @Query() query: ExportIncidentsQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.registerExport.export(p, query);
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }

  @Get(':id')
  @Can('read', 'Incident')
  @ApiOkResponse({ schema: INCIDENT_RESPONSE_SCHEMA })
  @ApiNotFoundResponse()
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<IncidentResponse> {
    return this.respond(p, await this.incidents.get(p, id));
  }

  @Patch(':id')
  @Can('update', 'Incident')
  @ApiOkResponse({ schema: INCIDENT_RESPONSE_SCHEMA })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateIncidentDto,
  ): Promise<IncidentResponse> {
    return this.respond(p, await this.handling.update(p, id, dto));
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
    return this.respond(p, await this.handling.triage(p, id, dto));
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
    return this.respond(p, await this.handling.transition(p, id, dto));
  }
}

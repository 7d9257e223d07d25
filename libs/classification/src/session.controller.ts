import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import {
  CancelClassificationSessionDto,
  ClassificationSessionDetailDto,
  ClassificationSessionListDto,
  CloseClassificationSessionDto,
  CreateClassificationSessionDto,
  HoldClassificationSessionDto,
  ListClassificationSessionsQueryDto,
  UpdateClassificationSessionDto,
} from './session.dto';
import { toSessionDetailDto, toSessionDto } from './session.mapper';
import { ClassificationSessionPdfService } from './session-pdf.service';
import { ClassificationSessionService } from './session.service';

/** Klassningstillfällen (domain.md §4b). */
@ApiTags('classification-sessions')
@Controller('classification-sessions')
export class ClassificationSessionController {
  constructor(
    private readonly sessions: ClassificationSessionService,
    private readonly pdfs: ClassificationSessionPdfService,
  ) {}

  @Get()
  @Can('read', 'ClassificationSession')
  @ApiOkResponse({ type: ClassificationSessionListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListClassificationSessionsQueryDto,
  ): Promise<ClassificationSessionListDto> {
    const { people, ...page } = await this.sessions.list(p, query);
    return { ...page, items: page.items.map((s) => toSessionDto(s, people)) };
  }

  @Get(':id')
  @Can('read', 'ClassificationSession')
  @ApiOkResponse({ type: ClassificationSessionDetailDto })
  @ApiNotFoundResponse()
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<ClassificationSessionDetailDto> {
    return toSessionDetailDto(await this.sessions.detail(p, id));
  }

  @Get(':id/minutes.pdf')
  @Can('export', 'ClassificationSession')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Protokoll från klassningstillfället (PDF; utkast tills det är avslutat)' })
  async minutes(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, pdf } = await this.pdfs.render(p, id);
    res
      .status(200)
      .setHeader('content-type', 'application/pdf')
      .setHeader('cache-control', 'private, no-store')
      .setHeader('content-disposition', `attachment; filename="${fileName}"`)
      .send(pdf);
  }

  @Post()
  @Can('create', 'ClassificationSession')
  @ApiCreatedResponse({ type: ClassificationSessionDetailDto })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateClassificationSessionDto,
  ): Promise<ClassificationSessionDetailDto> {
    return toSessionDetailDto(await this.sessions.create(p, dto));
  }

  @Patch(':id')
  @Can('update', 'ClassificationSession')
  @ApiOkResponse({ type: ClassificationSessionDetailDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateClassificationSessionDto,
  ): Promise<ClassificationSessionDetailDto> {
    return toSessionDetailDto(await this.sessions.update(p, id, dto));
  }

  @Post(':id/hold')
  @HttpCode(200)
  @Can('update', 'ClassificationSession')
  @ApiOkResponse({ type: ClassificationSessionDetailDto })
  async hold(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: HoldClassificationSessionDto,
  ): Promise<ClassificationSessionDetailDto> {
    return toSessionDetailDto(await this.sessions.hold(p, id, dto.heldAt, dto.minutes));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Can('update', 'ClassificationSession')
  @ApiOkResponse({ type: ClassificationSessionDetailDto })
  async close(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CloseClassificationSessionDto,
  ): Promise<ClassificationSessionDetailDto> {
    return toSessionDetailDto(await this.sessions.close(p, id, dto.minutes));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Can('update', 'ClassificationSession')
  @ApiOkResponse({ type: ClassificationSessionDetailDto })
  async cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CancelClassificationSessionDto,
  ): Promise<ClassificationSessionDetailDto> {
    return toSessionDetailDto(await this.sessions.cancel(p, id, dto.reason));
  }
}

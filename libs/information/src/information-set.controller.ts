import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import {
  CreateInformationSetDto,
  INFORMATION_SET_RESPONSE_SCHEMA,
  InformationSetDto,
  InformationSetListDto,
  InformationSetNameDto,
  InformationSetTransitionDto,
  ListInformationSetsQueryDto,
  UpdateInformationSetDto,
} from './dto/information-set.dto';
import { InformationSetService } from './information-set.service';
import { toInformationSetResponse } from './register.mapper';

type InformationSetResponse = InformationSetDto | InformationSetNameDto;

@ApiTags('information-sets')
@ApiExtraModels(InformationSetDto, InformationSetNameDto)
@Controller('information-sets')
export class InformationSetController {
  constructor(private readonly sets: InformationSetService) {}

  @Get()
  @Can('read', 'InformationSet')
  @ApiOkResponse({ type: InformationSetListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListInformationSetsQueryDto,
  ): Promise<InformationSetListDto> {
    const page = await this.sets.list(p, query);
    return { ...page, items: page.items.map((s) => toInformationSetResponse(s, p)) };
  }

  @Get(':id')
  @Can('read', 'InformationSet')
  @ApiOkResponse({ schema: INFORMATION_SET_RESPONSE_SCHEMA })
  @ApiNotFoundResponse()
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<InformationSetResponse> {
    return toInformationSetResponse(await this.sets.get(p, id), p);
  }

  @Post()
  @Can('create', 'InformationSet')
  @ApiCreatedResponse({ type: InformationSetDto })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateInformationSetDto,
  ): Promise<InformationSetResponse> {
    return toInformationSetResponse(await this.sets.create(p, dto), p);
  }

  @Patch(':id')
  @Can('update', 'InformationSet')
  @ApiOkResponse({ type: InformationSetDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateInformationSetDto,
  ): Promise<InformationSetResponse> {
    return toInformationSetResponse(await this.sets.update(p, id, dto), p);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Can('update', 'InformationSet')
  @ApiOkResponse({ type: InformationSetDto, description: 'DRAFT → ACTIVE' })
  async activate(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: InformationSetTransitionDto,
  ): Promise<InformationSetResponse> {
    return toInformationSetResponse(await this.sets.activate(p, id, dto), p);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @Can('update', 'InformationSet')
  @ApiOkResponse({ type: InformationSetDto, description: 'ACTIVE → RETIRED' })
  async retire(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: InformationSetTransitionDto,
  ): Promise<InformationSetResponse> {
    return toInformationSetResponse(await this.sets.retire(p, id, dto), p);
  }
}

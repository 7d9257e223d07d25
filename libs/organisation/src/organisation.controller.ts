import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UUID_PARAM } from '@varna/core';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import {
  CreateOrgUnitDto,
  DeactivateOrgUnitDto,
  ListOrgUnitsQueryDto,
  MoveOrgUnitDto,
  OrgUnitDto,
  OrgUnitListDto,
  OrgUnitTreeNodeDto,
  UpdateOrgUnitDto,
} from './dto/org-unit.dto';
import { toOrgUnitDto, toTree } from './org-unit.mapper';
import { OrgUnitService } from './org-unit.service';

@ApiTags('org-units')
@Controller('org-units')
export class OrgUnitController {
  constructor(private readonly units: OrgUnitService) {}

  @Get()
  @Can('read', 'OrgUnit')
  @ApiOkResponse({ type: OrgUnitListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListOrgUnitsQueryDto,
  ): Promise<OrgUnitListDto> {
    const items = (await this.units.list(p, query)).map(toOrgUnitDto);
    return { items, total: items.length };
  }

  @Get('tree')
  @Can('read', 'OrgUnit')
  @ApiOkResponse({ type: [OrgUnitTreeNodeDto] })
  async tree(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListOrgUnitsQueryDto,
  ): Promise<OrgUnitTreeNodeDto[]> {
    return toTree(await this.units.list(p, { ...query, q: undefined }));
  }

  @Get(':id')
  @Can('read', 'OrgUnit')
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiNotFoundResponse()
  async get(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.units.get(p, id));
  }

  @Post()
  @Can('create', 'OrgUnit')
  @ApiCreatedResponse({ type: OrgUnitDto })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.units.create(p, dto));
  }

  @Patch(':id')
  @Can('update', 'OrgUnit')
  @ApiOkResponse({ type: OrgUnitDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateOrgUnitDto,
  ): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.units.update(p, id, dto));
  }

  @Post(':id/move')
  @HttpCode(200)
  @Can('update', 'OrgUnit')
  @ApiOkResponse({ type: OrgUnitDto })
  async move(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: MoveOrgUnitDto,
  ): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.units.move(p, id, dto));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Can('update', 'OrgUnit')
  @ApiOkResponse({ type: OrgUnitDto })
  async deactivate(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DeactivateOrgUnitDto,
  ): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.units.deactivate(p, id, dto));
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import { AssetLinkService } from './asset-link.service';
import { AssetService } from './asset.service';
import {
  AddDependencyDto,
  ASSET_RESPONSE_SCHEMA,
  AssetDependenciesDto,
  AssetDto,
  AssetListDto,
  AssetNameDto,
  AssetTransitionDto,
  CreateAssetDto,
  LinkedInformationSetDto,
  LinkInformationSetDto,
  ListAssetsQueryDto,
  UpdateAssetDto,
} from './dto/asset.dto';
import { toAssetResponse } from './register.mapper';

type AssetResponse = AssetDto | AssetNameDto;

@ApiTags('assets')
@ApiExtraModels(AssetDto, AssetNameDto)
@Controller('assets')
export class AssetController {
  constructor(
    private readonly assets: AssetService,
    private readonly links: AssetLinkService,
  ) {}

  @Get()
  @Can('read', 'Asset')
  @ApiOkResponse({ type: AssetListDto })
  async list(@CurrentPrincipal() p: Principal, @Query() query: ListAssetsQueryDto): Promise<AssetListDto> {
    const page = await this.assets.list(p, query);
    return { ...page, items: page.items.map((a) => toAssetResponse(a, p)) };
  }

  @Get(':id')
  @Can('read', 'Asset')
  @ApiOkResponse({ schema: ASSET_RESPONSE_SCHEMA })
  @ApiNotFoundResponse()
  async get(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string): Promise<AssetResponse> {
    return toAssetResponse(await this.assets.get(p, id), p);
  }

  @Post()
  @Can('create', 'Asset')
  @ApiCreatedResponse({ type: AssetDto })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAssetDto): Promise<AssetResponse> {
    return toAssetResponse(await this.assets.create(p, dto), p);
  }

  @Patch(':id')
  @Can('update', 'Asset')
  @ApiOkResponse({ type: AssetDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateAssetDto,
  ): Promise<AssetResponse> {
    return toAssetResponse(await this.assets.update(p, id, dto), p);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @Can('update', 'Asset')
  @ApiOkResponse({ type: AssetDto })
  async transition(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AssetTransitionDto,
  ): Promise<AssetResponse> {
    return toAssetResponse(await this.assets.transition(p, id, dto), p);
  }

  @Get(':id/information-sets')
  @Can('read', 'Asset')
  @ApiOkResponse({ type: [LinkedInformationSetDto] })
  listInformationSets(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<LinkedInformationSetDto[]> {
    return this.links.listInformationSets(p, id);
  }

  @Post(':id/information-sets')
  @Can('update', 'Asset')
  @ApiCreatedResponse({ type: LinkedInformationSetDto })
  linkInformationSet(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: LinkInformationSetDto,
  ): Promise<LinkedInformationSetDto> {
    return this.links.linkInformationSet(p, id, dto);
  }

  @Delete(':id/information-sets/:informationSetId')
  @HttpCode(204)
  @Can('update', 'Asset')
  @ApiNoContentResponse()
  unlinkInformationSet(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('informationSetId', UUID_PARAM) informationSetId: string,
  ): Promise<void> {
    return this.links.unlinkInformationSet(p, id, informationSetId);
  }

  @Get(':id/dependencies')
  @Can('read', 'Asset')
  @ApiOkResponse({ type: AssetDependenciesDto })
  listDependencies(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<AssetDependenciesDto> {
    return this.links.listDependencies(p, id);
  }

  @Post(':id/dependencies')
  @Can('update', 'Asset')
  @ApiCreatedResponse({ type: AssetDependenciesDto })
  addDependency(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AddDependencyDto,
  ): Promise<AssetDependenciesDto> {
    return this.links.addDependency(p, id, dto);
  }

  @Delete(':id/dependencies/:supportingAssetId')
  @HttpCode(204)
  @Can('update', 'Asset')
  @ApiNoContentResponse()
  removeDependency(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('supportingAssetId', UUID_PARAM) supportingAssetId: string,
  ): Promise<void> {
    return this.links.removeDependency(p, id, supportingAssetId);
  }
}

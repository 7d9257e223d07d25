import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import { StepCommentDto } from './dto/classification.dto';
import { ActionPlanService } from './action-plan.service';
import { AssetProtectionService } from './asset-protection.service';
import { toActionPlanItemDto, toOverrideDto } from './classification.mapper';
import { fulfilment, type ActionPlanStatus } from './domain';
import {
  ActionPlanDto,
  ActionPlanItemDto,
  AssetProtectionDto,
  CreateOverrideDto,
  GenerateActionPlanDto,
  ListActionPlanQueryDto,
  OverrideDto,
  OverrideListDto,
  RejectOverrideDto,
  UpdateActionPlanItemDto,
} from './dto/protection.dto';
import { OverrideService } from './override.service';

@ApiTags('classifications')
@Controller('assets')
export class AssetProtectionController {
  constructor(
    private readonly protection: AssetProtectionService,
    private readonly overrides: OverrideService,
  ) {}

  @Get(':id/protection')
  @Can('read', 'Asset')
  @ApiOkResponse({ type: AssetProtectionDto })
  protectionOf(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<AssetProtectionDto> {
    return this.protection.get(p, id);
  }

  @Get(':id/overrides')
  @Can('read', 'ProtectionOverride')
  @ApiOkResponse({ type: OverrideListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<OverrideListDto> {
    return { items: (await this.overrides.list(p, id)).map(toOverrideDto) };
  }

  @Post(':id/overrides')
  @Can('create', 'ProtectionOverride')
  @ApiCreatedResponse({ type: OverrideDto })
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateOverrideDto,
  ): Promise<OverrideDto> {
    return toOverrideDto(await this.overrides.create(p, id, dto));
  }

  @Post(':id/overrides/:overrideId/approve')
  @HttpCode(200)
  @Can('approve', 'ProtectionOverride')
  @ApiOkResponse({ type: OverrideDto })
  async approve(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('overrideId', UUID_PARAM) overrideId: string,
    @Body() dto: StepCommentDto,
  ): Promise<OverrideDto> {
    return toOverrideDto(await this.overrides.approve(p, id, overrideId, dto.comment));
  }

  @Post(':id/overrides/:overrideId/reject')
  @HttpCode(200)
  @Can('approve', 'ProtectionOverride')
  @ApiOkResponse({ type: OverrideDto })
  async reject(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('overrideId', UUID_PARAM) overrideId: string,
    @Body() dto: RejectOverrideDto,
  ): Promise<OverrideDto> {
    return toOverrideDto(await this.overrides.reject(p, id, overrideId, dto.reason));
  }

  @Post(':id/overrides/:overrideId/withdraw')
  @HttpCode(200)
  @Can('update', 'ProtectionOverride')
  @ApiOkResponse({ type: OverrideDto })
  async withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('overrideId', UUID_PARAM) overrideId: string,
    @Body() dto: StepCommentDto,
  ): Promise<OverrideDto> {
    return toOverrideDto(await this.overrides.withdraw(p, id, overrideId, dto.comment));
  }
}

/** The plan's K26 figure, as a share and as a ratio (numerator MET, denominator not NOT_APPLICABLE). */
function planSummary(items: readonly { status: ActionPlanStatus }[]) {
  const f = fulfilment(items);
  return { fulfilment: f.share, k26: { numerator: f.met, denominator: f.applicable, value: f.share } };
}

@ApiTags('classifications')
@Controller('action-plans')
export class ActionPlanController {
  constructor(private readonly plans: ActionPlanService) {}

  @Get()
  @Can('read', 'ActionPlanItem')
  @ApiOkResponse({ type: ActionPlanDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListActionPlanQueryDto,
  ): Promise<ActionPlanDto> {
    const items = await this.plans.list(p, query.assetId);
    return {
      assetId: query.assetId,
      items: items.map(toActionPlanItemDto),
      ...planSummary(items),
    };
  }

  @Post()
  @Can('update', 'ActionPlanItem')
  @ApiCreatedResponse({ type: ActionPlanDto })
  async generate(
    @CurrentPrincipal() p: Principal,
    @Body() dto: GenerateActionPlanDto,
  ): Promise<ActionPlanDto> {
    const items = await this.plans.generate(p, dto.assetId);
    return {
      assetId: dto.assetId,
      items: items.map(toActionPlanItemDto),
      ...planSummary(items),
    };
  }

  @Patch(':id')
  @Can('update', 'ActionPlanItem')
  @ApiOkResponse({ type: ActionPlanItemDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateActionPlanItemDto,
  ): Promise<ActionPlanItemDto> {
    return toActionPlanItemDto(await this.plans.update(p, id, dto));
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ClassificationPdfService } from './classification-pdf.service';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { Clock, UUID_PARAM } from '@varna/core';
import { toClassificationDto } from './classification.mapper';
import { ClassificationService } from './classification.service';
import { ReviewFlagService } from './review-flag.service';
import {
  CancelClassificationDto,
  ClassificationDto,
  ClassificationListDto,
  CreateClassificationDto,
  DecideClassificationDto,
  FlagReviewDto,
  FlagReviewResultDto,
  ListClassificationsQueryDto,
  ReturnClassificationDto,
  SpecialHandlingDto,
  StepCommentDto,
  UpdateClassificationDto,
} from './dto/classification.dto';

@ApiTags('classifications')
@Controller('classifications')
export class ClassificationController {
  constructor(
    private readonly classifications: ClassificationService,
    private readonly pdfs: ClassificationPdfService,
    private readonly clock: Clock,
    private readonly flags: ReviewFlagService,
  ) {}

  private dto = (c: Parameters<typeof toClassificationDto>[0]) => toClassificationDto(c, this.clock.now());

  @Get()
  @Can('read', 'Classification')
  @ApiOkResponse({ type: ClassificationListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListClassificationsQueryDto,
  ): Promise<ClassificationListDto> {
    const page = await this.classifications.list(p, query);
    return { ...page, items: page.items.map(this.dto) };
  }

  @Get(':id')
  @Can('read', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  @ApiNotFoundResponse()
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.get(p, id));
  }

  @Get(':id/pdf')
  @Can('read', 'Classification')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Beslut om informationsklassning (PDF)' })
  async pdf(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, pdf } = await this.pdfs.render(p, id);
    res
      .status(200)
      .setHeader('content-type', 'application/pdf')
      .setHeader('content-disposition', `attachment; filename="${fileName}"`)
      .send(pdf);
  }

  @Post()
  @Can('create', 'Classification')
  @ApiCreatedResponse({ type: ClassificationDto })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateClassificationDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.create(p, dto));
  }

  /** BR-B5: the CISO flags for a legal change; the CISO or a samordnare flags manually (D-54). */
  @Post('flag-review')
  @HttpCode(200)
  @Can('update', 'Classification')
  @ApiOkResponse({ type: FlagReviewResultDto })
  @ApiNotFoundResponse({ description: 'A set out of reach: nothing is flagged' })
  flagReview(@CurrentPrincipal() p: Principal, @Body() dto: FlagReviewDto): Promise<FlagReviewResultDto> {
    return this.flags.flagByRequest(p, dto);
  }

  @Patch(':id')
  @Can('update', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateClassificationDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.update(p, id, dto));
  }

  @Post(':id/propose')
  @HttpCode(200)
  @Can('update', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  async propose(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: StepCommentDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.propose(p, id, dto.comment));
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Can('approve', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  async decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DecideClassificationDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.decide(p, id, dto.diarienummer));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Can('approve', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  async returnToDraft(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReturnClassificationDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.returnToDraft(p, id, dto.returnComment));
  }

  @Post(':id/special-handling')
  @HttpCode(200)
  @Can('approve', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  async specialHandling(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: SpecialHandlingDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.specialHandling(p, id, dto.diarienummer));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Can('update', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  async cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CancelClassificationDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.cancel(p, id, dto.reason));
  }

  @Post(':id/confirm-unchanged')
  @HttpCode(200)
  @Can('approve', 'Classification')
  @ApiOkResponse({ type: ClassificationDto })
  async confirmUnchanged(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: StepCommentDto,
  ): Promise<ClassificationDto> {
    return this.dto(await this.classifications.confirmUnchanged(p, id, dto.comment));
  }
}

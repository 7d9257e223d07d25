import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { ClassificationSettingsService } from './classification-settings.service';
import { DEFAULT_CLASSIFICATION_MODEL } from './domain';
import {
  ClassificationModelDto,
  ClassificationSettingsDto,
  UpdateClassificationSettingsDto,
} from './dto/model.dto';

/** The model the wizard walks through: aspects, levels, guiding questions (D-11), the review interval. */
@ApiTags('classifications')
@Controller('classification-model')
export class ClassificationModelController {
  constructor(private readonly settings: ClassificationSettingsService) {}

  @Get()
  @Can('read', 'ClassificationSettings')
  @ApiOkResponse({ type: ClassificationModelDto })
  async get(@CurrentPrincipal() p: Principal): Promise<ClassificationModelDto> {
    const { reviewIntervalMonths } = await this.settings.get(p);
    const m = DEFAULT_CLASSIFICATION_MODEL;
    return {
      version: m.version,
      aspects: m.aspects.map((a) => ({
        code: a.code,
        nameSv: a.nameSv,
        nameEn: a.nameEn,
        questionSv: a.questionSv,
      })),
      levels: m.levels.map((l) => ({ ...l })),
      guidingQuestions: m.guidingQuestions.map((g) => ({ ...g, questionsSv: [...g.questionsSv] })),
      consequenceCategories: [...m.consequenceCategories],
      reviewIntervalMonths,
    };
  }
}

/** The tenant's classification settings: read by everyone, the review interval changed by the CISO. */
@ApiTags('classifications')
@Controller('classification-settings')
export class ClassificationSettingsController {
  constructor(private readonly settings: ClassificationSettingsService) {}

  @Get()
  @Can('read', 'ClassificationSettings')
  @ApiOkResponse({ type: ClassificationSettingsDto })
  get(@CurrentPrincipal() p: Principal): Promise<ClassificationSettingsDto> {
    return this.settings.get(p);
  }

  /** Decisions already taken keep their validUntil; new decisions use the new interval. */
  @Patch()
  @Can('update', 'ClassificationSettings')
  @ApiOkResponse({ type: ClassificationSettingsDto })
  update(
    @CurrentPrincipal() p: Principal,
    @Body() body: UpdateClassificationSettingsDto,
  ): Promise<ClassificationSettingsDto> {
    return this.settings.update(p, body.reviewIntervalMonths);
  }
}

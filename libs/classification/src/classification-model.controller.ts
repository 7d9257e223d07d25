import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { ClassificationSettingsService } from './classification-settings.service';
import { DEFAULT_CLASSIFICATION_MODEL } from './domain';
import { ClassificationModelDto } from './dto/model.dto';

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

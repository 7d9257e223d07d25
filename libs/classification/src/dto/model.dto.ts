import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ModelAspectDto {
  @ApiProperty({ enum: ['K', 'R', 'T', 'S'] })
  code: string;

  @ApiProperty()
  nameSv: string;

  @ApiProperty()
  nameEn: string;

  @ApiProperty({ description: 'The question the aspect answers (D-11)' })
  questionSv: string;
}

export class ModelLevelDto {
  @ApiProperty({ minimum: 0, maximum: 4 })
  value: number;

  @ApiProperty()
  nameSv: string;

  @ApiProperty()
  nameEn: string;

  @ApiProperty()
  descriptionSv: string;

  @ApiProperty({ description: 'False for level 4: special handling outside the platform' })
  handledInPlatform: boolean;
}

export class GuidingQuestionsDto {
  @ApiProperty({ enum: ['K', 'R', 'T', 'S'] })
  aspect: string;

  @ApiProperty({ minimum: 1, maximum: 4 })
  level: number;

  @ApiProperty({ type: [String] })
  questionsSv: string[];
}

/** The classification model in force for the caller's tenant (tenant configuration, read by all). */
export class ClassificationModelDto {
  @ApiProperty()
  version: number;

  @ApiProperty({ type: [ModelAspectDto] })
  aspects: ModelAspectDto[];

  @ApiProperty({ type: [ModelLevelDto] })
  levels: ModelLevelDto[];

  @ApiProperty({ type: [GuidingQuestionsDto] })
  guidingQuestions: GuidingQuestionsDto[];

  @ApiProperty({ type: [String] })
  consequenceCategories: string[];

  @ApiProperty({ description: "The tenant's review interval (BR-B5)" })
  reviewIntervalMonths: number;
}

export class ClassificationSettingsDto {
  @ApiProperty({ description: 'Months from a decision to its review (BR-B5, default 12)' })
  reviewIntervalMonths: number;

  @ApiProperty()
  modelVersion: number;
}

export class UpdateClassificationSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  reviewIntervalMonths: number;
}

// The classification context: KLASSA-style classification, propagation to assets, overrides and
// action plans (domain.md §4b).
export * from './domain';
export { ClassificationEntity } from './classification.entity';
export { ProtectionOverrideEntity } from './protection-override.entity';
export { ActionPlanItemEntity } from './action-plan-item.entity';
export { ClassificationSettingsEntity } from './classification-settings.entity';
export { ClassificationSessionEntity } from './session.entity';
export * from './session.domain';
export { ClassificationModule } from './classification.module';
export { ProtectionService } from './protection.service';
export {
  ClassificationReviewService,
  informationSetPath,
  type ClassificationReviewRun,
} from './classification-review.service';

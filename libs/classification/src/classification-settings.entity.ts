import { TenantScopedEntity } from '@varna/db';
import { Check, Column, Entity, Unique } from 'typeorm';

/** Per-tenant classification settings (domain.md §4b ClassificationModel; the CISO changes them). */
@Entity({ name: 'classification_settings' })
@Unique(['tenantId'])
@Check('ck_classification_settings__review_interval_months', `"review_interval_months" BETWEEN 1 AND 36`)
export class ClassificationSettingsEntity extends TenantScopedEntity {
  static readonly modelName = 'ClassificationSettings';

  @Column({ type: 'int', default: 12 })
  reviewIntervalMonths: number;

  /** The classification model version in force (the default model is version 1). */
  @Column({ type: 'int', default: 1 })
  modelVersion: number;
}

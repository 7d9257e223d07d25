import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal } from '@varna/authz';
import { changeBy, HistoryService } from '@varna/history';
import { DataSource, EntityManager } from 'typeorm';
import { ClassificationSettingsEntity } from './classification-settings.entity';
import { DEFAULT_CLASSIFICATION_MODEL } from './domain';

export interface ClassificationSettings {
  reviewIntervalMonths: number;
  modelVersion: number;
}

const DEFAULTS: ClassificationSettings = {
  reviewIntervalMonths: DEFAULT_CLASSIFICATION_MODEL.reviewIntervalMonths,
  modelVersion: DEFAULT_CLASSIFICATION_MODEL.version,
};

/** The tenant's classification settings; a tenant without a row uses the default model (D-11). */
@Injectable()
export class ClassificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
  ) {}

  async forTenant(m: EntityManager, tenantId: string): Promise<ClassificationSettings> {
    const row = await m.findOneBy(ClassificationSettingsEntity, { tenantId });
    return row
      ? { reviewIntervalMonths: row.reviewIntervalMonths, modelVersion: row.modelVersion }
      : DEFAULTS;
  }

  get(principal: Principal): Promise<ClassificationSettings> {
    return this.forTenant(this.dataSource.manager, principal.actor.tenantId);
  }

  /** The CISO changes the review interval; decisions already taken keep their validUntil. */
  async update(principal: Principal, reviewIntervalMonths: number): Promise<ClassificationSettings> {
    const tenantId = principal.actor.tenantId;
    await this.dataSource.transaction(async (m) => {
      let row = await m.findOneBy(ClassificationSettingsEntity, { tenantId });
      const before = row ? { ...row } : null;
      row ??= m.create(ClassificationSettingsEntity, { tenantId, ...DEFAULTS });
      assertCan(principal.ability, 'update', 'ClassificationSettings', { id: row.id ?? '', tenantId });
      if (before && row.reviewIntervalMonths === reviewIntervalMonths) return;
      row.reviewIntervalMonths = reviewIntervalMonths;
      const saved = await m.save(ClassificationSettingsEntity, row);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'ClassificationSettings',
          action: 'update',
          entityId: saved.id,
          before,
          after: saved,
        }),
      );
    });
    return this.get(principal);
  }
}

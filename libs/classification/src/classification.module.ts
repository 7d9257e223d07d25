import { Module, OnModuleInit } from '@nestjs/common';
import { HistorySubjects } from '@varna/history';
import { OrganisationModule, OrgPathDependents } from '@varna/organisation';
import { ActionPlanItemEntity } from './action-plan-item.entity';
import { ActionPlanService } from './action-plan.service';
import { AssetProtectionService } from './asset-protection.service';
import { ClassificationController } from './classification.controller';
import { ClassificationEntity } from './classification.entity';
import { ClassificationService } from './classification.service';
import { ClassificationSettingsEntity } from './classification-settings.entity';
import { ClassificationSettingsService } from './classification-settings.service';
import { ActionPlanController, AssetProtectionController } from './protection.controller';
import { OverrideService } from './override.service';
import { ProtectionOverrideEntity } from './protection-override.entity';
import { ProtectionService } from './protection.service';

/** Classification of information sets, propagation to assets, overrides, action plans (§4b). */
@Module({
  imports: [OrganisationModule],
  controllers: [ClassificationController, AssetProtectionController, ActionPlanController],
  providers: [
    ClassificationService,
    ClassificationSettingsService,
    ProtectionService,
    OverrideService,
    ActionPlanService,
    AssetProtectionService,
  ],
  exports: [ProtectionService],
})
export class ClassificationModule implements OnModuleInit {
  constructor(
    private readonly historySubjects: HistorySubjects,
    private readonly pathDependents: OrgPathDependents,
  ) {}

  onModuleInit(): void {
    this.historySubjects.register({
      entityType: 'Classification',
      subject: 'Classification',
      entity: ClassificationEntity,
    });
    this.historySubjects.register({
      entityType: 'ProtectionOverride',
      subject: 'ProtectionOverride',
      entity: ProtectionOverrideEntity,
    });
    this.historySubjects.register({
      entityType: 'ActionPlanItem',
      subject: 'ActionPlanItem',
      entity: ActionPlanItemEntity,
    });
    this.historySubjects.register({
      entityType: 'ClassificationSettings',
      subject: 'ClassificationSettings',
      entity: ClassificationSettingsEntity,
    });
    for (const table of ['classification', 'protection_override', 'action_plan_item']) {
      this.pathDependents.register({ table, unitColumn: 'org_unit_id', pathColumn: 'org_unit_path' });
    }
  }
}

import {
  ClassificationModelController,
  ClassificationSettingsController,
} from './classification-model.controller';
import { Module, OnModuleInit } from '@nestjs/common';
import { HistorySubjects } from '@varna/history';
import { IncidentClosedListeners, IncidentModule } from '@varna/incident';
import { NotificationModule } from '@varna/notification';
import { AssetActivationGuards, InformationModule, RegisterChangeListeners } from '@varna/information';
import { OrganisationModule, OrgPathDependents } from '@varna/organisation';
import { ActionPlanItemEntity } from './action-plan-item.entity';
import { ActionPlanService } from './action-plan.service';
import { AssetProtectionService } from './asset-protection.service';
import { ClassificationController } from './classification.controller';
import { ClassificationKpiController } from './classification-kpi.controller';
import { ClassificationKpiService } from './classification-kpi.service';
import { ClassificationPdfService } from './classification-pdf.service';
import { ClassificationEntity } from './classification.entity';
import { ClassificationService } from './classification.service';
import { ClassificationSettingsEntity } from './classification-settings.entity';
import { ClassificationSettingsService } from './classification-settings.service';
import { ActionPlanController, AssetProtectionController } from './protection.controller';
import { OverrideService } from './override.service';
import { ProtectionOverrideEntity } from './protection-override.entity';
import { ProtectionService } from './protection.service';
import { ClassificationRegisterListener } from './register-listener';
import { ClassificationReviewScheduler } from './classification-review.scheduler';
import { ClassificationReviewService } from './classification-review.service';
import { ReviewFlagService } from './review-flag.service';
import { ClassificationSessionController } from './session.controller';
import { ClassificationSessionEntity } from './session.entity';
import { ClassificationSessionService } from './session.service';
import { ClassificationSessionPdfService } from './session-pdf.service';

/** Classification of information sets, propagation to assets, overrides, action plans (§4b). */
@Module({
  imports: [OrganisationModule, InformationModule, NotificationModule, IncidentModule],
  controllers: [
    ClassificationController,
    AssetProtectionController,
    ActionPlanController,
    ClassificationKpiController,
    ClassificationModelController,
    ClassificationSettingsController,
    ClassificationSessionController,
  ],
  providers: [
    ClassificationService,
    ClassificationSettingsService,
    ProtectionService,
    OverrideService,
    ActionPlanService,
    AssetProtectionService,
    ClassificationRegisterListener,
    ClassificationKpiService,
    ClassificationPdfService,
    ReviewFlagService,
    ClassificationReviewService,
    ClassificationReviewScheduler,
    ClassificationSessionService,
    ClassificationSessionPdfService,
  ],
  exports: [ProtectionService, ClassificationReviewService],
})
export class ClassificationModule implements OnModuleInit {
  constructor(
    private readonly historySubjects: HistorySubjects,
    private readonly pathDependents: OrgPathDependents,
    private readonly registerListeners: RegisterChangeListeners,
    private readonly activationGuards: AssetActivationGuards,
    private readonly listener: ClassificationRegisterListener,
    private readonly incidentClosed: IncidentClosedListeners,
    private readonly flags: ReviewFlagService,
  ) {}

  onModuleInit(): void {
    this.registerListeners.register(this.listener);
    // BR-D7: closing an incident flags the classifications of the sets it touched.
    this.incidentClosed.register({ incidentClosed: (m, incident) => this.flags.incidentClosed(m, incident) });
    this.activationGuards.register('classification', (m, asset) => this.listener.activationIssues(m, asset));
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
    this.historySubjects.register({
      entityType: 'ClassificationSession',
      subject: 'ClassificationSession',
      entity: ClassificationSessionEntity,
    });
    for (const table of [
      'classification',
      'protection_override',
      'action_plan_item',
      'classification_session',
    ]) {
      this.pathDependents.register({ table, unitColumn: 'org_unit_id', pathColumn: 'org_unit_path' });
    }
  }
}

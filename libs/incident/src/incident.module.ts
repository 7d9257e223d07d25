import { Module, OnModuleInit } from '@nestjs/common';
import { HistorySubjects } from '@varna/history';
import { NotificationModule } from '@varna/notification';
import { OrganisationModule, OrgPathDependents } from '@varna/organisation';
import { AttachmentController } from './attachments/attachment.controller';
import { AttachmentService } from './attachments/attachment.service';
import { IncidentAttachmentEntity } from './attachments/incident-attachment.entity';
import { IncidentClockRulesController } from './clock-rules/clock-rules.controller';
import { IncidentClockRulesService } from './clock-rules/clock-rules.service';
import { IncidentClockRulesEntity } from './clock-rules/incident-clock-rules.entity';
import { DraftController } from './drafts/draft.controller';
import { DraftService } from './drafts/draft.service';
import { IncidentController } from './incident.controller';
import { EscalationScheduler } from './escalation.scheduler';
import { IncidentAlertsService } from './incident-alerts.service';
import { IncidentClosedListeners } from './incident-hooks';
import { IncidentExportService } from './incident-export.service';
import { IncidentLinksController } from './incident-links.controller';
import { IncidentLinksService } from './incident-links.service';
import { IncidentHandlingService } from './incident-handling.service';
import { IncidentEntity } from './incident.entity';
import { IncidentService } from './incident.service';
import { IncidentStatisticsController } from './incident-statistics.controller';
import { IncidentStatisticsService } from './incident-statistics.service';
import { IncidentTimelineEntryEntity } from './incident-timeline-entry.entity';
import { ObligationController } from './obligation.controller';
import { ObligationSchedule } from './obligation-schedule';
import { ObligationService } from './obligation.service';
import { RegulatoryObligationEntity } from './regulatory-obligation.entity';
import { SecrecyController } from './secrecy/secrecy.controller';
import { SecrecyService } from './secrecy/secrecy.service';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';
import { TimelineWriter } from './timeline-writer';

/** Incidents and deviations: reporting, triage, timeline and regulator clocks (domain.md §4d). */
@Module({
  imports: [OrganisationModule, NotificationModule],
  controllers: [
    IncidentController,
    TimelineController,
    ObligationController,
    IncidentStatisticsController,
    SecrecyController,
    IncidentLinksController,
    AttachmentController,
    DraftController,
    IncidentClockRulesController,
  ],
  providers: [
    IncidentService,
    IncidentHandlingService,
    IncidentExportService,
    IncidentAlertsService,
    IncidentLinksService,
    EscalationScheduler,
    IncidentStatisticsService,
    SecrecyService,
    ObligationService,
    ObligationSchedule,
    TimelineService,
    TimelineWriter,
    AttachmentService,
    DraftService,
    IncidentClockRulesService,
    IncidentClosedListeners,
  ],
  exports: [IncidentClosedListeners],
})
export class IncidentModule implements OnModuleInit {
  constructor(
    private readonly historySubjects: HistorySubjects,
    private readonly pathDependents: OrgPathDependents,
  ) {}

  onModuleInit(): void {
    // The reporter's identity is in the incident's snapshots: its history is for those who handle it.
    this.historySubjects.register({
      entityType: 'Incident',
      subject: 'Incident',
      entity: IncidentEntity,
      readAction: 'update',
    });
    this.historySubjects.register({
      entityType: 'IncidentTimelineEntry',
      subject: 'IncidentTimelineEntry',
      entity: IncidentTimelineEntryEntity,
    });
    this.historySubjects.register({
      entityType: 'RegulatoryObligation',
      subject: 'RegulatoryObligation',
      entity: RegulatoryObligationEntity,
    });
    // The uploader (often the reporter) is in an attachment's snapshots: its history is for handlers.
    this.historySubjects.register({
      entityType: 'IncidentAttachment',
      subject: 'IncidentAttachment',
      entity: IncidentAttachmentEntity,
      readAction: 'delete',
    });
    // Tenant configuration, read by everyone (§3.3): so is its history.
    this.historySubjects.register({
      entityType: 'IncidentClockRules',
      subject: 'IncidentClockRules',
      entity: IncidentClockRulesEntity,
    });
    for (const table of [
      'incident',
      'incident_timeline_entry',
      'regulatory_obligation',
      'incident_attachment',
    ]) {
      this.pathDependents.register({ table, unitColumn: 'org_unit_id', pathColumn: 'org_unit_path' });
    }
  }
}

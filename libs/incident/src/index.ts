// The incident context: reporting, triage, timeline and the regulator clocks (domain.md §4d).
export * from './domain';
export * from './secrecy';
export { IncidentModule } from './incident.module';
export { IncidentAlertsService, type EscalationRun } from './incident-alerts.service';
export { IncidentClosedListeners, type IncidentClosedListener } from './incident-hooks';
export type { TimelineEvent } from './timeline-writer';
export { IncidentEntity } from './incident.entity';
export { IncidentNumberCounterEntity } from './incident-number-counter.entity';
export { IncidentTimelineEntryEntity } from './incident-timeline-entry.entity';
export { IncidentSecrecyMarkingEntity } from './secrecy/incident-secrecy-marking.entity';
export { InformationNoticeEntity } from './information-notice.entity';
export { RegulatoryObligationEntity } from './regulatory-obligation.entity';
export * from './attachments';
export { IncidentClockRulesEntity } from './clock-rules/incident-clock-rules.entity';
export { IncidentClockRulesService } from './clock-rules/clock-rules.service';

import type { Principal } from '@varna/authz';
import {
  availableTransitions,
  INCIDENT_STATUS_LABELS,
  INCIDENT_SUBTYPE_LABELS,
  INCIDENT_TYPE_LABELS,
  pendingAssessments,
  SEVERITY_LABELS,
} from './domain';
import type { IncidentDto, ReportedIncidentDto } from './dto/incident.dto';
import { incidentView, rolesForIncident } from './incident-access';
import type { IncidentEntity } from './incident.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The reporter's view: the report itself, its status and outcome (D-08). */
export function toReportedIncidentDto(i: IncidentEntity): ReportedIncidentDto {
  return {
    view: 'REPORTER',
    id: i.id,
    number: i.number,
    title: i.title,
    description: i.description,
    orgUnitId: i.orgUnitId,
    channel: i.channel,
    reportedOnBehalfOfName: i.reportedOnBehalfOfName,
    occurredAt: iso(i.occurredAt),
    discoveredAt: i.discoveredAt.toISOString(),
    reportedAt: i.reportedAt.toISOString(),
    ongoing: i.ongoing,
    personalDataInvolved: i.personalDataInvolved,
    status: i.status,
    statusLabel: INCIDENT_STATUS_LABELS[i.status].sv,
    outcome: i.status === 'REJECTED' ? i.rejectionReason : null,
    closedAt: iso(i.closedAt),
  };
}

/**
 * The handler's or the auditor's view. Reads the unit's cybersäkerhetslag coverage from the loaded
 * `orgUnit` relation (for the questions triage still has to answer).
 */
export function toIncidentDto(
  i: IncidentEntity,
  view: 'HANDLER' | 'AUDITOR',
  principal: Principal,
): IncidentDto {
  const masked = view === 'AUDITOR';
  const roles = rolesForIncident(principal, i);
  const isHandler = i.handlerId === principal.actor.personId;
  return {
    view,
    id: i.id,
    number: i.number,
    type: i.type,
    typeLabel: i.type ? INCIDENT_TYPE_LABELS[i.type].sv : null,
    subtype: i.subtype,
    subtypeLabel: i.subtype ? INCIDENT_SUBTYPE_LABELS[i.subtype].sv : null,
    title: i.title,
    description: i.description,
    orgUnitId: i.orgUnitId,
    reporterId: masked ? null : i.reporterId,
    reportedOnBehalfOfName: masked ? null : i.reportedOnBehalfOfName,
    reporterMasked: masked,
    channel: i.channel,
    occurredAt: iso(i.occurredAt),
    discoveredAt: i.discoveredAt.toISOString(),
    reportedAt: i.reportedAt.toISOString(),
    awareAt: i.awareAt.toISOString(),
    ongoing: i.ongoing,
    personalDataInvolved: i.personalDataInvolved,
    severity: i.severity,
    severityLabel: i.severity ? SEVERITY_LABELS[i.severity].sv : null,
    aspectsAffected: i.aspectsAffected,
    handlerId: i.handlerId,
    coordinatorId: i.coordinatorId,
    status: i.status,
    statusLabel: INCIDENT_STATUS_LABELS[i.status].sv,
    rejectionReason: i.rejectionReason,
    breachRiskAssessment: i.breachRiskAssessment,
    significantUnderCyberAct: i.significantUnderCyberAct,
    rootCauseCategory: i.rootCauseCategory,
    rootCause: i.rootCause,
    consequences: i.consequences,
    measures: i.measures,
    lessonsLearned: i.lessonsLearned,
    qualityDeviationRef: i.qualityDeviationRef,
    triagedAt: iso(i.triagedAt),
    closedAt: iso(i.closedAt),
    pendingAssessments:
      i.status === 'REPORTED'
        ? []
        : pendingAssessments({
            type: i.type,
            personalDataInvolved: i.personalDataInvolved,
            breachRiskAssessment: i.breachRiskAssessment,
            unitCoveredByCyberSecurityAct: i.orgUnit?.coveredByCyberSecurityAct ?? false,
            significantUnderCyberAct: i.significantUnderCyberAct,
            lexSarah: false,
            lexMaria: false,
            securityProtectionAffected: false,
            suspectedCrime: false,
          }),
    allowedTransitions: view === 'HANDLER' ? availableTransitions(i.status, roles, isHandler) : [],
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}

/** The view the caller is entitled to. */
export function toIncidentResponse(
  i: IncidentEntity,
  principal: Principal,
): IncidentDto | ReportedIncidentDto {
  const view = incidentView(principal.ability, i);
  return view === 'REPORTER' ? toReportedIncidentDto(i) : toIncidentDto(i, view, principal);
}

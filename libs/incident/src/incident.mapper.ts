import type { Principal } from '@varna/authz';
import {
  availableTransitions,
  qualityBridgeAsked,
  INCIDENT_STATUS_LABELS,
  INCIDENT_SUBTYPE_LABELS,
  INCIDENT_TYPE_LABELS,
  pendingAssessments,
  SEVERITY_LABELS,
} from './domain';
import type { IncidentDto, ReportedIncidentDto, SecrecyMarkingDto } from './dto/incident.dto';
import { incidentView, rolesForIncident } from './incident-access';
import type { IncidentEntity } from './incident.entity';
import type { IncidentSecrecyMarkingEntity } from './secrecy/incident-secrecy-marking.entity';
import { redactIncident } from './secrecy/redaction';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toSecrecyMarkingDto(m: IncidentSecrecyMarkingEntity): SecrecyMarkingDto {
  return {
    id: m.id,
    fieldPaths: m.fieldPaths,
    provision: m.provision,
    reason: m.reason,
    markedById: m.markedById,
    markedAt: m.markedAt.toISOString(),
  };
}

/**
 * The reporter's view: the report itself, its status and outcome (D-08). Not redacted: the title and
 * description are the reporter's own account, and secrecy does not protect what the reporter
 * supplied against the reporter (ADR 0011); the investigation is not in this view at all.
 */
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
 * `orgUnit` relation (for the questions triage still has to answer). The auditor's view is masked:
 * the reporter's identity and every secrecy-marked field (BR-D8); the handler's is not (the right
 * to change the incident is the need-to-know).
 */
export function toIncidentDto(
  i: IncidentEntity,
  view: 'HANDLER' | 'AUDITOR',
  principal: Principal,
  markings: readonly IncidentSecrecyMarkingEntity[],
): IncidentDto {
  const dto = plainIncidentDto(i, view, principal, markings);
  return view === 'AUDITOR' ? redactIncident(dto, markings) : dto;
}

function plainIncidentDto(
  i: IncidentEntity,
  view: 'HANDLER' | 'AUDITOR',
  principal: Principal,
  markings: readonly IncidentSecrecyMarkingEntity[],
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
    dataSubjectsApprox: i.dataSubjectsApprox,
    recordsApprox: i.recordsApprox,
    dataCategories: i.dataCategories,
    assetIds: i.assetIds,
    informationSetIds: i.informationSetIds,
    crisisEscalation: i.crisisEscalation,
    qualityDeviationRef: i.qualityDeviationRef,
    mergedIntoId: i.mergedIntoId,
    bridgedFromId: i.bridgedFromId,
    qualityBridgeAnswer: i.qualityBridgeAnswer,
    qualityBridgeAsked: qualityBridgeAsked(i),
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
    secrecyMarkings: markings.map(toSecrecyMarkingDto),
    redactions: [],
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}

/** The view the caller is entitled to. */
export function toIncidentResponse(
  i: IncidentEntity,
  principal: Principal,
  markings: readonly IncidentSecrecyMarkingEntity[],
): IncidentDto | ReportedIncidentDto {
  const view = incidentView(principal.ability, i);
  return view === 'REPORTER' ? toReportedIncidentDto(i) : toIncidentDto(i, view, principal, markings);
}

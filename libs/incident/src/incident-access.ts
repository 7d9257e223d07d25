import { subject as tag } from '@casl/ability';
import {
  rolesAt,
  type AppAbility,
  type AppSubject,
  type IncidentSubject,
  type IncidentTimelineEntrySubject,
  type Principal,
  type RegulatoryObligationSubject,
} from '@varna/authz';
import type { IncidentView } from './dto/incident.dto';
import type { IncidentEntity } from './incident.entity';
import type { RegulatoryObligationEntity } from './regulatory-obligation.entity';

type Untagged<T> = Omit<T, '__caslSubjectType__'>;

/** The fields the rules look at, for assertCan and for in-memory checks. */
export function incidentSubject(i: IncidentEntity): Untagged<IncidentSubject> {
  return {
    id: i.id,
    tenantId: i.tenantId,
    orgUnitId: i.orgUnitId,
    orgUnitPath: i.orgUnitPath,
    reporterId: i.reporterId,
    type: i.type,
  };
}

/** A timeline entry of the incident as it is now (entries follow the incident's unit and type). */
export function timelineSubject(i: IncidentEntity, id = ''): Untagged<IncidentTimelineEntrySubject> {
  return {
    id,
    tenantId: i.tenantId,
    incidentId: i.id,
    orgUnitId: i.orgUnitId,
    orgUnitPath: i.orgUnitPath,
    incidentType: i.type,
  };
}

export function obligationSubject(o: RegulatoryObligationEntity): Untagged<RegulatoryObligationSubject> {
  return {
    id: o.id,
    tenantId: o.tenantId,
    incidentId: o.incidentId,
    orgUnitId: o.orgUnitId,
    orgUnitPath: o.orgUnitPath,
    regime: o.regime,
    decision: o.decision,
  };
}

/**
 * Which view of an incident the caller gets: HANDLER for those who may change it (the reporter's
 * identity shown), AUDITOR for read-and-export without change (the reporter masked), and REPORTER
 * for the reporter who has no other right to the record (status and outcome only, D-08).
 */
export function incidentView(ability: AppAbility, incident: IncidentEntity): IncidentView {
  const s = tag('Incident', incidentSubject(incident)) as unknown as AppSubject;
  if (ability.can('update', s)) return 'HANDLER';
  if (ability.can('export', s)) return 'AUDITOR';
  return 'REPORTER';
}

/** The caller's roles at the incident's unit (for the state machine and the deciders, §4d). */
export function rolesForIncident(principal: Principal, incident: IncidentEntity): string[] {
  return rolesAt(principal.actor, { id: incident.orgUnitId, path: incident.orgUnitPath });
}

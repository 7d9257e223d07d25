import { subject } from '@casl/ability';
import type { AppAbility } from '@varna/authz/core';
import type { HandledIncident, Incident, OrgUnit, RegulatoryObligation } from '../api/types';

/**
 * CASL subjects built from API rows, with the fields the server's rules look at (libs/incident
 * incident-access.ts), so the buttons follow the same rules the server enforces.
 */
export function incidentSubject(
  i: HandledIncident,
  tenantId: string,
  unit: Pick<OrgUnit, 'path'> | undefined,
) {
  return subject('Incident', {
    id: i.id,
    tenantId,
    orgUnitId: i.orgUnitId,
    orgUnitPath: unit?.path ?? [i.orgUnitId],
    reporterId: i.reporterId ?? '',
    type: i.type,
  });
}

export function timelineSubject(
  i: HandledIncident,
  tenantId: string,
  unit: Pick<OrgUnit, 'path'> | undefined,
) {
  return subject('IncidentTimelineEntry', {
    id: '',
    tenantId,
    incidentId: i.id,
    orgUnitId: i.orgUnitId,
    orgUnitPath: unit?.path ?? [i.orgUnitId],
    incidentType: i.type,
  });
}

/** A stage as it will be after the decision: the rules say who may submit and who may waive (D-07). */
export function obligationSubject(
  o: RegulatoryObligation,
  i: HandledIncident,
  tenantId: string,
  unit: Pick<OrgUnit, 'path'> | undefined,
  decision: RegulatoryObligation['decision'],
) {
  return subject('RegulatoryObligation', {
    id: o.id,
    tenantId,
    incidentId: o.incidentId,
    orgUnitId: i.orgUnitId,
    orgUnitPath: unit?.path ?? [i.orgUnitId],
    regime: o.regime,
    decision,
  });
}

/**
 * Whether the person reads incidents beyond their own reports: a `read Incident` rule that is not
 * the one every account has (`reporterId` = self, D-08). Samordnare, CISO, DPO, verksamhetsansvarig,
 * chef and revisor have one; a medarbetare does not.
 */
export function readsIncidentsBeyondOwn(ability: AppAbility): boolean {
  return ability
    .rulesFor('read', 'Incident')
    .some((rule) => !rule.inverted && !(rule.conditions && 'reporterId' in rule.conditions));
}

export const isHandled = (i: Incident): i is HandledIncident => i.view !== 'REPORTER';

/** What the reporter is told of the outcome: why it was not an incident (D-08). */
export const outcomeOf = (i: Incident): string | null =>
  i.view === 'REPORTER' ? i.outcome : i.status === 'REJECTED' ? i.rejectionReason : null;

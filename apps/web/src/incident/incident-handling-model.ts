import type { UpdateIncidentInput } from '../api/incident-queries';
import type { HandledIncident, IncidentStatus, IncidentSubtype, IncidentType, Severity } from '../api/types';
import type { PickerChoice } from '../registers/asset-parts-model';

/** Pure helpers of the incident page's handling sections (links, assignment, re-triage). */

/** The statuses in which the API accepts a PATCH (an incident closed or rejected must be reopened). */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'REPORTED',
  'TRIAGED',
  'INVESTIGATING',
  'ACTIONS',
];

export const isOpenIncident = (i: Pick<HandledIncident, 'status'>) =>
  OPEN_INCIDENT_STATUSES.includes(i.status);

/** The rows a search offers for linking: those not already linked (retired ones too: history is history). */
export function unlinkedChoices(
  rows: readonly { id: string; code: string; name: string }[],
  linkedIds: readonly string[],
): PickerChoice[] {
  const taken = new Set(linkedIds);
  return rows.filter((r) => !taken.has(r.id)).map((r) => ({ id: r.id, code: r.code, name: r.name }));
}

/** The id list with one more (kept once, in the order added). */
export const withLinked = (ids: readonly string[], id: string): string[] =>
  ids.includes(id) ? [...ids] : [...ids, id];

/** The id list without one. */
export const withoutLinked = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);

export interface RetriageValues {
  type: IncidentType;
  subtype: IncidentSubtype | '';
  severity: Severity;
  orgUnitId: string;
}

/** Only what changed, for PATCH /api/incidents/{id}: an emptied subtype is sent as null. */
export function retriageChanges(
  incident: Pick<HandledIncident, 'type' | 'subtype' | 'severity' | 'orgUnitId'>,
  v: RetriageValues,
): Pick<UpdateIncidentInput, 'type' | 'subtype' | 'severity' | 'orgUnitId'> {
  const changes: Pick<UpdateIncidentInput, 'type' | 'subtype' | 'severity' | 'orgUnitId'> = {};
  if (v.type !== incident.type) changes.type = v.type;
  if ((v.subtype || null) !== incident.subtype) changes.subtype = v.subtype || null;
  if (v.severity !== incident.severity) changes.severity = v.severity;
  if (v.orgUnitId && v.orgUnitId !== incident.orgUnitId) changes.orgUnitId = v.orgUnitId;
  return changes;
}

/** Handler and coordinator as the form holds them ('' = none): only what changed, '' sent as null. */
export function assignmentChanges(
  incident: Pick<HandledIncident, 'handlerId' | 'coordinatorId'>,
  handlerId: string,
  coordinatorId: string,
): Pick<UpdateIncidentInput, 'handlerId' | 'coordinatorId'> {
  const changes: Pick<UpdateIncidentInput, 'handlerId' | 'coordinatorId'> = {};
  if ((handlerId || null) !== incident.handlerId) changes.handlerId = handlerId || null;
  if ((coordinatorId || null) !== incident.coordinatorId) changes.coordinatorId = coordinatorId || null;
  return changes;
}

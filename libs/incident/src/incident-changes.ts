import type { IncidentEntity } from './incident.entity';
import type { TimelineEvent } from './timeline-writer';

/** Fields whose change has a timeline entry of its own (BR-D3); the rest are listed together. */
const OWN_ENTRY_FIELDS = new Set([
  'type',
  'subtype',
  'severity',
  'awareAt',
  'handlerId',
  'coordinatorId',
  'orgUnitId',
  'orgUnitPath',
]);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** BR-D3: an entry per status, type, severity, awareAt, assignment and unit change; the rest together. */
export function changeEvents(
  before: IncidentEntity,
  after: IncidentEntity,
  reason?: string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (before.status !== after.status)
    events.push({ kind: 'STATUS_CHANGED', data: { from: before.status, to: after.status } });
  if (before.type !== after.type || before.subtype !== after.subtype) {
    events.push({
      kind: 'TYPE_CHANGED',
      data: { from: before.type, to: after.type, subtypeFrom: before.subtype, subtypeTo: after.subtype },
    });
  }
  if (before.severity !== after.severity) {
    events.push({ kind: 'SEVERITY_CHANGED', data: { from: before.severity, to: after.severity } });
  }
  if (before.awareAt.getTime() !== after.awareAt.getTime()) {
    events.push({
      kind: 'AWARE_AT_CHANGED',
      text: reason ?? null,
      data: { from: iso(before.awareAt), to: iso(after.awareAt) },
    });
  }
  if (before.handlerId !== after.handlerId || before.coordinatorId !== after.coordinatorId) {
    events.push({
      kind: 'ASSIGNED',
      data: { handlerId: after.handlerId, coordinatorId: after.coordinatorId },
    });
  }
  if (before.orgUnitId !== after.orgUnitId) {
    events.push({ kind: 'UNIT_CHANGED', data: { from: before.orgUnitId, to: after.orgUnitId } });
  }
  const skip = new Set([...OWN_ENTRY_FIELDS, 'status', 'triagedAt', 'version', 'updatedAt']);
  const changed = Object.keys(after).filter(
    (k) =>
      !skip.has(k) &&
      JSON.stringify((before as unknown as Record<string, unknown>)[k]) !==
        JSON.stringify((after as unknown as Record<string, unknown>)[k]),
  );
  if (changed.length) events.push({ kind: 'FIELDS_UPDATED', data: { fields: changed.sort() } });
  return events;
}

import { TIMELINE_KIND_LABELS } from './domain';
import type { TimelineEntryDto } from './dto/timeline.dto';
import type { IncidentTimelineEntryEntity } from './incident-timeline-entry.entity';
import type { Redaction } from './secrecy/redaction';

/** What the caller's view hides in the timeline: the reporter (`actorId`) and the marked fields. */
export interface TimelineMask {
  actorId: string | null;
  redactions: readonly Redaction[];
}

/**
 * The first entry holds the reporter's words and title: masked like the incident's description and
 * title (BR-D8). Other entries carry no markable field (notes are the handlers' own words).
 */
function redactedContent(e: IncidentTimelineEntryEntity, redactions: readonly Redaction[]) {
  if (e.kind !== 'CREATED' || redactions.length === 0) return { text: e.text, data: e.data };
  const mask = (field: string) => redactions.find((r) => r.field === field)?.text;
  const title = mask('title');
  return {
    text: mask('description') ?? e.text,
    data: title && e.data ? { ...e.data, title } : e.data,
  };
}

export function toTimelineEntryDto(e: IncidentTimelineEntryEntity, mask: TimelineMask): TimelineEntryDto {
  const masked = mask.actorId !== null && e.actorId === mask.actorId;
  const { text, data } = redactedContent(e, mask.redactions);
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    kind: e.kind,
    kindLabel: TIMELINE_KIND_LABELS[e.kind].sv,
    actorId: masked ? null : e.actorId,
    actorName: masked ? null : (e.actor?.displayName ?? null),
    actorMasked: masked,
    text,
    data,
  };
}

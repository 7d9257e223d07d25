import { TIMELINE_KIND_LABELS } from './domain';
import type { TimelineEntryDto } from './dto/timeline.dto';
import type { IncidentTimelineEntryEntity } from './incident-timeline-entry.entity';

/** `maskActorId`: the reporter, whose identity the auditor's view hides. */
export function toTimelineEntryDto(
  e: IncidentTimelineEntryEntity,
  maskActorId: string | null,
): TimelineEntryDto {
  const masked = maskActorId !== null && e.actorId === maskActorId;
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    kind: e.kind,
    kindLabel: TIMELINE_KIND_LABELS[e.kind].sv,
    actorId: masked ? null : e.actorId,
    actorName: masked ? null : (e.actor?.displayName ?? null),
    actorMasked: masked,
    text: e.text,
    data: e.data,
  };
}

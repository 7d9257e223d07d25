import type { InformationSetEntity } from '@varna/information';
import type { ClassificationEntity } from './classification.entity';
import { CLASSIFICATION_STATUS_LABELS } from './domain';
import { SESSION_STATUS_LABELS } from './session.domain';
import type { ClassificationSessionDetailDto, ClassificationSessionDto } from './session.dto';
import type { ClassificationSessionEntity } from './session.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toSessionDto(
  s: ClassificationSessionEntity,
  people: Map<string, string>,
): ClassificationSessionDto {
  return {
    id: s.id,
    version: s.version,
    code: s.code,
    title: s.title,
    orgUnitId: s.orgUnitId,
    orgUnitName: s.orgUnit?.name ?? null,
    informationSetIds: s.informationSetIds,
    ledBy: { id: s.ledById, displayName: s.ledBy?.displayName ?? '' },
    participants: s.participantIds.map((id) => ({ id, displayName: people.get(id) ?? '' })),
    plannedAt: s.plannedAt.toISOString(),
    heldAt: iso(s.heldAt),
    minutes: s.minutes,
    status: s.status,
    statusLabel: SESSION_STATUS_LABELS[s.status].sv,
    closedAt: iso(s.closedAt),
    cancelReason: s.cancelReason,
    cancelledAt: iso(s.cancelledAt),
    createdAt: s.createdAt.toISOString(),
  };
}

export function toSessionDetailDto(d: {
  session: ClassificationSessionEntity;
  sets: InformationSetEntity[];
  classifications: ClassificationEntity[];
  people: Map<string, string>;
}): ClassificationSessionDetailDto {
  return {
    ...toSessionDto(d.session, d.people),
    informationSets: d.sets.map((set) => ({
      id: set.id,
      code: set.code,
      name: set.name,
      orgUnitId: set.orgUnitId,
      status: set.status,
      informationOwner: set.informationOwner
        ? { id: set.informationOwner.id, displayName: set.informationOwner.displayName }
        : null,
      classifications: d.classifications
        .filter((c) => c.informationSetId === set.id)
        .map((c) => ({
          id: c.id,
          status: c.status,
          statusLabel: CLASSIFICATION_STATUS_LABELS[c.status].sv,
          createdAt: c.createdAt.toISOString(),
        })),
    })),
  };
}

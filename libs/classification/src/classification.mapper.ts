import type { ActionPlanItemEntity } from './action-plan-item.entity';
import type { ClassificationEntity } from './classification.entity';
import {
  ACTION_PLAN_STATUS_LABELS,
  ASPECT_LABELS,
  ASPECTS,
  CLASSIFICATION_STATUS_LABELS,
  DECIDED_STATUSES,
  levelName,
  OVERRIDE_STATUS_LABELS,
  requirementTemplate,
  reviewState,
} from './domain';
import type { ClassificationDto } from './dto/classification.dto';
import type { ActionPlanItemDto, OverrideDto } from './dto/protection.dto';
import type { ProtectionOverrideEntity } from './protection-override.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toClassificationDto(c: ClassificationEntity, now: Date): ClassificationDto {
  const inForce = DECIDED_STATUSES.includes(c.status) && c.validUntil !== null;
  return {
    id: c.id,
    version: c.version,
    informationSetId: c.informationSetId,
    informationSetCode: c.informationSet?.code ?? null,
    informationSetName: c.informationSet?.name ?? null,
    orgUnitId: c.orgUnitId,
    informationOwnerId: c.informationOwnerId,
    sessionId: c.sessionId,
    modelVersion: c.modelVersion,
    status: c.status,
    statusLabel: CLASSIFICATION_STATUS_LABELS[c.status].sv,
    levelK: c.levelK,
    levelR: c.levelR,
    levelT: c.levelT,
    levelS: c.levelS,
    aspects: ASPECTS.map((aspect) => {
      const level = c[`level${aspect}`];
      return {
        aspect,
        aspectName: ASPECT_LABELS[aspect].sv,
        level,
        levelName: level === null ? null : levelName(level),
        rationale: c[`rationale${aspect}`],
      };
    }),
    specialHandling: c.specialHandling,
    consequenceCategories: c.consequenceCategories,
    legalRefs: c.legalRefs,
    trigger: c.trigger,
    proposedById: c.proposedById,
    proposedAt: iso(c.proposedAt),
    decidedById: c.decidedById,
    decidedAt: iso(c.decidedAt),
    diarienummer: c.diarienummer,
    validUntil: c.validUntil,
    reviewState: inForce
      ? reviewState({ validUntil: c.validUntil as string, reviewFlaggedAt: c.reviewFlaggedAt }, now)
      : null,
    returnComment: c.returnComment,
    cancelReason: c.cancelReason,
    reviewFlaggedAt: iso(c.reviewFlaggedAt),
    reviewFlagReason: c.reviewFlagReason,
    reviewFlagNote: c.reviewFlagNote ?? null,
    confirmedUnchangedById: c.confirmedUnchangedById,
    confirmedUnchangedAt: iso(c.confirmedUnchangedAt),
    supersedesId: c.supersedesId,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toOverrideDto(o: ProtectionOverrideEntity): OverrideDto {
  return {
    id: o.id,
    assetId: o.assetId,
    aspect: o.aspect,
    level: Number(o.level),
    direction: o.direction,
    reasonType: o.reasonType,
    reason: o.reason,
    status: o.status,
    statusLabel: OVERRIDE_STATUS_LABELS[o.status].sv,
    requestedById: o.requestedById,
    requestedAt: o.requestedAt.toISOString(),
    approvedById: o.approvedById,
    decidedAt: iso(o.decidedAt),
    rejectionReason: o.rejectionReason,
    validUntil: o.validUntil,
    version: o.version,
  };
}

export function toActionPlanItemDto(i: ActionPlanItemEntity): ActionPlanItemDto {
  const t = requirementTemplate(i.requirementCode);
  return {
    id: i.id,
    assetId: i.assetId,
    requirementCode: i.requirementCode,
    catalogueVersion: i.catalogueVersion,
    aspect: t?.aspect ?? 'ALL',
    minLevel: t?.minLevel ?? 1,
    category: t?.category ?? 'ORGANISATIONAL',
    textSv: t?.textSv ?? i.requirementCode,
    procurementTextSv: t?.procurementTextSv ?? '',
    annexARefs: [...(t?.annexARefs ?? [])],
    status: i.status,
    statusLabel: ACTION_PLAN_STATUS_LABELS[i.status].sv,
    how: i.how,
    responsibleId: i.responsibleId,
    dueDate: i.dueDate,
    assessedById: i.assessedById,
    assessedAt: iso(i.assessedAt),
    notApplicableReason: i.notApplicableReason,
    version: i.version,
  };
}

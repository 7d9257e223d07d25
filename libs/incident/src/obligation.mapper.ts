import {
  elapsedShare,
  escalationAt,
  evaluateObligation,
  OBLIGATION_STATUS_LABELS,
  RECEIVER_KIND_LABELS,
  REGULATORY_REGIME_LABELS,
  REGULATORY_STAGE_LABELS,
  type ObligationClock,
} from './domain';
import type { RegulatoryObligationDto } from './dto/obligation.dto';
import type { RegulatoryObligationEntity } from './regulatory-obligation.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The clock-relevant part of a stored stage, for the clock domain. */
export function toObligationClock(o: RegulatoryObligationEntity): ObligationClock {
  return {
    regime: o.regime,
    stage: o.stage,
    anchor: o.anchor,
    anchorAt: o.anchorAt,
    deadlineAt: o.deadlineAt,
    targetAt: o.targetAt,
    submittedAt: o.submittedAt,
    lateReason: o.lateReason,
    disposition: o.decision === 'NOT_REQUIRED' || o.decision === 'WITHDRAWN' ? o.decision : null,
  };
}

/** Status, time left and escalations are computed at `now` (the injected clock). */
export function toObligationDto(
  o: RegulatoryObligationEntity,
  now: Date,
  regimeApplies: boolean,
  receiverName?: string,
): RegulatoryObligationDto {
  const view = evaluateObligation(toObligationClock(o), now);
  const share = elapsedShare(toObligationClock(o), now);
  return {
    id: o.id,
    incidentId: o.incidentId,
    regime: o.regime,
    regimeLabel: REGULATORY_REGIME_LABELS[o.regime].sv,
    stage: o.stage,
    stageLabel: REGULATORY_STAGE_LABELS[o.stage].sv,
    receiver: o.receiver,
    // D-25: the tenant's name for the receiver (CERT-SE (MCF), IMY …), else the kind's label.
    receiverLabel: receiverName ?? RECEIVER_KIND_LABELS[o.receiver].sv,
    anchor: o.anchor,
    anchorAt: iso(o.anchorAt),
    deadlineAt: iso(o.deadlineAt),
    targetAt: iso(o.targetAt),
    clock: view.clock,
    dueAt: iso(view.dueAt),
    status: view.status,
    statusLabel: OBLIGATION_STATUS_LABELS[view.status].sv,
    timeLeftSeconds: view.timeLeftMs === null ? null : Math.floor(view.timeLeftMs / 1000),
    dueSoonFrom: iso(view.dueSoonFrom),
    escalationsDue: view.escalationsDue,
    elapsedShare: share === null ? null : Math.round(share * 10_000) / 10_000,
    escalation: escalationAt(toObligationClock(o), now),
    regimeApplies,
    decision: o.decision,
    submittedAt: iso(o.submittedAt),
    submittedById: o.submittedById,
    decidedById: o.decidedById,
    decidedAt: iso(o.decidedAt),
    externalReference: o.externalReference,
    lateReason: o.lateReason,
    notRequiredReason: o.notRequiredReason,
    art34Exemption: o.art34Exemption,
    firstPhase: o.firstPhase,
    version: o.version,
  };
}

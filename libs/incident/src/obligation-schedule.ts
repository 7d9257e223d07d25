import { Injectable } from '@nestjs/common';
import type { Principal } from '@varna/authz';
import { Clock } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import type { OrgUnitEntity } from '@varna/organisation';
import type { EntityManager } from 'typeorm';
import {
  applicableRegimes,
  followUpsOnSubmission,
  isBreachLogComplete,
  recomputeOnAwareAtChange,
  reconcileStages,
  stageDefinition,
  type IncidentFacts,
  type ObligationClock,
  type RegulatoryRegime,
} from './domain';
import { IncidentErrors, obligationIssuesError } from './incident.errors';
import type { IncidentEntity } from './incident.entity';
import { toObligationClock } from './obligation.mapper';
import { RegulatoryObligationEntity } from './regulatory-obligation.entity';
import { TimelineWriter } from './timeline-writer';

/** What the applicability rules read (§4d "Applies when"); lex Sarah/Maria from the subtype. */
export function incidentFacts(
  incident: IncidentEntity,
  unit: Pick<OrgUnitEntity, 'coveredByCyberSecurityAct'>,
): IncidentFacts {
  return {
    type: incident.type,
    personalDataInvolved: incident.personalDataInvolved,
    breachRiskAssessment: incident.breachRiskAssessment,
    unitCoveredByCyberSecurityAct: unit.coveredByCyberSecurityAct,
    significantUnderCyberAct: incident.significantUnderCyberAct,
    lexSarah: incident.subtype === 'LEX_SARAH',
    lexMaria: incident.subtype === 'LEX_MARIA',
    securityProtectionAffected: false,
    suspectedCrime: false,
  };
}

type Tracked = ObligationClock & { entity: RegulatoryObligationEntity };

/** How timeline entries name a stage. */
export function describeStage(o: RegulatoryObligationEntity): {
  obligationId: string;
  regime: RegulatoryRegime;
  stage: string;
} {
  return { obligationId: o.id, regime: o.regime, stage: o.stage };
}

/**
 * What changes to an incident do to its regulator stages, inside the incident's transaction:
 * creating the stages of regimes that start to apply, the follow-ups of a submission, rescheduling
 * on a new awareAt (D-26), the Art. 33(5) breach log, the scope columns.
 */
@Injectable()
export class ObligationSchedule {
  constructor(
    private readonly timeline: TimelineWriter,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  /** GDPR Art. 33(4) supplement; the cyber act final report anchored on the notification. */
  async applyFollowUps(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
    o: RegulatoryObligationEntity,
  ) {
    for (const f of followUpsOnSubmission({
      regime: o.regime,
      stage: o.stage,
      submittedAt: o.submittedAt as Date,
      firstPhase: o.firstPhase,
    })) {
      if (f.kind === 'CREATE') {
        await this.createStages(m, principal, incident, [f.obligation]);
        continue;
      }
      const target = await m.findOneBy(RegulatoryObligationEntity, {
        incidentId: incident.id,
        regime: f.regime,
        stage: f.stage,
      });
      if (!target || target.decision) continue;
      const before = { ...target };
      Object.assign(target, { anchorAt: f.anchorAt, deadlineAt: f.deadlineAt, targetAt: f.targetAt });
      const saved = await m.save(RegulatoryObligationEntity, target);
      await this.timeline.append(m, incident, principal.actor.personId, [
        {
          kind: 'OBLIGATION_RESCHEDULED',
          data: { ...describeStage(saved), deadlineAt: saved.deadlineAt, targetAt: saved.targetAt },
        },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'RegulatoryObligation',
          action: 'schedule',
          entityId: saved.id,
          before,
          after: saved,
        }),
      );
    }
  }

  /**
   * Creates the stages of every regime that applies now and has none yet (at triage, and later when
   * type, risk assessment, significance or unit make a regime apply, §4d). Stages of regimes that
   * no longer apply stay until a decider withdraws them (`regimeApplies` false in the list).
   */
  async createApplicable(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
    unit: OrgUnitEntity,
  ) {
    const existing = await this.tracked(m, incident.id);
    const { create } = reconcileStages(existing, applicableRegimes(incidentFacts(incident, unit)), {
      awareAt: incident.awareAt,
    });
    await this.createStages(m, principal, incident, create);
  }

  private async createStages(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
    clocks: ObligationClock[],
  ) {
    for (const c of clocks) {
      const row = await m.save(
        RegulatoryObligationEntity,
        m.create(RegulatoryObligationEntity, {
          tenantId: incident.tenantId,
          incidentId: incident.id,
          orgUnitId: incident.orgUnitId,
          orgUnitPath: incident.orgUnitPath,
          regime: c.regime,
          stage: c.stage,
          anchor: c.anchor,
          anchorAt: c.anchorAt,
          deadlineAt: c.deadlineAt,
          targetAt: c.targetAt,
          receiver: stageDefinition(c.regime, c.stage).receiver,
          decision: null,
          submittedAt: null,
          submittedById: null,
          decidedById: null,
          decidedAt: null,
          externalReference: null,
          lateReason: null,
          notRequiredReason: null,
          art34Exemption: null,
          firstPhase: false,
        }),
      );
      await this.timeline.append(m, incident, principal.actor.personId, [
        {
          kind: 'OBLIGATION_CREATED',
          data: { ...describeStage(row), deadlineAt: row.deadlineAt, targetAt: row.targetAt },
        },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'RegulatoryObligation',
          action: 'create',
          entityId: row.id,
          before: null,
          after: row,
        }),
      );
    }
  }

  /**
   * D-26: a new awareAt re-anchors every stage counted from it. Returns the moved deadlines for the
   * timeline. A submitted stage that would become late without a recorded reason is refused.
   */
  async recomputeForAwareAt(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
    previousAwareAt: Date,
    reason: string,
  ): Promise<Record<string, unknown>[]> {
    const result = recomputeOnAwareAtChange({
      obligations: await this.tracked(m, incident.id),
      previousAwareAt,
      newAwareAt: incident.awareAt,
      reportedAt: incident.reportedAt,
      reason,
    });
    if (!result.ok) throw obligationIssuesError(result.issues, 'INCIDENT');
    const unexplained = result.changes.filter((c) => c.becameLate && !c.before.entity.lateReason);
    if (unexplained.length)
      throw IncidentErrors.lateAfterAwareAtChange(unexplained.map((c) => c.before.entity.id));
    const moved: Record<string, unknown>[] = [];
    for (const { before, after } of result.changes) {
      const entity = before.entity;
      const snapshot = { ...entity };
      Object.assign(entity, {
        anchorAt: after.anchorAt,
        deadlineAt: after.deadlineAt,
        targetAt: after.targetAt,
      });
      const saved = await m.save(RegulatoryObligationEntity, entity);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'RegulatoryObligation',
          action: 'reschedule',
          entityId: saved.id,
          before: snapshot,
          after: saved,
          reason,
        }),
      );
      moved.push({
        ...describeStage(saved),
        deadlineAt: { from: before.deadlineAt, to: after.deadlineAt },
        targetAt: { from: before.targetAt, to: after.targetAt },
      });
    }
    return moved;
  }

  /** GDPR Art. 33(5): the breach log is MET once facts, effects and remedial action are recorded. */
  async completeBreachLog(m: EntityManager, principal: Principal, incident: IncidentEntity) {
    if (
      !isBreachLogComplete({
        facts: incident.description,
        effects: incident.consequences,
        remedialAction: incident.measures,
      })
    ) {
      return;
    }
    const open = await m.findBy(RegulatoryObligationEntity, {
      incidentId: incident.id,
      regime: 'GDPR_ART33_5_LOG',
    });
    for (const o of open.filter((x) => x.decision === null)) {
      const before = { ...o };
      Object.assign(o, {
        decision: 'SUBMITTED',
        submittedAt: this.clock.now(),
        submittedById: principal.actor.personId,
      });
      const saved = await m.save(RegulatoryObligationEntity, o);
      await this.timeline.append(m, incident, principal.actor.personId, [
        {
          kind: 'OBLIGATION_SUBMITTED',
          data: { ...describeStage(saved), status: 'MET', submittedAt: saved.submittedAt },
        },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'RegulatoryObligation',
          action: 'submit',
          entityId: saved.id,
          before,
          after: saved,
        }),
      );
    }
  }

  /** Stages follow their incident's unit (scope columns). */
  async followIncident(m: EntityManager, incident: IncidentEntity): Promise<void> {
    await m.query(
      `UPDATE regulatory_obligation SET org_unit_id = $2, org_unit_path = $3::uuid[] WHERE incident_id = $1`,
      [incident.id, incident.orgUnitId, incident.orgUnitPath],
    );
  }

  /** Every stage of an incident (whoever may read them), for the closing guard. */
  async allOf(m: EntityManager, incidentId: string): Promise<RegulatoryObligationEntity[]> {
    return m.findBy(RegulatoryObligationEntity, { incidentId });
  }

  private async tracked(m: EntityManager, incidentId: string): Promise<Tracked[]> {
    const rows = await this.allOf(m, incidentId);
    return rows.map((entity) => ({ ...toObligationClock(entity), entity }));
  }
}

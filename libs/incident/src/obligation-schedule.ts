import { Injectable } from '@nestjs/common';
import type { Principal } from '@varna/authz';
import { Clock } from '@varna/core';
import { changeBy, HistoryService, type HistoryRecord } from '@varna/history';
import type { OrgUnitEntity } from '@varna/organisation';
import { IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { IncidentClockRulesService } from './clock-rules/clock-rules.service';
import {
  anchorFinalReportOnHandled,
  applicableRegimes,
  followUpsOnSubmission,
  intermediateReportOnRequest,
  OPEN_STATUSES,
  splitFinalReportForOngoingIncident,
  isBreachLogComplete,
  recomputeOnAwareAtChange,
  reconcileStages,
  stageDefinition,
  type IncidentFacts,
  type ObligationClock,
  type RegulatoryRegime,
  type TenantClockRules,
} from './domain';
import { IncidentErrors, obligationIssuesError } from './incident.errors';
import { IncidentEntity } from './incident.entity';
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
    private readonly clockRules: IncidentClockRulesService,
  ) {}

  /** The tenant's clock rules in force (ADR 0015): the MSBFS switch and the target periods. */
  rulesFor(m: EntityManager, tenantId: string): Promise<TenantClockRules> {
    return this.clockRules.rulesFor(m, tenantId);
  }

  /** GDPR Art. 33(4) supplement; the cyber act final report anchored on the notification. */
  async applyFollowUps(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
    o: RegulatoryObligationEntity,
  ) {
    const rules = await this.rulesFor(m, incident.tenantId);
    for (const f of followUpsOnSubmission(
      {
        regime: o.regime,
        stage: o.stage,
        submittedAt: o.submittedAt as Date,
        firstPhase: o.firstPhase,
      },
      rules,
    )) {
      if (f.kind === 'CREATE') {
        await this.createStages(m, principal, incident, [f.obligation], rules);
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
    const rules = await this.rulesFor(m, incident.tenantId);
    const { create } = reconcileStages(
      existing,
      applicableRegimes(incidentFacts(incident, unit), rules),
      { awareAt: incident.awareAt },
      rules,
    );
    await this.createStages(m, principal, incident, create, rules);
  }

  /**
   * D-60: the CSIRT asked for an intermediate report; the stage carries the deadline the request
   * states, anchored on the request. The caller has checked the cyber act applies.
   */
  async requestIntermediate(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
    request: { requestedAt: Date; deadlineAt: Date; note: string | null },
  ): Promise<RegulatoryObligationEntity> {
    const clock = intermediateReportOnRequest(request.requestedAt, request.deadlineAt);
    const rules = await this.rulesFor(m, incident.tenantId);
    const [row] = await this.createStages(m, principal, incident, [clock], rules, {
      text: request.note,
      data: { requestedAt: request.requestedAt, requestedBy: 'CSIRT' },
    });
    return row;
  }

  /**
   * NIS2 Art. 23(4)(e), D-60: every open cyber act FINAL_REPORT whose deadline has come while its
   * incident is ongoing (`ongoing = YES`) hands the deadline to a new PROGRESS_REPORT and waits for
   * HANDLED_AT. Run by the escalation step (system actor) and after a change to the incident.
   */
  async takeOverDueFinalReports(
    m: EntityManager,
    principal: Principal | null,
    now: Date,
    incidentId?: string,
  ): Promise<number> {
    const due = await m.find(RegulatoryObligationEntity, {
      where: {
        ...(incidentId ? { incidentId } : {}),
        regime: 'CYBER_ACT',
        stage: 'FINAL_REPORT',
        anchor: 'PREVIOUS_STAGE_SUBMITTED',
        decision: IsNull(),
        deadlineAt: LessThanOrEqual(now),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    let taken = 0;
    for (const final of due) {
      await m.query('SELECT 1 FROM incident WHERE id = $1 FOR UPDATE', [final.incidentId]);
      const incident = await m.findOneByOrFail(IncidentEntity, { id: final.incidentId });
      if (!OPEN_STATUSES.includes(incident.status)) continue;
      const split = splitFinalReportForOngoingIncident(toObligationClock(final), incident.ongoing);
      if (!split) continue;
      const rules = await this.rulesFor(m, incident.tenantId);
      await this.createStages(m, principal, incident, [split.progressReport], rules, {
        text: 'Incidenten pågår när slutrapporten ska lämnas: en lägesrapport tar över tidsfristen (art. 23.4 e).',
        data: { takesOverFrom: final.id },
      });
      await this.reschedule(m, principal, incident, final, split.finalReport, 'progress-takeover');
      taken += 1;
    }
    return taken;
  }

  /** `ongoing` set to NO (HANDLED_AT): a FINAL_REPORT waiting for it is due a month later. */
  async anchorFinalReportsOnHandled(
    m: EntityManager,
    principal: Principal,
    incident: IncidentEntity,
    handledAt: Date,
  ): Promise<void> {
    const waiting = await m.findBy(RegulatoryObligationEntity, {
      incidentId: incident.id,
      regime: 'CYBER_ACT',
      stage: 'FINAL_REPORT',
      anchor: 'HANDLED_AT',
      decision: IsNull(),
    });
    const rules = await this.rulesFor(m, incident.tenantId);
    for (const final of waiting) {
      const after = anchorFinalReportOnHandled(toObligationClock(final), handledAt, rules);
      if (after) await this.reschedule(m, principal, incident, final, after, 'anchor-handled');
    }
  }

  private async reschedule(
    m: EntityManager,
    principal: Principal | null,
    incident: IncidentEntity,
    target: RegulatoryObligationEntity,
    after: ObligationClock,
    action: string,
  ) {
    const before = { ...target };
    Object.assign(target, {
      anchor: after.anchor,
      anchorAt: after.anchorAt,
      deadlineAt: after.deadlineAt,
      targetAt: after.targetAt,
    });
    const saved = await m.save(RegulatoryObligationEntity, target);
    await this.timeline.append(m, incident, principal?.actor.personId ?? null, [
      {
        kind: 'OBLIGATION_RESCHEDULED',
        data: {
          ...describeStage(saved),
          anchor: saved.anchor,
          anchorAt: saved.anchorAt,
          deadlineAt: saved.deadlineAt,
          targetAt: saved.targetAt,
        },
      },
    ]);
    await this.history.record(
      m,
      this.change(principal, incident.tenantId, {
        entityType: 'RegulatoryObligation',
        action,
        entityId: saved.id,
        before,
        after: saved,
      }),
    );
  }

  /** A signed-in person's change, or the job's (no actor). */
  private change(
    principal: Principal | null,
    tenantId: string,
    change: { entityType: string; action: string; entityId: string; before: object | null; after: object },
  ): HistoryRecord {
    return principal ? changeBy(principal, change) : { tenantId, actorId: null, ...change };
  }

  private async createStages(
    m: EntityManager,
    principal: Principal | null,
    incident: IncidentEntity,
    clocks: ObligationClock[],
    rules: TenantClockRules,
    entry: { text?: string | null; data?: Record<string, unknown> } = {},
  ): Promise<RegulatoryObligationEntity[]> {
    const rows: RegulatoryObligationEntity[] = [];
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
          receiver: stageDefinition(c.regime, c.stage, rules).receiver,
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
      await this.timeline.append(m, incident, principal?.actor.personId ?? null, [
        {
          kind: 'OBLIGATION_CREATED',
          text: entry.text ?? null,
          data: {
            ...describeStage(row),
            deadlineAt: row.deadlineAt,
            targetAt: row.targetAt,
            ...(entry.data ?? {}),
          },
        },
      ]);
      await this.history.record(
        m,
        this.change(principal, incident.tenantId, {
          entityType: 'RegulatoryObligation',
          action: 'create',
          entityId: row.id,
          before: null,
          after: row,
        }),
      );
      rows.push(row);
    }
    return rows;
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
      rules: await this.rulesFor(m, incident.tenantId),
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

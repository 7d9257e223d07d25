import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { Clock, conflict, DomainError } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import type { OrgUnitEntity } from '@varna/organisation';
import { DataSource, EntityManager } from 'typeorm';
import { type ReceiverDirectory } from './clock-rules/clock-rules';
import { IncidentClockRulesService } from './clock-rules/clock-rules.service';
import type { IntermediateRequestDto } from './dto/clock-rules.dto';
import {
  anchorStage,
  applicableRegimes,
  OPEN_STATUSES,
  REGULATORY_REGIME_LABELS,
  type TenantClockRules,
  obligationStatus,
  REGULATORY_REGIMES,
  REGULATORY_STAGES,
  validateDisposition,
  validateSubmission,
  type Disposition,
} from './domain';
import type {
  NotRequiredObligationDto,
  SubmitObligationDto,
  WithdrawObligationDto,
} from './dto/obligation.dto';
import { incidentSubject, obligationSubject, rolesForIncident } from './incident-access';
import { IncidentErrors, obligationIssuesError } from './incident.errors';
import type { IncidentEntity } from './incident.entity';
import { IncidentService } from './incident.service';
import { toObligationClock } from './obligation.mapper';
import { RegulatoryObligationEntity } from './regulatory-obligation.entity';
import { describeStage, incidentFacts, ObligationSchedule } from './obligation-schedule';
import { TimelineWriter, type TimelineEvent } from './timeline-writer';

export const ClockRequestErrors = {
  cyberActNotApplicable: () =>
    conflict(
      'OBLIGATION_CYBER_ACT_NOT_APPLICABLE',
      `${REGULATORY_REGIME_LABELS.CYBER_ACT.sv} gäller inte för incidenten, så CSIRT-enheten kan inte begära en delrapport.`,
    ),
};

const stageOrder = (o: RegulatoryObligationEntity) =>
  REGULATORY_REGIMES.indexOf(o.regime) * 100 + REGULATORY_STAGES.indexOf(o.stage);

/** Reading an incident's regulator stages and deciding them: submitted, not required, withdrawn. */
@Injectable()
export class ObligationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly schedule: ObligationSchedule,
    private readonly timeline: TimelineWriter,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly clockRules: IncidentClockRulesService,
  ) {}

  /** The stages of a readable incident the caller may read, in regime and stage order. */
  async list(principal: Principal, incidentId: string) {
    const incident = await this.incidentOf(principal, this.dataSource.manager, incidentId);
    const qb = this.dataSource
      .getRepository(RegulatoryObligationEntity)
      .createQueryBuilder('o')
      .where('o.incident_id = :incidentId', { incidentId });
    const items = await whereAllowed(qb, principal.ability, 'read', 'RegulatoryObligation').getMany();
    const setup = await this.clockRules.setupFor(this.dataSource.manager, incident.tenantId);
    const applies = applicableRegimes(
      incidentFacts(incident, incident.orgUnit as OrgUnitEntity),
      setup.rules,
    );
    return {
      items: items.sort(
        (a, b) => stageOrder(a) - stageOrder(b) || a.createdAt.getTime() - b.createdAt.getTime(),
      ),
      applies: (o: RegulatoryObligationEntity) => applies.includes(o.regime),
      receivers: setup.receivers,
      now: this.clock.now(),
    };
  }

  /**
   * D-60: the CSIRT asked for an intermediate report (cyber act). A handler of the incident records
   * the request with the deadline it states; an INTERMEDIATE_REPORT stage is created (timeline and
   * history), due at that deadline.
   */
  async requestIntermediate(principal: Principal, incidentId: string, dto: IntermediateRequestDto) {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.get(principal, incidentId, m);
      await this.incidents.lock(m, incident.id);
      assertCan(principal.ability, 'update', 'Incident', incidentSubject(incident));
      if (!OPEN_STATUSES.includes(incident.status)) throw IncidentErrors.closed();
      const rules = await this.clockRules.rulesFor(m, incident.tenantId);
      const applies = applicableRegimes(incidentFacts(incident, incident.orgUnit as OrgUnitEntity), rules);
      if (!applies.includes('CYBER_ACT')) throw ClockRequestErrors.cyberActNotApplicable();
      const now = this.clock.now();
      const requestedAt = new Date(dto.requestedAt);
      const deadlineAt = new Date(dto.deadlineAt);
      if (requestedAt > now)
        throw IncidentErrors.timeInvalid('requestedAt', 'Tidpunkten ligger i framtiden.');
      if (deadlineAt <= requestedAt) {
        throw IncidentErrors.timeInvalid('deadlineAt', 'Tidsfristen ska ligga efter begäran.');
      }
      const row = await this.schedule.requestIntermediate(m, principal, incident, {
        requestedAt,
        deadlineAt,
        note: dto.note?.trim() ? dto.note.trim() : null,
      });
      return {
        obligation: row,
        regimeApplies: true,
        receivers: (await this.clockRules.setupFor(m, incident.tenantId)).receivers,
      };
    });
  }

  /**
   * The incident whose stages are asked for: readable, or else one of whose stages the caller may
   * read. A stage is as visible as its own rules say: after re-triage away from a personal data
   * breach the DPO no longer reads the incident, but still reads (and withdraws) its GDPR stages.
   */
  private async incidentOf(
    principal: Principal,
    m: EntityManager,
    incidentId: string,
  ): Promise<IncidentEntity> {
    try {
      return await this.incidents.get(principal, incidentId, m);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'INCIDENT_NOT_FOUND') throw e;
      const qb = m
        .getRepository(RegulatoryObligationEntity)
        .createQueryBuilder('o')
        .where('o.incident_id = :incidentId', { incidentId });
      if (!(await whereAllowed(qb, principal.ability, 'read', 'RegulatoryObligation').getExists())) throw e;
      return this.incidents.reload(m, incidentId);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Decisions on one stage
  // -------------------------------------------------------------------------------------------

  /** Records the report as sent (the head of the unit, D-07); MET or MISSED by its deadline. */
  async submit(principal: Principal, incidentId: string, obligationId: string, dto: SubmitObligationDto) {
    return this.decide(principal, incidentId, obligationId, dto.version, (m, incident, o, rules) => {
      assertCan(principal.ability, 'approve', 'RegulatoryObligation', {
        ...obligationSubject(o),
        decision: 'SUBMITTED',
      });
      if (o.regime === 'GDPR_ART33_5_LOG') throw IncidentErrors.obligationAutomatic();
      const now = this.clock.now();
      const submittedAt = dto.submittedAt ? new Date(dto.submittedAt) : now;
      if (submittedAt > now)
        throw IncidentErrors.timeInvalid('submittedAt', 'Tidpunkten ligger i framtiden.');
      let clock = toObligationClock(o);
      if (dto.decisionAt) {
        if (o.anchor !== 'DECISION_DATE' || o.anchorAt) throw IncidentErrors.decisionAtNotApplicable();
        clock = anchorStage(clock, new Date(dto.decisionAt), rules);
      }
      const issues = validateSubmission({
        obligation: clock,
        submittedAt,
        lateReason: dto.lateReason,
        firstPhase: dto.firstPhase,
      });
      if (issues.length) throw obligationIssuesError(issues);
      Object.assign(o, {
        anchorAt: clock.anchorAt,
        deadlineAt: clock.deadlineAt,
        targetAt: clock.targetAt,
        decision: 'SUBMITTED',
        submittedAt,
        submittedById: principal.actor.personId,
        externalReference: dto.externalReference ?? null,
        lateReason: dto.lateReason ?? null,
        firstPhase: dto.firstPhase ?? false,
      });
      const status = obligationStatus(toObligationClock(o), now);
      const events: TimelineEvent[] = [
        {
          kind: 'OBLIGATION_SUBMITTED',
          text: dto.lateReason ?? null,
          data: { ...describeStage(o), status, submittedAt },
        },
      ];
      return {
        action: 'submit',
        reason: dto.lateReason,
        events,
        followUp: () => this.schedule.applyFollowUps(m, principal, incident, o),
      };
    });
  }

  /** Decides that no report is due: by the decider of §4d (DPO for GDPR, head for IVO, CISO else). */
  async notRequired(
    principal: Principal,
    incidentId: string,
    obligationId: string,
    dto: NotRequiredObligationDto,
  ) {
    return this.dispose(
      principal,
      incidentId,
      obligationId,
      dto.version,
      'NOT_REQUIRED',
      dto.reason,
      dto.art34Exemption,
    );
  }

  /** A stage whose regime no longer applies after re-triage (same deciders, reason required). */
  async withdraw(principal: Principal, incidentId: string, obligationId: string, dto: WithdrawObligationDto) {
    return this.dispose(principal, incidentId, obligationId, dto.version, 'WITHDRAWN', dto.reason);
  }

  private dispose(
    principal: Principal,
    incidentId: string,
    obligationId: string,
    version: number,
    disposition: Disposition,
    reason: string,
    art34Exemption?: NotRequiredObligationDto['art34Exemption'],
  ) {
    return this.decide(principal, incidentId, obligationId, version, (_m, incident, o, rules) => {
      assertCan(principal.ability, 'approve', 'RegulatoryObligation', {
        ...obligationSubject(o),
        decision: disposition,
      });
      const issues = validateDisposition({
        obligation: toObligationClock(o),
        disposition,
        reason,
        decider: { roles: rolesForIncident(principal, incident) },
        breachRiskAssessment: incident.breachRiskAssessment,
        art34Exemption: art34Exemption ?? null,
        regimeStillApplies: applicableRegimes(
          incidentFacts(incident, incident.orgUnit as OrgUnitEntity),
          rules,
        ).includes(o.regime),
      });
      if (issues.length) throw obligationIssuesError(issues);
      Object.assign(o, {
        decision: disposition,
        decidedById: principal.actor.personId,
        decidedAt: this.clock.now(),
        notRequiredReason: reason,
        art34Exemption: art34Exemption ?? null,
      });
      const kind = disposition === 'NOT_REQUIRED' ? 'OBLIGATION_NOT_REQUIRED' : 'OBLIGATION_WITHDRAWN';
      const events: TimelineEvent[] = [
        { kind, text: reason, data: { ...describeStage(o), art34Exemption: o.art34Exemption } },
      ];
      return { action: disposition === 'NOT_REQUIRED' ? 'not-required' : 'withdraw', reason, events };
    });
  }

  /**
   * One decision as one transaction: the incident readable and locked, the stage readable (404)
   * at the version read (409); then the change, its timeline entry and its history entry.
   */
  private async decide(
    principal: Principal,
    incidentId: string,
    obligationId: string,
    version: number,
    change: (
      m: EntityManager,
      incident: IncidentEntity,
      o: RegulatoryObligationEntity,
      rules: TenantClockRules,
    ) => { action: string; reason?: string; events: TimelineEvent[]; followUp?: () => Promise<void> },
  ): Promise<{
    obligation: RegulatoryObligationEntity;
    regimeApplies: boolean;
    receivers: ReceiverDirectory;
  }> {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.incidentOf(principal, m, incidentId);
      await this.incidents.lock(m, incident.id);
      const qb = m
        .getRepository(RegulatoryObligationEntity)
        .createQueryBuilder('o')
        .where('o.id = :obligationId AND o.incident_id = :incidentId', { obligationId, incidentId });
      const found = await whereAllowed(qb, principal.ability, 'read', 'RegulatoryObligation').getOne();
      if (!found) throw IncidentErrors.obligationNotFound();
      await m.query('SELECT 1 FROM regulatory_obligation WHERE id = $1 FOR UPDATE', [found.id]);
      const o = await m.findOneByOrFail(RegulatoryObligationEntity, { id: found.id });
      if (o.version !== version) throw IncidentErrors.versionConflict(o.version);
      const before = { ...o };
      const setup = await this.clockRules.setupFor(m, incident.tenantId);
      const { action, reason, events, followUp } = change(m, incident, o, setup.rules);
      const saved = await m.save(RegulatoryObligationEntity, o);
      await this.timeline.append(m, incident, principal.actor.personId, events);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'RegulatoryObligation',
          action,
          entityId: o.id,
          before,
          after: saved,
          reason,
        }),
      );
      if (followUp) await followUp();
      const applies = applicableRegimes(
        incidentFacts(incident, incident.orgUnit as OrgUnitEntity),
        setup.rules,
      );
      return { obligation: saved, regimeApplies: applies.includes(saved.regime), receivers: setup.receivers };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal } from '@varna/authz';
import { Clock } from '@varna/core';
import { changeBy, hasChanges, HistoryService } from '@varna/history';
import { OrgUnitEntity } from '@varna/organisation';
import { DataSource, EntityManager } from 'typeorm';
import {
  closingIssues,
  findTransition,
  mayTakeTransition,
  mayTriage,
  obligationStatus,
  OPEN_STATUSES,
  subtypeFits,
  TRANSITIONS,
  validateAwareAtChange,
} from './domain';
import type { TransitionIncidentDto, TriageIncidentDto, UpdateIncidentDto } from './dto/incident.dto';
import { incidentSubject, rolesForIncident } from './incident-access';
import { IncidentErrors, obligationIssuesError } from './incident.errors';
import { IncidentEntity } from './incident.entity';
import { IncidentService } from './incident.service';
import { toObligationClock } from './obligation.mapper';
import { ObligationSchedule } from './obligation-schedule';
import { changeEvents } from './incident-changes';
import { TimelineWriter } from './timeline-writer';
import { IncidentAlertsService } from './incident-alerts.service';
import { IncidentClosedListeners } from './incident-hooks';
import { followIncidentAttachments } from './attachments/attachment.service';

/** Set at triage, not before. */
const TRIAGE_FIELDS = [
  'type',
  'subtype',
  'severity',
  'breachRiskAssessment',
  'significantUnderCyberAct',
] as const;

/** Triage, the state machine and the investigation (domain.md §4d). */
@Injectable()
export class IncidentHandlingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly obligations: ObligationSchedule,
    private readonly timeline: TimelineWriter,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly alerts: IncidentAlertsService,
    private readonly closedListeners: IncidentClosedListeners,
  ) {}

  /** REPORTED → TRIAGED: type, severity, unit and personal data settled; the regulator clocks start. */
  async triage(principal: Principal, id: string, dto: TriageIncidentDto): Promise<IncidentEntity> {
    const savedId = await this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.getForUpdate(principal, m, id, dto.version);
      if (incident.status !== 'REPORTED') {
        throw IncidentErrors.invalidTransition(incident.status, 'TRIAGED', this.targetsFrom(incident));
      }
      if (
        !mayTriage(rolesForIncident(principal, incident), incident.handlerId === principal.actor.personId)
      ) {
        throw IncidentErrors.transitionForbidden();
      }
      const before = { ...incident };
      const unit = await this.placeIn(m, incident, dto.orgUnitId);
      Object.assign(incident, {
        type: dto.type,
        subtype: dto.subtype ?? null,
        severity: dto.severity,
        aspectsAffected: dto.aspectsAffected ?? incident.aspectsAffected,
        breachRiskAssessment: dto.breachRiskAssessment ?? null,
        significantUnderCyberAct: dto.significantUnderCyberAct ?? null,
        personalDataInvolved: dto.personalDataInvolved ?? incident.personalDataInvolved,
      });
      if (!subtypeFits(incident.type, incident.subtype)) throw IncidentErrors.subtypeInvalid();
      if (incident.type === 'PERSONAL_DATA_BREACH') {
        if (incident.personalDataInvolved === 'NO') throw IncidentErrors.personalDataContradiction();
        incident.personalDataInvolved = 'YES';
      }
      if (incident.personalDataInvolved === 'UNKNOWN') throw IncidentErrors.triageIncomplete();
      await this.assign(m, incident, dto.handlerId, dto.coordinatorId);
      if (dto.awareAt !== undefined) this.setAwareAt(incident, dto.awareAt, dto.awareAtReason);
      assertCan(principal.ability, 'update', 'Incident', incidentSubject(incident));
      incident.status = 'TRIAGED';
      incident.triagedAt = this.clock.now();
      const saved = await m.save(IncidentEntity, incident);
      await this.followUp(m, before, saved);
      await this.timeline.append(
        m,
        saved,
        principal.actor.personId,
        changeEvents(before, saved, dto.awareAtReason),
      );
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: 'triage',
          entityId: id,
          before,
          after: saved,
          reason: dto.awareAtReason,
        }),
      );
      await this.obligations.createApplicable(m, principal, saved, unit);
      await this.obligations.completeBreachLog(m, principal, saved);
      await this.alerts.severeIncident(m, saved);
      return saved.id;
    });
    return this.incidents.reload(this.dataSource.manager, savedId);
  }

  /** INVESTIGATING, ACTIONS, CLOSED (closing guard), REJECTED (reason), reopen (reason). */
  async transition(principal: Principal, id: string, dto: TransitionIncidentDto): Promise<IncidentEntity> {
    const savedId = await this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.getForUpdate(principal, m, id, dto.version);
      const step = findTransition(incident.status, dto.to);
      if (!step) throw IncidentErrors.invalidTransition(incident.status, dto.to, this.targetsFrom(incident));
      if (
        !mayTakeTransition(
          step,
          rolesForIncident(principal, incident),
          incident.handlerId === principal.actor.personId,
        )
      ) {
        throw IncidentErrors.transitionForbidden();
      }
      const reason = dto.reason?.trim() ? dto.reason.trim() : undefined;
      if (step.reasonRequired && !reason) throw IncidentErrors.reasonRequired('reason');
      if (dto.to === 'CLOSED' || dto.to === 'REJECTED') {
        const now = this.clock.now();
        const stages = (await this.obligations.allOf(m, incident.id)).map((o) => {
          const status = obligationStatus(toObligationClock(o), now);
          return {
            id: o.id,
            closed: o.decision !== null,
            late: status === 'MISSED',
            lateReason: o.lateReason,
          };
        });
        if (dto.to === 'CLOSED') {
          const issues = closingIssues(incident, stages);
          if (issues.length) throw IncidentErrors.closeBlocked(issues);
        } else {
          const open = closingIssues({ ...incident, type: null, severity: null }, stages);
          if (open.length) throw IncidentErrors.rejectBlocked(open);
        }
      }
      const before = { ...incident };
      incident.status = dto.to;
      if (dto.to === 'CLOSED') incident.closedAt = this.clock.now();
      if (dto.to === 'REJECTED') incident.rejectionReason = reason ?? null;
      const reopening = before.status === 'CLOSED';
      if (reopening) incident.closedAt = null;
      const saved = await m.save(IncidentEntity, incident);
      await this.timeline.append(m, saved, principal.actor.personId, [
        { kind: 'STATUS_CHANGED', text: reason ?? null, data: { from: before.status, to: saved.status } },
      ]);
      // BR-D7: the other contexts act on the closing in this transaction (their entries by the system).
      if (saved.status === 'CLOSED') {
        await this.timeline.append(m, saved, null, await this.closedListeners.incidentClosed(m, saved));
      }
      const action = reopening
        ? 'reopen'
        : dto.to === 'CLOSED'
          ? 'close'
          : dto.to === 'REJECTED'
            ? 'reject'
            : 'transition';
      await this.history.record(
        m,
        changeBy(principal, { entityType: 'Incident', action, entityId: id, before, after: saved, reason }),
      );
      return saved.id;
    });
    return this.incidents.reload(this.dataSource.manager, savedId);
  }

  /** The investigation and re-triage; awareAt with reason recomputes the deadlines (BR-D2, D-26). */
  async update(principal: Principal, id: string, dto: UpdateIncidentDto): Promise<IncidentEntity> {
    const savedId = await this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.getForUpdate(principal, m, id, dto.version);
      if (!OPEN_STATUSES.includes(incident.status)) throw IncidentErrors.closed();
      if (incident.status === 'REPORTED') {
        const early = TRIAGE_FIELDS.filter((f) => dto[f] !== undefined);
        if (early.length) throw IncidentErrors.notTriaged(early);
      }
      const before = { ...incident };
      const unit = await this.placeIn(m, incident, dto.orgUnitId);
      const {
        version: _v,
        orgUnitId: _u,
        handlerId,
        coordinatorId,
        awareAt,
        awareAtReason,
        occurredAt,
        ...fields
      } = dto;
      // Only what was sent: an omitted field is undefined (and `null` clears a nullable one).
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) Object.assign(incident, { [key]: value });
      }
      if (occurredAt !== undefined) incident.occurredAt = occurredAt === null ? null : new Date(occurredAt);
      if (incident.occurredAt && incident.occurredAt > incident.discoveredAt) {
        throw IncidentErrors.timeInvalid(
          'occurredAt',
          'Händelsen kan inte ha inträffat efter att den upptäcktes.',
        );
      }
      if (!subtypeFits(incident.type, incident.subtype)) throw IncidentErrors.subtypeInvalid();
      if (incident.type === 'PERSONAL_DATA_BREACH') {
        if (incident.personalDataInvolved === 'NO') throw IncidentErrors.personalDataContradiction();
        incident.personalDataInvolved = 'YES';
      }
      await this.assign(m, incident, handlerId, coordinatorId);
      const awareAtMoved =
        awareAt !== undefined && new Date(awareAt).getTime() !== incident.awareAt.getTime();
      if (awareAtMoved) this.setAwareAt(incident, awareAt, awareAtReason);
      // The row as it will be: a DPO may not move a breach out of their reach, nor anyone out of theirs.
      assertCan(principal.ability, 'update', 'Incident', incidentSubject(incident));
      if (!hasChanges(before, incident)) return incident.id;
      const saved = await m.save(IncidentEntity, incident);
      await this.followUp(m, before, saved);
      const events = changeEvents(before, saved, awareAtReason);
      if (awareAtMoved) {
        const moved = await this.obligations.recomputeForAwareAt(
          m,
          principal,
          saved,
          before.awareAt,
          awareAtReason as string,
        );
        const entry = events.find((e) => e.kind === 'AWARE_AT_CHANGED');
        if (entry) entry.data = { ...entry.data, obligations: moved };
      }
      await this.timeline.append(m, saved, principal.actor.personId, events);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: awareAtMoved ? 'change-aware-at' : 'update',
          entityId: id,
          before,
          after: saved,
          reason: awareAtMoved ? awareAtReason : undefined,
        }),
      );
      if (saved.status !== 'REPORTED') {
        await this.obligations.createApplicable(m, principal, saved, unit);
        // D-60: `ongoing` set to NO is HANDLED_AT for a final report a progress report stood in for;
        // still ongoing at the final report's deadline, a progress report takes the deadline over.
        const now = this.clock.now();
        if (before.ongoing !== 'NO' && saved.ongoing === 'NO') {
          await this.obligations.anchorFinalReportsOnHandled(m, principal, saved, now);
        }
        await this.obligations.takeOverDueFinalReports(m, principal, now, saved.id);
      }
      await this.obligations.completeBreachLog(m, principal, saved);
      // BR-D6: a change that makes the incident severe or a breach tells the CISO and the DPO.
      if (saved.status !== 'REPORTED') await this.alerts.severeIncident(m, saved);
      return saved.id;
    });
    return this.incidents.reload(this.dataSource.manager, savedId);
  }

  // -------------------------------------------------------------------------------------------

  /** The unit the incident will be in: a new one must be active (and, checked later, within reach). */
  private async placeIn(
    m: EntityManager,
    incident: IncidentEntity,
    orgUnitId?: string,
  ): Promise<OrgUnitEntity> {
    if (orgUnitId && orgUnitId !== incident.orgUnitId) {
      const unit = await this.incidents.activeUnit(m, incident.tenantId, orgUnitId);
      incident.orgUnitId = unit.id;
      incident.orgUnitPath = unit.path;
      return unit;
    }
    return m.findOneByOrFail(OrgUnitEntity, { id: incident.orgUnitId });
  }

  private async assign(
    m: EntityManager,
    incident: IncidentEntity,
    handlerId?: string | null,
    coordinatorId?: string | null,
  ) {
    if (handlerId) await this.incidents.activePerson(m, incident.tenantId, handlerId, 'handlerId');
    if (coordinatorId)
      await this.incidents.activePerson(m, incident.tenantId, coordinatorId, 'coordinatorId');
    if (handlerId !== undefined) incident.handlerId = handlerId;
    if (coordinatorId !== undefined) incident.coordinatorId = coordinatorId;
  }

  /** BR-D2: earlier than reportedAt at most, with a reason. */
  private setAwareAt(incident: IncidentEntity, awareAt: string, reason: string | undefined) {
    const next = new Date(awareAt);
    const issues = validateAwareAtChange({ awareAt: next, reportedAt: incident.reportedAt, reason });
    if (issues.length) {
      if (issues[0].code === 'REASON_REQUIRED') throw IncidentErrors.reasonRequired('awareAtReason');
      throw obligationIssuesError(issues, 'INCIDENT');
    }
    incident.awareAt = next;
  }

  /** Timeline entries, stages, attachments and the scope columns follow a new unit or type. */
  private async followUp(m: EntityManager, before: IncidentEntity, after: IncidentEntity) {
    if (before.orgUnitId !== after.orgUnitId || before.type !== after.type) {
      await this.timeline.followIncident(m, after);
      await this.obligations.followIncident(m, after);
      await followIncidentAttachments(m, after);
    }
  }

  private targetsFrom(incident: IncidentEntity) {
    return TRANSITIONS.filter((t) => t.from === incident.status).map((t) => t.to);
  }
}

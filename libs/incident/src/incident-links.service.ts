import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal } from '@varna/authz';
import { Clock } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { OrgUnitEntity } from '@varna/organisation';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { mayTakeTransition, OPEN_STATUSES, qualityBridgeAsked, validateAwareAtChange } from './domain';
import type { CreateInformationNoticeDto, MergeIncidentDto, QualityBridgeDto } from './dto/incident.dto';
import { incidentSubject, rolesForIncident, timelineSubject } from './incident-access';
import { IncidentAlertsService } from './incident-alerts.service';
import { IncidentErrors } from './incident.errors';
import { IncidentEntity } from './incident.entity';
import { IncidentService } from './incident.service';
import { InformationNoticeEntity } from './information-notice.entity';
import { describeStage, ObligationSchedule } from './obligation-schedule';
import { RegulatoryObligationEntity } from './regulatory-obligation.entity';
import { TimelineWriter } from './timeline-writer';

/** Merging (§4d state machine), the quality bridge (BR-D4) and information notices (BR-D5). */
@Injectable()
export class IncidentLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly obligations: ObligationSchedule,
    private readonly timeline: TimelineWriter,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly alerts: IncidentAlertsService,
  ) {}

  /**
   * Any open incident → MERGED into another open one, by the samordnare or the CISO of both. The
   * clocks move to the target: an open stage the target lacks is re-pointed to it (its deadline
   * kept); one the target has is WITHDRAWN on the source with the merge as reason, and when the
   * source's kännedom is earlier the target's awareAt moves to it (D-26), so every deadline runs
   * from the first awareness. Decided stages stay where they were decided. K12 thus counts each
   * obligation once, at its earliest deadline; K10 drops the merged incident.
   */
  async merge(principal: Principal, id: string, dto: MergeIncidentDto): Promise<IncidentEntity> {
    const reason = dto.reason.trim();
    if (!reason) throw IncidentErrors.reasonRequired('reason');
    if (dto.targetId === id)
      throw IncidentErrors.mergeInvalid('En incident kan inte slås samman med sig själv.');
    const savedId = await this.dataSource.transaction(async (m) => {
      // Both rows locked in one order, so two opposite merges cannot deadlock.
      for (const lockId of [id, dto.targetId].sort()) await this.incidents.lock(m, lockId);
      const source = await this.incidents.getForUpdate(principal, m, id, dto.version);
      const target = await this.incidents.getForUpdate(principal, m, dto.targetId);
      for (const incident of [source, target]) {
        if (!mayTakeTransition({ by: 'COORDINATING' }, rolesForIncident(principal, incident), false)) {
          throw IncidentErrors.transitionForbidden();
        }
      }
      if (!OPEN_STATUSES.includes(source.status)) {
        throw IncidentErrors.mergeInvalid('Endast en öppen incident kan slås samman.');
      }
      if (!OPEN_STATUSES.includes(target.status)) {
        throw IncidentErrors.mergeInvalid('Incidenten som den slås samman med måste vara öppen.');
      }
      const now = this.clock.now();
      const sourceBefore = { ...source };
      const targetBefore = { ...target };
      const targetStages = await this.obligations.allOf(m, target.id);
      const repointed: Record<string, unknown>[] = [];
      const withdrawn: Record<string, unknown>[] = [];
      for (const stage of await this.obligations.allOf(m, source.id)) {
        if (stage.decision !== null) continue;
        const before = { ...stage };
        const twin = targetStages.some((t) => t.regime === stage.regime && t.stage === stage.stage);
        if (twin) {
          Object.assign(stage, {
            decision: 'WITHDRAWN',
            decidedById: principal.actor.personId,
            decidedAt: now,
            notRequiredReason: `Sammanslagen med ${target.number}: ${reason}`,
          });
          withdrawn.push(describeStage(stage));
        } else {
          Object.assign(stage, {
            incidentId: target.id,
            orgUnitId: target.orgUnitId,
            orgUnitPath: target.orgUnitPath,
          });
          repointed.push(describeStage(stage));
        }
        const saved = await m.save(RegulatoryObligationEntity, stage);
        await this.history.record(
          m,
          changeBy(principal, {
            entityType: 'RegulatoryObligation',
            action: twin ? 'withdraw' : 'move-to-merge-target',
            entityId: saved.id,
            before,
            after: saved,
            reason,
          }),
        );
      }
      let moved: Record<string, unknown>[] = [];
      if (source.awareAt < target.awareAt) {
        const awareReason = `Sammanslagen med ${source.number}, som var känd tidigare: ${reason}`;
        const issues = validateAwareAtChange({
          awareAt: source.awareAt,
          reportedAt: target.reportedAt,
          reason: awareReason,
        });
        if (issues.length === 0) {
          target.awareAt = source.awareAt;
          const savedTarget = await m.save(IncidentEntity, target);
          moved = await this.obligations.recomputeForAwareAt(
            m,
            principal,
            savedTarget,
            targetBefore.awareAt,
            awareReason,
          );
        }
      }
      source.status = 'MERGED';
      source.mergedIntoId = target.id;
      const savedSource = await m.save(IncidentEntity, source);
      await this.timeline.append(m, savedSource, principal.actor.personId, [
        {
          kind: 'MERGED',
          text: reason,
          data: {
            from: sourceBefore.status,
            targetId: target.id,
            targetNumber: target.number,
            repointed,
            withdrawn,
          },
        },
      ]);
      await this.timeline.append(m, target, principal.actor.personId, [
        {
          kind: 'MERGED_FROM',
          text: reason,
          data: {
            sourceId: source.id,
            sourceNumber: source.number,
            repointed,
            awareAt:
              moved.length || target.awareAt !== targetBefore.awareAt
                ? { from: targetBefore.awareAt, to: target.awareAt }
                : null,
            obligations: moved,
          },
        },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: 'merge',
          entityId: source.id,
          before: sourceBefore,
          after: savedSource,
          reason,
        }),
      );
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: 'merged-into',
          entityId: target.id,
          before: targetBefore,
          after: target,
          reason,
        }),
      );
      return savedSource.id;
    });
    return this.incidents.reload(this.dataSource.manager, savedId);
  }

  /**
   * BR-D4: "Är detta en personuppgiftsincident?" on a SECRECY or REGISTRATION_ARCHIVE deviation.
   * "Ja" creates a linked PERSONAL_DATA_BREACH (channel QUALITY_BRIDGE, the deviation's unit,
   * reporter, words and awareAt) for triage; both count in K10. "Nej" is recorded. Asked once.
   */
  async answerQualityBridge(
    principal: Principal,
    id: string,
    dto: QualityBridgeDto,
  ): Promise<{ deviation: IncidentEntity; breachId: string | null }> {
    const result = await this.dataSource.transaction(async (m) => {
      const deviation = await this.incidents.getForUpdate(principal, m, id, dto.version);
      if (!qualityBridgeAsked(deviation)) throw IncidentErrors.qualityBridgeNotApplicable();
      const before = { ...deviation };
      deviation.qualityBridgeAnswer = dto.answer;
      const saved = await m.save(IncidentEntity, deviation);
      let breachId: string | null = null;
      if (dto.answer === 'YES') {
        const now = this.clock.now();
        const breach = m.create(IncidentEntity, {
          ...this.copyForBreach(saved),
          id: randomUUID(),
          number: await this.incidents.nextNumber(m, saved.tenantId, now),
          reportedAt: now,
          awareAt: saved.awareAt,
          severity: saved.severity,
          triagedAt: now,
        });
        // The breach is the caller's to handle as the deviation is (same unit); checked as it will be.
        assertCan(
          principal.ability,
          'update',
          'Incident',
          incidentSubject({ ...breach, type: 'PERSONAL_DATA_BREACH' }),
        );
        const created = await m.save(IncidentEntity, breach);
        breachId = created.id;
        // Triaged from the deviation at once, so the GDPR clocks (from the copied awareAt) show now.
        const unit = await m.findOneByOrFail(OrgUnitEntity, { id: created.orgUnitId });
        await this.timeline.append(m, created, principal.actor.personId, [
          {
            kind: 'CREATED',
            text: created.description,
            data: {
              number: created.number,
              title: created.title,
              orgUnitId: created.orgUnitId,
              channel: created.channel,
              bridgedFromId: saved.id,
            },
          },
        ]);
        await this.history.record(
          m,
          changeBy(principal, {
            entityType: 'Incident',
            action: 'quality-bridge',
            entityId: created.id,
            before: null,
            after: created,
          }),
        );
        await this.obligations.createApplicable(m, principal, created, unit);
        await this.alerts.severeIncident(m, created);
      }
      await this.timeline.append(m, saved, principal.actor.personId, [
        { kind: 'QUALITY_BRIDGE', data: { answer: dto.answer, breachId } },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: 'quality-bridge-answer',
          entityId: saved.id,
          before,
          after: saved,
        }),
      );
      return { id: saved.id, breachId };
    });
    return {
      deviation: await this.incidents.reload(this.dataSource.manager, result.id),
      breachId: result.breachId,
    };
  }

  /** BR-D5: information about the incident sent elsewhere; the incident itself stays. */
  async sendNotice(
    principal: Principal,
    id: string,
    dto: CreateInformationNoticeDto,
  ): Promise<InformationNoticeEntity> {
    const recipient = dto.recipient.trim();
    const text = dto.text.trim();
    if (!recipient) throw IncidentErrors.reasonRequired('recipient');
    if (!text) throw IncidentErrors.reasonRequired('text');
    return this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.getForUpdate(principal, m, id);
      const notice = await m.save(
        InformationNoticeEntity,
        m.create(InformationNoticeEntity, {
          tenantId: incident.tenantId,
          incidentId: incident.id,
          recipient,
          text,
          sentAt: this.clock.now(),
          sentById: principal.actor.personId,
        }),
      );
      await this.timeline.append(m, incident, principal.actor.personId, [
        { kind: 'NOTICE_SENT', text, data: { noticeId: notice.id, recipient } },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: 'information-notice',
          entityId: incident.id,
          before: null,
          after: notice,
        }),
      );
      return notice;
    });
  }

  /** The notices of an incident, for those who read its timeline (handlers, auditors), oldest first. */
  async notices(principal: Principal, id: string, m: EntityManager = this.dataSource.manager) {
    const incident = await this.incidents.get(principal, id, m);
    assertCan(principal.ability, 'read', 'IncidentTimelineEntry', timelineSubject(incident));
    return m.find(InformationNoticeEntity, {
      where: { incidentId: incident.id },
      order: { sentAt: 'ASC', createdAt: 'ASC' },
    });
  }

  /** The breach's fields from the deviation: its place, reporter and words; type set, triage to come. */
  private copyForBreach(d: IncidentEntity): Partial<IncidentEntity> {
    return {
      tenantId: d.tenantId,
      type: 'PERSONAL_DATA_BREACH',
      subtype: null,
      title: d.title,
      description: d.description,
      orgUnitId: d.orgUnitId,
      orgUnitPath: d.orgUnitPath,
      reporterId: d.reporterId,
      reportedOnBehalfOfName: d.reportedOnBehalfOfName,
      channel: 'QUALITY_BRIDGE',
      occurredAt: d.occurredAt,
      discoveredAt: d.discoveredAt,
      ongoing: d.ongoing,
      personalDataInvolved: 'YES',
      severity: null,
      aspectsAffected: d.aspectsAffected,
      handlerId: d.handlerId,
      coordinatorId: d.coordinatorId,
      status: 'TRIAGED',
      qualityDeviationRef: d.qualityDeviationRef,
      bridgedFromId: d.id,
    };
  }
}

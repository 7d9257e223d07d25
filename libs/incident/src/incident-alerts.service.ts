import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, stockholmDate } from '@varna/core';
import { NotificationService } from '@varna/notification';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  addBusinessTime,
  BUSINESS_DAY_MS,
  dueAt,
  escalationAt,
  formatStockholm,
  INCIDENT_TYPE_LABELS,
  OPEN_STATUSES,
  REGULATORY_STAGE_LABELS,
  REGULATORY_REGIME_LABELS,
  SEVERITY_LABELS,
  type Escalation,
} from './domain';
import { IncidentEntity } from './incident.entity';
import { toObligationClock } from './obligation.mapper';
import { ObligationSchedule } from './obligation-schedule';
import { RegulatoryObligationEntity } from './regulatory-obligation.entity';

/** Where the web app shows an incident (apps/web routes): the notification's link. */
export const incidentPath = (incidentId: string) => `/incidenter/${incidentId}`;

const GDPR_REGIMES: readonly string[] = ['GDPR_ART33_IMY', 'GDPR_ART34_SUBJECTS', 'GDPR_ART33_5_LOG'];
const SEVERE: readonly string[] = ['HIGH', 'CRITICAL'];

/** Untriaged reports read per transaction by the escalation job. */
const UNTRIAGED_BATCH = 500;

export interface EscalationRun {
  /** Notifications created by this run (0 when run again at the same instant). */
  created: number;
  obligationsChecked: number;
  untriagedChecked: number;
  /** Cyber act final reports taken over by a progress report in this run (D-60). */
  progressReports: number;
}

const ESCALATION_TEXT: Record<Exclude<Escalation, 'NONE'>, string> = {
  HALF: 'halva tiden har gått',
  NINETY: '90 % av tiden har gått',
  OVERDUE: 'tidsfristen har passerat',
};

/**
 * Who hears what about incidents (BR-D6, D-27, §4d escalation at 50 % and 90 %), in-app through
 * NotificationService. Every notification has a key per event and recipient, so each sender is
 * safe to run again: the same threshold, incident and person is one notification.
 */
@Injectable()
export class IncidentAlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly schedule: ObligationSchedule,
  ) {}

  /**
   * BR-D6, at triage and at every later change: severity ≥ 3 (HIGH, CRITICAL) or a personal data
   * breach notifies the CISO and the DPO of the controller concerned, once per incident.
   */
  async severeIncident(m: EntityManager, incident: IncidentEntity): Promise<number> {
    const severe = incident.severity !== null && SEVERE.includes(incident.severity);
    if (!severe && incident.type !== 'PERSONAL_DATA_BREACH') return 0;
    const recipients = await this.holders(m, incident, ['CISO', 'DPO']);
    const what = [
      incident.type ? INCIDENT_TYPE_LABELS[incident.type].sv : null,
      incident.severity ? `allvarlighetsgrad ${SEVERITY_LABELS[incident.severity].sv.toLowerCase()}` : null,
    ].filter(Boolean);
    let created = 0;
    for (const recipientId of recipients) {
      const sent = await this.notifications.notify(m, {
        tenantId: incident.tenantId,
        recipientId,
        kind: 'INCIDENT_SEVERE',
        subjectType: 'Incident',
        subjectId: incident.id,
        link: incidentPath(incident.id),
        text: `${incident.number}: ${what.join(', ')}. Incidenten kräver din uppmärksamhet.`,
        dedupeKey: `incident-severe:${incident.id}:${recipientId}`,
      });
      if (sent) created += 1;
    }
    return created;
  }

  /**
   * The job step: every open stage that has passed 50 %, 90 % or its due instant notifies the
   * incident's coordinator and handler (the unit's coordinators when none is named) and, for the
   * GDPR regimes, the DPO of the controller (D-51); every incident still untriaged one business
   * day after it was reported (D-27, D-41) notifies the unit's coordinators (the CISO where the
   * unit has none). Runs for every tenant at the clock's now: the stages in one transaction, then
   * the untriaged reports in batches of UNTRIAGED_BATCH, each its own transaction, oldest first;
   * only reports a business day old that no reminder has been sent about yet are read (issue 6: at
   * scale the whole REPORTED backlog was loaded and walked every run), so a backlog costs one pass.
   */
  async runEscalations(): Promise<EscalationRun> {
    const now = this.clock.now();
    const stagesRun = await this.dataSource.transaction(async (m) => {
      let created = 0;
      // D-60 first: a final report due while the incident is ongoing hands over to a progress report.
      const progressReports = await this.schedule.takeOverDueFinalReports(m, null, now);
      const stages = await m.find(RegulatoryObligationEntity, {
        where: { decision: IsNull(), incident: { status: In([...OPEN_STATUSES]) } },
        relations: { incident: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      for (const stage of stages) {
        const incident = stage.incident as IncidentEntity;
        const clock = toObligationClock(stage);
        const level = escalationAt(clock, now);
        if (level === 'NONE') continue;
        const named = [incident.coordinatorId, incident.handlerId].filter((id): id is string => !!id);
        const recipients = new Set(
          incident.coordinatorId ? named : [...named, ...(await this.holders(m, incident, ['COORDINATOR']))],
        );
        if (GDPR_REGIMES.includes(stage.regime)) {
          for (const dpo of await this.holders(m, incident, ['DPO'])) recipients.add(dpo);
        }
        const due = dueAt(clock) as Date;
        const text =
          `${incident.number}: ${REGULATORY_REGIME_LABELS[stage.regime].sv}, ` +
          `${REGULATORY_STAGE_LABELS[stage.stage].sv.toLowerCase()}: ${ESCALATION_TEXT[level]} ` +
          `(${clock.deadlineAt ? 'tidsfrist' : 'mål'} ${formatStockholm(due)}).`;
        for (const recipientId of recipients) {
          const sent = await this.notifications.notify(m, {
            tenantId: incident.tenantId,
            recipientId,
            kind: `OBLIGATION_${level}`,
            subjectType: 'Incident',
            subjectId: incident.id,
            link: incidentPath(incident.id),
            text,
            dedupeKey: `obligation:${stage.id}:${level}:${due.toISOString()}:${recipientId}`,
          });
          if (sent) created += 1;
        }
      }
      return { created, obligationsChecked: stages.length, progressReports };
    });
    let created = stagesRun.created;
    let untriagedChecked = 0;
    let after: { reportedAt: Date; id: string } | null = null;
    for (;;) {
      const batch: IncidentEntity[] = await this.dataSource.transaction(async (m) => {
        const untriaged = await this.untriagedBatch(m, now, after);
        for (const incident of untriaged) {
          if (addBusinessTime(incident.reportedAt, BUSINESS_DAY_MS).getTime() > now.getTime()) continue;
          let recipients = await this.holders(m, incident, ['COORDINATOR']);
          if (recipients.length === 0) recipients = await this.holders(m, incident, ['CISO']);
          for (const recipientId of recipients) {
            const sent = await this.notifications.notify(m, {
              tenantId: incident.tenantId,
              recipientId,
              kind: 'INCIDENT_UNTRIAGED',
              subjectType: 'Incident',
              subjectId: incident.id,
              link: incidentPath(incident.id),
              text:
                `${incident.number} rapporterades ${formatStockholm(incident.reportedAt)} och är ` +
                'inte bedömd efter en arbetsdag.',
              dedupeKey: `incident-untriaged:${incident.id}:${recipientId}`,
            });
            if (sent) created += 1;
          }
        }
        return untriaged;
      });
      untriagedChecked += batch.length;
      if (batch.length < UNTRIAGED_BATCH) break;
      const last = batch[batch.length - 1];
      after = { reportedAt: last.reportedAt, id: last.id };
    }
    return {
      created,
      obligationsChecked: stagesRun.obligationsChecked,
      untriagedChecked,
      progressReports: stagesRun.progressReports,
    };
  }

  /**
   * The next reports still REPORTED a business day after they came in (calendar time at least
   * BUSINESS_DAY_MS: business time never runs faster; the exact check is the caller's) with no
   * reminder yet, oldest first, after `after` (the last of the previous batch).
   */
  private untriagedBatch(
    m: EntityManager,
    now: Date,
    after: { reportedAt: Date; id: string } | null,
  ): Promise<IncidentEntity[]> {
    const qb = m
      .createQueryBuilder(IncidentEntity, 'i')
      .where(`i.status = 'REPORTED' AND i.reported_at <= :cutoff`, {
        cutoff: new Date(now.getTime() - BUSINESS_DAY_MS),
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM notification n WHERE n.tenant_id = i.tenant_id AND n.subject_id = i.id
                      AND n.kind = 'INCIDENT_UNTRIAGED')`,
      );
    if (after) {
      qb.andWhere('(i.reported_at, i.id) > (:afterAt, :afterId)', {
        afterAt: after.reportedAt,
        afterId: after.id,
      });
    }
    return qb.orderBy('i.reported_at', 'ASC').addOrderBy('i.id', 'ASC').limit(UNTRIAGED_BATCH).getMany();
  }

  /**
   * The active people holding one of `roles` by an assignment valid today (Stockholm date) that
   * covers the incident's unit: one of its units, or (with includeSubtree) one of its ancestors.
   */
  private async holders(m: EntityManager, incident: IncidentEntity, roles: string[]): Promise<string[]> {
    const rows = await m.query<{ person_id: string }[]>(
      `SELECT DISTINCT ra.person_id
         FROM role_assignment ra JOIN person p ON p.id = ra.person_id
        WHERE ra.tenant_id = $1 AND ra.role = ANY($2::text[]) AND p.status = 'ACTIVE'
          AND ra.valid_from <= $4::date AND (ra.valid_to IS NULL OR ra.valid_to >= $4::date)
          AND (ra.org_unit_ids @> ARRAY[$3::uuid] OR (ra.include_subtree AND ra.org_unit_ids && $5::uuid[]))
        ORDER BY ra.person_id`,
      [incident.tenantId, roles, incident.orgUnitId, stockholmDate(this.clock.now()), incident.orgUnitPath],
    );
    return rows.map((r) => r.person_id);
  }
}

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
   * unit has none). Runs for every tenant at the clock's now, in one transaction.
   */
  async runEscalations(): Promise<EscalationRun> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
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
      const untriaged = await m.find(IncidentEntity, { where: { status: 'REPORTED' } });
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
      return {
        created,
        obligationsChecked: stages.length,
        untriagedChecked: untriaged.length,
        progressReports,
      };
    });
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

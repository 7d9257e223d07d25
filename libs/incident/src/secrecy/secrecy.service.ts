import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { Clock } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CreateSecrecyMarkingDto } from '../dto/incident.dto';
import { IncidentErrors } from '../incident.errors';
import { IncidentService } from '../incident.service';
import { TimelineWriter } from '../timeline-writer';
import { IncidentSecrecyMarkingEntity } from './incident-secrecy-marking.entity';
import { isOslProvision, normaliseProvision } from './redaction';

/** Marking and unmarking incident fields as secret (BR-D8, §5.2), and reading the markings. */
@Injectable()
export class SecrecyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly timeline: TimelineWriter,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  /** The markings of each incident, oldest first (every read path redacts with them). */
  async markingsOf(
    incidentIds: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, IncidentSecrecyMarkingEntity[]>> {
    const byIncident = new Map<string, IncidentSecrecyMarkingEntity[]>(incidentIds.map((id) => [id, []]));
    if (incidentIds.length === 0) return byIncident;
    const rows = await m.find(IncidentSecrecyMarkingEntity, {
      where: { incidentId: In([...new Set(incidentIds)]) },
      order: { markedAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) byIncident.get(row.incidentId)?.push(row);
    return byIncident;
  }

  /**
   * Marks fields under one OSL provision, with a reason (no blanket marking). For those who may
   * change the incident, closed or not: secrecy concerns disclosure, which outlives the handling.
   */
  async mark(
    principal: Principal,
    incidentId: string,
    dto: CreateSecrecyMarkingDto,
  ): Promise<IncidentSecrecyMarkingEntity> {
    const provision = normaliseProvision(dto.provision);
    if (!isOslProvision(provision)) throw IncidentErrors.provisionInvalid();
    const reason = dto.reason.trim();
    if (!reason) throw IncidentErrors.reasonRequired('reason');
    const fieldPaths = [...new Set(dto.fieldPaths)];
    return this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.getForUpdate(principal, m, incidentId);
      const existing = (await this.markingsOf([incident.id], m)).get(incident.id) ?? [];
      const already = fieldPaths.filter((f) =>
        existing.some((e) => e.provision === provision && e.fieldPaths.includes(f)),
      );
      if (already.length) throw IncidentErrors.secrecyMarkingExists(already);
      const marking = await m.save(
        IncidentSecrecyMarkingEntity,
        m.create(IncidentSecrecyMarkingEntity, {
          tenantId: incident.tenantId,
          incidentId: incident.id,
          fieldPaths,
          provision,
          reason,
          markedById: principal.actor.personId,
          markedAt: this.clock.now(),
        }),
      );
      await this.timeline.append(m, incident, principal.actor.personId, [
        { kind: 'SECRECY_MARKED', text: reason, data: { markingId: marking.id, fieldPaths, provision } },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: 'mark-secrecy',
          entityId: incident.id,
          before: null,
          after: marking,
          reason,
        }),
      );
      return marking;
    });
  }

  /** Removes a marking: the fields are shown unmasked again (logged like the marking). */
  async unmark(principal: Principal, incidentId: string, markingId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.getForUpdate(principal, m, incidentId);
      const marking = await m.findOneBy(IncidentSecrecyMarkingEntity, {
        id: markingId,
        incidentId: incident.id,
      });
      if (!marking) throw IncidentErrors.secrecyMarkingNotFound();
      await m.delete(IncidentSecrecyMarkingEntity, { id: marking.id });
      await this.timeline.append(m, incident, principal.actor.personId, [
        {
          kind: 'SECRECY_UNMARKED',
          data: { markingId: marking.id, fieldPaths: marking.fieldPaths, provision: marking.provision },
        },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Incident',
          action: 'unmark-secrecy',
          entityId: incident.id,
          before: marking,
          after: null,
        }),
      );
    });
  }
}

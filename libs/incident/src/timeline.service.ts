import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { changeBy, HistoryService } from '@varna/history';
import { DataSource, EntityManager } from 'typeorm';
import { incidentView, timelineSubject } from './incident-access';
import { IncidentTimelineEntryEntity } from './incident-timeline-entry.entity';
import type { IncidentEntity } from './incident.entity';
import { IncidentService } from './incident.service';
import { redactionsFor } from './secrecy/redaction';
import { SecrecyService } from './secrecy/secrecy.service';
import type { TimelineMask } from './timeline.mapper';
import { TimelineWriter } from './timeline-writer';

/** Reading an incident's timeline and adding manual notes (BR-D3). */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly writer: TimelineWriter,
    private readonly history: HistoryService,
    private readonly secrecy: SecrecyService,
  ) {}

  /** The auditor's view hides the reporter and the marked fields; the handler's hides nothing. */
  private async maskFor(
    principal: Principal,
    incident: IncidentEntity,
    m: EntityManager = this.dataSource.manager,
  ): Promise<TimelineMask> {
    if (incidentView(principal.ability, incident) === 'HANDLER') return { actorId: null, redactions: [] };
    const markings = (await this.secrecy.markingsOf([incident.id], m)).get(incident.id) ?? [];
    return { actorId: incident.reporterId, redactions: redactionsFor(markings) };
  }

  /** Entries of a readable incident, oldest first; the auditor's view masks the reporter. */
  async list(principal: Principal, incidentId: string) {
    const incident = await this.incidents.get(principal, incidentId);
    const qb = this.dataSource
      .getRepository(IncidentTimelineEntryEntity)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.actor', 'actor')
      .where('t.incident_id = :incidentId', { incidentId });
    const entries = await whereAllowed(qb, principal.ability, 'read', 'IncidentTimelineEntry')
      .orderBy('t.seq', 'ASC')
      .getMany();
    return { entries, mask: await this.maskFor(principal, incident) };
  }

  /** A manual note: added, never edited; corrections are new notes. */
  async addNote(principal: Principal, incidentId: string, text: string) {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.incidents.get(principal, incidentId, m);
      assertCan(principal.ability, 'create', 'IncidentTimelineEntry', timelineSubject(incident));
      await this.incidents.lock(m, incident.id);
      const [entry] = await this.writer.append(m, incident, principal.actor.personId, [
        { kind: 'NOTE', text },
      ]);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'IncidentTimelineEntry',
          action: 'note',
          entityId: entry.id,
          before: null,
          after: entry,
        }),
      );
      const saved = await m.findOneOrFail(IncidentTimelineEntryEntity, {
        where: { id: entry.id },
        relations: { actor: true },
      });
      return { entry: saved, mask: await this.maskFor(principal, incident, m) };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@varna/core';
import { fillHoles, type HistoryHole, type SqlParams } from '@varna/history';
import type { EntityManager } from 'typeorm';
import type { TimelineKind } from './domain';
import { IncidentTimelineEntryEntity } from './incident-timeline-entry.entity';
import type { IncidentEntity } from './incident.entity';

/** One automatic or manual entry to append. */
export interface TimelineEvent {
  kind: TimelineKind;
  text?: string | null;
  data?: Record<string, unknown> | null;
}

/** Writes the incident's append-only timeline (BR-D3) inside the use case's transaction. */
@Injectable()
export class TimelineWriter {
  constructor(private readonly clock: Clock) {}

  /**
   * Appends entries inside the caller's transaction, numbered on from the incident's last one. The
   * caller holds the incident's row lock (every write does), so numbers never collide. A caller
   * that knows the last number (0 for the incident it has just inserted) passes it as `lastSeq`
   * and saves the look-up.
   */
  async append(
    m: EntityManager,
    incident: IncidentEntity,
    actorId: string | null,
    events: TimelineEvent[],
    lastSeq?: number,
  ): Promise<IncidentTimelineEntryEntity[]> {
    if (events.length === 0) return [];
    const last =
      lastSeq ??
      (
        await m.query<{ last: number }[]>(
          'SELECT coalesce(max(seq), 0)::int AS last FROM incident_timeline_entry WHERE incident_id = $1',
          [incident.id],
        )
      )[0].last;
    const now = this.clock.now();
    const rows = events.map((e, i) =>
      m.create(IncidentTimelineEntryEntity, {
        tenantId: incident.tenantId,
        incidentId: incident.id,
        seq: last + i + 1,
        orgUnitId: incident.orgUnitId,
        orgUnitPath: incident.orgUnitPath,
        incidentType: incident.type,
        occurredAt: now,
        actorId,
        kind: e.kind,
        text: e.text ?? null,
        data: e.data ?? null,
      }),
    );
    return m.save(IncidentTimelineEntryEntity, rows);
  }

  /**
   * The INSERT of a new incident's first entry (seq 1) for the report's one statement, its data
   * JSON with the statement's holes filled (the number the statement gives the incident), which
   * read the statement's `inc` CTE.
   */
  firstEntrySql(
    p: SqlParams,
    incident: IncidentEntity,
    actorId: string | null,
    event: TimelineEvent,
    holes: HistoryHole[],
  ): string {
    const data = event.data ? `${fillHoles(p, p.add(JSON.stringify(event.data)), holes)}::jsonb` : 'NULL';
    return `INSERT INTO incident_timeline_entry (tenant_id, incident_id, seq, org_unit_id, org_unit_path,
              incident_type, occurred_at, actor_id, kind, text, data)
            SELECT ${p.add(incident.tenantId)}::uuid, ${p.add(incident.id)}::uuid, 1, ${p.add(incident.orgUnitId)}::uuid,
              ${p.add(incident.orgUnitPath)}::uuid[], ${p.add(incident.type)}::text, ${p.add(this.clock.now())}::timestamptz,
              ${p.add(actorId)}::uuid, ${p.add(event.kind)}::text, ${p.add(event.text ?? null)}::text, ${data}
              FROM inc`;
  }

  /** Entries follow their incident when its unit or type changes (the trigger allows just that). */
  async followIncident(m: EntityManager, incident: IncidentEntity): Promise<void> {
    await m.query(
      `UPDATE incident_timeline_entry SET org_unit_id = $2, org_unit_path = $3::uuid[], incident_type = $4
        WHERE incident_id = $1`,
      [incident.id, incident.orgUnitId, incident.orgUnitPath, incident.type],
    );
  }
}

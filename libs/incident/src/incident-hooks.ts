import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentEntity } from './incident.entity';
import type { TimelineEvent } from './timeline-writer';

/**
 * What another context does when an incident is closed, inside the closing transaction (BR-D7:
 * classification flags the decisions of the linked sets for review). It may answer with timeline
 * entries for the incident (written by the system), e.g. naming the sets it flagged.
 */
export interface IncidentClosedListener {
  incidentClosed(m: EntityManager, incident: IncidentEntity): Promise<TimelineEvent[]>;
}

/** The listeners to a closed incident; contexts register theirs at module init (like RegisterChangeListeners). */
@Injectable()
export class IncidentClosedListeners {
  private readonly listeners: IncidentClosedListener[] = [];

  register(listener: IncidentClosedListener): void {
    this.listeners.push(listener);
  }

  async incidentClosed(m: EntityManager, incident: IncidentEntity): Promise<TimelineEvent[]> {
    const events: TimelineEvent[] = [];
    for (const l of this.listeners) events.push(...(await l.incidentClosed(m, incident)));
    return events;
  }
}

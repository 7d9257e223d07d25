import { PersonEntity } from '@varna/organisation';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { TIMELINE_KINDS, type TimelineKind } from './domain';
import { IncidentEntity } from './incident.entity';
import { oneOf } from '@varna/db';

/**
 * One entry of an incident's timeline (BR-D3): automatic for every change and decision, or a manual
 * note. Append-only: a trigger (in the migration) refuses DELETE, TRUNCATE and any UPDATE except of
 * the scope columns (`org_unit_id`, `org_unit_path`, `incident_type`), which follow the incident.
 */
@Entity({ name: 'incident_timeline_entry' })
@Unique(['incidentId', 'seq'])
@Index('ix_incident_timeline_entry__org_unit_path', { synchronize: false }) // GIN, in the migration
@Check('ck_incident_timeline_entry__kind', oneOf('kind', TIMELINE_KINDS))
export class IncidentTimelineEntryEntity {
  static readonly modelName = 'IncidentTimelineEntry';

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: IncidentEntity;

  /** 1, 2, 3 … per incident (writers hold the incident's row lock). */
  @Column('int')
  seq: number;

  @Column('uuid')
  orgUnitId: string;

  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  incidentType: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** Null for the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: PersonEntity;

  @Column({ type: 'varchar', length: 30 })
  kind: TimelineKind;

  /** The note, the reason given, or (first entry) the reporter's words. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** What changed: `{ from, to }` and the like. */
  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

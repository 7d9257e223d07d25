import { TenantScopedEntity } from '@varna/db';
import { PersonEntity } from '@varna/organisation';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

/**
 * An in-app notification to one person (domain.md §5.5): what happened, about which object, in
 * Swedish. `dedupeKey` makes every sender idempotent: the same event for the same person is one
 * row however often a job runs.
 */
@Entity({ name: 'notification' })
@Unique(['tenantId', 'dedupeKey'])
@Index(['tenantId', 'recipientId', 'notifiedAt'])
@Index(['tenantId', 'subjectId']) // has this incident had its reminder (the escalation job)
export class NotificationEntity extends TenantScopedEntity {
  static readonly modelName = 'Notification';

  @Column('uuid')
  recipientId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: PersonEntity;

  /** What kind of event: `OBLIGATION_HALF`, `INCIDENT_UNTRIAGED` … (the sender's vocabulary). */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** The object it is about, e.g. `Incident` and its id. */
  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Column('uuid')
  subjectId: string;

  /** The web page of the object, app-relative (`/incidenter/<id>`); null on rows that name none. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  /** The message, in Swedish. */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  /** When it was sent, by the injected clock. */
  @Column({ type: 'timestamptz' })
  notifiedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

import { TenantScopedEntity } from '@varna/db';
import { PersonEntity } from '@varna/organisation';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IncidentEntity } from './incident.entity';

/**
 * BR-D5: information about an incident sent to another unit or organisation. The incident itself
 * is not transferred (a deviation cannot be sent elsewhere, only information about it). Read with
 * the incident, by those who handle or audit it.
 */
@Entity({ name: 'information_notice' })
@Index(['tenantId', 'incidentId'])
export class InformationNoticeEntity extends TenantScopedEntity {
  static readonly modelName = 'InformationNotice';

  @Column('uuid')
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: IncidentEntity;

  /** Who was informed: a unit, an organisation or a person, in words. */
  @Column({ type: 'varchar', length: 200 })
  recipient: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'timestamptz' })
  sentAt: Date;

  @Column('uuid')
  sentById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sent_by_id' })
  sentBy?: PersonEntity;
}

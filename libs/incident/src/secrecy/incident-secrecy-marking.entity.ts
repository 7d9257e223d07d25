import { allOf, TenantScopedEntity } from '@varna/db';
import { PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IncidentEntity } from '../incident.entity';
import { SECRECY_FIELDS, type SecrecyField } from './redaction';

/**
 * A SecrecyMarking (domain.md §5.2, OSL 5 kap. 5 §) of incident fields: which fields, under which
 * provision and why. No blanket marking: provision and reason are required, fields are named.
 * Read through the incident (whoever reads the incident sees its markings).
 */
@Entity({ name: 'incident_secrecy_marking' })
@Index(['tenantId', 'incidentId'])
@Check('ck_incident_secrecy_marking__field_paths', allOf('field_paths', SECRECY_FIELDS))
@Check('ck_incident_secrecy_marking__field_paths_nonempty', `cardinality("field_paths") > 0`)
@Check('ck_incident_secrecy_marking__reason', `length(btrim("reason")) > 0`)
export class IncidentSecrecyMarkingEntity extends TenantScopedEntity {
  static readonly modelName = 'IncidentSecrecyMarking';

  @Column('uuid')
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: IncidentEntity;

  @Column({ type: 'text', array: true })
  fieldPaths: SecrecyField[];

  /** `26 kap. 1 § OSL` (OSL_PROVISION_PATTERN). */
  @Column({ type: 'varchar', length: 80 })
  provision: string;

  @Column({ type: 'text' })
  reason: string;

  @Column('uuid')
  markedById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'marked_by_id' })
  markedBy?: PersonEntity;

  @Column({ type: 'timestamptz' })
  markedAt: Date;
}

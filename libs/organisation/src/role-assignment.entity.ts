import type { Role } from '@varna/authz';
import { TenantScopedEntity } from '@varna/db';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * (person, role, org units, subtree, validity, appointed by, appointment reference) – domain.md §3.2.
 * `orgUnitPaths` is the union of the assigned units' paths, so scope filters are plain array overlaps.
 */
@Entity({ name: 'role_assignment' })
@Index(['tenantId', 'personId'])
@Index('ix_role_assignment__org_unit_paths', { synchronize: false }) // GIN, created in the migration
@Check(
  'ck_role_assignment__role',
  `"role" IN ('ADMIN','CISO','COORDINATOR','DPO','HEAD','MANAGER','EMPLOYEE','AUDITOR','ELECTED','READER','SECURITY_PROTECTION_OFFICER')`,
)
@Check('ck_role_assignment__valid_range', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
@Check('ck_role_assignment__has_units', `cardinality("org_unit_ids") > 0`)
export class RoleAssignmentEntity extends TenantScopedEntity {
  static readonly modelName = 'RoleAssignment';

  @Column('uuid')
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column({ type: 'varchar', length: 40 })
  role: Role;

  @Column({ type: 'uuid', array: true })
  orgUnitIds: string[];

  @Column({ type: 'uuid', array: true })
  orgUnitPaths: string[];

  @Column({ type: 'boolean', default: true })
  includeSubtree: boolean;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'uuid', nullable: true })
  appointedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointed_by_id' })
  appointedBy?: PersonEntity;

  /** Registry number of the appointment decision (5.1). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  appointmentRef: string | null;

  @Column({ type: 'uuid', nullable: true })
  deputyForId: string | null;

  @Column({ type: 'boolean', default: false })
  isActing: boolean;
}

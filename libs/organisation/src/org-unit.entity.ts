import { TenantScopedEntity } from '@varna/db';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { OrgUnitStatus, OrgUnitType } from './domain/org-unit-type';
import { TenantEntity } from './tenant.entity';

/** A node of the responsibility tree (domain.md §3.1). */
@Entity({ name: 'org_unit' })
@Unique(['tenantId', 'code'])
@Index(['tenantId', 'parentId'])
@Index('ix_org_unit__path', { synchronize: false }) // GIN, created in the migration
@Check(
  'ck_org_unit__type',
  `"type" IN ('TENANT_ROOT','COUNCIL','EXECUTIVE_BOARD','COMMITTEE','AUDIT_BODY','ADMINISTRATION','DIVISION','UNIT','COMPANY','JOINT_BODY','PROJECT')`,
)
@Check('ck_org_unit__status', `"status" IN ('ACTIVE','DISSOLVED')`)
@Check('ck_org_unit__root_has_no_parent', `("type" = 'TENANT_ROOT') = ("parent_id" IS NULL)`)
export class OrgUnitEntity extends TenantScopedEntity {
  static readonly modelName = 'OrgUnit';

  @ManyToOne(() => TenantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: TenantEntity;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  shortName: string;

  @Column({ type: 'varchar', length: 30 })
  type: OrgUnitType;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnitEntity;

  /** Materialised path: ancestor ids from the root down to and including this unit (D-01). */
  @Column({ type: 'uuid', array: true })
  path: string[];

  @Column({ type: 'boolean', default: false })
  isDataController: boolean;

  @Column({ type: 'uuid', nullable: true })
  servesCommitteeId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'serves_committee_id' })
  servesCommittee?: OrgUnitEntity;

  @Column({ type: 'boolean', default: false })
  coveredByCyberSecurityAct: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nisSector: string | null;

  /** The node's own staff, not counted on any descendant (D-48). */
  @Column({ type: 'int', default: 0 })
  headcount: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'varchar', length: 20, default: 'ACTIVE' })
  status: OrgUnitStatus;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}

import { TenantScopedEntity } from '@varna/db';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { TenantEntity } from './tenant.entity';

export const PERSON_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** One human in one tenant (domain.md §3.2; D-46: one row per tenant). */
@Entity({ name: 'person' })
@Index('uq_person__tenant_id__username', { synchronize: false }) // unique on (tenant_id, lower(username)), in the migration
@Index(['tenantId', 'homeOrgUnitId'])
@Check('ck_person__status', `"status" IN ('ACTIVE','INACTIVE')`)
export class PersonEntity extends TenantScopedEntity {
  static readonly modelName = 'Person';

  @ManyToOne(() => TenantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: TenantEntity;

  /** Sign-in name, unique per tenant regardless of case. */
  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  employeeNumber: string | null;

  @Column('uuid')
  homeOrgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_org_unit_id' })
  homeOrgUnit?: OrgUnitEntity;

  @Column({ type: 'boolean', default: true })
  hasOwnComputer: boolean;

  @Column({ type: 'boolean', default: false })
  isElected: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalOrganisation: string | null;

  @Column({ type: 'varchar', length: 20, default: 'ACTIVE' })
  status: PersonStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  identityProviderSubject: string | null;
}

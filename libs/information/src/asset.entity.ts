import { oneOf, TenantScopedEntity } from '@varna/db';
import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import {
  ASSET_STATUSES,
  ASSET_SUBTYPES,
  ASSET_TYPES,
  CRITICALITIES,
  HOSTINGS,
  type AspectLevels,
  type AssetStatus,
  type AssetSubtype,
  type AssetType,
  type Criticality,
  type Hosting,
} from './domain/enums';

/** An asset (tillgång, domain.md §4a): system, component, storage, space, process or service. */
@Entity({ name: 'asset' })
@Unique(['tenantId', 'code'])
@Index(['tenantId', 'assetOwnerId'])
@Index(['tenantId', 'orgUnitId']) // a grant on the unit alone (every EMPLOYEE's own unit)
@Index(['tenantId', 'systemManagerId'])
@Index('ix_asset__org_unit_path', { synchronize: false }) // GIN, created in the migration
@Index('ix_asset__information_owner_ids', { synchronize: false }) // GIN, created in the migration
@Check('ck_asset__type', oneOf('type', ASSET_TYPES))
@Check('ck_asset__subtype', oneOf('subtype', ASSET_SUBTYPES, true))
@Check('ck_asset__hosting', oneOf('hosting', HOSTINGS, true))
@Check('ck_asset__criticality', oneOf('criticality', CRITICALITIES))
@Check('ck_asset__status', oneOf('status', ASSET_STATUSES))
@Check('ck_asset__rto_hours', `"rto_hours" IS NULL OR "rto_hours" >= 0`)
@Check('ck_asset__rpo_hours', `"rpo_hours" IS NULL OR "rpo_hours" >= 0`)
export class AssetEntity extends TenantScopedEntity {
  static readonly modelName = 'Asset';

  /** `AS-01`, unique per tenant. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 30 })
  type: AssetType;

  @Column({ type: 'varchar', length: 30, nullable: true })
  subtype: AssetSubtype | null;

  /** Owning/operating unit; may be a provider förvaltning (D-03). */
  @Column('uuid')
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  /** The unit's path (D-01), kept true by OrgPathDependents when the tree moves. */
  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  /** Tillgångsägare; null is a gap (K04), so is an owner whose account is closed. */
  @Column({ type: 'uuid', nullable: true })
  assetOwnerId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_owner_id' })
  assetOwner?: PersonEntity;

  /** BR-A2: who appointed the current asset owner, when, and the decision's registry number. */
  @Column({ type: 'uuid', nullable: true })
  assetOwnerAppointedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_owner_appointed_by_id' })
  assetOwnerAppointedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  assetOwnerAppointedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  assetOwnerAppointmentRef: string | null;

  /** Systemförvaltare. */
  @Column({ type: 'uuid', nullable: true })
  systemManagerId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'system_manager_id' })
  systemManager?: PersonEntity;

  @Column({ type: 'uuid', nullable: true })
  systemManagerAppointedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'system_manager_appointed_by_id' })
  systemManagerAppointedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  systemManagerAppointedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  systemManagerAppointmentRef: string | null;

  /** The IT provider unit (purchaser–provider, D-03), possibly under another nämnd. */
  @Column({ type: 'uuid', nullable: true })
  providerOrgUnitId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_org_unit_id' })
  providerOrgUnit?: OrgUnitEntity;

  /** The external supplier's name until the supplier register arrives. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  supplierName: string | null;

  /** Null for PROCESS assets. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  hosting: Hosting | null;

  @Column({ type: 'boolean', default: false })
  thirdCountryProcessing: boolean;

  @Column({ type: 'boolean', default: false })
  mfaRequired: boolean;

  @Column({ type: 'boolean', default: false })
  internetExposed: boolean;

  @Column({ type: 'varchar', length: 10, default: 'NORMAL' })
  criticality: Criticality;

  @Column({ type: 'int', nullable: true })
  rtoHours: number | null;

  @Column({ type: 'int', nullable: true })
  rpoHours: number | null;

  @Column({ type: 'varchar', length: 20, default: 'PLANNED' })
  status: AssetStatus;

  /** BR-A4: OR over the linked, non-retired information sets; maintained on every change. */
  @Column({ type: 'boolean', default: false })
  containsPersonalData: boolean;

  @Column({ type: 'boolean', default: false })
  specialCategoryData: boolean;

  /**
   * Owners of the linked, non-retired information sets (scope O of the matrix: an information
   * owner reads the assets that carry their information). Maintained like the flags.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  informationOwnerIds: string[];

  /** Levels from the linked sets and dependants (4b BR-B2), computed by the classification context. */
  @Column({ type: 'jsonb', nullable: true })
  derivedLevels: AspectLevels | null;

  /** Derived levels with overrides applied (4b BR-B2), computed by the classification context. */
  @Column({ type: 'jsonb', nullable: true })
  effectiveLevels: AspectLevels | null;

  /** False while a linked ACTIVE set is unclassified (4b), computed by the classification context. */
  @Column({ type: 'boolean', default: false })
  classificationComplete: boolean;
}

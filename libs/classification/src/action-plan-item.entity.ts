import { oneOf, TenantScopedEntity } from '@varna/db';
import { AssetEntity } from '@varna/information';
import { PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { ACTION_PLAN_STATUSES, type ActionPlanStatus } from './domain';

/**
 * One requirement of "Värna grundskydd" that an asset's levels call for (BR-B7), with how it is met.
 * The asset's unit path, owner and system manager are denormalised for the rules (D-01).
 */
@Entity({ name: 'action_plan_item' })
@Unique(['assetId', 'requirementCode'])
@Index(['tenantId', 'assetId'])
@Index('ix_action_plan_item__org_unit_path', { synchronize: false }) // GIN, created in the migration
@Check('ck_action_plan_item__status', oneOf('status', ACTION_PLAN_STATUSES))
@Check(
  'ck_action_plan_item__not_applicable_reason',
  `"status" <> 'NOT_APPLICABLE' OR "not_applicable_reason" IS NOT NULL`,
)
export class ActionPlanItemEntity extends TenantScopedEntity {
  static readonly modelName = 'ActionPlanItem';

  @Column('uuid')
  assetId: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id' })
  asset?: AssetEntity;

  @Column('uuid')
  orgUnitId: string;

  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  @Column({ type: 'uuid', nullable: true })
  assetOwnerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  systemManagerId: string | null;

  /** `VG-K2-03`: a requirement of the catalogue version below. */
  @Column({ type: 'varchar', length: 20 })
  requirementCode: string;

  @Column({ type: 'varchar', length: 20 })
  catalogueVersion: string;

  @Column({ type: 'varchar', length: 20, default: 'NOT_MET' })
  status: ActionPlanStatus;

  /** How the requirement is met (KLASSA v4's "hur"). */
  @Column({ type: 'text', nullable: true })
  how: string | null;

  @Column({ type: 'uuid', nullable: true })
  responsibleId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_id' })
  responsible?: PersonEntity;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  assessedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessed_by_id' })
  assessedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  assessedAt: Date | null;

  /** The åtgärd that closes the gap, once actions exist. */
  @Column({ type: 'uuid', nullable: true })
  actionId: string | null;

  @Column({ type: 'text', nullable: true })
  notApplicableReason: string | null;
}

import { oneOf, TenantScopedEntity } from '@varna/db';
import { AssetEntity } from '@varna/information';
import { PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  ASPECTS,
  OVERRIDE_DIRECTIONS,
  OVERRIDE_REASON_TYPES,
  OVERRIDE_STATUSES,
  type Aspect,
  type Level,
  type OverrideDirection,
  type OverrideReasonType,
  type OverrideStatus,
} from './domain';

/**
 * A raise or lowering of one aspect of an asset's protection (domain.md §4b, BR-B4, D-55). The
 * asset's unit path and owner are denormalised for the rules (D-01).
 */
@Entity({ name: 'protection_override' })
@Index(['tenantId', 'assetId'])
@Index('ix_protection_override__org_unit_path', { synchronize: false }) // GIN, created in the migration
@Check('ck_protection_override__aspect', oneOf('aspect', ASPECTS))
@Check('ck_protection_override__level', `"level" BETWEEN 0 AND 3`)
@Check('ck_protection_override__direction', oneOf('direction', OVERRIDE_DIRECTIONS))
@Check('ck_protection_override__reason_type', oneOf('reason_type', OVERRIDE_REASON_TYPES))
@Check('ck_protection_override__status', oneOf('status', OVERRIDE_STATUSES))
@Check('ck_protection_override__lower_valid_until', `"direction" <> 'LOWER' OR "valid_until" IS NOT NULL`)
export class ProtectionOverrideEntity extends TenantScopedEntity {
  static readonly modelName = 'ProtectionOverride';

  @Column('uuid')
  assetId: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id' })
  asset?: AssetEntity;

  @Column('uuid')
  orgUnitId: string;

  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  /** The asset's tillgångsägare (scope O). */
  @Column({ type: 'uuid', nullable: true })
  assetOwnerId: string | null;

  /** The asset's systemförvaltare (scope O: reads). */
  @Column({ type: 'uuid', nullable: true })
  systemManagerId: string | null;

  @Column({ type: 'varchar', length: 1 })
  aspect: Aspect;

  @Column({ type: 'smallint' })
  level: Level;

  @Column({ type: 'varchar', length: 10 })
  direction: OverrideDirection;

  @Column({ type: 'varchar', length: 20 })
  reasonType: OverrideReasonType;

  @Column({ type: 'text' })
  reason: string;

  @Column('uuid')
  requestedById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id' })
  requestedBy?: PersonEntity;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  /** The CISO who approved or rejected a LOWER. */
  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by_id' })
  approvedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  /** Required for LOWER (at most 12 months ahead, D-15). */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: OverrideStatus;
}

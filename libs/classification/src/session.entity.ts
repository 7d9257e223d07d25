import { oneOf, TenantScopedEntity } from '@varna/db';
import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SESSION_STATUSES, type SessionStatus } from './session.domain';

/**
 * A klassningstillfälle (domain.md §4b): the workshop a samordnare leads where the classifications
 * of some information sets are proposed. Placed by its unit (path denormalised for the rules, D-01);
 * the owners of its sets and the keepers of their assets are copied from the sets (scope O) and kept
 * in step when the sets change.
 */
@Entity({ name: 'classification_session' })
@Index(['tenantId', 'code'], { unique: true })
@Index(['tenantId', 'status', 'plannedAt'])
@Index('ix_classification_session__org_unit_path', { synchronize: false }) // GIN, created in the migration
@Index('ix_classification_session__information_set_ids', { synchronize: false }) // GIN, in the migration
@Check('ck_classification_session__status', oneOf('status', SESSION_STATUSES))
@Check('ck_classification_session__held', `"status" NOT IN ('HELD', 'CLOSED') OR "held_at" IS NOT NULL`)
@Check(
  'ck_classification_session__closed',
  `"status" <> 'CLOSED' OR ("minutes" IS NOT NULL AND "closed_at" IS NOT NULL)`,
)
@Check('ck_classification_session__cancelled', `"status" <> 'CANCELLED' OR "cancel_reason" IS NOT NULL`)
@Check('ck_classification_session__has_sets', `cardinality("information_set_ids") > 0`)
export class ClassificationSessionEntity extends TenantScopedEntity {
  static readonly modelName = 'ClassificationSession';

  /** `KT-2026-001`, unique in the tenant. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column('uuid')
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  /** The unit's path (D-01), for scope S. */
  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  /** The information sets to classify, all in the unit's subtree. */
  @Column({ type: 'uuid', array: true })
  informationSetIds: string[];

  /** The owners of the sets (scope O), copied from the sets. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  informationOwnerIds: string[];

  /** The owners and system managers of the assets carrying the sets (scope O), copied from the sets. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  assetKeeperIds: string[];

  /** The samordnare (COORDINATOR covering the unit) or the CISO who leads. */
  @Column('uuid')
  ledById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'led_by_id' })
  ledBy?: PersonEntity;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  participantIds: string[];

  @Column({ type: 'timestamptz' })
  plannedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  /** Protokoll / minnesanteckningar. */
  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ type: 'varchar', length: 20, default: 'PLANNED' })
  status: SessionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}

import { allOf, oneOf, TenantScopedEntity } from '@varna/db';
import { InformationSetEntity } from '@varna/information';
import { PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  CLASSIFICATION_STATUSES,
  DEFAULT_CONSEQUENCE_CATEGORIES,
  REVIEW_TRIGGERS,
  type ClassificationStatus,
  type Level,
  type ReviewTrigger,
} from './domain';
import { ClassificationSessionEntity } from './session.entity';

const LEVEL = (c: string) => `"${c}" IS NULL OR "${c}" BETWEEN 0 AND 3`;

/**
 * One classification of an information set (domain.md §4b): versioned per set, decided versions
 * immutable (a trigger refuses changes to the decision), the set's unit path and owner
 * denormalised for the rules (D-01) and kept in step by the classification context.
 */
@Entity({ name: 'classification' })
@Index(['tenantId', 'informationSetId'])
@Index(['tenantId', 'status', 'validUntil'])
@Index(['tenantId', 'informationOwnerId'])
@Index(['tenantId', 'orgUnitId']) // a grant on the unit alone (every EMPLOYEE's own unit)
@Index('ix_classification__org_unit_path', { synchronize: false }) // GIN, created in the migration
@Index('ix_classification__asset_keeper_ids', { synchronize: false }) // GIN, created in the migration
// A set has at most one open classification and at most one decision in force.
@Index('ux_classification__open', ['informationSetId'], {
  unique: true,
  where: `"status" IN ('DRAFT', 'PROPOSED')`,
})
@Index('ux_classification__in_force', ['informationSetId'], {
  unique: true,
  where: `"status" IN ('DECIDED', 'SPECIAL_HANDLING')`,
})
@Check('ck_classification__status', oneOf('status', CLASSIFICATION_STATUSES))
@Check('ck_classification__trigger', oneOf('trigger', REVIEW_TRIGGERS))
@Check('ck_classification__review_flag_reason', oneOf('review_flag_reason', REVIEW_TRIGGERS, true))
@Check('ck_classification__level_k', LEVEL('level_k'))
@Check('ck_classification__level_r', LEVEL('level_r'))
@Check('ck_classification__level_t', LEVEL('level_t'))
@Check('ck_classification__level_s', LEVEL('level_s'))
@Check(
  'ck_classification__consequence_categories',
  allOf('consequence_categories', DEFAULT_CONSEQUENCE_CATEGORIES),
)
// BR-B6: special handling stores no levels; a decision has all four levels and validUntil (the decider
// is null only for a decision imported from before Värna whose decider has left).
@Check(
  'ck_classification__special_handling',
  `NOT "special_handling" OR ("level_k" IS NULL AND "level_r" IS NULL AND "level_t" IS NULL AND "level_s" IS NULL)`,
)
@Check(
  'ck_classification__decided',
  `"status" NOT IN ('DECIDED', 'SPECIAL_HANDLING') OR ("decided_at" IS NOT NULL AND "valid_until" IS NOT NULL)`,
)
@Check(
  'ck_classification__decided_levels',
  `"status" <> 'DECIDED' OR ("level_k" IS NOT NULL AND "level_r" IS NOT NULL AND "level_t" IS NOT NULL AND "level_s" IS NOT NULL)`,
)
export class ClassificationEntity extends TenantScopedEntity {
  static readonly modelName = 'Classification';

  @Column('uuid')
  informationSetId: string;

  @ManyToOne(() => InformationSetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'information_set_id' })
  informationSet?: InformationSetEntity;

  /** The klassningstillfälle the draft was started from (POST /api/classifications with sessionId). */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => ClassificationSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: ClassificationSessionEntity;

  /** The set's unit and path (D-01), for scope S. */
  @Column('uuid')
  orgUnitId: string;

  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  /** The set's informationsägare (scope O: reads and decides). */
  @Column({ type: 'uuid', nullable: true })
  informationOwnerId: string | null;

  /**
   * Owners and system managers of the assets that carry the set (scope O: they read its
   * classification, BR-A3), copied from the set's `asset_keeper_ids`.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  assetKeeperIds: string[];

  @Column({ type: 'int' })
  modelVersion: number;

  @Column({ type: 'smallint', nullable: true })
  levelK: Level | null;

  @Column({ type: 'smallint', nullable: true })
  levelR: Level | null;

  @Column({ type: 'smallint', nullable: true })
  levelT: Level | null;

  @Column({ type: 'smallint', nullable: true })
  levelS: Level | null;

  @Column({ type: 'boolean', default: false })
  specialHandling: boolean;

  @Column({ type: 'text', nullable: true })
  rationaleK: string | null;

  @Column({ type: 'text', nullable: true })
  rationaleR: string | null;

  @Column({ type: 'text', nullable: true })
  rationaleT: string | null;

  @Column({ type: 'text', nullable: true })
  rationaleS: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  consequenceCategories: string[];

  /** e.g. `OSL 26 kap. 1 §`, `GDPR Art. 9`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  legalRefs: string[];

  @Column({ type: 'varchar', length: 30, default: 'INITIAL' })
  trigger: ReviewTrigger;

  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: ClassificationStatus;

  @Column({ type: 'uuid', nullable: true })
  proposedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by_id' })
  proposedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  proposedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The registry number of the decision in the diarium (5.1), recorded at the decision. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  diarienummer: string | null;

  /** decidedAt's Stockholm date + the tenant's review interval. */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'text', nullable: true })
  returnComment: string | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewFlaggedAt: Date | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reviewFlagReason: ReviewTrigger | null;

  /** Why the CISO or a samordnare flagged the decision (LEGAL_CHANGE, MANUAL); cleared with the flag. */
  @Column({ type: 'text', nullable: true })
  reviewFlagNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedUnchangedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_unchanged_by_id' })
  confirmedUnchangedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedUnchangedAt: Date | null;

  /** The decision this one replaced (set when it is decided). */
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => ClassificationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: ClassificationEntity;
}

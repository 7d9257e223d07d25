import { allOf, oneOf, TenantScopedEntity } from '@varna/db';
import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import {
  INFORMATION_SET_STATUSES,
  PERSONAL_DATA_CATEGORIES,
  type InformationSetStatus,
  type PersonalDataCategory,
} from './domain/enums';

/** An information set (informationsmängd, domain.md §4a): the primary asset, owned by a unit. */
@Entity({ name: 'information_set' })
@Unique(['tenantId', 'code'])
@Index(['tenantId', 'informationOwnerId'])
@Index(['tenantId', 'orgUnitId']) // a grant on the unit alone (every EMPLOYEE's own unit)
@Index('ix_information_set__org_unit_path', { synchronize: false }) // GIN, created in the migration
@Index('ix_information_set__asset_keeper_ids', { synchronize: false }) // GIN, created in the migration
@Check('ck_information_set__status', oneOf('status', INFORMATION_SET_STATUSES))
@Check(
  'ck_information_set__personal_data_categories',
  allOf('personal_data_categories', PERSONAL_DATA_CATEGORIES),
)
// BR-A6: a special-handling set keeps only code, name, owner and unit.
@Check(
  'ck_information_set__special_handling',
  `NOT "special_handling" OR ("description" IS NULL AND "records_class_code" IS NULL AND "retention" IS NULL` +
    ` AND NOT "contains_personal_data" AND "personal_data_categories" = '{}' AND NOT "special_category_data"` +
    ` AND NOT "criminal_offence_data" AND NOT "concerns_children" AND NOT "protected_identity"` +
    ` AND "secrecy_provisions" = '{}' AND "legal_bases" = '{}')`,
)
export class InformationSetEntity extends TenantScopedEntity {
  static readonly modelName = 'InformationSet';

  /** `IM-09`, unique per tenant. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The unit whose operations own the information (D-03: independent of the assets' units). */
  @Column('uuid')
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  /** The unit's path (D-01), kept true by OrgPathDependents when the tree moves. */
  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  /** Informationsägare; null is a gap (K03), so is an owner whose account is closed. */
  @Column({ type: 'uuid', nullable: true })
  informationOwnerId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'information_owner_id' })
  informationOwner?: PersonEntity;

  /** BR-A2: who appointed the current owner, when, and the decision's registry number. */
  @Column({ type: 'uuid', nullable: true })
  informationOwnerAppointedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'information_owner_appointed_by_id' })
  informationOwnerAppointedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  informationOwnerAppointedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  informationOwnerAppointmentRef: string | null;

  /** Code in the records classification scheme (Klassa), e.g. `2.1.1.0`. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  recordsClassCode: string | null;

  @Column({ type: 'boolean', default: false })
  containsPersonalData: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  personalDataCategories: PersonalDataCategory[];

  /** GDPR Art. 9. */
  @Column({ type: 'boolean', default: false })
  specialCategoryData: boolean;

  /** GDPR Art. 10. */
  @Column({ type: 'boolean', default: false })
  criminalOffenceData: boolean;

  @Column({ type: 'boolean', default: false })
  concernsChildren: boolean;

  /** Skyddade personuppgifter. */
  @Column({ type: 'boolean', default: false })
  protectedIdentity: boolean;

  /** OSL references, e.g. `26 kap. 1 § OSL`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  secrecyProvisions: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  legalBases: string[];

  /** Level 4 / säkerhetsskydd (BR-A6): code, name, owner and unit only. */
  @Column({ type: 'boolean', default: false })
  specialHandling: boolean;

  /** Gallringsfrist per the informationshanteringsplan. */
  @Column({ type: 'text', nullable: true })
  retention: string | null;

  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: InformationSetStatus;

  /** The current classification (4b), maintained by the classification context. */
  @Column({ type: 'uuid', nullable: true })
  classificationId: string | null;

  @Column({ type: 'date', nullable: true })
  classificationDueAt: string | null;

  /**
   * Owners and system managers of the non-retired assets linked to the set (BR-A3: they read the
   * set's owner and flags). Maintained on every link, owner and status change, so the rule is a
   * plain column condition.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  assetKeeperIds: string[];
}

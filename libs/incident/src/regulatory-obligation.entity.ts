import { PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  ANCHOR_KINDS,
  ART34_EXEMPTIONS,
  OBLIGATION_DECISIONS,
  RECEIVER_KINDS,
  REGULATORY_REGIMES,
  REGULATORY_STAGES,
  type AnchorKind,
  type Art34Exemption,
  type ObligationDecision,
  type ReceiverKind,
  type RegulatoryRegime,
  type RegulatoryStage,
} from './domain';
import { IncidentEntity } from './incident.entity';
import { oneOf, TenantScopedEntity } from '@varna/db';

/**
 * One regulator clock stage of an incident (domain.md §4d, D-60). The status (PENDING, DUE_SOON,
 * OVERDUE, MET, MISSED, NOT_REQUIRED, WITHDRAWN) is computed from these columns and the clock; only
 * the decision is stored.
 */
@Entity({ name: 'regulatory_obligation' })
@Index(['tenantId', 'incidentId'])
@Index('ix_regulatory_obligation__org_unit_path', { synchronize: false }) // GIN, in the migration
@Check('ck_regulatory_obligation__regime', oneOf('regime', REGULATORY_REGIMES))
@Check('ck_regulatory_obligation__stage', oneOf('stage', REGULATORY_STAGES))
@Check('ck_regulatory_obligation__anchor', oneOf('anchor', ANCHOR_KINDS))
@Check('ck_regulatory_obligation__receiver', oneOf('receiver', RECEIVER_KINDS))
@Check('ck_regulatory_obligation__decision', oneOf('decision', OBLIGATION_DECISIONS, true))
@Check('ck_regulatory_obligation__art34_exemption', oneOf('art34_exemption', ART34_EXEMPTIONS, true))
@Check('ck_regulatory_obligation__submitted', `("decision" = 'SUBMITTED') = ("submitted_at" IS NOT NULL)`)
export class RegulatoryObligationEntity extends TenantScopedEntity {
  static readonly modelName = 'RegulatoryObligation';

  @Column('uuid')
  incidentId: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'incident_id' })
  incident?: IncidentEntity;

  /** The incident's unit and path, kept in step with it. */
  @Column('uuid')
  orgUnitId: string;

  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  @Column({ type: 'varchar', length: 30 })
  regime: RegulatoryRegime;

  @Column({ type: 'varchar', length: 30 })
  stage: RegulatoryStage;

  @Column({ type: 'varchar', length: 30 })
  anchor: AnchorKind;

  /** Null while the anchoring event has not happened. */
  @Column({ type: 'timestamptz', nullable: true })
  anchorAt: Date | null;

  /** Statutory deadlines only. */
  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  /** Internal target where the law says "snarast" (shown, not counted in K12). */
  @Column({ type: 'timestamptz', nullable: true })
  targetAt: Date | null;

  /** The receiver kind; the tenant's configuration names the authority (D-25). */
  @Column({ type: 'varchar', length: 30 })
  receiver: ReceiverKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  decision: ObligationDecision | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: PersonEntity;

  /** Who decided NOT_REQUIRED or WITHDRAWN. */
  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: PersonEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The receiver's case number, e.g. IMY's. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalReference: string | null;

  /** Reasons for a submission after the deadline (GDPR Art. 33(1)). */
  @Column({ type: 'text', nullable: true })
  lateReason: string | null;

  /** Why no report is due (NOT_REQUIRED), or why the regime no longer applies (WITHDRAWN). */
  @Column({ type: 'text', nullable: true })
  notRequiredReason: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  art34Exemption: Art34Exemption | null;

  /** GDPR Art. 33(4): the notification was a first phase; a supplement follows. */
  @Column({ type: 'boolean', default: false })
  firstPhase: boolean;
}

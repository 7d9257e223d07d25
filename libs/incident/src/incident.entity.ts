import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import {
  ASPECTS,
  BREACH_RISK_ASSESSMENTS,
  CRISIS_ESCALATIONS,
  INCIDENT_STATUSES,
  INCIDENT_SUBTYPES,
  INCIDENT_TYPES,
  PERSONAL_DATA_CATEGORIES,
  REPORT_CHANNELS,
  ROOT_CAUSE_CATEGORIES,
  SEVERITIES,
  TRI_STATES,
  type Aspect,
  type BreachRiskAssessment,
  type CrisisEscalation,
  type IncidentStatus,
  type IncidentSubtype,
  type IncidentType,
  type PersonalDataCategory,
  type ReportChannel,
  type RootCauseCategory,
  type Severity,
  type TriState,
} from './domain';
import { allOf, oneOf, TenantScopedEntity } from '@varna/db';

/** An incident or deviation (domain.md §4d). Type and severity are set at triage. */
@Entity({ name: 'incident' })
@Unique(['tenantId', 'number'])
// The reporter's client key for a retried submission (NULL keys never collide).
@Unique(['tenantId', 'reporterId', 'idempotencyKey'])
@Index(['tenantId', 'reportedAt'])
// Lists filtered by type, newest first, and their capped count: the scope columns of the read rules
// (reporter, unit path) are in the index so the count is an index-only scan (docs/performance.md).
@Index('ix_incident__tenant_id__type__reported_at__scope', [
  'tenantId',
  'type',
  'reportedAt',
  'orgUnitPath',
  'reporterId',
])
@Index(['tenantId', 'reporterId'])
// The statistics' triage median and K15 take the incidents triaged or closed in a year (a range
// each, ORed and intersected with the scope), not every incident of the scope (docs/performance.md).
@Index(['tenantId', 'triagedAt'])
@Index(['tenantId', 'closedAt'])
@Index('ix_incident__org_unit_path', { synchronize: false }) // GIN, created in the migration
@Check('ck_incident__type', oneOf('type', INCIDENT_TYPES, true))
@Check('ck_incident__subtype', oneOf('subtype', INCIDENT_SUBTYPES, true))
@Check('ck_incident__status', oneOf('status', INCIDENT_STATUSES))
@Check('ck_incident__channel', oneOf('channel', REPORT_CHANNELS))
@Check('ck_incident__ongoing', oneOf('ongoing', TRI_STATES))
@Check('ck_incident__personal_data_involved', oneOf('personal_data_involved', TRI_STATES))
@Check('ck_incident__severity', oneOf('severity', SEVERITIES, true))
@Check('ck_incident__aspects_affected', allOf('aspects_affected', ASPECTS))
@Check('ck_incident__breach_risk_assessment', oneOf('breach_risk_assessment', BREACH_RISK_ASSESSMENTS, true))
@Check('ck_incident__data_categories', allOf('data_categories', PERSONAL_DATA_CATEGORIES))
@Check('ck_incident__data_subjects_approx', `"data_subjects_approx" IS NULL OR "data_subjects_approx" >= 0`)
@Check('ck_incident__records_approx', `"records_approx" IS NULL OR "records_approx" >= 0`)
@Check('ck_incident__root_cause_category', oneOf('root_cause_category', ROOT_CAUSE_CATEGORIES, true))
@Check('ck_incident__crisis_escalation', oneOf('crisis_escalation', CRISIS_ESCALATIONS, true))
@Check(
  'ck_incident__triaged_has_type',
  `"status" = 'REPORTED' OR "status" = 'REJECTED' OR "type" IS NOT NULL`,
)
@Check(
  'ck_incident__quality_bridge_answer',
  `"quality_bridge_answer" IS NULL OR "quality_bridge_answer" IN ('YES','NO')`,
)
@Check('ck_incident__merged', `("status" = 'MERGED') = ("merged_into_id" IS NOT NULL)`)
@Check('ck_incident__aware_at', `"aware_at" <= "reported_at"`)
export class IncidentEntity extends TenantScopedEntity {
  static readonly modelName = 'Incident';

  /** `INC-2026-0001`, per tenant and year of reportedAt (Europe/Stockholm). */
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  type: IncidentType | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  subtype: IncidentSubtype | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** "Vad har hänt?": the reporter's words, kept unchanged in the first timeline entry. */
  @Column({ type: 'text' })
  description: string;

  @Column('uuid')
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  /** The unit's path (D-01), kept true by OrgPathDependents when the tree moves. */
  @Column({ type: 'uuid', array: true })
  orgUnitPath: string[];

  @Column('uuid')
  reporterId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: PersonEntity;

  /** A manager may report for staff without an account. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reportedOnBehalfOfName: string | null;

  @Column({ type: 'varchar', length: 20 })
  channel: ReportChannel;

  @Column({ type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ type: 'timestamptz' })
  discoveredAt: Date;

  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  /** Kännedom: starts the regulator clocks; defaults to reportedAt, may be set earlier (BR-D2). */
  @Column({ type: 'timestamptz' })
  awareAt: Date;

  @Column({ type: 'varchar', length: 10, default: 'UNKNOWN' })
  ongoing: TriState;

  @Column({ type: 'varchar', length: 10, default: 'UNKNOWN' })
  personalDataInvolved: TriState;

  @Column({ type: 'varchar', length: 10, nullable: true })
  severity: Severity | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aspectsAffected: Aspect[];

  /** Ansvarig chef or delegate (seed 004 L3078). */
  @Column({ type: 'uuid', nullable: true })
  handlerId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handler_id' })
  handler?: PersonEntity;

  @Column({ type: 'uuid', nullable: true })
  coordinatorId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coordinator_id' })
  coordinator?: PersonEntity;

  @Column({ type: 'varchar', length: 20, default: 'REPORTED' })
  status: IncidentStatus;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  /** The DPO's advice; drives GDPR Art. 33/34. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  breachRiskAssessment: BreachRiskAssessment | null;

  /** NIS2 Art. 23(3) assessment; asked for whenever the unit is covered. */
  @Column({ type: 'boolean', nullable: true })
  significantUnderCyberAct: boolean | null;

  /** GDPR Art. 33(3)(a): approximate numbers of data subjects and records concerned. */
  @Column({ type: 'int', nullable: true })
  dataSubjectsApprox: number | null;

  @Column({ type: 'int', nullable: true })
  recordsApprox: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  dataCategories: PersonalDataCategory[];

  /**
   * Linked assets and information sets (§4d): ids into the registers of §4a, which carry the
   * foreign keys once they exist; here validated as uuids of the tenant's registers to come.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  assetIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  informationSetIds: string[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  rootCauseCategory: RootCauseCategory | null;

  @Column({ type: 'text', nullable: true })
  rootCause: string | null;

  @Column({ type: 'text', nullable: true })
  consequences: string | null;

  @Column({ type: 'text', nullable: true })
  measures: string | null;

  @Column({ type: 'text', nullable: true })
  lessonsLearned: string | null;

  /** MERGED: the incident it was merged into, which carries its clocks from then on. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: IncidentEntity;

  /** BR-D4: the deviation this personal data breach was created from by the quality bridge. */
  @Column({ type: 'uuid', nullable: true })
  bridgedFromId: string | null;

  @ManyToOne(() => IncidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bridged_from_id' })
  bridgedFrom?: IncidentEntity;

  /** BR-D4: the answer to "Är detta en personuppgiftsincident?" on a SECRECY/REGISTRATION_ARCHIVE deviation. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  qualityBridgeAnswer: 'YES' | 'NO' | null;

  /** Escalation in the crisis organisation (severity CRITICAL prompts "Kontakta TiB", D-22). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  crisisEscalation: CrisisEscalation | null;

  /** Id in the SOSFS 2011:9 deviation system (BR-D4). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  qualityDeviationRef: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  triagedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the first request's body: the same key with another body is refused. */
  @Column({ type: 'char', length: 64, nullable: true })
  idempotencyHash: string | null;
}

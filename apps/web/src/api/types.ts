import type { Role } from '@varna/authz/core';

/** The API's shapes as the web app reads them (docs/openapi.json). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId: string | null;
  details: unknown;
}

export type OrgUnitType =
  | 'TENANT_ROOT'
  | 'COUNCIL'
  | 'EXECUTIVE_BOARD'
  | 'COMMITTEE'
  | 'AUDIT_BODY'
  | 'ADMINISTRATION'
  | 'DIVISION'
  | 'UNIT'
  | 'COMPANY'
  | 'JOINT_BODY'
  | 'PROJECT';

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  shortName: string;
  type: OrgUnitType;
  typeLabel: string;
  parentId: string | null;
  path: string[];
  depth: number;
  isDataController: boolean;
  servesCommitteeId: string | null;
  coveredByCyberSecurityAct: boolean;
  nisSector: string | null;
  headcount: number;
  aliases: string[];
  status: 'ACTIVE' | 'DISSOLVED';
  validFrom: string;
  validTo: string | null;
  version: number;
}

export interface OrgUnitTreeNode extends OrgUnit {
  children: OrgUnitTreeNode[];
}

export interface Person {
  id: string;
  username: string;
  displayName: string;
  email: string;
  phone: string | null;
  employeeNumber: string | null;
  homeOrgUnitId: string;
  hasOwnComputer: boolean;
  isElected: boolean;
  externalOrganisation: string | null;
  status: 'ACTIVE' | 'INACTIVE';
  version: number;
}

export interface RoleAssignment {
  id: string;
  personId: string;
  role: Role;
  roleLabel: string;
  orgUnitIds: string[];
  includeSubtree: boolean;
  validFrom: string;
  validTo: string | null;
  appointedById: string | null;
  appointmentRef: string | null;
  deputyForId: string | null;
  isActing: boolean;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Me {
  person: Person;
  tenant: { id: string; code: string; name: string };
  roles: Role[];
  roleAssignments: RoleAssignment[];
}

export interface LoginResponse {
  expiresAt: string;
  csrfToken: string;
  user: { id: string; username: string; displayName: string; tenantId: string };
}

// ---------------------------------------------------------------------------------------------
// Incidents (domain.md §4d; the enumerations of libs/incident/src/domain, tested equal there)
// ---------------------------------------------------------------------------------------------

export const TRI_STATES = ['YES', 'NO', 'UNKNOWN'] as const;
export type TriState = (typeof TRI_STATES)[number];

export const INCIDENT_STATUSES = [
  'REPORTED',
  'TRIAGED',
  'INVESTIGATING',
  'ACTIONS',
  'CLOSED',
  'REJECTED',
  'MERGED',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_TYPES = [
  'INFOSEC_INCIDENT',
  'PERSONAL_DATA_BREACH',
  'IT_INCIDENT',
  'DEVIATION',
  'SECURITY_EVENT',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_SUBTYPES = [
  'WRONG_RECIPIENT',
  'WRONG_RECORD',
  'LOST_DEVICE',
  'PHISHING',
  'MALWARE',
  'RANSOMWARE',
  'UNAUTHORISED_ACCESS',
  'OUTAGE',
  'EXCESSIVE_ACCESS_RIGHTS',
  'PHYSICAL',
  'SUPPLIER',
  'DENIAL_OF_SERVICE',
  'OTHER',
  'LEX_SARAH',
  'LEX_MARIA',
  'CASE_HANDLING',
  'SECRECY',
  'REGISTRATION_ARCHIVE',
] as const;
export type IncidentSubtype = (typeof INCIDENT_SUBTYPES)[number];
/** Subtypes that only fit the type DEVIATION (the API's subtypeFits). */
export const DEVIATION_SUBTYPES: readonly IncidentSubtype[] = [
  'LEX_SARAH',
  'LEX_MARIA',
  'CASE_HANDLING',
  'SECRECY',
  'REGISTRATION_ARCHIVE',
];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The DPO's assessment of a breach (GDPR Art. 33/34): HIGH_RISK means the data subjects are told. */
export const BREACH_RISK_ASSESSMENTS = ['UNLIKELY', 'RISK', 'HIGH_RISK'] as const;
export type BreachRiskAssessment = (typeof BREACH_RISK_ASSESSMENTS)[number];

/** The incident fields that may be marked secret (BR-D8, §5.2). */
export const SECRECY_FIELDS = [
  'title',
  'description',
  'rootCause',
  'consequences',
  'measures',
  'lessonsLearned',
  'dataSubjectsApprox',
  'recordsApprox',
  'dataCategories',
] as const;
export type SecrecyField = (typeof SECRECY_FIELDS)[number];

/** A SecrecyMarking: the fields, the OSL provision and why (no blanket marking). */
export interface SecrecyMarking {
  id: string;
  fieldPaths: SecrecyField[];
  provision: string;
  reason: string;
  markedById: string;
  markedAt: string;
}

/** A field masked in this view, under which provisions, and the text shown instead. */
export interface Redaction {
  field: SecrecyField;
  provisions: string[];
  text: string;
}

/** How far an incident was escalated in the crisis organisation (TiB). */
export const CRISIS_ESCALATIONS = ['NONE', 'TIB_INFORMED', 'CRISIS_LEVEL_RAISED'] as const;
export type CrisisEscalation = (typeof CRISIS_ESCALATIONS)[number];

/** The aspects an incident affected (K, R, T, S). */
export const INCIDENT_ASPECTS = ['K', 'R', 'T', 'S'] as const;
export type IncidentAspect = (typeof INCIDENT_ASPECTS)[number];

export const ROOT_CAUSE_CATEGORIES = [
  'HUMAN_ERROR',
  'ROUTINE_MISSING',
  'ROUTINE_NOT_FOLLOWED',
  'TECHNICAL_FAULT',
  'SUPPLIER',
  'ANTAGONISTIC',
  'UNKNOWN',
] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];

export type TransitionTarget = 'INVESTIGATING' | 'ACTIONS' | 'CLOSED' | 'REJECTED';

/** The reporter's view (D-08): the report, its status and outcome. */
export interface ReportedIncident {
  view: 'REPORTER';
  id: string;
  number: string;
  title: string;
  description: string;
  orgUnitId: string;
  channel: string;
  reportedOnBehalfOfName: string | null;
  occurredAt: string | null;
  discoveredAt: string;
  reportedAt: string;
  ongoing: TriState;
  personalDataInvolved: TriState;
  status: IncidentStatus;
  statusLabel: string;
  outcome: string | null;
  closedAt: string | null;
}

/** The handler's view (and the auditor's, the reporter masked). */
export interface HandledIncident {
  view: 'HANDLER' | 'AUDITOR';
  id: string;
  number: string;
  type: IncidentType | null;
  subtype: IncidentSubtype | null;
  title: string;
  description: string;
  orgUnitId: string;
  reporterId: string | null;
  reportedOnBehalfOfName: string | null;
  reporterMasked: boolean;
  channel: string;
  occurredAt: string | null;
  discoveredAt: string;
  reportedAt: string;
  awareAt: string;
  ongoing: TriState;
  personalDataInvolved: TriState;
  severity: Severity | null;
  aspectsAffected: IncidentAspect[];
  handlerId: string | null;
  coordinatorId: string | null;
  /** The assets and information sets the incident affects (issue 5). */
  assetIds: string[];
  informationSetIds: string[];
  status: IncidentStatus;
  statusLabel: string;
  rejectionReason: string | null;
  breachRiskAssessment: BreachRiskAssessment | null;
  significantUnderCyberAct: boolean | null;
  rootCauseCategory: RootCauseCategory | null;
  rootCause: string | null;
  consequences: string | null;
  measures: string | null;
  lessonsLearned: string | null;
  dataSubjectsApprox: number | null;
  recordsApprox: number | null;
  crisisEscalation: CrisisEscalation | null;
  qualityDeviationRef: string | null;
  triagedAt: string | null;
  closedAt: string | null;
  pendingAssessments: string[];
  allowedTransitions: TransitionTarget[];
  secrecyMarkings: SecrecyMarking[];
  redactions: Redaction[];
  version: number;
}

export type Incident = ReportedIncident | HandledIncident;

export const TIMELINE_KINDS = [
  'CREATED',
  'STATUS_CHANGED',
  'TYPE_CHANGED',
  'SEVERITY_CHANGED',
  'AWARE_AT_CHANGED',
  'ASSIGNED',
  'UNIT_CHANGED',
  'FIELDS_UPDATED',
  'NOTE',
  'OBLIGATION_CREATED',
  'OBLIGATION_SUBMITTED',
  'OBLIGATION_NOT_REQUIRED',
  'OBLIGATION_WITHDRAWN',
  'OBLIGATION_RESCHEDULED',
  'SECRECY_MARKED',
  'SECRECY_UNMARKED',
  'MERGED',
  'MERGED_FROM',
  'QUALITY_BRIDGE',
  'NOTICE_SENT',
  'EXPORTED',
  'ATTACHMENT_ADDED',
  'ATTACHMENT_REMOVED',
  'CLASSIFICATION_FLAGGED',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: string;
  seq: number;
  occurredAt: string;
  kind: TimelineKind;
  kindLabel: string;
  actorId: string | null;
  actorName: string | null;
  actorMasked: boolean;
  text: string | null;
  data: Record<string, unknown> | null;
}

export const REGULATORY_REGIMES = [
  'GDPR_ART33_IMY',
  'GDPR_ART34_SUBJECTS',
  'GDPR_ART33_5_LOG',
  'CYBER_ACT',
  'MSBFS_2020_8_MODEL',
  'IVO_LEX_SARAH',
  'IVO_LEX_MARIA',
  'SECURITY_PROTECTION',
  'POLICE_REPORT',
] as const;
export type RegulatoryRegime = (typeof REGULATORY_REGIMES)[number];

export const REGULATORY_STAGES = [
  'NOTIFICATION',
  'SUPPLEMENT',
  'COMMUNICATION',
  'BREACH_LOG',
  'EARLY_WARNING',
  'INCIDENT_NOTIFICATION',
  'INTERMEDIATE_REPORT',
  'PROGRESS_REPORT',
  'FINAL_REPORT',
  'REPORT',
] as const;
export type RegulatoryStage = (typeof REGULATORY_STAGES)[number];

export const OBLIGATION_STATUSES = [
  'PENDING',
  'DUE_SOON',
  'OVERDUE',
  'MET',
  'MISSED',
  'NOT_REQUIRED',
  'WITHDRAWN',
] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const ART34_EXEMPTIONS = ['ART34_3_A', 'ART34_3_B', 'ART34_3_C'] as const;
export type Art34Exemption = (typeof ART34_EXEMPTIONS)[number];

export interface RegulatoryObligation {
  id: string;
  incidentId: string;
  regime: RegulatoryRegime;
  stage: RegulatoryStage;
  receiver: string;
  receiverLabel: string;
  anchor: string;
  anchorAt: string | null;
  deadlineAt: string | null;
  targetAt: string | null;
  clock: 'DEADLINE' | 'TARGET' | 'NONE';
  dueAt: string | null;
  status: ObligationStatus;
  timeLeftSeconds: number | null;
  regimeApplies: boolean;
  decision: 'SUBMITTED' | 'NOT_REQUIRED' | 'WITHDRAWN' | null;
  submittedAt: string | null;
  externalReference: string | null;
  lateReason: string | null;
  notRequiredReason: string | null;
  /** Who decided the stage is not required (or withdrew it), and when. */
  decidedById: string | null;
  decidedAt: string | null;
  art34Exemption: Art34Exemption | null;
  version: number;
}

// ---------------------------------------------------------------------------------------------
// Incident statistics (GET /api/incident-statistics)
// ---------------------------------------------------------------------------------------------

/** One count; null and `suppressed` below the threshold for callers who see figures only. */
export interface StatisticsCount {
  count: number | null;
  suppressed: boolean;
}

/** Counts per tertial (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec, by reportedAt in Stockholm) and year. */
export interface TertialCounts {
  T1: StatisticsCount;
  T2: StatisticsCount;
  T3: StatisticsCount;
  year: StatisticsCount;
}

export interface StatisticsShare {
  numerator: StatisticsCount;
  denominator: StatisticsCount;
  percent: number | null;
  suppressed: boolean;
}

export interface StatisticsMedian {
  count: StatisticsCount;
  hours: number | null;
  suppressed: boolean;
}

export interface IncidentStatistics {
  year: number;
  orgUnitId: string | null;
  suppressionApplied: boolean;
  threshold: number;
  total: TertialCounts;
  byType: (TertialCounts & { type: IncidentType | 'UNTRIAGED' })[];
  bySubtype: (TertialCounts & { type: IncidentType | 'UNTRIAGED'; subtype: IncidentSubtype | null })[];
  bySeverity: (TertialCounts & { severity: Severity | 'UNTRIAGED' })[];
  byOrgUnit: (TertialCounts & { orgUnitId: string; code: string; name: string })[];
  obligationsMetOnTime: StatisticsShare;
  imyNotificationMedian: StatisticsMedian;
  awarenessToTriageMedian: StatisticsMedian;
  rootCauseOnClose: StatisticsShare;
}

import type { ForcedSubject } from '@casl/ability';
import type { Role } from './roles';

/**
 * The subjects rules are written for, as the fields the rules may look at. Conditions use only a
 * subject's own columns (org scope is denormalised onto the row as `…Path` arrays of ancestor ids).
 */
export interface TenantSubject extends ForcedSubject<'Tenant'> {
  id: string;
}

export interface OrgUnitSubject extends ForcedSubject<'OrgUnit'> {
  id: string;
  tenantId: string;
  /** Ancestor ids from the root down to and including the unit itself. */
  path: string[];
}

export interface PersonSubject extends ForcedSubject<'Person'> {
  id: string;
  tenantId: string;
  homeOrgUnitId: string;
}

export interface RoleAssignmentSubject extends ForcedSubject<'RoleAssignment'> {
  id: string;
  tenantId: string;
  personId: string;
  role: Role;
  orgUnitIds: string[];
  /** Union of the paths of every assigned unit: overlaps a scope when any assigned unit lies in it. */
  orgUnitPaths: string[];
}

export interface HistoryEntrySubject extends ForcedSubject<'HistoryEntry'> {
  id: string;
  tenantId: string;
}

/** A sign-in session (cookie or bearer token): its owner may list and revoke it. */
export interface SessionSubject extends ForcedSubject<'Session'> {
  id: string;
  tenantId: string;
  personId: string;
}

/** A person's password. */
export interface CredentialSubject extends ForcedSubject<'Credential'> {
  tenantId: string;
  personId: string;
}

/**
 * An incident or deviation (domain.md §4d). `type` is null until triage; `reporterId` gives the
 * reporter their own records (scope M, D-08).
 */
export interface IncidentSubject extends ForcedSubject<'Incident'> {
  id: string;
  tenantId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  reporterId: string;
  type: string | null;
}

/** One entry of an incident's append-only timeline (BR-D3), placed like its incident. */
export interface IncidentTimelineEntrySubject extends ForcedSubject<'IncidentTimelineEntry'> {
  id: string;
  tenantId: string;
  incidentId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  /** The incident's type, kept in step with it (the DPO reads personal data breaches only). */
  incidentType: string | null;
}

/**
 * One regulator clock stage of an incident (§4d). `decision` is null while open, else SUBMITTED,
 * NOT_REQUIRED or WITHDRAWN: a decision is checked on the row as it will be, so the rules say who
 * may submit and who may decide that a stage is not required (D-07).
 */
export interface RegulatoryObligationSubject extends ForcedSubject<'RegulatoryObligation'> {
  id: string;
  tenantId: string;
  incidentId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  regime: string;
  decision: string | null;
}

/**
 * A file attached to an incident, placed like its incident. `incidentReporterId` (the incident's
 * reporter) and `uploadedById` give the reporter their own uploads to their own report (D-08).
 */
export interface IncidentAttachmentSubject extends ForcedSubject<'IncidentAttachment'> {
  id: string;
  tenantId: string;
  incidentId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  incidentType: string | null;
  incidentReporterId: string;
  uploadedById: string;
}

/**
 * Aggregated incident figures (GET /api/incident-statistics), checked on each incident row that is
 * counted: the incident's own columns. Scope G of §3.3 (ELECTED, READER within the assignment) and
 * the handling roles' scopes; figures for a caller who cannot read the rows are suppressed below 5.
 */
export interface IncidentStatisticsSubject extends ForcedSubject<'IncidentStatistics'> {
  id: string;
  tenantId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  type: string | null;
}

/** An in-app notification (§5.5): each person reads and acknowledges their own. */
export interface NotificationSubject extends ForcedSubject<'Notification'> {
  id: string;
  tenantId: string;
  recipientId: string;
}

/**
 * An information set (domain.md §4a), placed by its own unit. `assetKeeperIds` are the owners and
 * system managers of the linked assets, who read the set (BR-A3); `specialHandling` sets are read by
 * the säkerhetsskyddschef (D-68).
 */
export interface InformationSetSubject extends ForcedSubject<'InformationSet'> {
  id: string;
  tenantId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  informationOwnerId: string | null;
  assetKeeperIds: string[];
  specialHandling: boolean;
}

/**
 * An asset (domain.md §4a), placed by its own (owning or operating) unit; links and dependencies
 * are parts of it. `informationOwnerIds` are the owners of the linked sets (scope O).
 */
export interface AssetSubject extends ForcedSubject<'Asset'> {
  id: string;
  tenantId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  assetOwnerId: string | null;
  systemManagerId: string | null;
  informationOwnerIds: string[];
}

/**
 * A classification of an information set (domain.md §4b), placed by the set's unit. The set's owner
 * decides (scope O); the owners and system managers of the assets carrying the set read it (BR-A3).
 */
export interface ClassificationSubject extends ForcedSubject<'Classification'> {
  id: string;
  tenantId: string;
  informationSetId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  informationOwnerId: string | null;
  assetKeeperIds: string[];
  status: string;
}

/**
 * A klassningstillfälle (domain.md §4b), placed by its unit. The leader and the participants read it
 * (scope M); the owners of its sets and the keepers of their assets read it (scope O, copied from
 * the sets).
 */
export interface ClassificationSessionSubject extends ForcedSubject<'ClassificationSession'> {
  id: string;
  tenantId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  ledById: string;
  participantIds: string[];
  informationOwnerIds: string[];
  assetKeeperIds: string[];
  status: string;
}

/** A raise or lowering of an asset's protection (BR-B4, D-55), placed by the asset's unit. */
export interface ProtectionOverrideSubject extends ForcedSubject<'ProtectionOverride'> {
  id: string;
  tenantId: string;
  assetId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  assetOwnerId: string | null;
  systemManagerId: string | null;
  requestedById: string;
  direction: string;
}

/** One requirement of an asset's action plan (BR-B7), placed by the asset's unit. */
export interface ActionPlanItemSubject extends ForcedSubject<'ActionPlanItem'> {
  id: string;
  tenantId: string;
  assetId: string;
  orgUnitId: string;
  orgUnitPath: string[];
  assetOwnerId: string | null;
  systemManagerId: string | null;
}

/** The tenant's classification settings (review interval): read by all, changed by the CISO. */
export interface ClassificationSettingsSubject extends ForcedSubject<'ClassificationSettings'> {
  id: string;
  tenantId: string;
}

/** The tenant's regulator clock rules and receivers (§4d, D-24, D-25): read by all, changed by the CISO. */
export interface IncidentClockRulesSubject extends ForcedSubject<'IncidentClockRules'> {
  id: string;
  tenantId: string;
}

/**
 * Classification KPIs (K01, K02, GET /api/classification-kpis), checked on each information set
 * counted: the set's own placement. Scope G of §3.3 for ELECTED and READER (figures, no rows).
 */
export interface ClassificationStatisticsSubject extends ForcedSubject<'ClassificationStatistics'> {
  id: string;
  tenantId: string;
  orgUnitId: string;
  orgUnitPath: string[];
}

export type AppSubject =
  | TenantSubject
  | OrgUnitSubject
  | PersonSubject
  | RoleAssignmentSubject
  | HistoryEntrySubject
  | SessionSubject
  | CredentialSubject
  | IncidentSubject
  | IncidentTimelineEntrySubject
  | RegulatoryObligationSubject
  | IncidentAttachmentSubject
  | IncidentStatisticsSubject
  | NotificationSubject
  | InformationSetSubject
  | AssetSubject
  | ClassificationSubject
  | ClassificationSessionSubject
  | ProtectionOverrideSubject
  | ActionPlanItemSubject
  | ClassificationSettingsSubject
  | ClassificationStatisticsSubject
  | IncidentClockRulesSubject;

export const SUBJECT_NAMES = [
  'Tenant',
  'OrgUnit',
  'Person',
  'RoleAssignment',
  'HistoryEntry',
  'Session',
  'Credential',
  'Notification',
  'Incident',
  'IncidentTimelineEntry',
  'RegulatoryObligation',
  'IncidentAttachment',
  'IncidentStatistics',
  'InformationSet',
  'Asset',
  'Classification',
  'ProtectionOverride',
  'ActionPlanItem',
  'ClassificationSettings',
  'ClassificationStatistics',
  'IncidentClockRules',
  'ClassificationSession',
] as const;
export type SubjectName = (typeof SUBJECT_NAMES)[number];

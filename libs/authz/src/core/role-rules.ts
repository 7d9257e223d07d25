import type { Grant } from './actor';
import { inScope, type RuleWriter } from './rule-writer';
import type { Role } from './roles';

/**
 * One readable function per role (domain.md §3.3, D-06). Each receives one valid grant of that
 * role and writes its rules; scope T is `rules.allow(…)` alone, scope S adds `inScope(grant, …)`.
 * Ownership (scope O: informationsägare, tillgångsägare, riskägare …) is written by the modules'
 * rules as conditions on the owner columns, for every actor (see `ownerRules`).
 * Deviations from the matrix are recorded in docs/adr/0005-foundation-permissions.md.
 */
type RoleRules = (rules: RuleWriter, grant: Grant) => void;

const roleAssignmentScope = (grant: Grant) => inScope(grant, { unit: 'orgUnitIds', path: 'orgUnitPaths' });

/** Incidents, their timeline entries and regulator stages are placed by the incident's unit. */
const incidentScope = (grant: Grant) => inScope(grant, { unit: 'orgUnitId', path: 'orgUnitPath' });

// Matrix rows "Incident, timeline" and "Regulator notification (clock stage)" (§3.3, D-07, D-51).
// Who decides that a stage is not required follows the clock rules of §4d (the incident domain's
// DISPOSITION_DECIDERS; a test in libs/incident keeps the two in step).
const PERSONAL_DATA_BREACH = 'PERSONAL_DATA_BREACH';
const GDPR_REGIMES = ['GDPR_ART33_IMY', 'GDPR_ART34_SUBJECTS', 'GDPR_ART33_5_LOG'];
const IVO_REGIMES = ['IVO_LEX_SARAH', 'IVO_LEX_MARIA'];
const CISO_DECIDED_REGIMES = ['CYBER_ACT', 'MSBFS_2020_8_MODEL', 'SECURITY_PROTECTION', 'POLICE_REPORT'];
/**
 * What the reporter of an incident reads of it (D-08, the API's REPORTER view): the report itself,
 * where it is placed, its status and outcome. Handling fields (type, severity, assignee, the
 * investigation, the clocks) are not among them.
 */
const REPORTER_VIEW_FIELDS = [
  'id',
  'tenantId',
  'number',
  'title',
  'description',
  'orgUnitId',
  'orgUnitPath',
  'reporterId',
  'reportedOnBehalfOfName',
  'channel',
  'occurredAt',
  'discoveredAt',
  'reportedAt',
  'ongoing',
  'personalDataInvolved',
  'status',
  'rejectionReason',
  'closedAt',
];
/** A stage decided "not required" (or withdrawn after re-triage): checked on the row as it will be. */
const NOT_REQUIRED = { decision: { $in: ['NOT_REQUIRED', 'WITHDRAWN'] } };
/** A stage recorded as submitted to the regulator. */
const SUBMITTED = { decision: 'SUBMITTED' };

// Matrix rows "Information set" and "Asset, links, dependencies" (§3.3, BR-A3, D-51, D-68). Links and
// dependencies are parts of the asset. Deviations: docs/adr/0011-information-registers.md.
/** Information sets and assets are placed by their own unit (D-03: the two are independent). */
const registerScope = (grant: Grant) => inScope(grant, { unit: 'orgUnitId', path: 'orgUnitPath' });
const REGISTERS = ['InformationSet', 'Asset'] as const;
/** The name view of a register row: what a medarbetare reads in scope (§3.3 "R S (name)"). */
const NAME_FIELDS = ['id', 'code', 'name', 'orgUnitId'];
/** The personal-data fields of an information set, which the DPO maintains (§3.3 "U S (PD fields)"). */
const PERSONAL_DATA_FIELDS = [
  'containsPersonalData',
  'personalDataCategories',
  'specialCategoryData',
  'criminalOffenceData',
  'concernsChildren',
  'protectedIdentity',
  'legalBases',
];
/** The technical fields of an asset, which its system manager maintains (§3.3 "RU O (technical fields)"). */
const TECHNICAL_FIELDS = [
  'hosting',
  'supplierName',
  'thirdCountryProcessing',
  'mfaRequired',
  'internetExposed',
  'rtoHours',
  'rpoHours',
];

// Matrix row "Classification, session, override" and the action-plan items of row "Asset, …" (§3.3,
// D-55). A classification is placed by its set's unit, an override and an action-plan item by their
// asset's unit. Deciding is `approve Classification` (the set's owner); approving a LOWER override is
// the CISO's. Deviations: docs/adr/0012-classification.md.
const classificationScope = (grant: Grant) => inScope(grant, { unit: 'orgUnitId', path: 'orgUnitPath' });
const PROTECTION = [
  'Classification',
  'ProtectionOverride',
  'ActionPlanItem',
  'ClassificationSession',
] as const;

/**
 * Scope O of classification (D-06): the information owner reads and decides the classifications of
 * own sets; the keepers of the assets carrying a set read them (BR-A3); the asset owner reads and
 * raises or requests the overrides of own assets and withdraws own requests; asset owner and system
 * manager read and assess the asset's action-plan items.
 */
function classificationOwnership(rules: RuleWriter): void {
  const me = rules.actor.personId;
  rules.allow(['read', 'approve'], 'Classification', { informationOwnerId: me });
  rules.allow('read', 'Classification', { assetKeeperIds: me });
  rules.allow(['read', 'create'], 'ProtectionOverride', { assetOwnerId: me });
  rules.allow('update', 'ProtectionOverride', { requestedById: me });
  rules.allow('read', 'ProtectionOverride', { systemManagerId: me });
  rules.allow(['read', 'update', 'export'], 'ActionPlanItem', { assetOwnerId: me });
  rules.allow(['read', 'update'], 'ActionPlanItem', { systemManagerId: me });
  // A klassningstillfälle: its leader and participants (M), the owners of its sets and the keepers
  // of their assets (O) read it (ADR 0014).
  rules.allow('read', 'ClassificationSession', { ledById: me });
  rules.allow('read', 'ClassificationSession', { participantIds: me });
  rules.allow('read', 'ClassificationSession', { informationOwnerIds: me });
  rules.allow('read', 'ClassificationSession', { assetKeeperIds: me });
}

/**
 * What every account may do, whatever its role: its tenant, the org tree, its own assignments and
 * sessions. Its own person record is read through /api/me (the session is the proof), so a
 * medarbetare has no `read Person` and cannot list the directory.
 */
function everyone(rules: RuleWriter): void {
  rules.allow('read', 'Tenant');
  rules.allow('read', 'OrgUnit');
  rules.allow('read', 'RoleAssignment', { personId: rules.actor.personId });
  // History is readable as far as the entity it describes is readable (checked per entity).
  rules.allow('read', 'HistoryEntry');
  rules.allow(['read', 'delete'], 'Session', { personId: rules.actor.personId });
  rules.allow('update', 'Credential', { personId: rules.actor.personId });
  // The in-app inbox (§5.5): read and mark read one's own notifications.
  rules.allow(['read', 'update'], 'Notification', { recipientId: rules.actor.personId });
  // D-08: anyone reports an incident for any unit and follows their own reports (status and
  // outcome only: the API answers the reporter with a reporter's view). The rule names those
  // fields, so a filter on any other (type, severity, …) matches no row read only this way.
  rules.allow('create', 'Incident');
  rules.allowFields('read', 'Incident', REPORTER_VIEW_FIELDS, { reporterId: rules.actor.personId });
  // The reporter adds files to the own report and lists the own uploads (not the handlers').
  rules.allow(['read', 'create'], 'IncidentAttachment', {
    incidentReporterId: rules.actor.personId,
    uploadedById: rules.actor.personId,
  });
  ownership(rules);
  classificationOwnership(rules);
  // Tenant configuration is read by everyone (§3.3 notes).
  rules.allow('read', 'ClassificationSettings');
  rules.allow('read', 'IncidentClockRules');
}

/**
 * Scope O of the registers (D-06, D-49): what owning an object gives, whatever the role. The
 * information owner reads, changes and exports own sets and reads the assets that carry them; the
 * asset owner the same for own assets; the system manager reads the asset and changes its technical
 * fields; both read the sets their assets carry (BR-A3).
 */
function ownership(rules: RuleWriter): void {
  const me = rules.actor.personId;
  rules.allow(['read', 'update', 'export'], 'InformationSet', { informationOwnerId: me });
  rules.allow('read', 'InformationSet', { assetKeeperIds: me });
  rules.allow(['read', 'update', 'export'], 'Asset', { assetOwnerId: me });
  rules.allow('read', 'Asset', { systemManagerId: me });
  rules.allowFields('update', 'Asset', TECHNICAL_FIELDS, { systemManagerId: me });
  rules.allow('read', 'Asset', { informationOwnerIds: me });
}

/** Roles that read the people directory tenant-wide (matrix row "Org tree, people, role assignments"). */
function readsPeople(rules: RuleWriter): void {
  rules.allow('read', 'Person');
}

export const ROLE_RULES: Record<Role, RoleRules> = {
  EMPLOYEE: (rules, grant) => {
    everyone(rules);
    // The names of the sets and assets of the own unit (the grant is the home unit).
    for (const subject of REGISTERS) rules.allowFields('read', subject, NAME_FIELDS, registerScope(grant));
  },

  ADMIN: (rules) => {
    // D-02: configuration and accounts, no business content.
    rules.allow(['read', 'update'], 'Tenant');
    rules.allow(['read', 'create', 'update', 'export'], 'OrgUnit');
    rules.allow(['read', 'create', 'update', 'export'], 'Person');
    rules.allow(['read', 'create', 'update', 'export'], 'RoleAssignment');
    rules.allow(['read', 'verify'], 'HistoryEntry');
    rules.allow(['read', 'delete'], 'Session');
    rules.allow('update', 'Credential');
  },

  CISO: (rules) => {
    readsPeople(rules);
    rules.allow(['read', 'create', 'update'], 'RoleAssignment');
    rules.allow(['read', 'verify'], 'HistoryEntry');
    rules.allow(['read', 'create', 'update', 'export'], 'Incident');
    rules.allow(['read', 'create', 'export'], 'IncidentTimelineEntry');
    rules.allow(['read', 'update', 'export'], 'RegulatoryObligation');
    rules.allow('approve', 'RegulatoryObligation', {
      regime: { $in: CISO_DECIDED_REGIMES },
      ...NOT_REQUIRED,
    });
    rules.allow('read', 'IncidentStatistics');
    rules.allow(['read', 'create', 'delete'], 'IncidentAttachment');
    for (const subject of REGISTERS) rules.allow(['read', 'create', 'update', 'export'], subject);
    rules.allow(['read', 'create', 'update', 'export'], 'Classification');
    rules.allow(['read', 'create', 'update', 'export'], 'ClassificationSession');
    rules.allow(['read', 'create', 'update', 'export'], 'ProtectionOverride');
    rules.allow('approve', 'ProtectionOverride', { direction: 'LOWER' });
    rules.allow(['read', 'update', 'export'], 'ActionPlanItem');
    rules.allow('update', 'ClassificationSettings');
    rules.allow('read', 'ClassificationStatistics');
    rules.allow('update', 'IncidentClockRules');
  },

  COORDINATOR: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
    rules.allow(['read', 'create', 'update', 'export'], 'Incident', incidentScope(grant));
    rules.allow(['read', 'create', 'export'], 'IncidentTimelineEntry', incidentScope(grant));
    // Prepares the notifications; the decisions are the head's, the DPO's and the CISO's.
    rules.allow(['read', 'update'], 'RegulatoryObligation', incidentScope(grant));
    rules.allow('read', 'IncidentStatistics', incidentScope(grant));
    rules.allow(['read', 'create', 'delete'], 'IncidentAttachment', incidentScope(grant));
    for (const subject of REGISTERS)
      rules.allow(['read', 'create', 'update', 'export'], subject, registerScope(grant));
    // Leads classification: drafts, proposes and cancels; raises (D-55) and requests overrides.
    rules.allow(['read', 'create', 'update', 'export'], 'Classification', classificationScope(grant));
    // Leads the klassningstillfällen of the scope (seed 000 L540).
    rules.allow(['read', 'create', 'update', 'export'], 'ClassificationSession', classificationScope(grant));
    // Withdraws own requests through the ownership rule (D-55: the requester or the CISO).
    rules.allow(['read', 'create'], 'ProtectionOverride', classificationScope(grant));
    rules.allow(['read', 'update', 'export'], 'ActionPlanItem', classificationScope(grant));
    rules.allow('read', 'ClassificationStatistics', classificationScope(grant));
  },

  DPO: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
    // D-51: the controllers the DPO serves, with their subtrees; personal data breaches only.
    rules.allow(['read', 'update'], 'Incident', { ...incidentScope(grant), type: PERSONAL_DATA_BREACH });
    rules.allow(['read', 'create'], 'IncidentTimelineEntry', {
      ...incidentScope(grant),
      incidentType: PERSONAL_DATA_BREACH,
    });
    const gdpr = { ...incidentScope(grant), regime: { $in: GDPR_REGIMES } };
    rules.allow(['read', 'update'], 'RegulatoryObligation', gdpr);
    rules.allow('approve', 'RegulatoryObligation', { ...gdpr, ...NOT_REQUIRED });
    rules.allow('read', 'IncidentStatistics', { ...incidentScope(grant), type: PERSONAL_DATA_BREACH });
    rules.allow(['read', 'create', 'delete'], 'IncidentAttachment', {
      ...incidentScope(grant),
      incidentType: PERSONAL_DATA_BREACH,
    });
    // D-51 scope; changes only the personal-data fields of the sets.
    for (const subject of REGISTERS) rules.allow('read', subject, registerScope(grant));
    rules.allowFields('update', 'InformationSet', PERSONAL_DATA_FIELDS, registerScope(grant));
    for (const subject of PROTECTION) rules.allow('read', subject, classificationScope(grant));
    rules.allow('read', 'ClassificationStatistics', classificationScope(grant));
  },

  HEAD: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
    // Appointment power (seed 000 L507): coordinators, managers and readers within the own scope.
    rules.allow(['create', 'update'], 'RoleAssignment', {
      ...roleAssignmentScope(grant),
      role: { $in: ['COORDINATOR', 'MANAGER', 'READER', 'EMPLOYEE'] },
    });
    rules.allow(['read', 'update'], 'Incident', incidentScope(grant));
    rules.allow(['read', 'create'], 'IncidentTimelineEntry', incidentScope(grant));
    rules.allow('read', 'RegulatoryObligation', incidentScope(grant));
    // D-07: the head of the affected unit decides to notify; IVO stages are also theirs to waive.
    rules.allow('approve', 'RegulatoryObligation', { ...incidentScope(grant), ...SUBMITTED });
    rules.allow('approve', 'RegulatoryObligation', {
      ...incidentScope(grant),
      regime: { $in: IVO_REGIMES },
      ...NOT_REQUIRED,
    });
    rules.allow('read', 'IncidentStatistics', incidentScope(grant));
    rules.allow(['read', 'create', 'delete'], 'IncidentAttachment', incidentScope(grant));
    for (const subject of REGISTERS)
      rules.allow(['read', 'create', 'update', 'export'], subject, registerScope(grant));
    for (const subject of PROTECTION) rules.allow('read', subject, classificationScope(grant));
    // Verksamhetsansvarig: RCUE S on the asset's action-plan items.
    rules.allow(['update', 'export'], 'ActionPlanItem', classificationScope(grant));
    rules.allow('read', 'ClassificationStatistics', classificationScope(grant));
  },

  MANAGER: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
    rules.allow(['read', 'update'], 'Incident', incidentScope(grant));
    rules.allow(['read', 'create'], 'IncidentTimelineEntry', incidentScope(grant));
    rules.allow('read', 'RegulatoryObligation', incidentScope(grant));
    rules.allow('read', 'IncidentStatistics', incidentScope(grant));
    rules.allow(['read', 'create', 'delete'], 'IncidentAttachment', incidentScope(grant));
    for (const subject of REGISTERS) rules.allow('read', subject, registerScope(grant));
    for (const subject of PROTECTION) rules.allow('read', subject, classificationScope(grant));
    rules.allow('read', 'ClassificationStatistics', classificationScope(grant));
  },

  AUDITOR: (rules) => {
    readsPeople(rules);
    rules.allow(['read', 'export'], 'Person');
    rules.allow(['read', 'export'], 'RoleAssignment');
    // Read-only; the API masks the reporter's identity for this view.
    rules.allow(['read', 'export'], 'Incident');
    rules.allow(['read', 'export'], 'IncidentTimelineEntry');
    rules.allow(['read', 'export'], 'RegulatoryObligation');
    rules.allow('read', 'IncidentStatistics');
    // The list; the content only of incidents without secrecy markings (ADR 0013).
    rules.allow('read', 'IncidentAttachment');
    for (const subject of REGISTERS) rules.allow(['read', 'export'], subject);
    for (const subject of PROTECTION) rules.allow(['read', 'export'], subject);
    rules.allow('read', 'ClassificationStatistics');
  },

  ELECTED: (rules, grant) => {
    // Names of people and aggregated figures only (scope G): no directory rows (ADR 0005), no
    // incident rows; incident statistics of the assignment's scope, small counts suppressed.
    rules.allow('read', 'IncidentStatistics', incidentScope(grant));
    rules.allow('read', 'ClassificationStatistics', classificationScope(grant));
  },

  READER: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
    // D-68: the Förtr.vald column's aggregated figures, within the assignment's scope.
    rules.allow('read', 'IncidentStatistics', incidentScope(grant));
    rules.allow('read', 'ClassificationStatistics', classificationScope(grant));
  },

  SECURITY_PROTECTION_OFFICER: (rules) => {
    // D-68: level-4 routing only. A special-handling set stores nothing but code, name, owner and
    // unit (BR-A6), which is what this role reads.
    rules.allow('read', 'InformationSet', { specialHandling: true });
  },
};

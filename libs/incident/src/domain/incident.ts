/**
 * The incident record's own vocabulary and life cycle (domain.md §4d: enumerations, state machine,
 * closing guard). Pure data and functions; no framework, no I/O. The regulator clocks are in
 * regimes.ts and regulatory-clock.ts.
 */
import type { IncidentType } from './regimes';

type Labels = { readonly sv: string; readonly en: string };

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

/** Subtypes of the quality system's deviations (SOSFS 2011:9; seed 004 L1718–L1734). */
export const DEVIATION_SUBTYPES: readonly IncidentSubtype[] = [
  'LEX_SARAH',
  'LEX_MARIA',
  'CASE_HANDLING',
  'SECRECY',
  'REGISTRATION_ARCHIVE',
];

export const INCIDENT_SUBTYPE_LABELS: Record<IncidentSubtype, Labels> = {
  WRONG_RECIPIENT: { sv: 'Fel mottagare', en: 'Wrong recipient' },
  WRONG_RECORD: { sv: 'Fel personakt', en: 'Wrong record' },
  LOST_DEVICE: { sv: 'Förlorad enhet', en: 'Lost device' },
  PHISHING: { sv: 'Nätfiske', en: 'Phishing' },
  MALWARE: { sv: 'Skadlig kod', en: 'Malware' },
  RANSOMWARE: { sv: 'Utpressningsvirus', en: 'Ransomware' },
  UNAUTHORISED_ACCESS: { sv: 'Obehörig åtkomst', en: 'Unauthorised access' },
  OUTAGE: { sv: 'Avbrott', en: 'Outage' },
  EXCESSIVE_ACCESS_RIGHTS: { sv: 'För vida behörigheter', en: 'Excessive access rights' },
  PHYSICAL: { sv: 'Fysisk händelse', en: 'Physical' },
  SUPPLIER: { sv: 'Leverantör', en: 'Supplier' },
  DENIAL_OF_SERVICE: { sv: 'Överbelastningsattack', en: 'Denial of service' },
  OTHER: { sv: 'Annat', en: 'Other' },
  LEX_SARAH: { sv: 'Lex Sarah', en: 'Lex Sarah' },
  LEX_MARIA: { sv: 'Lex Maria', en: 'Lex Maria' },
  CASE_HANDLING: { sv: 'Handläggning', en: 'Case handling' },
  SECRECY: { sv: 'Sekretess', en: 'Secrecy' },
  REGISTRATION_ARCHIVE: { sv: 'Registrering och arkiv', en: 'Registration and archive' },
};

/** A deviation subtype only with type DEVIATION; the others with any type. */
export function subtypeFits(type: IncidentType | null, subtype: IncidentSubtype | null): boolean {
  if (subtype === null) return true;
  if (type === null) return false;
  return DEVIATION_SUBTYPES.includes(subtype) ? type === 'DEVIATION' : true;
}

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

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, Labels> = {
  REPORTED: { sv: 'Rapporterad', en: 'Reported' },
  TRIAGED: { sv: 'Bedömd', en: 'Triaged' },
  INVESTIGATING: { sv: 'Under utredning', en: 'Investigating' },
  ACTIONS: { sv: 'Åtgärder pågår', en: 'Actions' },
  CLOSED: { sv: 'Avslutad', en: 'Closed' },
  REJECTED: { sv: 'Ej incident', en: 'Rejected' },
  MERGED: { sv: 'Sammanslagen', en: 'Merged' },
};

/** Statuses in which the record is still handled (edits, notes on the investigation). */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['REPORTED', 'TRIAGED', 'INVESTIGATING', 'ACTIONS'];

/** D-22: 1 LOW … 4 CRITICAL. */
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LEVEL: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

export const SEVERITY_LABELS: Record<Severity, Labels> = {
  LOW: { sv: 'Låg', en: 'Low' },
  MEDIUM: { sv: 'Medel', en: 'Medium' },
  HIGH: { sv: 'Hög', en: 'High' },
  CRITICAL: { sv: 'Kritisk', en: 'Critical' },
};

export const REPORT_CHANNELS = ['FORM', 'MOBILE', 'PHONE_TO_MANAGER', 'API_ALERT', 'QUALITY_BRIDGE'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** What a person may choose in the reporting form; the other channels are set by integrations. */
export const FORM_CHANNELS = [
  'FORM',
  'MOBILE',
  'PHONE_TO_MANAGER',
] as const satisfies readonly ReportChannel[];

export const REPORT_CHANNEL_LABELS: Record<ReportChannel, Labels> = {
  FORM: { sv: 'Formulär', en: 'Form' },
  MOBILE: { sv: 'Mobil', en: 'Mobile' },
  PHONE_TO_MANAGER: { sv: 'Telefon till chef', en: 'Phone call to manager' },
  API_ALERT: { sv: 'Larm via API', en: 'API alert' },
  QUALITY_BRIDGE: { sv: 'Från kvalitetssystemet', en: 'Quality bridge' },
};

export const ASPECTS = ['K', 'R', 'T', 'S'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const ASPECT_LABELS: Record<Aspect, Labels> = {
  K: { sv: 'Konfidentialitet', en: 'Confidentiality' },
  R: { sv: 'Riktighet', en: 'Integrity' },
  T: { sv: 'Tillgänglighet', en: 'Availability' },
  S: { sv: 'Spårbarhet', en: 'Traceability' },
};

/** PersonalDataCategory (domain.md §4a, after a municipal breach-report form). */
export const PERSONAL_DATA_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'PERSONAL_ID_NUMBER',
  'FINANCIAL',
  'EVALUATIVE',
  'HEALTH',
  'ETHNIC_ORIGIN',
  'POLITICAL_OPINION',
  'RELIGION',
  'TRADE_UNION',
  'SEX_LIFE',
  'GENETIC_BIOMETRIC',
  'CRIMINAL_OFFENCE',
  'LOCATION',
  'COMMUNICATION_METADATA',
  'OSL_SECRET',
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

export const PERSONAL_DATA_CATEGORY_LABELS: Record<PersonalDataCategory, Labels> = {
  IDENTITY: { sv: 'Identitetsuppgifter', en: 'Identity' },
  CONTACT: { sv: 'Kontaktuppgifter', en: 'Contact details' },
  PERSONAL_ID_NUMBER: { sv: 'Personnummer', en: 'Personal identity number' },
  FINANCIAL: { sv: 'Ekonomiska uppgifter', en: 'Financial data' },
  EVALUATIVE: { sv: 'Värderande uppgifter', en: 'Evaluative data' },
  HEALTH: { sv: 'Hälsa', en: 'Health' },
  ETHNIC_ORIGIN: { sv: 'Etniskt ursprung', en: 'Ethnic origin' },
  POLITICAL_OPINION: { sv: 'Politiska åsikter', en: 'Political opinions' },
  RELIGION: { sv: 'Religiös eller filosofisk övertygelse', en: 'Religious or philosophical beliefs' },
  TRADE_UNION: { sv: 'Medlemskap i fackförening', en: 'Trade union membership' },
  SEX_LIFE: { sv: 'Sexualliv eller sexuell läggning', en: 'Sex life or sexual orientation' },
  GENETIC_BIOMETRIC: { sv: 'Genetiska eller biometriska uppgifter', en: 'Genetic or biometric data' },
  CRIMINAL_OFFENCE: { sv: 'Lagöverträdelser', en: 'Criminal offences' },
  LOCATION: { sv: 'Platsuppgifter', en: 'Location data' },
  COMMUNICATION_METADATA: { sv: 'Kommunikationsdata', en: 'Communication metadata' },
  OSL_SECRET: { sv: 'Uppgifter som omfattas av sekretess', en: 'Data under secrecy (OSL)' },
};

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

/** How far the incident was escalated in the crisis organisation (TiB, seed 000 L1232). */
export const CRISIS_ESCALATIONS = ['NONE', 'TIB_INFORMED', 'CRISIS_LEVEL_RAISED'] as const;
export type CrisisEscalation = (typeof CRISIS_ESCALATIONS)[number];

export const CRISIS_ESCALATION_LABELS: Record<CrisisEscalation, Labels> = {
  NONE: { sv: 'Ingen', en: 'None' },
  TIB_INFORMED: { sv: 'Tjänsteman i beredskap (TiB) informerad', en: 'Duty officer (TiB) informed' },
  CRISIS_LEVEL_RAISED: { sv: 'Krisorganisationens beredskapsnivå höjd', en: 'Crisis readiness level raised' },
};

export const ROOT_CAUSE_CATEGORY_LABELS: Record<RootCauseCategory, Labels> = {
  HUMAN_ERROR: { sv: 'Mänskligt misstag', en: 'Human error' },
  ROUTINE_MISSING: { sv: 'Rutin saknas', en: 'Routine missing' },
  ROUTINE_NOT_FOLLOWED: { sv: 'Rutin följdes inte', en: 'Routine not followed' },
  TECHNICAL_FAULT: { sv: 'Tekniskt fel', en: 'Technical fault' },
  SUPPLIER: { sv: 'Leverantör', en: 'Supplier' },
  ANTAGONISTIC: { sv: 'Antagonistisk handling', en: 'Antagonistic act' },
  UNKNOWN: { sv: 'Okänd', en: 'Unknown' },
};

// ---------------------------------------------------------------------------------------------
// State machine (§4d)
// ---------------------------------------------------------------------------------------------

/**
 * Who may take a step: COORDINATING = samordnare and CISO; HANDLING = those plus the chefs (HEAD,
 * MANAGER) and the incident's named handler.
 */
export type TransitionActors = 'COORDINATING' | 'HANDLING';

export const COORDINATING_ROLES: readonly string[] = ['COORDINATOR', 'CISO'];
export const HANDLING_ROLES: readonly string[] = ['COORDINATOR', 'CISO', 'HEAD', 'MANAGER'];

export interface Transition {
  readonly from: IncidentStatus;
  readonly to: IncidentStatus;
  readonly by: TransitionActors;
  /** Rejecting and reopening need a reason. */
  readonly reasonRequired: boolean;
}

/** Triage (REPORTED → TRIAGED) has its own operation; MERGED arrives with merging. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'REPORTED', to: 'REJECTED', by: 'COORDINATING', reasonRequired: true },
  { from: 'TRIAGED', to: 'REJECTED', by: 'COORDINATING', reasonRequired: true },
  { from: 'TRIAGED', to: 'INVESTIGATING', by: 'HANDLING', reasonRequired: false },
  { from: 'INVESTIGATING', to: 'ACTIONS', by: 'HANDLING', reasonRequired: false },
  { from: 'ACTIONS', to: 'CLOSED', by: 'COORDINATING', reasonRequired: false },
  { from: 'CLOSED', to: 'INVESTIGATING', by: 'COORDINATING', reasonRequired: true },
];

/** The statuses a transition may be asked for (the `to` of {@link TRANSITIONS}). */
export const TRANSITION_TARGETS = ['INVESTIGATING', 'ACTIONS', 'CLOSED', 'REJECTED'] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

export function findTransition(from: IncidentStatus, to: IncidentStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Whether a person with these roles at the incident's unit (and handler or not) may take the step. */
export function mayTakeTransition(
  transition: Pick<Transition, 'by'>,
  roles: readonly string[],
  isNamedHandler: boolean,
): boolean {
  const allowed = transition.by === 'COORDINATING' ? COORDINATING_ROLES : HANDLING_ROLES;
  return roles.some((r) => allowed.includes(r)) || (transition.by === 'HANDLING' && isNamedHandler);
}

/** Triage is done by the samordnare, a chef (handler) or the CISO. */
export function mayTriage(roles: readonly string[], isNamedHandler: boolean): boolean {
  return mayTakeTransition({ by: 'HANDLING' }, roles, isNamedHandler);
}

/** The steps a person may take from the current status. */
export function availableTransitions(
  status: IncidentStatus,
  roles: readonly string[],
  isNamedHandler: boolean,
): TransitionTarget[] {
  return TRANSITIONS.filter((t) => t.from === status && mayTakeTransition(t, roles, isNamedHandler)).map(
    (t) => t.to as TransitionTarget,
  );
}

export const CLOSING_ISSUE_CODES = [
  'OBLIGATION_OPEN',
  'LATE_REASON_MISSING',
  'ROOT_CAUSE_REQUIRED',
  'LESSONS_LEARNED_REQUIRED',
] as const;
export type ClosingIssueCode = (typeof CLOSING_ISSUE_CODES)[number];

export interface ClosingIssue {
  readonly code: ClosingIssueCode;
  /** The obligation concerned, for the obligation issues. */
  readonly obligationId?: string;
}

const blank = (text: string | null | undefined): boolean => (text ?? '').trim().length === 0;

/**
 * ACTIONS → CLOSED (§4d): every clock stage MET, MISSED with a reason, NOT_REQUIRED or WITHDRAWN;
 * root cause and lessons learned required if severity ≥ 2 (MEDIUM) or the type is a personal data
 * breach. A stage is closed once submitted or decided; `late` tells a submission after its
 * statutory deadline (MISSED).
 */
export function closingIssues(
  incident: {
    readonly type: IncidentType | null;
    readonly severity: Severity | null;
    readonly rootCause: string | null;
    readonly lessonsLearned: string | null;
  },
  obligations: readonly {
    readonly id: string;
    readonly closed: boolean;
    readonly late: boolean;
    readonly lateReason: string | null;
  }[],
): ClosingIssue[] {
  const issues: ClosingIssue[] = [];
  for (const o of obligations) {
    if (!o.closed) issues.push({ code: 'OBLIGATION_OPEN', obligationId: o.id });
    else if (o.late && blank(o.lateReason)) issues.push({ code: 'LATE_REASON_MISSING', obligationId: o.id });
  }
  const needsAnalysis =
    incident.type === 'PERSONAL_DATA_BREACH' ||
    (incident.severity !== null && SEVERITY_LEVEL[incident.severity] >= 2);
  if (needsAnalysis && blank(incident.rootCause)) issues.push({ code: 'ROOT_CAUSE_REQUIRED' });
  if (needsAnalysis && blank(incident.lessonsLearned)) issues.push({ code: 'LESSONS_LEARNED_REQUIRED' });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Timeline (BR-D3) and numbers
// ---------------------------------------------------------------------------------------------

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

export const TIMELINE_KIND_LABELS: Record<TimelineKind, Labels> = {
  CREATED: { sv: 'Rapporterad', en: 'Reported' },
  STATUS_CHANGED: { sv: 'Status ändrad', en: 'Status changed' },
  TYPE_CHANGED: { sv: 'Typ ändrad', en: 'Type changed' },
  SEVERITY_CHANGED: { sv: 'Allvarlighetsgrad ändrad', en: 'Severity changed' },
  AWARE_AT_CHANGED: { sv: 'Tidpunkt för kännedom ändrad', en: 'Time of awareness changed' },
  ASSIGNED: { sv: 'Ansvarig utsedd', en: 'Assigned' },
  UNIT_CHANGED: { sv: 'Enhet ändrad', en: 'Unit changed' },
  FIELDS_UPDATED: { sv: 'Uppgifter ändrade', en: 'Fields updated' },
  NOTE: { sv: 'Anteckning', en: 'Note' },
  OBLIGATION_CREATED: { sv: 'Rapporteringskrav uppstått', en: 'Reporting obligation created' },
  OBLIGATION_SUBMITTED: { sv: 'Rapport inlämnad', en: 'Report submitted' },
  OBLIGATION_NOT_REQUIRED: { sv: 'Rapport krävs inte', en: 'Report not required' },
  OBLIGATION_WITHDRAWN: { sv: 'Rapporteringskrav utgår', en: 'Reporting obligation withdrawn' },
  OBLIGATION_RESCHEDULED: { sv: 'Tidsfrist satt', en: 'Deadline set' },
  SECRECY_MARKED: { sv: 'Sekretessmarkering', en: 'Secrecy marking' },
  SECRECY_UNMARKED: { sv: 'Sekretessmarkering borttagen', en: 'Secrecy marking removed' },
  MERGED: { sv: 'Sammanslagen med annan incident', en: 'Merged into another incident' },
  MERGED_FROM: { sv: 'Annan incident sammanslagen hit', en: 'Another incident merged into this' },
  QUALITY_BRIDGE: { sv: 'Bedömd som personuppgiftsincident?', en: 'Personal data breach?' },
  NOTICE_SENT: { sv: 'Information lämnad', en: 'Information notice sent' },
  EXPORTED: { sv: 'Export gjord', en: 'Export made' },
  ATTACHMENT_ADDED: { sv: 'Bilaga tillagd', en: 'Attachment added' },
  ATTACHMENT_REMOVED: { sv: 'Bilaga borttagen', en: 'Attachment removed' },
  CLASSIFICATION_FLAGGED: {
    sv: 'Klassningar flaggade för omprövning',
    en: 'Classifications flagged for review',
  },
};

/** How a regulator stage was closed; null while open. */
export const OBLIGATION_DECISIONS = ['SUBMITTED', 'NOT_REQUIRED', 'WITHDRAWN'] as const;
export type ObligationDecision = (typeof OBLIGATION_DECISIONS)[number];

/** `INC-2026-0001`: per tenant and year, at least four digits. */
export function formatIncidentNumber(year: number, sequence: number): string {
  return `INC-${year}-${String(sequence).padStart(4, '0')}`;
}

export const INCIDENT_NUMBER_PATTERN = /^INC-\d{4}-\d{4,}$/;

/** BR-D4: the deviation subtypes that ask "Är detta en personuppgiftsincident?". */
export const QUALITY_BRIDGE_SUBTYPES: readonly IncidentSubtype[] = ['SECRECY', 'REGISTRATION_ARCHIVE'];

/** The quality-bridge question is open: a SECRECY/REGISTRATION_ARCHIVE deviation, open, not yet answered. */
export function qualityBridgeAsked(i: {
  type: IncidentType | null;
  subtype: IncidentSubtype | null;
  status: IncidentStatus;
  qualityBridgeAnswer: 'YES' | 'NO' | null;
}): boolean {
  return (
    i.type === 'DEVIATION' &&
    i.subtype !== null &&
    QUALITY_BRIDGE_SUBTYPES.includes(i.subtype) &&
    OPEN_STATUSES.includes(i.status) &&
    i.status !== 'REPORTED' &&
    i.qualityBridgeAnswer === null
  );
}

import type { Role } from '@varna/authz/core';
import { ApiError } from '../api/client';
import type {
  Art34Exemption,
  BreachRiskAssessment,
  CrisisEscalation,
  IncidentAspect,
  IncidentStatus,
  IncidentSubtype,
  IncidentType,
  ObligationStatus,
  OrgUnitType,
  RegulatoryRegime,
  RegulatoryStage,
  RootCauseCategory,
  SecrecyField,
  Severity,
  TimelineKind,
  TriState,
} from '../api/types';
import type { Translate } from './i18n';
import type { MessageKey } from './messages';

/** Catalogue keys of every role (the same words as ROLE_LABELS in the core; a test keeps them equal). */
export const ROLE_KEYS: Record<Role, MessageKey> = {
  ADMIN: 'role.ADMIN',
  CISO: 'role.CISO',
  COORDINATOR: 'role.COORDINATOR',
  DPO: 'role.DPO',
  HEAD: 'role.HEAD',
  MANAGER: 'role.MANAGER',
  EMPLOYEE: 'role.EMPLOYEE',
  AUDITOR: 'role.AUDITOR',
  ELECTED: 'role.ELECTED',
  READER: 'role.READER',
  SECURITY_PROTECTION_OFFICER: 'role.SECURITY_PROTECTION_OFFICER',
};

export const ORG_TYPE_KEYS: Record<OrgUnitType, MessageKey> = {
  TENANT_ROOT: 'orgType.TENANT_ROOT',
  COUNCIL: 'orgType.COUNCIL',
  EXECUTIVE_BOARD: 'orgType.EXECUTIVE_BOARD',
  COMMITTEE: 'orgType.COMMITTEE',
  AUDIT_BODY: 'orgType.AUDIT_BODY',
  ADMINISTRATION: 'orgType.ADMINISTRATION',
  DIVISION: 'orgType.DIVISION',
  UNIT: 'orgType.UNIT',
  COMPANY: 'orgType.COMPANY',
  JOINT_BODY: 'orgType.JOINT_BODY',
  PROJECT: 'orgType.PROJECT',
};

// Incident enumerations: the same words as the labels of libs/incident/src/domain (a test keeps them equal).

export const INCIDENT_STATUS_KEYS: Record<IncidentStatus, MessageKey> = {
  REPORTED: 'incident.status.REPORTED',
  TRIAGED: 'incident.status.TRIAGED',
  INVESTIGATING: 'incident.status.INVESTIGATING',
  ACTIONS: 'incident.status.ACTIONS',
  CLOSED: 'incident.status.CLOSED',
  REJECTED: 'incident.status.REJECTED',
  MERGED: 'incident.status.MERGED',
};

export const INCIDENT_TYPE_KEYS: Record<IncidentType, MessageKey> = {
  INFOSEC_INCIDENT: 'incident.type.INFOSEC_INCIDENT',
  PERSONAL_DATA_BREACH: 'incident.type.PERSONAL_DATA_BREACH',
  IT_INCIDENT: 'incident.type.IT_INCIDENT',
  DEVIATION: 'incident.type.DEVIATION',
  SECURITY_EVENT: 'incident.type.SECURITY_EVENT',
};

export const INCIDENT_SUBTYPE_KEYS: Record<IncidentSubtype, MessageKey> = {
  WRONG_RECIPIENT: 'incident.subtype.WRONG_RECIPIENT',
  WRONG_RECORD: 'incident.subtype.WRONG_RECORD',
  LOST_DEVICE: 'incident.subtype.LOST_DEVICE',
  PHISHING: 'incident.subtype.PHISHING',
  MALWARE: 'incident.subtype.MALWARE',
  RANSOMWARE: 'incident.subtype.RANSOMWARE',
  UNAUTHORISED_ACCESS: 'incident.subtype.UNAUTHORISED_ACCESS',
  OUTAGE: 'incident.subtype.OUTAGE',
  EXCESSIVE_ACCESS_RIGHTS: 'incident.subtype.EXCESSIVE_ACCESS_RIGHTS',
  PHYSICAL: 'incident.subtype.PHYSICAL',
  SUPPLIER: 'incident.subtype.SUPPLIER',
  DENIAL_OF_SERVICE: 'incident.subtype.DENIAL_OF_SERVICE',
  OTHER: 'incident.subtype.OTHER',
  LEX_SARAH: 'incident.subtype.LEX_SARAH',
  LEX_MARIA: 'incident.subtype.LEX_MARIA',
  CASE_HANDLING: 'incident.subtype.CASE_HANDLING',
  SECRECY: 'incident.subtype.SECRECY',
  REGISTRATION_ARCHIVE: 'incident.subtype.REGISTRATION_ARCHIVE',
};

export const SEVERITY_KEYS: Record<Severity, MessageKey> = {
  LOW: 'incident.severity.LOW',
  MEDIUM: 'incident.severity.MEDIUM',
  HIGH: 'incident.severity.HIGH',
  CRITICAL: 'incident.severity.CRITICAL',
};

export const TRI_STATE_KEYS: Record<TriState, MessageKey> = {
  YES: 'incident.triState.YES',
  NO: 'incident.triState.NO',
  UNKNOWN: 'incident.triState.UNKNOWN',
};

export const BREACH_RISK_KEYS: Record<BreachRiskAssessment, MessageKey> = {
  UNLIKELY: 'incident.breachRisk.UNLIKELY',
  RISK: 'incident.breachRisk.RISK',
  HIGH_RISK: 'incident.breachRisk.HIGH_RISK',
};

export const CRISIS_ESCALATION_KEYS: Record<CrisisEscalation, MessageKey> = {
  NONE: 'incident.crisis.NONE',
  TIB_INFORMED: 'incident.crisis.TIB_INFORMED',
  CRISIS_LEVEL_RAISED: 'incident.crisis.CRISIS_LEVEL_RAISED',
};

export const SECRECY_FIELD_KEYS: Record<SecrecyField, MessageKey> = {
  title: 'secrecy.field.title',
  description: 'secrecy.field.description',
  rootCause: 'secrecy.field.rootCause',
  consequences: 'secrecy.field.consequences',
  measures: 'secrecy.field.measures',
  lessonsLearned: 'secrecy.field.lessonsLearned',
  dataSubjectsApprox: 'secrecy.field.dataSubjectsApprox',
  recordsApprox: 'secrecy.field.recordsApprox',
  dataCategories: 'secrecy.field.dataCategories',
};

export const INCIDENT_ASPECT_KEYS: Record<IncidentAspect, MessageKey> = {
  K: 'incident.aspect.K',
  R: 'incident.aspect.R',
  T: 'incident.aspect.T',
  S: 'incident.aspect.S',
};

export const ROOT_CAUSE_KEYS: Record<RootCauseCategory, MessageKey> = {
  HUMAN_ERROR: 'incident.rootCause.HUMAN_ERROR',
  ROUTINE_MISSING: 'incident.rootCause.ROUTINE_MISSING',
  ROUTINE_NOT_FOLLOWED: 'incident.rootCause.ROUTINE_NOT_FOLLOWED',
  TECHNICAL_FAULT: 'incident.rootCause.TECHNICAL_FAULT',
  SUPPLIER: 'incident.rootCause.SUPPLIER',
  ANTAGONISTIC: 'incident.rootCause.ANTAGONISTIC',
  UNKNOWN: 'incident.rootCause.UNKNOWN',
};

export const TIMELINE_KIND_KEYS: Record<TimelineKind, MessageKey> = {
  CREATED: 'timeline.kind.CREATED',
  STATUS_CHANGED: 'timeline.kind.STATUS_CHANGED',
  TYPE_CHANGED: 'timeline.kind.TYPE_CHANGED',
  SEVERITY_CHANGED: 'timeline.kind.SEVERITY_CHANGED',
  AWARE_AT_CHANGED: 'timeline.kind.AWARE_AT_CHANGED',
  ASSIGNED: 'timeline.kind.ASSIGNED',
  UNIT_CHANGED: 'timeline.kind.UNIT_CHANGED',
  FIELDS_UPDATED: 'timeline.kind.FIELDS_UPDATED',
  NOTE: 'timeline.kind.NOTE',
  OBLIGATION_CREATED: 'timeline.kind.OBLIGATION_CREATED',
  OBLIGATION_SUBMITTED: 'timeline.kind.OBLIGATION_SUBMITTED',
  OBLIGATION_NOT_REQUIRED: 'timeline.kind.OBLIGATION_NOT_REQUIRED',
  OBLIGATION_WITHDRAWN: 'timeline.kind.OBLIGATION_WITHDRAWN',
  OBLIGATION_RESCHEDULED: 'timeline.kind.OBLIGATION_RESCHEDULED',
  SECRECY_MARKED: 'timeline.kind.SECRECY_MARKED',
  SECRECY_UNMARKED: 'timeline.kind.SECRECY_UNMARKED',
  MERGED: 'timeline.kind.MERGED',
  MERGED_FROM: 'timeline.kind.MERGED_FROM',
  QUALITY_BRIDGE: 'timeline.kind.QUALITY_BRIDGE',
  NOTICE_SENT: 'timeline.kind.NOTICE_SENT',
  EXPORTED: 'timeline.kind.EXPORTED',
  ATTACHMENT_ADDED: 'timeline.kind.ATTACHMENT_ADDED',
  ATTACHMENT_REMOVED: 'timeline.kind.ATTACHMENT_REMOVED',
  CLASSIFICATION_FLAGGED: 'timeline.kind.CLASSIFICATION_FLAGGED',
};

export const REGIME_KEYS: Record<RegulatoryRegime, MessageKey> = {
  GDPR_ART33_IMY: 'obligation.regime.GDPR_ART33_IMY',
  GDPR_ART34_SUBJECTS: 'obligation.regime.GDPR_ART34_SUBJECTS',
  GDPR_ART33_5_LOG: 'obligation.regime.GDPR_ART33_5_LOG',
  CYBER_ACT: 'obligation.regime.CYBER_ACT',
  MSBFS_2020_8_MODEL: 'obligation.regime.MSBFS_2020_8_MODEL',
  IVO_LEX_SARAH: 'obligation.regime.IVO_LEX_SARAH',
  IVO_LEX_MARIA: 'obligation.regime.IVO_LEX_MARIA',
  SECURITY_PROTECTION: 'obligation.regime.SECURITY_PROTECTION',
  POLICE_REPORT: 'obligation.regime.POLICE_REPORT',
};

export const STAGE_KEYS: Record<RegulatoryStage, MessageKey> = {
  NOTIFICATION: 'obligation.stage.NOTIFICATION',
  SUPPLEMENT: 'obligation.stage.SUPPLEMENT',
  COMMUNICATION: 'obligation.stage.COMMUNICATION',
  BREACH_LOG: 'obligation.stage.BREACH_LOG',
  EARLY_WARNING: 'obligation.stage.EARLY_WARNING',
  INCIDENT_NOTIFICATION: 'obligation.stage.INCIDENT_NOTIFICATION',
  INTERMEDIATE_REPORT: 'obligation.stage.INTERMEDIATE_REPORT',
  PROGRESS_REPORT: 'obligation.stage.PROGRESS_REPORT',
  FINAL_REPORT: 'obligation.stage.FINAL_REPORT',
  REPORT: 'obligation.stage.REPORT',
};

export const OBLIGATION_STATUS_KEYS: Record<ObligationStatus, MessageKey> = {
  PENDING: 'obligation.status.PENDING',
  DUE_SOON: 'obligation.status.DUE_SOON',
  OVERDUE: 'obligation.status.OVERDUE',
  MET: 'obligation.status.MET',
  MISSED: 'obligation.status.MISSED',
  NOT_REQUIRED: 'obligation.status.NOT_REQUIRED',
  WITHDRAWN: 'obligation.status.WITHDRAWN',
};

export const ART34_KEYS: Record<Art34Exemption, MessageKey> = {
  ART34_3_A: 'obligation.art34.ART34_3_A',
  ART34_3_B: 'obligation.art34.ART34_3_B',
  ART34_3_C: 'obligation.art34.ART34_3_C',
};

/** Error codes the UI words itself (in either language); any other code shows the server's Swedish message. */
const ERROR_KEYS: Partial<Record<string, MessageKey>> = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  CSRF_TOKEN_INVALID: 'error.CSRF_TOKEN_INVALID',
  FORBIDDEN: 'error.FORBIDDEN',
  VERSION_CONFLICT: 'error.VERSION_CONFLICT',
  ORG_UNIT_MOVE_CYCLE: 'error.ORG_UNIT_MOVE_CYCLE',
  ORG_UNIT_ROOT_IMMUTABLE: 'error.ORG_UNIT_ROOT_IMMUTABLE',
  ORG_UNIT_PARENT_INACTIVE: 'error.ORG_UNIT_PARENT_INACTIVE',
  ORG_UNIT_INACTIVE: 'error.ORG_UNIT_INACTIVE',
  ORG_UNIT_NOT_FOUND: 'error.ORG_UNIT_NOT_FOUND',
  NETWORK_ERROR: 'error.NETWORK_ERROR',
  PAYLOAD_TOO_LARGE: 'error.PAYLOAD_TOO_LARGE',
  INCIDENT_NOT_FOUND: 'error.INCIDENT_NOT_FOUND',
  INCIDENT_IDEMPOTENCY_CONFLICT: 'error.INCIDENT_IDEMPOTENCY_CONFLICT',
  INCIDENT_IDEMPOTENCY_KEY_INVALID: 'error.INCIDENT_IDEMPOTENCY_KEY_INVALID',
  INCIDENT_UNIT_INVALID: 'error.INCIDENT_UNIT_INVALID',
  INCIDENT_TIME_INVALID: 'error.INCIDENT_TIME_INVALID',
  INCIDENT_TRANSITION_FORBIDDEN: 'error.INCIDENT_TRANSITION_FORBIDDEN',
  INCIDENT_INVALID_TRANSITION: 'error.INCIDENT_INVALID_TRANSITION',
  INCIDENT_REASON_REQUIRED: 'error.INCIDENT_REASON_REQUIRED',
  INCIDENT_CLOSED: 'error.INCIDENT_CLOSED',
  INCIDENT_TRIAGE_INCOMPLETE: 'error.INCIDENT_TRIAGE_INCOMPLETE',
  INCIDENT_SUBTYPE_INVALID: 'error.INCIDENT_SUBTYPE_INVALID',
  INCIDENT_PERSONAL_DATA_CONTRADICTION: 'error.INCIDENT_PERSONAL_DATA_CONTRADICTION',
  INCIDENT_PERSON_INVALID: 'error.INCIDENT_PERSON_INVALID',
  INCIDENT_AWARE_AT_AFTER_REPORTED_AT: 'error.INCIDENT_AWARE_AT_AFTER_REPORTED_AT',
  OBLIGATION_LATE_REASON_REQUIRED: 'error.OBLIGATION_LATE_REASON_REQUIRED',
  OBLIGATION_DECIDER_NOT_AUTHORISED: 'error.OBLIGATION_DECIDER_NOT_AUTHORISED',
  OBLIGATION_ALREADY_CLOSED: 'error.OBLIGATION_ALREADY_CLOSED',
  OBLIGATION_REASON_REQUIRED: 'error.OBLIGATION_REASON_REQUIRED',
  OBLIGATION_RISK_NOT_ASSESSED_UNLIKELY: 'error.OBLIGATION_RISK_NOT_ASSESSED_UNLIKELY',
  OBLIGATION_ART34_GROUND_REQUIRED: 'error.OBLIGATION_ART34_GROUND_REQUIRED',
  OBLIGATION_AUTOMATIC: 'error.OBLIGATION_AUTOMATIC',
  SESSION_NOT_KEPT: 'error.SESSION_NOT_KEPT',
  ASSET_INFORMATION_LINK_EXISTS: 'error.ASSET_INFORMATION_LINK_EXISTS',
  ASSET_DEPENDENCY_EXISTS: 'error.ASSET_DEPENDENCY_EXISTS',
  ASSET_DEPENDENCY_SELF: 'error.ASSET_DEPENDENCY_SELF',
  REGISTER_ROW_RETIRED: 'error.REGISTER_ROW_RETIRED',
};

/** Why closing or rejecting is refused (the closing guard's issue codes, libs/incident). */
const CLOSING_ISSUE_KEYS: Partial<Record<string, MessageKey>> = {
  OBLIGATION_OPEN: 'error.closing.OBLIGATION_OPEN',
  LATE_REASON_MISSING: 'error.closing.LATE_REASON_MISSING',
  ROOT_CAUSE_REQUIRED: 'error.closing.ROOT_CAUSE_REQUIRED',
  LESSONS_LEARNED_REQUIRED: 'error.closing.LESSONS_LEARNED_REQUIRED',
};

function detail(error: ApiError, field: string): number | undefined {
  const value = (error.details as Record<string, unknown> | null)?.[field];
  return typeof value === 'number' ? value : undefined;
}

/** A failure in words: the catalogue's wording for known codes, counts from the error's details. */
export function errorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.code) {
    case 'LOGIN_LOCKED': {
      const seconds = detail(error, 'retryAfterSeconds') ?? 60;
      return t('error.LOGIN_LOCKED', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case 'ORG_UNIT_HAS_ACTIVE_CHILDREN':
      return t('error.ORG_UNIT_HAS_ACTIVE_CHILDREN', { count: detail(error, 'activeChildren') ?? '?' });
    case 'ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS':
      return t('error.ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS', { count: detail(error, 'activeAssignments') ?? '?' });
    case 'ORG_UNIT_CODE_TAKEN':
      return t('error.ORG_UNIT_CODE_TAKEN', {
        code: String((error.details as { code?: string } | null)?.code ?? ''),
      });
    case 'TENANT_REQUIRED':
      return t('error.TENANT_REQUIRED');
    case 'ASSET_DEPENDENCY_CYCLE': {
      const cycle = (error.details as { cycle?: unknown } | null)?.cycle;
      const codes = Array.isArray(cycle) ? cycle.map(String) : [];
      return t('error.ASSET_DEPENDENCY_CYCLE', { cycle: codes.join(' → ') || '?' });
    }
    case 'INCIDENT_CLOSE_BLOCKED':
    case 'INCIDENT_REJECT_BLOCKED': {
      const issues = Array.isArray(error.details) ? (error.details as { code?: string }[]) : [];
      const reasons = [...new Set(issues.map((i) => CLOSING_ISSUE_KEYS[i.code ?? '']))]
        .filter((key): key is MessageKey => Boolean(key))
        .map((key) => t(key));
      const head =
        error.code === 'INCIDENT_CLOSE_BLOCKED'
          ? t('error.INCIDENT_CLOSE_BLOCKED')
          : t('error.INCIDENT_REJECT_BLOCKED');
      return [head, ...reasons].join(' ');
    }
  }
  const key = ERROR_KEYS[error.code];
  if (key) return t(key);
  if (error.status >= 500) return t('error.server');
  return error.message || t('error.unexpected');
}

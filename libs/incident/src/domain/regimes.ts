/**
 * Regulator regimes, their stages (D-60) and when they apply (domain.md §4d "Regulator clocks").
 * Pure data and functions; no framework, no I/O.
 */
import { RegulatoryClockError } from './errors';
import { days, hours, months, type Period } from './period';

type Labels = { readonly sv: string; readonly en: string };

// ---------------------------------------------------------------------------------------------
// Incident facts the rules read (the incident entity defines the same values, §4d).
// ---------------------------------------------------------------------------------------------

export const INCIDENT_TYPES = [
  'INFOSEC_INCIDENT',
  'PERSONAL_DATA_BREACH',
  'IT_INCIDENT',
  'DEVIATION',
  'SECURITY_EVENT',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_TYPE_LABELS: Record<IncidentType, Labels> = {
  INFOSEC_INCIDENT: { sv: 'Informationssäkerhetsincident', en: 'Information security incident' },
  PERSONAL_DATA_BREACH: { sv: 'Personuppgiftsincident', en: 'Personal data breach' },
  IT_INCIDENT: { sv: 'IT-incident', en: 'IT incident' },
  DEVIATION: { sv: 'Avvikelse', en: 'Deviation' },
  SECURITY_EVENT: { sv: 'Säkerhetshändelse (obekräftad)', en: 'Security event (unconfirmed)' },
};

export const TRI_STATES = ['YES', 'NO', 'UNKNOWN'] as const;
export type TriState = (typeof TRI_STATES)[number];

export const TRI_STATE_LABELS: Record<TriState, Labels> = {
  YES: { sv: 'Ja', en: 'Yes' },
  NO: { sv: 'Nej', en: 'No' },
  UNKNOWN: { sv: 'Vet inte', en: "Don't know" },
};

export const BREACH_RISK_ASSESSMENTS = ['UNLIKELY', 'RISK', 'HIGH_RISK'] as const;
export type BreachRiskAssessment = (typeof BREACH_RISK_ASSESSMENTS)[number];

export const BREACH_RISK_ASSESSMENT_LABELS: Record<BreachRiskAssessment, Labels> = {
  UNLIKELY: { sv: 'Osannolikt att medföra risk', en: 'Unlikely to result in a risk' },
  RISK: { sv: 'Risk för de registrerade', en: 'Risk to data subjects' },
  HIGH_RISK: { sv: 'Hög risk för de registrerade', en: 'High risk to data subjects' },
};

/** What the applicability rules read from an incident and its unit. */
export interface IncidentFacts {
  /** Null while the incident is untriaged. */
  readonly type: IncidentType | null;
  readonly personalDataInvolved: TriState;
  /** The DPO's advice (§4d); null until assessed. */
  readonly breachRiskAssessment: BreachRiskAssessment | null;
  /** `OrgUnit.coveredByCyberSecurityAct` of the incident's unit (inherited per D-05, not by bolag, D-47). */
  readonly unitCoveredByCyberSecurityAct: boolean;
  /** NIS2 Art. 23(3) assessment; null until assessed. */
  readonly significantUnderCyberAct: boolean | null;
  /** Social services: serious wrongdoing or a clear risk of it (lex Sarah, report to IVO). */
  readonly lexSarah: boolean;
  /** Municipal healthcare: serious care injury or risk of it (lex Maria, report to IVO). */
  readonly lexMaria: boolean;
  /** Säkerhetskänslig verksamhet affected (Säkerhetsskyddslagen 2018:585). */
  readonly securityProtectionAffected: boolean;
  readonly suspectedCrime: boolean;
}

// ---------------------------------------------------------------------------------------------
// Enumerations with labels
// ---------------------------------------------------------------------------------------------

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

export const REGULATORY_REGIME_LABELS: Record<RegulatoryRegime, Labels> = {
  GDPR_ART33_IMY: {
    sv: 'Anmälan till IMY (GDPR art. 33)',
    en: 'Notification to IMY (GDPR Art. 33)',
  },
  GDPR_ART34_SUBJECTS: {
    sv: 'Information till de registrerade (GDPR art. 34)',
    en: 'Communication to data subjects (GDPR Art. 34)',
  },
  GDPR_ART33_5_LOG: {
    sv: 'Dokumentation av personuppgiftsincidenten (GDPR art. 33.5)',
    en: 'Breach documentation (GDPR Art. 33(5))',
  },
  CYBER_ACT: {
    sv: 'Incidentrapportering enligt cybersäkerhetslagen (2025:1506)',
    en: 'Incident reporting under the Cybersecurity Act (2025:1506)',
  },
  MSBFS_2020_8_MODEL: {
    sv: 'Incidentrapportering enligt MSBFS 2020:8 (modell)',
    en: 'Incident reporting on the MSBFS 2020:8 model',
  },
  IVO_LEX_SARAH: { sv: 'Anmälan till IVO enligt lex Sarah', en: 'Report to IVO under lex Sarah' },
  IVO_LEX_MARIA: { sv: 'Anmälan till IVO enligt lex Maria', en: 'Report to IVO under lex Maria' },
  SECURITY_PROTECTION: {
    sv: 'Rapport till Säkerhetspolisen (säkerhetsskydd)',
    en: 'Report to the Security Service (protective security)',
  },
  POLICE_REPORT: { sv: 'Polisanmälan', en: 'Police report' },
};

/** D-60. */
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

export const REGULATORY_STAGE_LABELS: Record<RegulatoryStage, Labels> = {
  NOTIFICATION: { sv: 'Anmälan', en: 'Notification' },
  SUPPLEMENT: { sv: 'Komplettering', en: 'Supplement' },
  COMMUNICATION: { sv: 'Information till de registrerade', en: 'Communication to data subjects' },
  BREACH_LOG: { sv: 'Dokumentation i incidentloggen', en: 'Breach log entry' },
  EARLY_WARNING: { sv: 'Tidig varning', en: 'Early warning' },
  INCIDENT_NOTIFICATION: { sv: 'Incidentanmälan', en: 'Incident notification' },
  INTERMEDIATE_REPORT: { sv: 'Delrapport', en: 'Intermediate report' },
  PROGRESS_REPORT: { sv: 'Lägesrapport', en: 'Progress report' },
  FINAL_REPORT: { sv: 'Slutrapport', en: 'Final report' },
  REPORT: { sv: 'Anmälan', en: 'Report' },
};

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

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, Labels> = {
  PENDING: { sv: 'Pågår', en: 'Pending' },
  DUE_SOON: { sv: 'Snart förfallen', en: 'Due soon' },
  OVERDUE: { sv: 'Tidsfristen passerad', en: 'Overdue' },
  MET: { sv: 'Inlämnad i tid', en: 'Met' },
  MISSED: { sv: 'Inlämnad för sent', en: 'Missed' },
  NOT_REQUIRED: { sv: 'Krävs inte', en: 'Not required' },
  WITHDRAWN: { sv: 'Utgår', en: 'Withdrawn' },
};

export const ANCHOR_KINDS = [
  'AWARE_AT',
  'PREVIOUS_STAGE_SUBMITTED',
  'DECISION_DATE',
  'IDENTIFIED_AT',
  'HANDLED_AT',
] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];

export const ANCHOR_KIND_LABELS: Record<AnchorKind, Labels> = {
  AWARE_AT: { sv: 'Kännedom', en: 'Time of awareness' },
  PREVIOUS_STAGE_SUBMITTED: { sv: 'Föregående steg inlämnat', en: 'Previous stage submitted' },
  DECISION_DATE: { sv: 'Beslutsdatum', en: 'Decision date' },
  IDENTIFIED_AT: { sv: 'Identifierad', en: 'Identified' },
  HANDLED_AT: { sv: 'Incidenten hanterad', en: 'Incident handled' },
};

/**
 * DEADLINE: a statutory deadline, stored in `deadlineAt`, counted in K12, can be MISSED.
 * TARGET: an internal target where the law says "snarast"/"without undue delay", stored in
 * `targetAt`, never MISSED, not counted in K12. NONE: no clock.
 */
export const CLOCK_KINDS = ['DEADLINE', 'TARGET', 'NONE'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_KIND_LABELS: Record<ClockKind, Labels> = {
  DEADLINE: { sv: 'Lagstadgad tidsfrist', en: 'Statutory deadline' },
  TARGET: { sv: 'Internt mål', en: 'Internal target' },
  NONE: { sv: 'Ingen tidsfrist', en: 'No deadline' },
};

/** When a stage comes into existence. */
export const STAGE_TRIGGERS = [
  /** Created when the regime applies (at triage, or when a field makes it apply later). */
  'REGIME_APPLIES',
  /** GDPR Art. 33(4): only when the notification is submitted as a first phase. */
  'FIRST_PHASE_SUBMITTED',
  /** Cyber act: when the CSIRT asks for an intermediate report. */
  'CSIRT_REQUEST',
  /** Cyber act: when the final report falls due while the incident is still ongoing. */
  'ONGOING_AT_FINAL_REPORT',
] as const;
export type StageTrigger = (typeof STAGE_TRIGGERS)[number];

/** Receivers are configuration, not constants (D-25): these kinds are resolved per tenant. */
export const RECEIVER_KINDS = [
  'IMY',
  'CSIRT',
  'IVO',
  'DATA_SUBJECTS',
  'SECURITY_SERVICE',
  'POLICE',
  'INTERNAL',
] as const;
export type ReceiverKind = (typeof RECEIVER_KINDS)[number];

export const RECEIVER_KIND_LABELS: Record<ReceiverKind, Labels> = {
  IMY: { sv: 'Integritetsskyddsmyndigheten (IMY)', en: 'Swedish Authority for Privacy Protection (IMY)' },
  CSIRT: { sv: 'Nationell CSIRT-enhet', en: 'National CSIRT' },
  IVO: { sv: 'Inspektionen för vård och omsorg (IVO)', en: 'Health and Social Care Inspectorate (IVO)' },
  DATA_SUBJECTS: { sv: 'De registrerade', en: 'Data subjects' },
  SECURITY_SERVICE: {
    sv: 'Säkerhetspolisen (via säkerhetsskyddschefen)',
    en: 'Security Service (via the security protection officer)',
  },
  POLICE: { sv: 'Polismyndigheten', en: 'Swedish Police Authority' },
  INTERNAL: { sv: 'Intern dokumentation', en: 'Internal record' },
};

// ---------------------------------------------------------------------------------------------
// Stage definitions (D-60)
// ---------------------------------------------------------------------------------------------

export interface StageDefinition {
  readonly regime: RegulatoryRegime;
  readonly stage: RegulatoryStage;
  readonly anchor: AnchorKind;
  /** Null: no period (no clock, or a deadline stated by a request). */
  readonly period: Period | null;
  readonly clock: ClockKind;
  readonly trigger: StageTrigger;
  readonly receiver: ReceiverKind;
}

type StageSpec = Omit<StageDefinition, 'regime'>;

const STAGES: Record<RegulatoryRegime, readonly StageSpec[]> = {
  GDPR_ART33_IMY: [
    {
      stage: 'NOTIFICATION',
      anchor: 'AWARE_AT',
      period: hours(72),
      clock: 'DEADLINE',
      trigger: 'REGIME_APPLIES',
      receiver: 'IMY',
    },
    {
      stage: 'SUPPLEMENT',
      anchor: 'PREVIOUS_STAGE_SUBMITTED',
      period: days(28),
      clock: 'TARGET',
      trigger: 'FIRST_PHASE_SUBMITTED',
      receiver: 'IMY',
    },
  ],
  GDPR_ART34_SUBJECTS: [
    {
      stage: 'COMMUNICATION',
      anchor: 'AWARE_AT',
      period: hours(72),
      clock: 'TARGET',
      trigger: 'REGIME_APPLIES',
      receiver: 'DATA_SUBJECTS',
    },
  ],
  GDPR_ART33_5_LOG: [
    {
      stage: 'BREACH_LOG',
      anchor: 'AWARE_AT',
      period: null,
      clock: 'NONE',
      trigger: 'REGIME_APPLIES',
      receiver: 'INTERNAL',
    },
  ],
  CYBER_ACT: [
    {
      stage: 'EARLY_WARNING',
      anchor: 'AWARE_AT',
      period: hours(24),
      clock: 'DEADLINE',
      trigger: 'REGIME_APPLIES',
      receiver: 'CSIRT',
    },
    {
      stage: 'INCIDENT_NOTIFICATION',
      anchor: 'AWARE_AT',
      period: hours(72),
      clock: 'DEADLINE',
      trigger: 'REGIME_APPLIES',
      receiver: 'CSIRT',
    },
    {
      stage: 'FINAL_REPORT',
      anchor: 'PREVIOUS_STAGE_SUBMITTED',
      period: months(1),
      clock: 'DEADLINE',
      trigger: 'REGIME_APPLIES',
      receiver: 'CSIRT',
    },
    {
      // The deadline is the one the CSIRT's request states; the request is the anchoring decision.
      stage: 'INTERMEDIATE_REPORT',
      anchor: 'DECISION_DATE',
      period: null,
      clock: 'DEADLINE',
      trigger: 'CSIRT_REQUEST',
      receiver: 'CSIRT',
    },
    {
      // Takes over the final report's deadline (notification submitted + 1 month).
      stage: 'PROGRESS_REPORT',
      anchor: 'PREVIOUS_STAGE_SUBMITTED',
      period: months(1),
      clock: 'DEADLINE',
      trigger: 'ONGOING_AT_FINAL_REPORT',
      receiver: 'CSIRT',
    },
  ],
  MSBFS_2020_8_MODEL: [
    {
      stage: 'NOTIFICATION',
      anchor: 'IDENTIFIED_AT',
      period: hours(6),
      clock: 'TARGET',
      trigger: 'REGIME_APPLIES',
      receiver: 'CSIRT',
    },
    {
      stage: 'FINAL_REPORT',
      anchor: 'IDENTIFIED_AT',
      period: days(28),
      clock: 'TARGET',
      trigger: 'REGIME_APPLIES',
      receiver: 'CSIRT',
    },
  ],
  IVO_LEX_SARAH: [
    {
      stage: 'REPORT',
      anchor: 'DECISION_DATE',
      period: days(14),
      clock: 'TARGET',
      trigger: 'REGIME_APPLIES',
      receiver: 'IVO',
    },
  ],
  IVO_LEX_MARIA: [
    {
      stage: 'REPORT',
      anchor: 'DECISION_DATE',
      period: days(14),
      clock: 'TARGET',
      trigger: 'REGIME_APPLIES',
      receiver: 'IVO',
    },
  ],
  SECURITY_PROTECTION: [
    {
      stage: 'REPORT',
      anchor: 'AWARE_AT',
      period: null,
      clock: 'NONE',
      trigger: 'REGIME_APPLIES',
      receiver: 'SECURITY_SERVICE',
    },
  ],
  POLICE_REPORT: [
    {
      stage: 'REPORT',
      anchor: 'AWARE_AT',
      period: null,
      clock: 'NONE',
      trigger: 'REGIME_APPLIES',
      receiver: 'POLICE',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Tenant configuration
// ---------------------------------------------------------------------------------------------

export type PeriodOverrides = {
  readonly [R in RegulatoryRegime]?: { readonly [S in RegulatoryStage]?: Period };
};

export interface TenantClockRules {
  /** The optional MSBFS 2020:8 model (off by default and in the demo, §6). */
  readonly msbfsModel?: {
    readonly enabled: boolean;
    /** Incident types the model applies to; default {@link MSBFS_MODEL_DEFAULT_INCIDENT_TYPES}. */
    readonly incidentTypes?: readonly IncidentType[];
  };
  /**
   * Per-tenant periods for internal targets (D-24 and the MSBFS model). Statutory deadlines are
   * fixed by law and may not be overridden.
   */
  readonly periodOverrides?: PeriodOverrides;
}

export const DEFAULT_TENANT_CLOCK_RULES: TenantClockRules = { msbfsModel: { enabled: false } };

/** The model concerns IT and information security incidents; a personal data breach is one. */
export const MSBFS_MODEL_DEFAULT_INCIDENT_TYPES: readonly IncidentType[] = [
  'INFOSEC_INCIDENT',
  'IT_INCIDENT',
  'PERSONAL_DATA_BREACH',
];

export const TENANT_RULE_ISSUE_CODES = [
  'STAGE_NOT_IN_REGIME',
  'PERIOD_NOT_OVERRIDABLE',
  'INVALID_PERIOD',
] as const;
export type TenantRuleIssueCode = (typeof TENANT_RULE_ISSUE_CODES)[number];

export interface TenantRuleIssue {
  readonly code: TenantRuleIssueCode;
  readonly regime: RegulatoryRegime;
  readonly stage: RegulatoryStage;
}

/** Checks per-tenant overrides: only TARGET stages with a period, positive whole amounts. */
export function validateTenantClockRules(rules: TenantClockRules): TenantRuleIssue[] {
  const issues: TenantRuleIssue[] = [];
  for (const regime of REGULATORY_REGIMES) {
    const overrides = rules.periodOverrides?.[regime];
    if (!overrides) continue;
    for (const stage of REGULATORY_STAGES) {
      const period = overrides[stage];
      if (!period) continue;
      const spec = STAGES[regime].find((s) => s.stage === stage);
      if (!spec) issues.push({ code: 'STAGE_NOT_IN_REGIME', regime, stage });
      else if (spec.clock !== 'TARGET' || spec.period === null) {
        issues.push({ code: 'PERIOD_NOT_OVERRIDABLE', regime, stage });
      } else if (!Number.isSafeInteger(period.amount) || period.amount < 1) {
        issues.push({ code: 'INVALID_PERIOD', regime, stage });
      }
    }
  }
  return issues;
}

/**
 * The stages of a regime with anchor, period and clock kind (D-60), in order, with the tenant's
 * target overrides applied. Throws {@link RegulatoryClockError} for invalid tenant rules.
 */
export function stagesFor(
  regime: RegulatoryRegime,
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): StageDefinition[] {
  const issues = validateTenantClockRules(rules);
  if (issues.length > 0) {
    throw new RegulatoryClockError(
      'INVALID_TENANT_CLOCK_RULES',
      `Invalid tenant clock rules: ${issues.map((i) => `${i.regime}.${i.stage} ${i.code}`).join(', ')}.`,
    );
  }
  const overrides = rules.periodOverrides?.[regime];
  return STAGES[regime].map((spec) => ({ regime, ...spec, period: overrides?.[spec.stage] ?? spec.period }));
}

/** One stage's definition; throws if the stage is not part of the regime. */
export function stageDefinition(
  regime: RegulatoryRegime,
  stage: RegulatoryStage,
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): StageDefinition {
  const found = stagesFor(regime, rules).find((s) => s.stage === stage);
  if (!found) {
    throw new RegulatoryClockError('STAGE_NOT_IN_REGIME', `${regime} has no stage ${stage}.`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Applicability (the "Applies when" column of §4d)
// ---------------------------------------------------------------------------------------------

/**
 * The regimes that apply to an incident, in {@link REGULATORY_REGIMES} order:
 * - GDPR_ART33_IMY and GDPR_ART33_5_LOG: every personal data breach (type PERSONAL_DATA_BREACH);
 *   an UNLIKELY risk does not remove the regime, the DPO marks the stage NOT_REQUIRED;
 * - GDPR_ART34_SUBJECTS: a personal data breach assessed HIGH_RISK;
 * - CYBER_ACT: the unit is covered and the incident is assessed significant (true, not null);
 * - MSBFS_2020_8_MODEL: the tenant switch is on and the type is one the model covers;
 * - IVO_LEX_SARAH / IVO_LEX_MARIA, SECURITY_PROTECTION, POLICE_REPORT: their flags.
 */
export function applicableRegimes(
  facts: IncidentFacts,
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): RegulatoryRegime[] {
  const breach = facts.type === 'PERSONAL_DATA_BREACH';
  const msbfsTypes = rules.msbfsModel?.incidentTypes ?? MSBFS_MODEL_DEFAULT_INCIDENT_TYPES;
  const applies: Record<RegulatoryRegime, boolean> = {
    GDPR_ART33_IMY: breach,
    GDPR_ART34_SUBJECTS: breach && facts.breachRiskAssessment === 'HIGH_RISK',
    GDPR_ART33_5_LOG: breach,
    CYBER_ACT: facts.unitCoveredByCyberSecurityAct && facts.significantUnderCyberAct === true,
    MSBFS_2020_8_MODEL:
      rules.msbfsModel?.enabled === true && facts.type !== null && msbfsTypes.includes(facts.type),
    IVO_LEX_SARAH: facts.lexSarah,
    IVO_LEX_MARIA: facts.lexMaria,
    SECURITY_PROTECTION: facts.securityProtectionAffected,
    POLICE_REPORT: facts.suspectedCrime,
  };
  return REGULATORY_REGIMES.filter((regime) => applies[regime]);
}

/** Assessments the triage form still has to ask for before applicability is settled. */
export const PENDING_ASSESSMENTS = [
  'SIGNIFICANT_UNDER_CYBER_ACT',
  'BREACH_RISK_ASSESSMENT',
  'PERSONAL_DATA_BREACH_TYPE',
] as const;
export type PendingAssessment = (typeof PENDING_ASSESSMENTS)[number];

export const PENDING_ASSESSMENT_LABELS: Record<PendingAssessment, Labels> = {
  SIGNIFICANT_UNDER_CYBER_ACT: {
    sv: 'Är incidenten betydande enligt cybersäkerhetslagen?',
    en: 'Is the incident significant under the Cybersecurity Act?',
  },
  BREACH_RISK_ASSESSMENT: {
    sv: 'Dataskyddsombudets riskbedömning saknas',
    en: "The DPO's risk assessment is missing",
  },
  PERSONAL_DATA_BREACH_TYPE: {
    sv: 'Personuppgifter berörs – är detta en personuppgiftsincident?',
    en: 'Personal data is involved – is this a personal data breach?',
  },
};

/**
 * Open questions that can make further regimes apply: the cyber act significance whenever the
 * unit is covered (§4d), the DPO's risk assessment for a breach, and the breach question when
 * personal data is involved but the type is something else.
 */
export function pendingAssessments(facts: IncidentFacts): PendingAssessment[] {
  const open: PendingAssessment[] = [];
  if (facts.unitCoveredByCyberSecurityAct && facts.significantUnderCyberAct === null) {
    open.push('SIGNIFICANT_UNDER_CYBER_ACT');
  }
  if (facts.type === 'PERSONAL_DATA_BREACH' && facts.breachRiskAssessment === null) {
    open.push('BREACH_RISK_ASSESSMENT');
  }
  if (facts.type !== null && facts.type !== 'PERSONAL_DATA_BREACH' && facts.personalDataInvolved === 'YES') {
    open.push('PERSONAL_DATA_BREACH_TYPE');
  }
  return open;
}

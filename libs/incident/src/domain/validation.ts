/**
 * Business-rule checks of the regulator clocks (domain.md §4d, BR-D2, D-26): who may mark a stage
 * NOT_REQUIRED or WITHDRAWN, the reasons required, late submissions and awareAt changes. The
 * checks return issues rather than throwing, so the caller can report them all at once.
 */
import type { Disposition, ObligationClock } from './regulatory-clock';
import type { BreachRiskAssessment, RegulatoryRegime } from './regimes';

type Labels = { readonly sv: string; readonly en: string };

export const VALIDATION_ISSUE_CODES = [
  'REASON_REQUIRED',
  'DECIDER_NOT_AUTHORISED',
  'ALREADY_CLOSED',
  'DISPOSITION_NOT_ALLOWED',
  'RISK_NOT_ASSESSED_UNLIKELY',
  'ART34_GROUND_REQUIRED',
  'REGIME_STILL_APPLIES',
  'LATE_REASON_REQUIRED',
  'FIRST_PHASE_NOT_ALLOWED',
  'ANCHOR_NOT_SET',
  'AWARE_AT_AFTER_REPORTED_AT',
] as const;
export type ValidationIssueCode = (typeof VALIDATION_ISSUE_CODES)[number];

export interface ValidationIssue {
  readonly code: ValidationIssueCode;
  /** The input field the issue concerns. */
  readonly field: string;
}

export const VALIDATION_ISSUE_LABELS: Record<ValidationIssueCode, Labels> = {
  REASON_REQUIRED: { sv: 'Ange ett skäl', en: 'A reason is required' },
  DECIDER_NOT_AUTHORISED: {
    sv: 'Du får inte fatta detta beslut för regelverket',
    en: 'You may not make this decision for the regime',
  },
  ALREADY_CLOSED: {
    sv: 'Steget är redan inlämnat eller avslutat',
    en: 'The stage is already submitted or closed',
  },
  DISPOSITION_NOT_ALLOWED: {
    sv: 'Steget kan inte markeras som ej krävt',
    en: 'The stage cannot be marked not required',
  },
  RISK_NOT_ASSESSED_UNLIKELY: {
    sv: 'Anmälan till IMY krävs om inte risken bedömts som osannolik',
    en: 'Notifying IMY is required unless the risk is assessed unlikely',
  },
  ART34_GROUND_REQUIRED: {
    sv: 'Ange undantaget enligt art. 34.3',
    en: 'Name the Art. 34(3) exemption',
  },
  REGIME_STILL_APPLIES: {
    sv: 'Regelverket gäller fortfarande; använd "krävs inte" med skäl',
    en: 'The regime still applies; use "not required" with a reason',
  },
  LATE_REASON_REQUIRED: {
    sv: 'Tidsfristen har passerat: ange skälen till förseningen',
    en: 'The deadline has passed: give the reasons for the delay',
  },
  FIRST_PHASE_NOT_ALLOWED: {
    sv: 'Endast anmälan till IMY kan lämnas i etapper',
    en: 'Only the IMY notification may be submitted in phases',
  },
  ANCHOR_NOT_SET: {
    sv: 'Steget kan inte lämnas in innan det som startar klockan har inträffat',
    en: 'The stage cannot be submitted before its clock has started',
  },
  AWARE_AT_AFTER_REPORTED_AT: {
    sv: 'Tidpunkten för kännedom får inte vara senare än rapporteringen',
    en: 'The time of awareness may not be later than the report',
  },
};

const blank = (text: string | null | undefined): boolean => (text ?? '').trim().length === 0;

// ---------------------------------------------------------------------------------------------
// Deciders (§4d Clock rules, §3.3)
// ---------------------------------------------------------------------------------------------

export const DECIDER_ROLES = ['DPO', 'HEAD', 'CISO'] as const;
export type DeciderRole = (typeof DECIDER_ROLES)[number];

export const DECIDER_ROLE_LABELS: Record<DeciderRole, Labels> = {
  DPO: { sv: 'Dataskyddsombud', en: 'Data protection officer' },
  HEAD: { sv: 'Verksamhetsansvarig', en: 'Head of operations' },
  CISO: { sv: 'Informationssäkerhetschef', en: 'CISO' },
};

export interface DispositionDecider {
  readonly role: DeciderRole;
  /** The delegate the delegation order names may decide instead (IVO regimes). */
  readonly delegateByOrder: boolean;
}

/** Who may mark a stage NOT_REQUIRED or WITHDRAWN (the same deciders, §4d), per regime. */
export const DISPOSITION_DECIDERS: Record<RegulatoryRegime, DispositionDecider> = {
  GDPR_ART33_IMY: { role: 'DPO', delegateByOrder: false },
  GDPR_ART34_SUBJECTS: { role: 'DPO', delegateByOrder: false },
  GDPR_ART33_5_LOG: { role: 'DPO', delegateByOrder: false },
  CYBER_ACT: { role: 'CISO', delegateByOrder: false },
  MSBFS_2020_8_MODEL: { role: 'CISO', delegateByOrder: false },
  IVO_LEX_SARAH: { role: 'HEAD', delegateByOrder: true },
  IVO_LEX_MARIA: { role: 'HEAD', delegateByOrder: true },
  SECURITY_PROTECTION: { role: 'CISO', delegateByOrder: false },
  POLICE_REPORT: { role: 'CISO', delegateByOrder: false },
};

export interface Decider {
  /** The decider's roles valid for the incident's unit (scope is the caller's check). */
  readonly roles: readonly string[];
  /** Named as delegate for this decision in the delegation order (4g). */
  readonly namedDelegate?: boolean;
}

export function mayDecideDisposition(regime: RegulatoryRegime, decider: Decider): boolean {
  const rule = DISPOSITION_DECIDERS[regime];
  return decider.roles.includes(rule.role) || (rule.delegateByOrder && decider.namedDelegate === true);
}

/** GDPR Art. 34(3) exemptions from informing the data subjects. */
export const ART34_EXEMPTIONS = ['ART34_3_A', 'ART34_3_B', 'ART34_3_C'] as const;
export type Art34Exemption = (typeof ART34_EXEMPTIONS)[number];

export const ART34_EXEMPTION_LABELS: Record<Art34Exemption, Labels> = {
  ART34_3_A: {
    sv: 'Art. 34.3 a: uppgifterna var skyddade, t.ex. krypterade',
    en: 'Art. 34(3)(a): the data was protected, e.g. encrypted',
  },
  ART34_3_B: {
    sv: 'Art. 34.3 b: åtgärder i efterhand gör att den höga risken inte längre är sannolik',
    en: 'Art. 34(3)(b): subsequent measures mean the high risk is no longer likely',
  },
  ART34_3_C: {
    sv: 'Art. 34.3 c: oproportionerlig ansträngning, offentlig information i stället',
    en: 'Art. 34(3)(c): disproportionate effort, public communication instead',
  },
};

/**
 * Marking a stage NOT_REQUIRED or WITHDRAWN: a reason and an authorised decider are required;
 * the stage must still be open; GDPR_ART33_IMY is not required only when the DPO assessed the
 * risk UNLIKELY; GDPR_ART34_SUBJECTS names its Art. 34(3) exemption; the Art. 33(5) breach log is
 * never "not required"; WITHDRAWN is for a regime that no longer applies after re-triage.
 */
export function validateDisposition(input: {
  readonly obligation: ObligationClock;
  readonly disposition: Disposition;
  readonly reason: string | null | undefined;
  readonly decider: Decider;
  /** Required for GDPR_ART33_IMY NOT_REQUIRED. */
  readonly breachRiskAssessment?: BreachRiskAssessment | null;
  /** Required for GDPR_ART34_SUBJECTS NOT_REQUIRED. */
  readonly art34Exemption?: Art34Exemption | null;
  /** For WITHDRAWN: whether the regime still applies to the re-triaged incident. */
  readonly regimeStillApplies?: boolean;
}): ValidationIssue[] {
  const { obligation, disposition } = input;
  const issues: ValidationIssue[] = [];
  if (obligation.submittedAt || obligation.disposition)
    issues.push({ code: 'ALREADY_CLOSED', field: 'obligation' });
  if (blank(input.reason)) issues.push({ code: 'REASON_REQUIRED', field: 'reason' });
  if (!mayDecideDisposition(obligation.regime, input.decider)) {
    issues.push({ code: 'DECIDER_NOT_AUTHORISED', field: 'decider' });
  }
  if (disposition === 'NOT_REQUIRED') {
    if (obligation.regime === 'GDPR_ART33_5_LOG') {
      issues.push({ code: 'DISPOSITION_NOT_ALLOWED', field: 'disposition' });
    }
    if (obligation.regime === 'GDPR_ART33_IMY' && input.breachRiskAssessment !== 'UNLIKELY') {
      issues.push({ code: 'RISK_NOT_ASSESSED_UNLIKELY', field: 'breachRiskAssessment' });
    }
    if (obligation.regime === 'GDPR_ART34_SUBJECTS' && !input.art34Exemption) {
      issues.push({ code: 'ART34_GROUND_REQUIRED', field: 'art34Exemption' });
    }
  } else if (input.regimeStillApplies === true) {
    issues.push({ code: 'REGIME_STILL_APPLIES', field: 'disposition' });
  }
  return issues;
}

/**
 * Submitting a stage: it must be open and its clock started; after a statutory deadline a
 * `lateReason` is required (Art. 33(1)); for a target-only stage a late reason is optional; only
 * the IMY notification may be a first phase (Art. 33(4)).
 */
export function validateSubmission(input: {
  readonly obligation: ObligationClock;
  readonly submittedAt: Date;
  readonly lateReason?: string | null;
  readonly firstPhase?: boolean;
}): ValidationIssue[] {
  const { obligation: o, submittedAt } = input;
  const issues: ValidationIssue[] = [];
  if (o.submittedAt || o.disposition) issues.push({ code: 'ALREADY_CLOSED', field: 'obligation' });
  if (!o.anchorAt && o.anchor !== 'AWARE_AT' && o.anchor !== 'IDENTIFIED_AT') {
    issues.push({ code: 'ANCHOR_NOT_SET', field: 'obligation' });
  }
  if (o.deadlineAt && submittedAt.getTime() > o.deadlineAt.getTime() && blank(input.lateReason)) {
    issues.push({ code: 'LATE_REASON_REQUIRED', field: 'lateReason' });
  }
  if (input.firstPhase === true && !(o.regime === 'GDPR_ART33_IMY' && o.stage === 'NOTIFICATION')) {
    issues.push({ code: 'FIRST_PHASE_NOT_ALLOWED', field: 'firstPhase' });
  }
  return issues;
}

/**
 * BR-D2 / D-26: awareAt may be set earlier than reportedAt, never later; the change is logged
 * with a reason, which is therefore required.
 */
export function validateAwareAtChange(input: {
  readonly awareAt: Date;
  readonly reportedAt: Date;
  readonly reason: string | null | undefined;
}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (input.awareAt.getTime() > input.reportedAt.getTime()) {
    issues.push({ code: 'AWARE_AT_AFTER_REPORTED_AT', field: 'awareAt' });
  }
  if (blank(input.reason)) issues.push({ code: 'REASON_REQUIRED', field: 'reason' });
  return issues;
}

/** GDPR Art. 33(5): the breach log is MET once facts, effects and remedial action are recorded. */
export function isBreachLogComplete(entry: {
  readonly facts?: string | null;
  readonly effects?: string | null;
  readonly remedialAction?: string | null;
}): boolean {
  return !blank(entry.facts) && !blank(entry.effects) && !blank(entry.remedialAction);
}

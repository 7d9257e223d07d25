/**
 * The life cycle of a Classification (domain.md §4b state machine, BR-B5, BR-B6, D-54). Pure: each
 * step checks its guard on the classification as it is and returns the fields to change; who may
 * take a step is the authorization rules' (the service checks them on the row as it will be).
 */
import { addMonthsToDate } from './dates';
import { ASPECTS, isLevel, type Aspect, type Level } from './model';
import { stockholmDate } from '@varna/core';

type Labels = { readonly sv: string; readonly en: string };

export const CLASSIFICATION_STATUSES = [
  'DRAFT',
  'PROPOSED',
  'DECIDED',
  'SPECIAL_HANDLING',
  'SUPERSEDED',
  'CANCELLED',
] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];

export const CLASSIFICATION_STATUS_LABELS: Record<ClassificationStatus, Labels> = {
  DRAFT: { sv: 'Utkast', en: 'Draft' },
  PROPOSED: { sv: 'Föreslagen', en: 'Proposed' },
  DECIDED: { sv: 'Beslutad', en: 'Decided' },
  SPECIAL_HANDLING: { sv: 'Särskild hantering', en: 'Special handling' },
  SUPERSEDED: { sv: 'Ersatt', en: 'Superseded' },
  CANCELLED: { sv: 'Avbruten', en: 'Cancelled' },
};

/** Open for work: a set has at most one open classification at a time. */
export const OPEN_STATUSES: readonly ClassificationStatus[] = ['DRAFT', 'PROPOSED'];
/** A decision in force (K01 counts these; the newest one is the set's current classification). */
export const DECIDED_STATUSES: readonly ClassificationStatus[] = ['DECIDED', 'SPECIAL_HANDLING'];

export const REVIEW_TRIGGERS = [
  'INITIAL',
  'PERIODIC',
  'INFORMATION_CHANGED',
  'NEW_ASSET_LINK',
  'INCIDENT',
  'LEGAL_CHANGE',
  'MANUAL',
] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

export const REVIEW_TRIGGER_LABELS: Record<ReviewTrigger, Labels> = {
  INITIAL: { sv: 'Första klassning', en: 'Initial' },
  PERIODIC: { sv: 'Årlig omprövning', en: 'Periodic' },
  INFORMATION_CHANGED: { sv: 'Informationen har ändrats', en: 'Information changed' },
  NEW_ASSET_LINK: { sv: 'Ny koppling till tillgång', en: 'New asset link' },
  INCIDENT: { sv: 'Incident', en: 'Incident' },
  LEGAL_CHANGE: { sv: 'Ändrade rättsliga krav', en: 'Legal change' },
  MANUAL: { sv: 'Manuell', en: 'Manual' },
};

/** The fields of a classification the life cycle looks at and changes. */
export interface ClassificationState {
  status: ClassificationStatus;
  levelK: Level | null;
  levelR: Level | null;
  levelT: Level | null;
  levelS: Level | null;
  rationaleK: string | null;
  rationaleR: string | null;
  rationaleT: string | null;
  rationaleS: string | null;
  specialHandling: boolean;
  proposedById: string | null;
  proposedAt: Date | null;
  decidedById: string | null;
  decidedAt: Date | null;
  validUntil: string | null;
  returnComment: string | null;
  cancelReason: string | null;
  reviewFlaggedAt: Date | null;
  reviewFlagReason: ReviewTrigger | null;
  /** The note of a LEGAL_CHANGE or MANUAL flag. */
  reviewFlagNote?: string | null;
  confirmedUnchangedById: string | null;
  confirmedUnchangedAt: Date | null;
}

export type ClassificationChange = Partial<ClassificationState>;

export type LifecycleIssueCode =
  | 'WRONG_STATUS'
  | 'LEVELS_INCOMPLETE'
  | 'RATIONALES_INCOMPLETE'
  | 'RETURN_COMMENT_REQUIRED'
  | 'CANCEL_REASON_REQUIRED'
  | 'NOT_FLAGGED'
  | 'NOT_EDITABLE';

/** A guard that does not hold: the service turns it into a 409 (status) or 400 (input). */
export class ClassificationLifecycleError extends Error {
  constructor(
    readonly code: LifecycleIssueCode,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'ClassificationLifecycleError';
  }
}

const levelField = (a: Aspect) => `level${a}` as const;
const rationaleField = (a: Aspect) => `rationale${a}` as const;

function requireStatus(c: ClassificationState, allowed: readonly ClassificationStatus[], step: string): void {
  if (!allowed.includes(c.status)) {
    throw new ClassificationLifecycleError(
      'WRONG_STATUS',
      `Klassningen kan inte ${step} i status ${CLASSIFICATION_STATUS_LABELS[c.status].sv.toLowerCase()}.`,
    );
  }
}

const blank = (text: string | null | undefined) => !text || text.trim() === '';

/** Only a draft is edited; decided versions are immutable (a change is a new classification). */
export function assertEditable(c: ClassificationState): void {
  if (c.status !== 'DRAFT') {
    throw new ClassificationLifecycleError(
      'NOT_EDITABLE',
      'Endast ett utkast kan ändras. En beslutad klassning ändras genom en ny klassning.',
    );
  }
}

/** DRAFT → PROPOSED (samordnare or CISO): all four levels and rationales set. */
export function propose(c: ClassificationState, by: string, at: Date): ClassificationChange {
  requireStatus(c, ['DRAFT'], 'föreslås');
  const missingLevels = ASPECTS.filter((a) => !isLevel(c[levelField(a)])).map(levelField);
  if (missingLevels.length) {
    throw new ClassificationLifecycleError(
      'LEVELS_INCOMPLETE',
      'Alla fyra aspekter (K, R, T, S) behöver en nivå 0–3 innan klassningen föreslås.',
      missingLevels,
    );
  }
  const missingRationales = ASPECTS.filter((a) => blank(c[rationaleField(a)])).map(rationaleField);
  if (missingRationales.length) {
    throw new ClassificationLifecycleError(
      'RATIONALES_INCOMPLETE',
      'Varje aspekt behöver en motivering innan klassningen föreslås.',
      missingRationales,
    );
  }
  return { status: 'PROPOSED', proposedById: by, proposedAt: at, returnComment: null };
}

/** PROPOSED → DECIDED (informationsägare): valid for the review interval from the decision date. */
export function decide(
  c: ClassificationState,
  by: string,
  at: Date,
  reviewIntervalMonths: number,
): ClassificationChange {
  requireStatus(c, ['PROPOSED'], 'beslutas');
  return {
    status: 'DECIDED',
    decidedById: by,
    decidedAt: at,
    validUntil: addMonthsToDate(stockholmDate(at), reviewIntervalMonths),
    reviewFlaggedAt: null,
    reviewFlagReason: null,
  };
}

/** PROPOSED → DRAFT (informationsägare), with a comment for the samordnare. */
export function returnToDraft(
  c: ClassificationState,
  comment: string | null | undefined,
): ClassificationChange {
  requireStatus(c, ['PROPOSED'], 'återremitteras');
  if (blank(comment)) {
    throw new ClassificationLifecycleError('RETURN_COMMENT_REQUIRED', 'Ange en kommentar till samordnaren.', [
      'returnComment',
    ]);
  }
  return { status: 'DRAFT', returnComment: (comment as string).trim() };
}

/**
 * DRAFT/PROPOSED → SPECIAL_HANDLING (informationsägare): level 4, routed to the
 * säkerhetsskyddschef; no levels or rationales are stored (BR-B6); decidedBy/At are set.
 */
export function specialHandling(
  c: ClassificationState,
  by: string,
  at: Date,
  reviewIntervalMonths: number,
): ClassificationChange {
  requireStatus(c, ['DRAFT', 'PROPOSED'], 'föras till särskild hantering');
  return {
    status: 'SPECIAL_HANDLING',
    specialHandling: true,
    levelK: null,
    levelR: null,
    levelT: null,
    levelS: null,
    rationaleK: null,
    rationaleR: null,
    rationaleT: null,
    rationaleS: null,
    decidedById: by,
    decidedAt: at,
    validUntil: addMonthsToDate(stockholmDate(at), reviewIntervalMonths),
    reviewFlaggedAt: null,
    reviewFlagReason: null,
  };
}

/** DRAFT/PROPOSED → CANCELLED (samordnare, CISO), with a reason. */
export function cancel(c: ClassificationState, reason: string | null | undefined): ClassificationChange {
  requireStatus(c, ['DRAFT', 'PROPOSED'], 'avbrytas');
  if (blank(reason)) {
    throw new ClassificationLifecycleError(
      'CANCEL_REASON_REQUIRED',
      'Ange skälet till att klassningen avbryts.',
      ['reason'],
    );
  }
  return { status: 'CANCELLED', cancelReason: (reason as string).trim() };
}

/** DECIDED/SPECIAL_HANDLING → SUPERSEDED (system): a newer decision of the same set. */
export function supersede(c: ClassificationState): ClassificationChange {
  requireStatus(c, DECIDED_STATUSES, 'ersättas');
  return { status: 'SUPERSEDED' };
}

/**
 * BR-B5 change flag (system or CISO): marks a decision in force as due for review. A flag already
 * open keeps its first time and reason (idempotent). Returns null when there is nothing to flag.
 */
export function flagForReview(
  c: ClassificationState,
  reason: ReviewTrigger,
  at: Date,
  note: string | null = null,
): ClassificationChange | null {
  if (!DECIDED_STATUSES.includes(c.status) || c.reviewFlaggedAt) return null;
  return { reviewFlaggedAt: at, reviewFlagReason: reason, reviewFlagNote: note };
}

/** D-54: the owner confirms the decision unchanged; the flag is cleared, validUntil is not extended. */
export function confirmUnchanged(c: ClassificationState, by: string, at: Date): ClassificationChange {
  requireStatus(c, DECIDED_STATUSES, 'bekräftas oförändrad');
  if (!c.reviewFlaggedAt) {
    throw new ClassificationLifecycleError(
      'NOT_FLAGGED',
      'Klassningen är inte flaggad för omprövning. En förfallen klassning förnyas med ett nytt beslut.',
    );
  }
  return {
    reviewFlaggedAt: null,
    reviewFlagReason: null,
    reviewFlagNote: null,
    confirmedUnchangedById: by,
    confirmedUnchangedAt: at,
  };
}

/** The levels of a decision as a record (null for special handling and undecided aspects). */
export function levelsOf(c: Pick<ClassificationState, 'levelK' | 'levelR' | 'levelT' | 'levelS'>) {
  return { K: c.levelK, R: c.levelR, T: c.levelT, S: c.levelS };
}

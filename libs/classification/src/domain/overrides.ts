/**
 * ProtectionOverride life cycle (domain.md §4b, BR-B4, D-15, D-55): a RAISE is in force at once; a
 * LOWER starts REQUESTED, needs the CISO's approval and a validUntil at most 12 months ahead; the
 * requester or the CISO withdraws; the system expires an ACTIVE override past its validUntil.
 */
import { stockholmDate } from '@varna/core';
import { addMonthsToDate, isIsoDate, isPast } from './dates';
import type { OverrideDirection, OverrideStatus } from './propagation';

type Labels = { readonly sv: string; readonly en: string };

export const OVERRIDE_REASON_TYPES = [
  'AGGREGATION',
  'ACCUMULATION',
  'INTEGRATION',
  'DISTRIBUTION',
  'SEGREGATION',
  'OTHER',
] as const;
export type OverrideReasonType = (typeof OVERRIDE_REASON_TYPES)[number];

export const OVERRIDE_REASON_TYPE_LABELS: Record<OverrideReasonType, Labels> = {
  AGGREGATION: { sv: 'Aggregering', en: 'Aggregation' },
  ACCUMULATION: { sv: 'Ackumulering', en: 'Accumulation' },
  INTEGRATION: { sv: 'Integration', en: 'Integration' },
  DISTRIBUTION: { sv: 'Distribution', en: 'Distribution' },
  SEGREGATION: { sv: 'Segregering', en: 'Segregation' },
  OTHER: { sv: 'Annat', en: 'Other' },
};

export const OVERRIDE_STATUS_LABELS: Record<OverrideStatus, Labels> = {
  REQUESTED: { sv: 'Begärd', en: 'Requested' },
  ACTIVE: { sv: 'Gällande', en: 'Active' },
  REJECTED: { sv: 'Avslagen', en: 'Rejected' },
  WITHDRAWN: { sv: 'Återkallad', en: 'Withdrawn' },
  EXPIRED: { sv: 'Utgången', en: 'Expired' },
};

/** D-15: a LOWER override lasts at most 12 months. */
export const LOWER_MAX_MONTHS = 12;

export type OverrideIssueCode =
  | 'OVERRIDE_REASON_REQUIRED'
  | 'OVERRIDE_VALID_UNTIL_REQUIRED'
  | 'OVERRIDE_VALID_UNTIL_INVALID'
  | 'OVERRIDE_WRONG_STATUS';

export class OverrideLifecycleError extends Error {
  constructor(
    readonly code: OverrideIssueCode,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'OverrideLifecycleError';
  }
}

const blank = (text: string | null | undefined) => !text || text.trim() === '';

/** The status a new override starts in, after its guards: RAISE ACTIVE, LOWER REQUESTED. */
export function initialOverrideStatus(
  input: {
    direction: OverrideDirection;
    reason: string | null | undefined;
    validUntil?: string | null;
  },
  now: Date,
): OverrideStatus {
  if (blank(input.reason)) {
    throw new OverrideLifecycleError('OVERRIDE_REASON_REQUIRED', 'Ange skälet till justeringen.', ['reason']);
  }
  if (input.validUntil !== null && input.validUntil !== undefined) {
    const today = stockholmDate(now);
    if (!isIsoDate(input.validUntil) || input.validUntil < today) {
      throw new OverrideLifecycleError(
        'OVERRIDE_VALID_UNTIL_INVALID',
        'Giltig till ska vara ett datum från och med i dag.',
        ['validUntil'],
      );
    }
  }
  if (input.direction === 'LOWER') {
    if (!input.validUntil) {
      throw new OverrideLifecycleError(
        'OVERRIDE_VALID_UNTIL_REQUIRED',
        'En sänkning ska ha ett slutdatum, högst 12 månader fram.',
        ['validUntil'],
      );
    }
    if (input.validUntil > addMonthsToDate(stockholmDate(now), LOWER_MAX_MONTHS)) {
      throw new OverrideLifecycleError(
        'OVERRIDE_VALID_UNTIL_INVALID',
        'En sänkning gäller högst 12 månader.',
        ['validUntil'],
      );
    }
    return 'REQUESTED';
  }
  return 'ACTIVE';
}

function requireStatus(status: OverrideStatus, allowed: OverrideStatus[], step: string): void {
  if (!allowed.includes(status)) {
    throw new OverrideLifecycleError(
      'OVERRIDE_WRONG_STATUS',
      `Justeringen kan inte ${step} i status ${OVERRIDE_STATUS_LABELS[status].sv.toLowerCase()}.`,
    );
  }
}

/** REQUESTED → ACTIVE (CISO). A request whose end date has passed cannot be approved. */
export function approveOverride(
  o: { status: OverrideStatus; validUntil: string | null },
  now: Date,
): OverrideStatus {
  requireStatus(o.status, ['REQUESTED'], 'godkännas');
  if (o.validUntil && isPast(o.validUntil, now)) {
    throw new OverrideLifecycleError('OVERRIDE_VALID_UNTIL_INVALID', 'Slutdatumet har redan passerats.', [
      'validUntil',
    ]);
  }
  return 'ACTIVE';
}

/** REQUESTED → REJECTED (CISO), with a reason. */
export function rejectOverride(
  o: { status: OverrideStatus },
  reason: string | null | undefined,
): OverrideStatus {
  requireStatus(o.status, ['REQUESTED'], 'avslås');
  if (blank(reason)) {
    throw new OverrideLifecycleError('OVERRIDE_REASON_REQUIRED', 'Ange skälet till avslaget.', ['reason']);
  }
  return 'REJECTED';
}

/** REQUESTED/ACTIVE → WITHDRAWN (the requester or the CISO). */
export function withdrawOverride(o: { status: OverrideStatus }): OverrideStatus {
  requireStatus(o.status, ['REQUESTED', 'ACTIVE'], 'återkallas');
  return 'WITHDRAWN';
}

/** ACTIVE → EXPIRED when validUntil has passed (system); null when nothing changes. */
export function expireOverride(
  o: { status: OverrideStatus; validUntil: string | null },
  now: Date,
): OverrideStatus | null {
  return o.status === 'ACTIVE' && o.validUntil !== null && isPast(o.validUntil, now) ? 'EXPIRED' : null;
}

import type { ClassificationKpis } from '../api/classification-queries';
import type { Classification, ReviewState, ReviewTrigger } from '../api/register-types';

/**
 * The worklist "Att göra i klassningen" (pure): proposals awaiting the owner's decision, decisions
 * to review, assets whose effective level lacks a decided classification. The rows come from
 * GET /api/classifications (status=PROPOSED; due=true) and GET /api/classification-kpis, which the
 * server has already narrowed to what the caller may read.
 */

export interface ProposalRow {
  classificationId: string;
  informationSetId: string;
  code: string;
  name: string;
  proposedAt: string | null;
  /** The caller is the set's informationsägare: the decision is theirs. */
  mine: boolean;
}

export type ReviewRowState = Exclude<ReviewState, 'CURRENT'>;

export interface ReviewRow {
  classificationId: string;
  informationSetId: string;
  code: string;
  name: string;
  state: ReviewRowState;
  validUntil: string | null;
  flagReason: ReviewTrigger | null;
  mine: boolean;
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'sv-SE');

/** Oldest proposal first (it has waited longest), then by code. */
export function proposalRows(items: readonly Classification[], meId: string): ProposalRow[] {
  return items
    .filter((c) => c.status === 'PROPOSED')
    .map((c) => ({
      classificationId: c.id,
      informationSetId: c.informationSetId,
      code: c.informationSetCode ?? '',
      name: c.informationSetName ?? '',
      proposedAt: c.proposedAt,
      mine: c.informationOwnerId === meId,
    }))
    .sort((a, b) => (a.proposedAt ?? '').localeCompare(b.proposedAt ?? '') || byCode(a, b));
}

const STATE_ORDER: Record<ReviewRowState, number> = { OVERDUE: 0, FLAGGED: 1, DUE_SOON: 2 };

/**
 * Decisions due for review: the `due=true` list (flagged, past or within 30 days of validUntil)
 * and the KPIs' overdue list, one row per decision. Overdue first, then flagged, then due soon;
 * within each, the earliest validUntil first.
 */
export function reviewRows(
  due: readonly Classification[],
  overdue: ClassificationKpis['overdue'],
  meId: string,
): ReviewRow[] {
  const rows = new Map<string, ReviewRow>();
  for (const c of due) {
    if (!c.reviewState || c.reviewState === 'CURRENT') continue;
    rows.set(c.id, {
      classificationId: c.id,
      informationSetId: c.informationSetId,
      code: c.informationSetCode ?? '',
      name: c.informationSetName ?? '',
      state: c.reviewState,
      validUntil: c.validUntil,
      flagReason: c.reviewFlaggedAt ? c.reviewFlagReason : null,
      mine: c.informationOwnerId === meId,
    });
  }
  for (const o of overdue) {
    if (rows.has(o.classificationId)) continue;
    rows.set(o.classificationId, {
      classificationId: o.classificationId,
      informationSetId: o.informationSetId,
      code: o.informationSetCode,
      name: o.informationSetName,
      state: 'OVERDUE',
      validUntil: o.validUntil,
      flagReason: null,
      mine: false,
    });
  }
  return [...rows.values()].sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.validUntil ?? '').localeCompare(b.validUntil ?? '') ||
      byCode(a, b),
  );
}

/** How many rows the page lists, for its summary line. */
export const worklistCount = (parts: readonly (readonly unknown[])[]) =>
  parts.reduce((sum, rows) => sum + rows.length, 0);

import { describe, expect, it } from 'vitest';
import { addMonthsToDate, daysBetween, isCurrent, isPast, reviewState, validUntilFor } from './dates';
import {
  cancel,
  ClassificationLifecycleError,
  confirmUnchanged,
  decide,
  flagForReview,
  propose,
  returnToDraft,
  specialHandling,
  supersede,
  assertEditable,
  type ClassificationState,
} from './lifecycle';

const NOW = new Date('2026-11-16T09:00:00Z');

function draft(partial: Partial<ClassificationState> = {}): ClassificationState {
  return {
    status: 'DRAFT',
    levelK: 3,
    levelR: 3,
    levelT: 2,
    levelS: 3,
    rationaleK: 'Sekretess enligt 26 kap. 1 § OSL.',
    rationaleR: 'Underlag för myndighetsutövning.',
    rationaleT: 'Reservrutin på papper i en vecka.',
    rationaleS: 'Logguppföljning krävs.',
    specialHandling: false,
    proposedById: null,
    proposedAt: null,
    decidedById: null,
    decidedAt: null,
    validUntil: null,
    returnComment: null,
    cancelReason: null,
    reviewFlaggedAt: null,
    reviewFlagReason: null,
    confirmedUnchangedById: null,
    confirmedUnchangedAt: null,
    ...partial,
  };
}
const apply = (c: ClassificationState, change: Partial<ClassificationState> | null) => ({ ...c, ...change });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClassificationLifecycleError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
};

describe('dates (Europe/Stockholm calendar)', () => {
  it('adds calendar months, clamping to the end of the month', () => {
    expect(addMonthsToDate('2025-11-20', 12)).toBe('2026-11-20');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-12-15', 3)).toBe('2027-03-15');
    expect(addMonthsToDate('2026-03-15', -3)).toBe('2025-12-15');
    expect(() => addMonthsToDate('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonthsToDate('2026-02-01', 1.5)).toThrow(RangeError);
  });

  it('validUntil starts from the Stockholm date of the decision', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Stockholm.
    expect(validUntilFor(new Date('2025-12-31T23:30:00Z'), 12)).toBe('2027-01-01');
    expect(validUntilFor(new Date('2026-06-30T21:59:00Z'), 12)).toBe('2027-06-30');
    expect(validUntilFor(new Date('2026-06-30T22:00:00Z'), 12)).toBe('2027-07-01');
  });

  it('a date means the end of that day in Stockholm', () => {
    expect(isPast('2026-11-15', NOW)).toBe(true);
    expect(isPast('2026-11-16', NOW)).toBe(false);
    // 2026-11-16 23:30 Stockholm is 22:30 UTC: still the 16th.
    expect(isPast('2026-11-16', new Date('2026-11-16T22:30:00Z'))).toBe(false);
    expect(isPast('2026-11-16', new Date('2026-11-16T23:00:00Z'))).toBe(true);
    expect(daysBetween('2026-11-16', '2026-12-16')).toBe(30);
  });

  it('review state: overdue, flagged, due soon, current (K02 counts the last two)', () => {
    expect(reviewState({ validUntil: '2026-10-01', reviewFlaggedAt: null }, NOW)).toBe('OVERDUE');
    expect(reviewState({ validUntil: '2026-10-01', reviewFlaggedAt: NOW }, NOW)).toBe('OVERDUE');
    expect(reviewState({ validUntil: '2027-03-01', reviewFlaggedAt: NOW }, NOW)).toBe('FLAGGED');
    expect(reviewState({ validUntil: '2026-11-20', reviewFlaggedAt: null }, NOW)).toBe('DUE_SOON');
    expect(reviewState({ validUntil: '2026-12-16', reviewFlaggedAt: null }, NOW)).toBe('DUE_SOON');
    expect(reviewState({ validUntil: '2026-12-17', reviewFlaggedAt: null }, NOW)).toBe('CURRENT');
    expect(isCurrent({ validUntil: '2026-11-16', reviewFlaggedAt: null }, NOW)).toBe(true);
    expect(isCurrent({ validUntil: '2026-11-15', reviewFlaggedAt: null }, NOW)).toBe(false);
    expect(isCurrent({ validUntil: '2027-03-01', reviewFlaggedAt: NOW }, NOW)).toBe(false);
  });
});

describe('state machine', () => {
  it('DRAFT → PROPOSED needs four levels and four rationales', () => {
    const proposed = apply(draft(), propose(draft(), 'sofia', NOW));
    expect(proposed).toMatchObject({ status: 'PROPOSED', proposedById: 'sofia', proposedAt: NOW });
    expect(code(() => propose(draft({ levelS: null }), 'sofia', NOW))).toBe('LEVELS_INCOMPLETE');
    expect(code(() => propose(draft({ rationaleT: '  ' }), 'sofia', NOW))).toBe('RATIONALES_INCOMPLETE');
    try {
      propose(draft({ levelK: null, levelR: null }), 'sofia', NOW);
    } catch (e) {
      expect((e as ClassificationLifecycleError).fields).toEqual(['levelK', 'levelR']);
    }
    expect(code(() => propose(proposed, 'sofia', NOW))).toBe('WRONG_STATUS');
  });

  it('PROPOSED → DECIDED sets decider and validUntil = decision date + interval', () => {
    const proposed = apply(draft(), propose(draft(), 'sofia', NOW));
    const decidedAt = new Date('2025-11-20T09:00:00Z');
    const decided = apply(proposed, decide(proposed, 'per', decidedAt, 12));
    expect(decided).toMatchObject({ status: 'DECIDED', decidedById: 'per', validUntil: '2026-11-20' });
    expect(code(() => decide(draft(), 'per', NOW, 12))).toBe('WRONG_STATUS');
    expect(code(() => decide(decided, 'per', NOW, 12))).toBe('WRONG_STATUS');
  });

  it('PROPOSED → DRAFT requires a comment; proposing again clears it', () => {
    const proposed = apply(draft(), propose(draft(), 'sofia', NOW));
    expect(code(() => returnToDraft(proposed, ''))).toBe('RETURN_COMMENT_REQUIRED');
    expect(code(() => returnToDraft(draft(), 'x'))).toBe('WRONG_STATUS');
    const back = apply(proposed, returnToDraft(proposed, ' Motivera T bättre. '));
    expect(back).toMatchObject({ status: 'DRAFT', returnComment: 'Motivera T bättre.' });
    expect(propose(back, 'sofia', NOW).returnComment).toBeNull();
  });

  it('DRAFT/PROPOSED → SPECIAL_HANDLING clears levels and rationales and records the decision', () => {
    for (const from of [draft(), apply(draft(), propose(draft(), 's', NOW))]) {
      const special = apply(from, specialHandling(from, 'per', NOW, 12));
      expect(special).toMatchObject({
        status: 'SPECIAL_HANDLING',
        specialHandling: true,
        levelK: null,
        levelS: null,
        rationaleK: null,
        decidedById: 'per',
        validUntil: '2027-11-16',
      });
    }
    expect(code(() => specialHandling(draft({ status: 'DECIDED' }), 'per', NOW, 12))).toBe('WRONG_STATUS');
  });

  it('DRAFT/PROPOSED → CANCELLED requires a reason', () => {
    expect(cancel(draft(), 'Dubblett')).toEqual({ status: 'CANCELLED', cancelReason: 'Dubblett' });
    expect(code(() => cancel(draft(), null))).toBe('CANCEL_REASON_REQUIRED');
    expect(code(() => cancel(draft({ status: 'DECIDED' }), 'x'))).toBe('WRONG_STATUS');
    expect(code(() => cancel(draft({ status: 'CANCELLED' }), 'x'))).toBe('WRONG_STATUS');
  });

  it('only DECIDED and SPECIAL_HANDLING are superseded', () => {
    expect(supersede(draft({ status: 'DECIDED' }))).toEqual({ status: 'SUPERSEDED' });
    expect(supersede(draft({ status: 'SPECIAL_HANDLING' }))).toEqual({ status: 'SUPERSEDED' });
    for (const status of ['DRAFT', 'PROPOSED', 'SUPERSEDED', 'CANCELLED'] as const) {
      expect(code(() => supersede(draft({ status })))).toBe('WRONG_STATUS');
    }
  });

  it('only drafts are editable (decided versions are immutable)', () => {
    expect(code(() => assertEditable(draft()))).toBe('NO_ERROR');
    for (const status of ['PROPOSED', 'DECIDED', 'SPECIAL_HANDLING', 'SUPERSEDED', 'CANCELLED'] as const) {
      expect(code(() => assertEditable(draft({ status })))).toBe('NOT_EDITABLE');
    }
  });
});

describe('review flags (BR-B5, D-54)', () => {
  const decided = draft({ status: 'DECIDED', validUntil: '2027-03-02', decidedAt: NOW });

  it('flags a decision in force once, keeping the first reason', () => {
    const flagged = apply(decided, flagForReview(decided, 'INCIDENT', NOW));
    expect(flagged).toMatchObject({ reviewFlaggedAt: NOW, reviewFlagReason: 'INCIDENT' });
    expect(flagForReview(flagged, 'LEGAL_CHANGE', new Date())).toBeNull();
    expect(flagForReview(draft(), 'INCIDENT', NOW)).toBeNull();
    expect(flagForReview(draft({ status: 'SUPERSEDED' }), 'INCIDENT', NOW)).toBeNull();
  });

  it('confirm unchanged clears the flag and keeps validUntil', () => {
    const flagged = apply(decided, flagForReview(decided, 'INCIDENT', NOW));
    const confirmed = apply(flagged, confirmUnchanged(flagged, 'owner', NOW));
    expect(confirmed).toMatchObject({
      reviewFlaggedAt: null,
      reviewFlagReason: null,
      confirmedUnchangedById: 'owner',
      confirmedUnchangedAt: NOW,
      validUntil: '2027-03-02',
      status: 'DECIDED',
    });
    expect(code(() => confirmUnchanged(decided, 'owner', NOW))).toBe('NOT_FLAGGED');
    expect(code(() => confirmUnchanged(draft({ reviewFlaggedAt: NOW }), 'owner', NOW))).toBe('WRONG_STATUS');
  });
});

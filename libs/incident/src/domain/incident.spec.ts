import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  closingIssues,
  findTransition,
  formatIncidentNumber,
  INCIDENT_NUMBER_PATTERN,
  mayTakeTransition,
  mayTriage,
  subtypeFits,
} from './incident';

describe('the state machine (§4d)', () => {
  it('allows exactly the steps of the table', () => {
    expect(findTransition('TRIAGED', 'INVESTIGATING')).toBeDefined();
    expect(findTransition('INVESTIGATING', 'ACTIONS')).toBeDefined();
    expect(findTransition('ACTIONS', 'CLOSED')).toBeDefined();
    expect(findTransition('CLOSED', 'INVESTIGATING')?.reasonRequired).toBe(true);
    expect(findTransition('REPORTED', 'REJECTED')?.reasonRequired).toBe(true);
    expect(findTransition('TRIAGED', 'REJECTED')?.reasonRequired).toBe(true);
    for (const [from, to] of [
      ['REPORTED', 'INVESTIGATING'],
      ['TRIAGED', 'ACTIONS'],
      ['INVESTIGATING', 'CLOSED'],
      ['INVESTIGATING', 'REJECTED'],
      ['REJECTED', 'INVESTIGATING'],
      ['CLOSED', 'ACTIONS'],
    ] as const) {
      expect(findTransition(from, to), `${from} → ${to}`).toBeUndefined();
    }
  });

  it('gives closing, rejecting and reopening to the samordnare and the CISO, the rest also to chefs and the handler', () => {
    const close = findTransition('ACTIONS', 'CLOSED')!;
    const investigate = findTransition('TRIAGED', 'INVESTIGATING')!;
    expect(mayTakeTransition(close, ['EMPLOYEE', 'COORDINATOR'], false)).toBe(true);
    expect(mayTakeTransition(close, ['EMPLOYEE', 'CISO'], false)).toBe(true);
    expect(mayTakeTransition(close, ['EMPLOYEE', 'HEAD', 'MANAGER'], true)).toBe(false);
    expect(mayTakeTransition(investigate, ['EMPLOYEE', 'MANAGER'], false)).toBe(true);
    expect(mayTakeTransition(investigate, ['EMPLOYEE'], true)).toBe(true);
    expect(mayTakeTransition(investigate, ['EMPLOYEE', 'DPO', 'AUDITOR'], false)).toBe(false);
    expect(mayTriage(['EMPLOYEE', 'HEAD'], false)).toBe(true);
    expect(mayTriage(['EMPLOYEE', 'DPO'], false)).toBe(false);
    expect(availableTransitions('TRIAGED', ['EMPLOYEE', 'COORDINATOR'], false)).toEqual([
      'REJECTED',
      'INVESTIGATING',
    ]);
    expect(availableTransitions('TRIAGED', ['EMPLOYEE', 'MANAGER'], false)).toEqual(['INVESTIGATING']);
    expect(availableTransitions('CLOSED', ['EMPLOYEE', 'HEAD'], false)).toEqual([]);
  });
});

describe('the closing guard', () => {
  const analysed = { rootCause: 'Orsak', lessonsLearned: 'Lärdom' };
  const closed = { id: 'a', closed: true, late: false, lateReason: null };

  it('needs every stage decided, a reason for a late one, and the analysis for severity ≥ 2 or a breach', () => {
    expect(
      closingIssues({ type: 'IT_INCIDENT', severity: 'LOW', rootCause: null, lessonsLearned: null }, []),
    ).toEqual([]);
    expect(closingIssues({ type: 'IT_INCIDENT', severity: 'MEDIUM', ...analysed }, [closed])).toEqual([]);
    expect(
      closingIssues({ type: 'PERSONAL_DATA_BREACH', severity: 'LOW', rootCause: ' ', lessonsLearned: null }, [
        { id: 'open', closed: false, late: false, lateReason: null },
        { id: 'late', closed: true, late: true, lateReason: null },
        { id: 'explained', closed: true, late: true, lateReason: 'Helg' },
      ]),
    ).toEqual([
      { code: 'OBLIGATION_OPEN', obligationId: 'open' },
      { code: 'LATE_REASON_MISSING', obligationId: 'late' },
      { code: 'ROOT_CAUSE_REQUIRED' },
      { code: 'LESSONS_LEARNED_REQUIRED' },
    ]);
  });
});

describe('subtypes and numbers', () => {
  it('keeps the deviation subtypes for deviations', () => {
    expect(subtypeFits('DEVIATION', 'LEX_SARAH')).toBe(true);
    expect(subtypeFits('IT_INCIDENT', 'LEX_SARAH')).toBe(false);
    expect(subtypeFits('IT_INCIDENT', 'OUTAGE')).toBe(true);
    expect(subtypeFits(null, 'OUTAGE')).toBe(false);
    expect(subtypeFits(null, null)).toBe(true);
  });

  it('formats INC-<yyyy>-<nnnn>, wider past 9 999', () => {
    expect(formatIncidentNumber(2026, 1)).toBe('INC-2026-0001');
    expect(formatIncidentNumber(2026, 12345)).toBe('INC-2026-12345');
    expect(INCIDENT_NUMBER_PATTERN.test('INC-2026-0016')).toBe(true);
    expect(INCIDENT_NUMBER_PATTERN.test('INC-26-1')).toBe(false);
  });
});

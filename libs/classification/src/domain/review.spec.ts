import { describe, expect, it } from 'vitest';
import { atLeastAsExposed, exposureGained, exposureOf, raisesExposure, reviewTask } from './review';

const NONE = { thirdCountry: false, internetExposed: false };
const NET = { thirdCountry: false, internetExposed: true };
const THIRD = { thirdCountry: true, internetExposed: false };
const BOTH = { thirdCountry: true, internetExposed: true };

describe('exposure (BR-B5 new asset link)', () => {
  it('reads THIRD_COUNTRY hosting and internetExposed', () => {
    expect(exposureOf({ hosting: 'THIRD_COUNTRY', internetExposed: false })).toEqual(THIRD);
    expect(exposureOf({ hosting: 'EU_EEA', internetExposed: true })).toEqual(NET);
    expect(exposureOf({ hosting: null, internetExposed: false })).toEqual(NONE);
  });

  it('compares exposures flag by flag', () => {
    expect(atLeastAsExposed(BOTH, NET)).toBe(true);
    expect(atLeastAsExposed(NET, NET)).toBe(true);
    expect(atLeastAsExposed(NET, THIRD)).toBe(false);
    expect(atLeastAsExposed(THIRD, BOTH)).toBe(false);
    expect(atLeastAsExposed(NONE, NONE)).toBe(true);
  });

  it('raises the exposure unless another carrier is at least as exposed', () => {
    expect(raisesExposure(NONE, [])).toBe(false);
    expect(raisesExposure(NET, [])).toBe(true);
    expect(raisesExposure(NET, [NONE])).toBe(true);
    expect(raisesExposure(NET, [NET])).toBe(false);
    expect(raisesExposure(NET, [BOTH])).toBe(false);
    expect(raisesExposure(BOTH, [NET, THIRD])).toBe(true);
    expect(raisesExposure(THIRD, [NET])).toBe(true);
  });

  it('sees a gained exposure, not a lost or kept one', () => {
    expect(exposureGained(NONE, NET)).toBe(true);
    expect(exposureGained(NET, BOTH)).toBe(true);
    expect(exposureGained(NET, NET)).toBe(false);
    expect(exposureGained(BOTH, NET)).toBe(false);
    expect(exposureGained(THIRD, NET)).toBe(true);
  });
});

describe('review tasks (BR-B5 due classifications)', () => {
  // 2026-11-16 10:00 Stockholm.
  const NOW = new Date('2026-11-16T09:00:00Z');
  const decision = (validUntil: string, flaggedAt: Date | null = null) => ({
    validUntil,
    reviewFlaggedAt: flaggedAt,
    reviewFlagReason: flaggedAt ? ('INCIDENT' as const) : null,
  });

  it('is OVERDUE after validUntil, keyed by the date', () => {
    expect(reviewTask(decision('2026-11-15'), NOW, 30)).toEqual({
      reason: 'OVERDUE',
      period: '2026-11-15',
      flagReason: null,
    });
    // validUntil is the whole day: due today is not overdue.
    expect(reviewTask(decision('2026-11-16'), NOW, 30)?.reason).toBe('DUE_SOON');
  });

  it('is FLAGGED while a change flag is open, keyed by the flag', () => {
    const at = new Date('2026-11-10T10:00:00Z');
    expect(reviewTask(decision('2027-06-01', at), NOW, 30)).toEqual({
      reason: 'FLAGGED',
      period: at.toISOString(),
      flagReason: 'INCIDENT',
    });
  });

  it('is DUE_SOON within the notice window, else nothing', () => {
    expect(reviewTask(decision('2026-12-16'), NOW, 30)?.reason).toBe('DUE_SOON');
    expect(reviewTask(decision('2026-12-17'), NOW, 30)).toBeNull();
    expect(reviewTask(decision('2026-11-20'), NOW, 3)).toBeNull();
  });
});

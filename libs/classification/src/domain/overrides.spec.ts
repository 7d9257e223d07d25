import { describe, expect, it } from 'vitest';
import {
  approveOverride,
  expireOverride,
  initialOverrideStatus,
  OverrideLifecycleError,
  rejectOverride,
  withdrawOverride,
} from './overrides';

const NOW = new Date('2026-11-16T09:00:00Z');
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof OverrideLifecycleError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
};

describe('ProtectionOverride life cycle (D-55)', () => {
  it('a RAISE is in force at once; a LOWER starts REQUESTED', () => {
    expect(initialOverrideStatus({ direction: 'RAISE', reason: 'Aggregering', validUntil: null }, NOW)).toBe(
      'ACTIVE',
    );
    expect(
      initialOverrideStatus({ direction: 'LOWER', reason: 'Segregerad', validUntil: '2027-11-16' }, NOW),
    ).toBe('REQUESTED');
  });

  it('needs a reason; a LOWER needs an end date at most 12 months ahead (D-15)', () => {
    expect(
      code(() => initialOverrideStatus({ direction: 'RAISE', reason: ' ', validUntil: null }, NOW)),
    ).toBe('OVERRIDE_REASON_REQUIRED');
    expect(
      code(() => initialOverrideStatus({ direction: 'LOWER', reason: 'x', validUntil: null }, NOW)),
    ).toBe('OVERRIDE_VALID_UNTIL_REQUIRED');
    expect(
      code(() => initialOverrideStatus({ direction: 'LOWER', reason: 'x', validUntil: '2027-11-17' }, NOW)),
    ).toBe('OVERRIDE_VALID_UNTIL_INVALID');
    expect(
      code(() => initialOverrideStatus({ direction: 'RAISE', reason: 'x', validUntil: '2026-11-15' }, NOW)),
    ).toBe('OVERRIDE_VALID_UNTIL_INVALID');
    expect(
      code(() => initialOverrideStatus({ direction: 'RAISE', reason: 'x', validUntil: '2026-02-30' }, NOW)),
    ).toBe('OVERRIDE_VALID_UNTIL_INVALID');
    expect(initialOverrideStatus({ direction: 'LOWER', reason: 'x', validUntil: '2026-11-16' }, NOW)).toBe(
      'REQUESTED',
    );
  });

  it('approve, reject and withdraw only from the allowed states', () => {
    expect(approveOverride({ status: 'REQUESTED', validUntil: '2027-01-01' }, NOW)).toBe('ACTIVE');
    expect(code(() => approveOverride({ status: 'ACTIVE', validUntil: null }, NOW))).toBe(
      'OVERRIDE_WRONG_STATUS',
    );
    expect(code(() => approveOverride({ status: 'REQUESTED', validUntil: '2026-11-01' }, NOW))).toBe(
      'OVERRIDE_VALID_UNTIL_INVALID',
    );
    expect(rejectOverride({ status: 'REQUESTED' }, 'Inte motiverat')).toBe('REJECTED');
    expect(code(() => rejectOverride({ status: 'REQUESTED' }, ''))).toBe('OVERRIDE_REASON_REQUIRED');
    expect(code(() => rejectOverride({ status: 'ACTIVE' }, 'x'))).toBe('OVERRIDE_WRONG_STATUS');
    expect(withdrawOverride({ status: 'REQUESTED' })).toBe('WITHDRAWN');
    expect(withdrawOverride({ status: 'ACTIVE' })).toBe('WITHDRAWN');
    for (const status of ['REJECTED', 'WITHDRAWN', 'EXPIRED'] as const) {
      expect(code(() => withdrawOverride({ status }))).toBe('OVERRIDE_WRONG_STATUS');
    }
  });

  it('expires an ACTIVE override after the end of its last day', () => {
    expect(expireOverride({ status: 'ACTIVE', validUntil: '2026-11-15' }, NOW)).toBe('EXPIRED');
    expect(expireOverride({ status: 'ACTIVE', validUntil: '2026-11-16' }, NOW)).toBeNull();
    expect(expireOverride({ status: 'ACTIVE', validUntil: null }, NOW)).toBeNull();
    expect(expireOverride({ status: 'REQUESTED', validUntil: '2026-01-01' }, NOW)).toBeNull();
  });
});

/**
 * BR-B5 review rules that need no database: when a new asset link or an asset's change raises the
 * exposure a set is carried with, and which review task a decision in force calls for.
 */
import { stockholmDate } from '@varna/core';
import { daysBetween, isPast } from './dates';
import type { ReviewTrigger } from './lifecycle';

/** How exposed an asset is (BR-B5: hosting THIRD_COUNTRY, internetExposed). */
export interface Exposure {
  thirdCountry: boolean;
  internetExposed: boolean;
}

export function exposureOf(a: { hosting: string | null; internetExposed: boolean }): Exposure {
  return { thirdCountry: a.hosting === 'THIRD_COUNTRY', internetExposed: a.internetExposed };
}

export function isExposed(e: Exposure): boolean {
  return e.thirdCountry || e.internetExposed;
}

/** Whether `a` is exposed in every way `b` is. */
export function atLeastAsExposed(a: Exposure, b: Exposure): boolean {
  return (a.thirdCountry || !b.thirdCountry) && (a.internetExposed || !b.internetExposed);
}

/**
 * A set newly carried by (or carried by a newly exposed) asset with exposure `next` is flagged
 * unless one of the other assets carrying it (`others`) is already at least as exposed.
 */
export function raisesExposure(next: Exposure, others: readonly Exposure[]): boolean {
  return isExposed(next) && !others.some((o) => atLeastAsExposed(o, next));
}

/** Whether an asset's change from `before` to `after` added an exposure (PATCH hosting/internetExposed). */
export function exposureGained(before: Exposure, after: Exposure): boolean {
  return (after.thirdCountry && !before.thirdCountry) || (after.internetExposed && !before.internetExposed);
}

export type ReviewTaskReason = 'OVERDUE' | 'FLAGGED' | 'DUE_SOON';

export interface ReviewTask {
  reason: ReviewTaskReason;
  /** What makes a repeated task the same one: validUntil for the date, the flag's instant for a flag. */
  period: string;
  flagReason: ReviewTrigger | null;
}

/**
 * BR-B5 "due classifications create tasks": the task a decision in force calls for at `now` (past
 * validUntil, a change flag open, or validUntil within `noticeDays`), or null when it is current.
 */
export function reviewTask(
  c: { validUntil: string; reviewFlaggedAt: Date | null; reviewFlagReason: ReviewTrigger | null },
  now: Date,
  noticeDays: number,
): ReviewTask | null {
  if (isPast(c.validUntil, now)) return { reason: 'OVERDUE', period: c.validUntil, flagReason: null };
  if (c.reviewFlaggedAt) {
    return { reason: 'FLAGGED', period: c.reviewFlaggedAt.toISOString(), flagReason: c.reviewFlagReason };
  }
  if (daysBetween(stockholmDate(now), c.validUntil) <= noticeDays) {
    return { reason: 'DUE_SOON', period: c.validUntil, flagReason: null };
  }
  return null;
}

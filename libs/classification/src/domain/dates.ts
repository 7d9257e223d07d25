/**
 * Calendar rules of classification (domain.md §4b, §5.4): `validUntil` is a date, decidedAt's
 * Europe/Stockholm date plus the review interval in calendar months; a date compared with an
 * instant stands for the end of that day in Stockholm.
 */
import { stockholmDate } from '@varna/core';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** `date` plus whole calendar months, the day clamped to the target month (2026-01-31 + 1 = 2026-02-28). */
export function addMonthsToDate(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const [y, mo, d] = date.split('-').map(Number);
  const index = y * 12 + (mo - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Whole days from date a to date b (b − a). */
export function daysBetween(a: string, b: string): number {
  const ms = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8)));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** BR-B5: the decision is valid until decidedAt's Stockholm date + the review interval. */
export function validUntilFor(decidedAt: Date, reviewIntervalMonths: number): string {
  return addMonthsToDate(stockholmDate(decidedAt), reviewIntervalMonths);
}

/** Whether `now` is past the end (Stockholm) of `date`. */
export function isPast(date: string, now: Date): boolean {
  return stockholmDate(now) > date;
}

/** Reminders before validUntil (§5.5: due in 30 and 7 days). */
export const DUE_SOON_DAYS = 30;

/**
 * Where a decided classification stands in its review cycle at `now`:
 * OVERDUE past validUntil; FLAGGED when a change flag is open (D-54); DUE_SOON within 30 days of
 * validUntil; otherwise CURRENT. Only CURRENT and DUE_SOON count as current in K02.
 */
export type ReviewState = 'CURRENT' | 'DUE_SOON' | 'FLAGGED' | 'OVERDUE';

export function reviewState(c: { validUntil: string; reviewFlaggedAt: Date | null }, now: Date): ReviewState {
  if (isPast(c.validUntil, now)) return 'OVERDUE';
  if (c.reviewFlaggedAt) return 'FLAGGED';
  if (daysBetween(stockholmDate(now), c.validUntil) <= DUE_SOON_DAYS) return 'DUE_SOON';
  return 'CURRENT';
}

/** K02: valid until at least today (end of day) and no open change flag. */
export function isCurrent(c: { validUntil: string; reviewFlaggedAt: Date | null }, now: Date): boolean {
  const state = reviewState(c, now);
  return state === 'CURRENT' || state === 'DUE_SOON';
}

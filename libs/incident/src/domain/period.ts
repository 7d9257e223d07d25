/**
 * Clock periods and the Clock rules of domain.md §4d: hour periods are absolute elapsed time;
 * day and month periods are calendar arithmetic on the Europe/Stockholm wall clock.
 */
import { RegulatoryClockError } from './errors';
import { addLocalDays, addLocalMonths, fromStockholmLocal, toStockholmLocal } from './stockholm-time';

export const PERIOD_UNITS = ['HOURS', 'DAYS', 'MONTHS'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export const PERIOD_UNIT_LABELS: Record<PeriodUnit, { sv: string; en: string }> = {
  HOURS: { sv: 'timmar', en: 'hours' },
  DAYS: { sv: 'dagar', en: 'days' },
  MONTHS: { sv: 'månader', en: 'months' },
};

export interface Period {
  readonly unit: PeriodUnit;
  readonly amount: number;
}

export const hours = (amount: number): Period => ({ unit: 'HOURS', amount });
export const days = (amount: number): Period => ({ unit: 'DAYS', amount });
/** "4 weeks" is 28 calendar days (§4d Clock rules). */
export const weeks = (amount: number): Period => ({ unit: 'DAYS', amount: amount * 7 });
export const months = (amount: number): Period => ({ unit: 'MONTHS', amount });

export const MS_PER_HOUR = 3_600_000;

/**
 * The instant `period` after `anchor`:
 * - HOURS: absolute elapsed time (72 h = 259 200 s), across weekends, holidays and DST changes;
 * - DAYS: the same Europe/Stockholm wall time that many calendar days later (23 h or 25 h for a
 *   day that contains a DST change);
 * - MONTHS: the same Stockholm wall time on the same local date that many months later, or on the
 *   last day of the month when that date does not exist (Jan 31 + 1 month = Feb 28/29).
 * A wall time that does not exist on the target day (the spring gap) moves forward by the gap;
 * one that occurs twice (the autumn overlap) resolves to its first, earlier occurrence.
 */
export function addPeriod(anchor: Date, period: Period): Date {
  const anchorMs = anchor.getTime();
  if (!Number.isFinite(anchorMs)) {
    throw new RegulatoryClockError('INVALID_INSTANT', 'The anchor is not a valid date.');
  }
  if (!Number.isSafeInteger(period.amount)) {
    throw new RegulatoryClockError(
      'INVALID_PERIOD',
      `A period amount must be an integer, got ${period.amount}.`,
    );
  }
  switch (period.unit) {
    case 'HOURS':
      return new Date(anchorMs + period.amount * MS_PER_HOUR);
    case 'DAYS':
      return fromStockholmLocal(addLocalDays(toStockholmLocal(anchor), period.amount));
    case 'MONTHS':
      return fromStockholmLocal(addLocalMonths(toStockholmLocal(anchor), period.amount));
  }
}

/** `72 h`, `28 dagar`, `1 månad` / `72 h`, `28 days`, `1 month`. */
export function formatPeriod(period: Period, language: 'sv' | 'en'): string {
  const n = period.amount;
  switch (period.unit) {
    case 'HOURS':
      return `${n} h`;
    case 'DAYS':
      return language === 'sv' ? `${n} ${n === 1 ? 'dag' : 'dagar'}` : `${n} ${n === 1 ? 'day' : 'days'}`;
    case 'MONTHS':
      return language === 'sv'
        ? `${n} ${n === 1 ? 'månad' : 'månader'}`
        : `${n} ${n === 1 ? 'month' : 'months'}`;
  }
}

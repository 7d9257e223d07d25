/**
 * The business-day calendar of internal SLAs (domain.md §5.4, D-41): Monday–Friday 08:00–17:00
 * Europe/Stockholm, excluding Swedish public holidays (lag (1989:253) om allmänna helgdagar, and
 * nationaldagen) and the de facto days off midsommarafton, julafton and nyårsafton. Regulator
 * clocks never use it (they run in calendar time). Tenant calendars are a later configuration.
 */
import { addLocalDays, fromStockholmLocal, toStockholmLocal, type LocalDateTime } from './stockholm-time';

export const BUSINESS_DAY_START_HOUR = 8;
export const BUSINESS_DAY_END_HOUR = 17;
/** One business day is the working hours of one day (08:00–17:00). */
export const BUSINESS_DAY_MS = (BUSINESS_DAY_END_HOUR - BUSINESS_DAY_START_HOUR) * 3_600_000;

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday (Gregorian; anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** The date of the given weekday (0 Sunday … 6 Saturday) in [from, from + 6] of June/October/… */
function weekdayOnOrAfter(year: number, month: number, fromDay: number, weekday: number): string {
  const start = new Date(Date.UTC(year, month - 1, fromDay));
  const offset = (weekday - start.getUTCDay() + 7) % 7;
  const date = new Date(Date.UTC(year, month - 1, fromDay + offset));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Every day off of a year that is not a Saturday or Sunday by itself, as `YYYY-MM-DD`. */
export function swedishDaysOff(year: number): Set<string> {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => {
    const date = new Date(Date.UTC(year, easter.month - 1, easter.day + days));
    return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  };
  return new Set([
    iso(year, 1, 1), // nyårsdagen
    iso(year, 1, 6), // trettondedag jul
    fromEaster(-2), // långfredagen
    fromEaster(1), // annandag påsk
    iso(year, 5, 1), // första maj
    fromEaster(39), // Kristi himmelsfärdsdag
    iso(year, 6, 6), // nationaldagen
    weekdayOnOrAfter(year, 6, 19, 5), // midsommarafton: the Friday 19–25 June (de facto)
    iso(year, 12, 24), // julafton (de facto)
    iso(year, 12, 25), // juldagen
    iso(year, 12, 26), // annandag jul
    iso(year, 12, 31), // nyårsafton (de facto)
  ]);
}

const daysOffCache = new Map<number, Set<string>>();

/** Whether a Stockholm calendar date is a working day. */
export function isBusinessDay(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): boolean {
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  let daysOff = daysOffCache.get(local.year);
  if (!daysOff) {
    daysOff = swedishDaysOff(local.year);
    daysOffCache.set(local.year, daysOff);
  }
  return !daysOff.has(iso(local.year, local.month, local.day));
}

const at = (local: LocalDateTime, hour: number): LocalDateTime => ({
  ...local,
  hour,
  minute: 0,
  second: 0,
  millisecond: 0,
});

/**
 * The instant at which `ms` of working time have passed since `from`, counting only business hours:
 * a report on Monday 10:00 reaches one business day on Tuesday 10:00, one on Saturday on Monday 17:00.
 */
export function addBusinessTime(from: Date, ms: number): Date {
  let local = toStockholmLocal(from);
  let remaining = ms;
  for (let guard = 0; guard < 3660; guard++) {
    if (isBusinessDay(local)) {
      const open = fromStockholmLocal(at(local, BUSINESS_DAY_START_HOUR)).getTime();
      const close = fromStockholmLocal(at(local, BUSINESS_DAY_END_HOUR)).getTime();
      const start = Math.max(open, guard === 0 ? from.getTime() : open);
      if (start < close) {
        if (start + remaining <= close) return new Date(start + remaining);
        remaining -= close - start;
      }
    }
    local = addLocalDays(at(local, 0), 1);
  }
  throw new Error('addBusinessTime: no business day within ten years');
}

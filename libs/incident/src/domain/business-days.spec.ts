import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  BUSINESS_DAY_MS,
  easterSunday,
  isBusinessDay,
  swedishDaysOff,
} from './business-days';
import { parseStockholm, formatStockholm } from './stockholm-time';

const plusOneDay = (local: string) =>
  formatStockholm(addBusinessTime(parseStockholm(local), BUSINESS_DAY_MS));

describe('Swedish business days (D-41)', () => {
  it('knows Easter', () => {
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
  });

  it('lists the days off of 2026', () => {
    expect([...swedishDaysOff(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-06-06',
      '2026-06-19',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
    expect(isBusinessDay({ year: 2026, month: 11, day: 16 })).toBe(true); // Monday
    expect(isBusinessDay({ year: 2026, month: 11, day: 14 })).toBe(false); // Saturday
    expect(isBusinessDay({ year: 2026, month: 6, day: 19 })).toBe(false); // midsommarafton
  });

  it('adds one business day of working hours, skipping evenings, weekends and holidays', () => {
    expect(plusOneDay('2026-11-16 10:00')).toBe('2026-11-17 10:00'); // Monday → Tuesday
    expect(plusOneDay('2026-11-16 07:00')).toBe('2026-11-16 17:00'); // before opening
    expect(plusOneDay('2026-11-16 17:00')).toBe('2026-11-17 17:00'); // at closing
    expect(plusOneDay('2026-11-20 16:00')).toBe('2026-11-23 16:00'); // Friday → Monday
    expect(plusOneDay('2026-11-14 11:00')).toBe('2026-11-16 17:00'); // Saturday → Monday evening
    expect(plusOneDay('2026-12-23 12:00')).toBe('2026-12-28 12:00'); // over Christmas
    expect(plusOneDay('2026-04-02 09:00')).toBe('2026-04-07 09:00'); // over Easter
    // Across the change to winter time (25 October 2026): wall-clock hours, not elapsed.
    expect(plusOneDay('2026-10-23 13:00')).toBe('2026-10-26 13:00');
  });
});

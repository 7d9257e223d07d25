/**
 * Europe/Stockholm wall time (domain.md §5.4) computed from the IANA zone through Intl only:
 * no hand-written DST table. Instants are `Date`s (UTC); a {@link LocalDateTime} is a wall-clock
 * reading in Stockholm.
 */
import { RegulatoryClockError } from './errors';

export const STOCKHOLM_TIME_ZONE = 'Europe/Stockholm';

/** A wall-clock reading in Europe/Stockholm. `month` is 1–12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const MS_PER_SECOND = 1_000;
const MS_PER_DAY = 86_400_000;

// Throws a RangeError at load time if the runtime lacks the zone, rather than computing wrong clocks.
const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: STOCKHOLM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const mod = (a: number, b: number): number => ((a % b) + b) % b;

/** `Date.UTC` without its two-digit-year quirk; out-of-range fields roll over as in `Date.UTC`. */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function requireFinite(instant: Date): number {
  const epochMs = instant.getTime();
  if (!Number.isFinite(epochMs)) {
    throw new RegulatoryClockError('INVALID_INSTANT', 'The instant is not a valid date.');
  }
  return epochMs;
}

/** Stockholm's UTC offset in milliseconds at an instant (3 600 000 in winter, 7 200 000 in summer). */
function offsetMsAt(epochMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of WALL_CLOCK.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = utcMs(
    fields.year ?? NaN,
    fields.month ?? NaN,
    fields.day ?? NaN,
    fields.hour ?? NaN,
    fields.minute ?? NaN,
    fields.second ?? NaN,
  );
  return wall - (epochMs - mod(epochMs, MS_PER_SECOND));
}

/** Stockholm's UTC offset in minutes at an instant (60 or 120). */
export function stockholmOffsetMinutes(instant: Date): number {
  return offsetMsAt(requireFinite(instant)) / 60_000;
}

/** The Stockholm wall-clock reading of an instant. */
export function toStockholmLocal(instant: Date): LocalDateTime {
  const epochMs = requireFinite(instant);
  const wall = new Date(epochMs + offsetMsAt(epochMs));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

function isIntIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function assertValidLocal(local: LocalDateTime): void {
  const ok =
    isIntIn(local.year, 1, 9999) &&
    isIntIn(local.month, 1, 12) &&
    isIntIn(local.day, 1, daysInMonth(local.year, local.month)) &&
    isIntIn(local.hour, 0, 23) &&
    isIntIn(local.minute, 0, 59) &&
    isIntIn(local.second, 0, 59) &&
    isIntIn(local.millisecond, 0, 999);
  if (!ok) {
    throw new RegulatoryClockError(
      'INVALID_LOCAL_TIME',
      `Not a valid local date-time: ${JSON.stringify(local)}.`,
    );
  }
}

/** Whether a wall-clock reading occurs in Stockholm (false inside the spring-forward gap). */
export function stockholmLocalTimeExists(local: LocalDateTime): boolean {
  const instant = fromStockholmLocal(local);
  const back = toStockholmLocal(instant);
  return (
    back.year === local.year &&
    back.month === local.month &&
    back.day === local.day &&
    back.hour === local.hour &&
    back.minute === local.minute &&
    back.second === local.second &&
    back.millisecond === local.millisecond
  );
}

/**
 * The instant of a Stockholm wall-clock reading. Disambiguation follows Temporal's `compatible`
 * rule: a reading in the autumn overlap (02:00–02:59 on the last Sunday of October) resolves to
 * its first occurrence (summer time, the earlier and therefore stricter instant); a reading in
 * the spring gap (02:00–02:59 on the last Sunday of March) is moved forward by the gap (02:30 →
 * 03:30 summer time).
 */
export function fromStockholmLocal(local: LocalDateTime): Date {
  assertValidLocal(local);
  const wall = utcMs(
    local.year,
    local.month,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  // Stockholm changes offset at most twice a year, so within ±1 day there are at most two offsets.
  const before = offsetMsAt(wall - MS_PER_DAY);
  const after = offsetMsAt(wall + MS_PER_DAY);
  const valid = [...new Set([before, after])]
    .map((offset) => ({ offset, instant: wall - offset }))
    .filter(({ offset, instant }) => offsetMsAt(instant) === offset)
    .map(({ instant }) => instant)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? wall - before);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-16 10:00` (§5.4 display format), Stockholm time. */
export function formatStockholm(instant: Date): string {
  const l = toStockholmLocal(instant);
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;

/** Parses `2026-11-16 10:00`, `2026-11-16T10:00:30` or `…:30.250` as Stockholm wall time. */
export function parseStockholm(text: string): Date {
  const m = LOCAL_PATTERN.exec(text);
  if (!m) {
    throw new RegulatoryClockError('INVALID_LOCAL_TIME', `Not a local date-time: "${text}".`);
  }
  const [, y, mo, d, h, mi, s, ms] = m;
  return fromStockholmLocal({
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? '0'),
    millisecond: Number(ms ?? '0'),
  });
}

/** Adds whole calendar days to a local date (the time of day is kept as given). */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = new Date(utcMs(local.year, local.month, local.day + days));
  return { ...local, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Adds whole calendar months to a local date, clamping the day to the target month's last day. */
export function addLocalMonths(local: LocalDateTime, months: number): LocalDateTime {
  const index = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = mod(index, 12) + 1;
  return { ...local, year, month, day: Math.min(local.day, daysInMonth(year, month)) };
}

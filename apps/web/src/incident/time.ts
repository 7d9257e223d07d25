/**
 * Wall time in Europe/Stockholm for `<input type="datetime-local">` (domain.md §5.4): the field shows
 * and takes Stockholm time whatever the device's zone, and the API gets an ISO instant with the
 * offset that held then (`2026-11-16T10:00:00+01:00`), so a wall time is never ambiguous.
 */
const TIME_ZONE = 'Europe/Stockholm';

const WALL = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallAt(instant: Date): Wall & { second: number } {
  const f: Record<string, number> = {};
  for (const part of WALL.formatToParts(instant))
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  return { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second };
}

/** Stockholm's offset from UTC in minutes at an instant (60 in winter, 120 in summer). */
function offsetMinutesAt(epochMs: number): number {
  const w = wallAt(new Date(epochMs));
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as the value of a datetime-local field, in Stockholm: `2026-11-16T10:00`. */
export function toStockholmInput(instant: Date | string): string {
  const w = wallAt(new Date(instant));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value read as Stockholm wall time, as an ISO instant with its offset; null when
 * the value is not a date and time. In the autumn hour that occurs twice the first (summer) one is
 * meant; a time skipped in spring is read with the summer offset.
 */
export function fromStockholmInput(value: string): string | null {
  const m = INPUT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  // The offset at the instant this wall time denotes: try summer first (the earlier instant).
  const candidates = [120, 60].filter((offset) => offsetMinutesAt(asUtc - offset * 60_000) === offset);
  const offset = candidates[0] ?? offsetMinutesAt(asUtc);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Hours and minutes of a span in seconds, e.g. `41 h 59 min` (sign dropped): regulator clocks count hours. */
export function formatSpan(seconds: number): string {
  const minutes = Math.floor(Math.abs(seconds) / 60);
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  return h > 0 ? `${h} h ${min} min` : `${min} min`;
}

/** Made once: constructing an Intl.DateTimeFormat costs far more than formatting with it. */
const STOCKHOLM_DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-16 10:00` in Europe/Stockholm (24-hour, §5.4): how generated documents show an instant. */
export function stockholmDateTime(instant: Date): string {
  const parts = STOCKHOLM_DATE_TIME.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

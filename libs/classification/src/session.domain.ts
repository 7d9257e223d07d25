/**
 * The life cycle of a ClassificationSession (klassningstillfälle, domain.md §4b): PLANNED → HELD →
 * CLOSED, or PLANNED/HELD → CANCELLED with a reason. Pure: each step checks its guard on the
 * session as it is and returns the fields to change.
 */

type Labels = { readonly sv: string; readonly en: string };

export const SESSION_STATUSES = ['PLANNED', 'HELD', 'CLOSED', 'CANCELLED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_STATUS_LABELS: Record<SessionStatus, Labels> = {
  PLANNED: { sv: 'Planerat', en: 'Planned' },
  HELD: { sv: 'Genomfört', en: 'Held' },
  CLOSED: { sv: 'Avslutat', en: 'Closed' },
  CANCELLED: { sv: 'Inställt', en: 'Cancelled' },
};

/** Sessions still at work: editable, and classifications may be started from them. */
export const OPEN_SESSION_STATUSES: readonly SessionStatus[] = ['PLANNED', 'HELD'];

export interface SessionState {
  status: SessionStatus;
  heldAt: Date | null;
  minutes: string | null;
  cancelReason: string | null;
}

export type SessionChange = Partial<SessionState> & { closedAt?: Date; cancelledAt?: Date };

export class SessionLifecycleError extends Error {
  constructor(
    readonly code: 'SESSION_WRONG_STATUS' | 'SESSION_FIELD_REQUIRED' | 'SESSION_HELD_IN_FUTURE',
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

const wrongStatus = (s: SessionState, allowed: readonly SessionStatus[]) =>
  new SessionLifecycleError(
    'SESSION_WRONG_STATUS',
    `Klassningstillfället är ${SESSION_STATUS_LABELS[s.status].sv.toLowerCase()}; steget kräver status ${allowed
      .map((a) => SESSION_STATUS_LABELS[a].sv.toLowerCase())
      .join(' eller ')}.`,
  );

const blank = (text: string | null | undefined) => !text || text.trim() === '';

/** PATCH is allowed while the session is planned or held. */
export function assertSessionEditable(s: SessionState): void {
  if (!OPEN_SESSION_STATUSES.includes(s.status)) throw wrongStatus(s, OPEN_SESSION_STATUSES);
}

/** PLANNED → HELD: when it was held (not in the future), optionally the minutes so far. */
export function holdSession(
  s: SessionState,
  heldAt: Date,
  minutes: string | undefined,
  now: Date,
): SessionChange {
  if (s.status !== 'PLANNED') throw wrongStatus(s, ['PLANNED']);
  if (heldAt.getTime() > now.getTime())
    throw new SessionLifecycleError(
      'SESSION_HELD_IN_FUTURE',
      'Ett klassningstillfälle kan inte ha genomförts i framtiden.',
      ['heldAt'],
    );
  return { status: 'HELD', heldAt, ...(minutes !== undefined ? { minutes: minutes.trim() || null } : {}) };
}

/** HELD → CLOSED: requires heldAt and the minutes (given now or written earlier). */
export function closeSession(s: SessionState, minutes: string | undefined, now: Date): SessionChange {
  if (s.status !== 'HELD') throw wrongStatus(s, ['HELD']);
  const text = minutes !== undefined ? minutes.trim() : (s.minutes ?? '').trim();
  if (!s.heldAt)
    throw new SessionLifecycleError('SESSION_FIELD_REQUIRED', 'Ange när tillfället hölls.', ['heldAt']);
  if (blank(text))
    throw new SessionLifecycleError(
      'SESSION_FIELD_REQUIRED',
      'Protokollet (minnesanteckningarna) måste fyllas i innan tillfället avslutas.',
      ['minutes'],
    );
  return { status: 'CLOSED', minutes: text, closedAt: now };
}

/** PLANNED/HELD → CANCELLED with a reason. */
export function cancelSession(s: SessionState, reason: string, now: Date): SessionChange {
  if (!OPEN_SESSION_STATUSES.includes(s.status)) throw wrongStatus(s, OPEN_SESSION_STATUSES);
  if (blank(reason))
    throw new SessionLifecycleError('SESSION_FIELD_REQUIRED', 'Ange varför tillfället ställs in.', [
      'reason',
    ]);
  return { status: 'CANCELLED', cancelReason: reason.trim(), cancelledAt: now };
}

/** `KT-2026-001`: the tenant's running number within the year. */
export function formatSessionCode(year: number, n: number): string {
  return `KT-${year}-${String(n).padStart(3, '0')}`;
}
